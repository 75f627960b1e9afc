/** A password an administrator hands over once; the account must replace it at first login. */
import { randomBytes } from 'node:crypto';

export function newTemporaryPassword(): string {
  // 96 random bits, 16 URL-safe characters: easy to type, impossible to guess.
  return randomBytes(12).toString('base64url');
}
