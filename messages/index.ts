import type { Locale } from '@/i18n/config';
import en from './en';
import kk from './kk';
import ru from './ru';
import ur from './ur';

/** Every language's catalogue; a translation must have exactly English's keys (the catalogue tests check). */
export const CATALOGUES: Record<Locale, typeof en> = { en, ru, kk, ur };
