import type { HandleClientError } from '@sveltejs/kit/hooks';
import { describeError } from '#lib/api/errors.ts';

// An error nobody caught (a page's load could not reach the API, say) reaches the error page
// as a message a planner can act on, not "Internal Error".
export const handleError: HandleClientError = ({ error }) => ({
  message: describeError(error).message,
});
