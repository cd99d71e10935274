import { goto } from '$app/navigation';
import type { RouterOutputs } from '@tessera/client';
import { whenUnauthorized } from './api-fetch.ts';
import { trpc } from './client.ts';
import { setCsrfToken } from './csrf.ts';
import { errorStatus } from './errors.ts';

/** Who is signed in: their email, workspace, role and the session's CSRF token. */
export type Caller = RouterOutputs['auth']['me'];

/**
 * The signed-in caller as reactive state. `ensure()` asks the server once per page load (the
 * session cookie is HttpOnly: only the server can tell whether it is valid); signing in, setting
 * up the first admin and signing out replace it.
 */
class Session {
  caller = $state.raw<Caller | null>(null);
  #known: Promise<Caller | null> | null = null;

  /** The caller, asked of the server the first time; null when nobody is signed in. */
  ensure(): Promise<Caller | null> {
    this.#known ??= this.#ask();
    return this.#known;
  }

  async signIn(email: string, password: string): Promise<Caller> {
    return this.#set(await trpc.auth.signIn.mutate({ email, password }));
  }

  /** Creates the first admin of a new server and signs them in. */
  async setUp(email: string, password: string): Promise<Caller> {
    return this.#set(await trpc.auth.setup.mutate({ email, password }));
  }

  async signOut(): Promise<void> {
    try {
      await trpc.auth.signOut.mutate();
    } finally {
      this.forget();
    }
  }

  /** Drops the caller (the session ended or was refused); the next `ensure()` knows nobody. */
  forget(): void {
    this.caller = null;
    setCsrfToken(null);
    this.#known = Promise.resolve(null);
  }

  async #ask(): Promise<Caller | null> {
    try {
      return this.#set(await trpc.auth.me.query());
    } catch (error) {
      if (errorStatus(error) === 401) {
        this.forget();
        return null;
      }
      // The server did not answer: ask again next time rather than remember the failure.
      this.#known = null;
      throw error;
    }
  }

  #set(caller: Caller): Caller {
    this.caller = caller;
    setCsrfToken(caller.csrfToken);
    this.#known = Promise.resolve(caller);
    return caller;
  }
}

export const session = new Session();

/** Where to sign in, coming back to `url` afterwards. */
export function signInHref(url: URL): string {
  const back = url.pathname + url.search;
  return back === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(back)}`;
}

/** A path of this app to go to after signing in (never another origin). */
export function nextPath(url: URL): string {
  const next = url.searchParams.get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

// A call answered 401: the session expired or was revoked while the page was open.
whenUnauthorized(() => {
  session.forget();
  if (location.pathname !== '/sign-in') void goto(signInHref(new URL(location.href)));
});
