import { describe, expect, it } from 'vitest';
import catalogue from '../../messages/en/admin.json';
import { COMMON_PASSWORDS } from '../../lib/domain/common-passwords';
import {
  checkPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PASSWORD_PROBLEMS, type PasswordProblem, passwordProblem,
} from '../../lib/domain/password-policy';
import { english } from '../support/messages';

const codesOf = (password: string, email?: string): PasswordProblem[] => {
  const result = checkPassword(password, { email });
  return result.ok ? [] : result.codes;
};

describe('password policy: length', () => {
  it('accepts 12 and 128 characters, refuses 11 and 129', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(MAX_PASSWORD_LENGTH).toBe(128);
    expect(checkPassword('Vx7-kqm!Tr2z')).toEqual({ ok: true });
    expect(codesOf('Vx7-kqm!Tr2')).toEqual(['tooShort']);
    const long = 'Kp9#vQ2$mZ7&'.repeat(11);
    expect(checkPassword(long.slice(0, 128))).toEqual({ ok: true });
    expect(codesOf(long.slice(0, 129))).toEqual(['tooLong']);
  });

  it('counts characters, not UTF-16 units: 11 emoji are too short, 12 Kazakh letters are enough', () => {
    expect(codesOf('🔒'.repeat(5) + 'Ab3xk9')).toEqual(['tooShort']);
    expect(checkPassword('Қазақстан-Ұлы')).toEqual({ ok: true });
  });

  it('refuses an empty password with a clear message', () => {
    const result = checkPassword('');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes.map((code) => english(passwordProblem(code)))).toEqual(['Use at least 12 characters.']);
  });
});

describe('password policy: common passwords', () => {
  it('ships at least 1,000 entries, all lower case', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(1000);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase());
    expect([...COMMON_PASSWORDS].filter((p) => [...p].length >= MIN_PASSWORD_LENGTH).length).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    'password123456', 'qwertyuiop123', 'iloveyou1234', 'passwordpassword', 'PasswordPassword', 'Summer2024!!!',
    'welcome12345', 'pakistan1234', 'KAZAKHSTAN2026', 'correcthorsebatterystaple', 'Correct Horse Battery Staple',
  ])('refuses %s', (password) => {
    expect(codesOf(password)).toEqual(['common']);
  });

  it('refuses substitutions and a listed word with only digits or symbols added', () => {
    expect(codesOf('P@ssw0rd1234')).toEqual(['common']);
    expect(codesOf('dragon98765!')).toEqual(['common']);
    expect(codesOf('Sunshine2031#')).toEqual(['common']);
  });

  it('accepts a passphrase built from common words', () => {
    expect(checkPassword('dragon tea river 1990')).toEqual({ ok: true });
    expect(checkPassword('Trade-Corridor-Karachi-2026')).toEqual({ ok: true });
  });
});

describe('password policy: repeats and sequences', () => {
  it.each([
    'aaaaaaaaaaaa', '############', '111111111111111', 'abcabcabcabc', '121212121212', 'abababababab',
    '123456789012', '234567890123', '987654321098', 'abcdefghijklmn', 'ZYXWVUTSRQPONM', 'qwertyuiopas',
    'poiuytrewqlkj', 'asdfghjklasd', '1qaz2wsx3edc4r', '!@#$%^&*()!@#',
  ])('refuses %s', (password) => {
    expect(codesOf(password)).not.toEqual([]);
    expect(codesOf(password).every((code) => code === 'sequence' || code === 'common')).toBe(true);
  });

  it('says "sequence" for a walk that is not on the list', () => {
    expect(codesOf('3456789012345')).toEqual(['sequence']);
    expect(codesOf('nmlkjihgfedcba')).toEqual(['sequence']);
  });

  it('accepts a password that merely contains a short sequence', () => {
    expect(checkPassword('abc-Lantern-917x')).toEqual({ ok: true });
  });
});

describe('password policy: the email address', () => {
  it('refuses the email or its local part, in any case', () => {
    expect(codesOf('Aigerim.Nurlanovna@mfa.gov.kz', 'aigerim.nurlanovna@mfa.gov.kz')).toEqual(['matchesEmail']);
    expect(codesOf('AIGERIM.NURLANOVNA', 'Aigerim.Nurlanovna@mfa.gov.kz')).toEqual(['matchesEmail']);
    expect(checkPassword('aigerim.nurlanovna-x', { email: 'aigerim.nurlanovna@mfa.gov.kz' })).toEqual({ ok: true });
  });

  it('reports every problem at once', () => {
    const result = checkPassword('bob@x.pk', { email: 'bob@x.pk' });
    expect(result).toEqual({ ok: false, codes: ['tooShort', 'matchesEmail'] });
  });
});

describe('password policy messages', () => {
  it('has a catalogue entry for every problem, and the length limits it states are the policy’s', () => {
    const messages = catalogue.passwordPolicy as Record<string, string>;
    for (const code of PASSWORD_PROBLEMS) expect(messages[passwordProblem(code).key.split('.')[1]!]).toEqual(expect.any(String));
    expect(messages.tooShort).toContain(`at least ${MIN_PASSWORD_LENGTH} characters`);
    expect(messages.tooLong).toContain(`at most ${MAX_PASSWORD_LENGTH} characters`);
  });
});
