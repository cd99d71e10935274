import { redirect } from '@sveltejs/kit';
import { session, signInHref } from '#lib/api/session.svelte.ts';
import type { LayoutLoad } from './$types';

// A single-page app: the API server serves the built shell and every page renders in the
// browser, where the session cookie and the API are.
export const ssr = false;
export const prerender = false;

// Pages anyone may open; every other page needs a signed-in caller.
const PUBLIC_PATHS = new Set(['/sign-in']);

export const load: LayoutLoad = async ({ url }) => {
  const caller = await session.ensure();
  if (!caller && !PUBLIC_PATHS.has(url.pathname)) redirect(307, signInHref(url));
  return {};
};
