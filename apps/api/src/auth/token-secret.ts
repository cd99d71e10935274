import { createHash, randomBytes } from 'node:crypto';

/** A token as handed out once, with what is stored of it. */
export interface IssuedToken {
  token: string;
  /** Shown in token lists so people can tell tokens apart: `tsr_Ab3k…`. */
  prefix: string;
  hash: string;
}

// Bootstrap secrets are chosen by operators, so the shape is loose; length keeps guessing out.
const PLAUSIBLE = /^[A-Za-z0-9_.~+/=-]{24,256}$/;

export function issueToken(): IssuedToken {
  return describeToken(`tsr_${randomBytes(32).toString('base64url')}`);
}

/** What is stored of a token: its hash (the lookup key) and a short prefix for display. */
export function describeToken(token: string): IssuedToken {
  return { token, prefix: `${token.slice(0, 8)}…`, hash: hashSecret(token) };
}

/** Whether a bearer value could be a token at all: a malformed one never reaches the database. */
export function isPlausibleToken(token: string): boolean {
  return PLAUSIBLE.test(token);
}

/**
 * SHA-256, hex. Tokens and session ids carry at least 128 random bits, so a slow hash buys
 * nothing, and the hash itself can be the indexed lookup key.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
