import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, resolveLocale, textDirection } from '../../i18n/config';
import { pathOfReferer } from '../../lib/safe-redirect';

describe('choosing the reader’s language', () => {
  it('reads Accept-Language by quality, matching regional variants to our languages', () => {
    expect(localeFromAcceptLanguage('ru-RU,ru;q=0.9,en-US;q=0.8')).toBe('ru');
    expect(localeFromAcceptLanguage('kk-KZ')).toBe('kk');
    expect(localeFromAcceptLanguage('ur-PK, en;q=0.5')).toBe('ur');
    expect(localeFromAcceptLanguage('de-DE,fr;q=0.8,en;q=0.2')).toBe('en');
    expect(localeFromAcceptLanguage('de-DE,fr;q=0.8')).toBeUndefined();
    expect(localeFromAcceptLanguage('en;q=0.1, kk;q=0.9')).toBe('kk');
    expect(localeFromAcceptLanguage('')).toBeUndefined();
    expect(localeFromAcceptLanguage('@@@;;;q=x')).toBeUndefined();
  });

  it('prefers the browser’s choice, then the profile, then Accept-Language, then English', () => {
    expect(resolveLocale({ cookie: 'kk', profile: 'ur', acceptLanguage: 'ru' })).toBe('kk');
    expect(resolveLocale({ cookie: null, profile: 'ur', acceptLanguage: 'ru' })).toBe('ur');
    expect(resolveLocale({ cookie: 'xx', profile: null, acceptLanguage: 'ru' })).toBe('ru');
    expect(resolveLocale({ cookie: 'de', profile: 'fr', acceptLanguage: 'de' })).toBe('en');
    expect(resolveLocale({})).toBe('en');
  });

  it('writes Urdu right to left and the others left to right', () => {
    expect(textDirection('ur')).toBe('rtl');
    expect(['en', 'ru', 'kk'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr']);
  });

  it('goes back to the page the switcher was used on, never to another site', () => {
    expect(pathOfReferer('http://localhost:3000/commitments?stage=agreed&page=2')).toBe('/commitments?stage=agreed&page=2');
    expect(pathOfReferer('https://evil.example//evil.example/x')).toBe('/');
    expect(pathOfReferer('https://agenda.example/sign-in?callbackUrl=%2Fcommitments')).toBe('/sign-in?callbackUrl=%2Fcommitments');
    expect(pathOfReferer('not a url')).toBe('/');
    expect(pathOfReferer(null)).toBe('/');
  });
});
