import { COMMON_PASSWORDS } from './common-passwords';
import type { Message } from './messages';

// Length and a blocklist rather than composition rules (NIST SP 800-63B): "Summer2024!" meets
// every "upper, digit, symbol" rule and is among the first passwords an attacker tries.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export const PASSWORD_PROBLEMS = ['tooShort', 'tooLong', 'common', 'sequence', 'matchesEmail'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** A problem as the reader sees it: passwordPolicy.<code> in the catalogue. */
export function passwordProblem(code: PasswordProblem): Message {
  return { key: `passwordPolicy.${code}` };
}

export type PasswordCheck = { ok: true } | { ok: false; codes: PasswordProblem[] };

// Rows and walks people type without thinking; a password that runs along one of these (either way,
// wrapping round) is a sequence.
const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertyuiopasdfghjklzxcvbnm', 'poiuytrewqlkjhgfdsamnbvcxz',
  '1234567890qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiop', 'azertyuiop', '!@#$%^&*()', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/', 'qazwsxedcrfvtgbyhnujmikolp',
  '1q2w3e4r5t6y7u8i9o0p', 'q1w2e3r4t5y6u7i8o9p0',
];

// Read "p@ssw0rd" as "password": substitutions add no real strength.
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };

export function checkPassword(password: string, context: { email?: string } = {}): PasswordCheck {
  const codes: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) codes.push('tooShort');
  if (length > MAX_PASSWORD_LENGTH) codes.push('tooLong');
  const lower = password.toLowerCase();
  // Within the length limits only: "password" is simply too short, and '' is a substring of every sequence.
  if (codes.length === 0) {
    if (isCommon(lower)) codes.push('common');
    else if (isSequence(lower)) codes.push('sequence');
  }
  if (context.email && matchesEmail(lower, context.email)) codes.push('matchesEmail');
  if (codes.length === 0) return { ok: true };
  return { ok: false, codes };
}

function isCommon(lower: string): boolean {
  const compact = lower.replace(/[\s._-]+/g, '');
  for (const candidate of new Set([lower, compact, deLeet(compact)])) {
    if (COMMON_PASSWORDS.has(candidate)) return true;
    // A listed password or word with only digits or symbols added: "dragon98765!".
    const head = candidate.replace(/[^\p{L}]+$/u, '');
    if (head.length >= 4 && head !== candidate && (COMMON_PASSWORDS.has(head) || COMMON_PASSWORDS.has(deLeet(head)))) return true;
  }
  return false;
}

/** Undoes substitutions in the letters part only, so a trailing "1234" stays digits. */
function deLeet(value: string): string {
  const match = /^(.*?)([\d\W_]*)$/u.exec(value);
  const head = match?.[1] ?? value;
  const tail = match?.[2] ?? '';
  return [...head].map((ch) => LEET[ch] ?? ch).join('') + tail;
}

function isSequence(lower: string): boolean {
  const chars = [...lower];
  // One character, or a unit of up to four, repeated: "aaaaaaaaaaaa", "abcabcabcabc", "121212121212".
  for (let unit = 1; unit <= 4; unit += 1) {
    if (chars.length % unit !== 0 || chars.length / unit < 2) continue;
    const piece = chars.slice(0, unit).join('');
    if (piece.repeat(chars.length / unit) === lower) return true;
  }
  for (const sequence of SEQUENCES) {
    const loop = sequence.repeat(Math.ceil(chars.length / sequence.length) + 1);
    if (loop.includes(lower) || [...loop].reverse().join('').includes(lower)) return true;
  }
  return false;
}

function matchesEmail(lower: string, email: string): boolean {
  const address = email.trim().toLowerCase();
  if (!address) return false;
  const at = address.lastIndexOf('@');
  const local = at > 0 ? address.slice(0, at) : address;
  const trimmed = lower.trim();
  return trimmed === address || trimmed === local;
}
