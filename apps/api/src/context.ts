import type { Role } from './db/schema/index.js';
import type { Services } from './services/services.js';

/** Who is acting: an API token, a signed-in user, or the server itself (jobs). */
export type Actor =
  | { kind: 'token'; tokenId: string; workspaceId: string; role: Role }
  | {
      kind: 'user';
      userId: string;
      workspaceId: string;
      role: Role;
      sessionHash: string;
      csrfToken: string;
    }
  | { kind: 'system'; workspaceId: string; role: Role };

/** What every procedure receives; the workspace is resolved once per request, from the actor. */
export type Context = {
  services: Services;
  actor: Actor | null;
  requestId: string;
  /** The `x-csrf-token` header, checked against a session on mutations. */
  csrfHeader: string | null;
  /**
   * Where a procedure adds response headers (Set-Cookie). Null over REST and for jobs, which
   * cannot carry them: procedures that set cookies are tRPC-only.
   */
  resHeaders: Headers | null;
  /** Whether the caller reached the server over https (directly or via a proxy saying so). */
  https: boolean;
};

/** An actor's context without a request: a job runs with the same checks as a caller would. */
export function systemContext(services: Services, workspaceId: string): Context {
  return {
    services,
    actor: { kind: 'system', workspaceId, role: 'admin' },
    requestId: 'system',
    csrfHeader: null,
    resHeaders: null,
    https: false,
  };
}

/** What a service needs of a request: the process's services and a signed-in actor. */
export type WorkspaceContext = Pick<Context, 'services'> & { actor: Actor };
