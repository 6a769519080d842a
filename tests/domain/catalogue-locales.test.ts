import fs from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/config';

// Every language has exactly English's keys, file by file, and every message names the same ICU
// arguments (and rich-text tags) as the English one, so a translation can neither lose nor invent a
// value the code passes in.

const ROOT = path.resolve(__dirname, '../../messages');
const FILES = fs.readdirSync(path.join(ROOT, 'en')).filter((f) => f.endsWith('.json')).sort();

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else flatten(value, at, out);
  }
  return out;
}

function read(locale: string, file: string): Map<string, string> {
  return flatten(JSON.parse(fs.readFileSync(path.join(ROOT, locale, file), 'utf8')) as Tree);
}

/** The arguments a message reads and the tags it wraps text in, sorted. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(el.value);
      if (el.type === TYPE.select || el.type === TYPE.plural) {
        found.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const TRANSLATIONS = LOCALES.filter((l) => l !== 'en');

describe.each(TRANSLATIONS)('the %s catalogue', (locale) => {
  it('has the same files as English', () => {
    expect(fs.readdirSync(path.join(ROOT, locale)).filter((f) => f.endsWith('.json')).sort()).toEqual(FILES);
  });

  it.each(FILES)('%s has every English key and no other', (file) => {
    const en = read('en', file);
    const translated = read(locale, file);
    expect([...en.keys()].filter((k) => !translated.has(k)), 'missing').toEqual([]);
    expect([...translated.keys()].filter((k) => !en.has(k)), 'not in English').toEqual([]);
  });

  it.each(FILES)('%s: every message parses and names the same arguments as English', (file) => {
    const en = read('en', file);
    const differing: string[] = [];
    for (const [key, text] of read(locale, file)) {
      const english = en.get(key);
      if (english === undefined) continue;
      const ours = argumentsOf(text).join(', ');
      const theirs = argumentsOf(english).join(', ');
      if (ours !== theirs) differing.push(`${key}: [${ours}] where English has [${theirs}]`);
    }
    expect(differing).toEqual([]);
  });

  it.each(FILES)('%s: is translated, not left in English', (file) => {
    const en = read('en', file);
    // A message equal to English is allowed only when, past its arguments and the names of products,
    // no word of three or more lowercase Latin letters is left (codes, names of formats, numbers).
    const words = (text: string) => text.replace(/\{[^}]*\}/g, '').replace(/\bExcel\b/g, '');
    const untranslated = [...read(locale, file)].filter(([key, text]) => text === en.get(key) && /[a-z]{3,}/.test(words(text)));
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

describe('the argument check', () => {
  it('tells apart messages that name different arguments', () => {
    expect(argumentsOf('{count, plural, one {# day} other {# days}} before {date, date, medium}')).toEqual(['count', 'date']);
    expect(argumentsOf('<strong>{name}</strong>')).toEqual(['<strong>', 'name']);
    expect(argumentsOf('{count, plural, one {# день} few {# дня} many {# дней} other {# дня}}')).toEqual(['count']);
  });
});
