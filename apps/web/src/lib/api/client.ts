import type { AppRouter } from '@tessera/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { apiFetch } from './api-fetch.ts';
import { csrfToken } from './csrf.ts';

/**
 * The planner's one tRPC client, typed by the server's router (types only: no server code is
 * bundled). Calls go to /trpc on the page's own origin with the session cookie; mutations carry
 * the session's CSRF token as `x-csrf-token`, which the server checks on every session mutation.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: apiFetch,
      headers: ({ opList }) => {
        const token = csrfToken();
        const mutates = opList.some((op) => op.type === 'mutation');
        return mutates && token ? { 'x-csrf-token': token } : {};
      },
    }),
  ],
});
