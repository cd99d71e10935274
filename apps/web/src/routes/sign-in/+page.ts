import { redirect } from '@sveltejs/kit';
import { trpc } from '#lib/api/client.ts';
import { nextPath, session } from '#lib/api/session.svelte.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
  // Already signed in (a bookmark, the back button): straight on.
  if (await session.ensure()) redirect(307, nextPath(url));
  const { needsFirstAdmin } = await trpc.auth.status.query();
  return { needsFirstAdmin, next: nextPath(url) };
};
