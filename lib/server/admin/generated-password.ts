import 'server-only';
import { randomInt } from 'node:crypto';
import { checkPassword } from '@/lib/domain/password-policy';

// No 0/O, 1/l/I: the password is read off a screen and typed or dictated once.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/**
 * A password for a new account or a reset: 20 characters from a 56-letter alphabet (about 116 bits)
 * from the operating system's CSPRNG, in groups of five for reading aloud; 23 characters in all.
 */
export function generatePassword(email?: string): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    );
    const password = groups.join('-');
    // Practically always true; the loop keeps the guarantee that an issued password meets the policy.
    if (checkPassword(password, { email }).ok) return password;
  }
}
