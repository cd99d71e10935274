import type { Actor, Context } from '../context.js';

/** What a service needs of a request: the process's services and a signed-in actor. */
export type WorkspaceContext = Pick<Context, 'services'> & { actor: Actor };
