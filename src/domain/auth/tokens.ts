import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: 32 random bytes, URL-safe. */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** Secrets are stored only as SHA-256 hashes, so a leaked database holds no usable session or token. */
// (one-shot `hash`: every request hashes its token or cookie, and it is half the cost of a Hash object)
export const hashSecret = (secret: string): string => hash('sha256', secret, 'hex');

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
