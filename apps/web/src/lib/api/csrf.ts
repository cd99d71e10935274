// The session's CSRF token, kept apart from the session module so the client can read it
// without importing the session (which imports the client).
let token: string | null = null;

export const csrfToken = (): string | null => token;

export function setCsrfToken(value: string | null): void {
  token = value;
}
