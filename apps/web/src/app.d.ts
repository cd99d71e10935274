// See https://svelte.dev/docs/kit/types#app.d.ts for what these interfaces type.
declare global {
  namespace App {
    /** What `error()` and unexpected errors carry to +error.svelte. */
    interface Error {
      message: string;
    }
  }
}

export {};
