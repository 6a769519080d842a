import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'use-intl/core';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { commentSchema, commitmentCreateSchema, commitmentPatchSchema, resolveSchema, statusUpdateSchema, tokenCreateSchema } from '../../lib/domain/inputs';
import { fieldLabelKey, type Message, renderMessage, type Translate } from '../../lib/domain/messages';
import { PASSWORD_PROBLEMS, passwordProblem } from '../../lib/domain/password-policy';
import { checkTransition, type IndicatorForRules, STAGES } from '../../lib/domain/stages';
import { changePasswordSchema } from '../../lib/server/account';
import {
  auditFilterSchema, createAgendaSchema, createOrganisationSchema, createSectorSchema, createUserSchema, idSchema, renameAgendaSchema,
  renameSectorSchema, updateOrganisationSchema, updateUserSchema,
} from '../../lib/server/admin/schemas';
import messages from '../../messages/en';

// Every message the server or the rules can hand a reader must exist in the English catalogue:
// a missing key would show a generic text in the browser and the API.

const SCHEMAS: Record<string, z.ZodType> = {
  commitmentCreateSchema, commitmentPatchSchema, statusUpdateSchema, commentSchema, resolveSchema, changePasswordSchema,
  createUserSchema, updateUserSchema, idSchema, createOrganisationSchema, updateOrganisationSchema, auditFilterSchema,
  createSectorSchema, renameSectorSchema, createAgendaSchema, renameAgendaSchema, tokenCreateSchema,
};

// zod 4's issue codes: an issue a schema gives no key of its own is named validation.issue.<code>.
const ZOD_ISSUE_CODES = [
  'invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union',
  'invalid_key', 'invalid_element', 'invalid_value', 'custom',
];

const NAMESPACES = ['validation', 'problem', 'field', 'form', 'passwordPolicy', 'signIn', 'account.errors', 'admin.errors', 'commitments.rules'];

function entry(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

interface Walked {
  keys: Set<string>;
  labels: Set<string>;
}

/** The error keys a schema names and the label of every field path it has, walking its definition. */
function walk(node: unknown, at: (string | number)[], found: Walked, seen = new Set<unknown>()): void {
  const def = (node as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def || seen.has(node)) return;
  seen.add(node);
  const keyOf = (error: unknown) => (typeof error === 'function' ? String(error({})) : undefined);
  const own = keyOf(def.error);
  if (own) found.keys.add(own);
  for (const check of (def.checks as { _zod: { def: { error?: unknown } } }[] | undefined) ?? []) {
    const key = keyOf(check._zod.def.error);
    if (key) found.keys.add(key);
  }
  if (at.length) found.labels.add(fieldLabelKey(at));
  if (def.shape) for (const [name, child] of Object.entries(def.shape as object)) walk(child, [...at, name], found, seen);
  if (def.element) walk(def.element, [...at, 0], found, seen);
  for (const inner of ['innerType', 'in', 'out'] as const) walk(def[inner], at, found, seen);
}

/** Catalogue keys written out in the app's code, as literals or through a file's `key('…')` helper. */
function keysInCode(): Set<string> {
  const keys = new Set<string>();
  const literal = new RegExp(`'((?:${NAMESPACES.map((n) => n.replace('.', '\\.')).join('|')})\\.[A-Za-z0-9_.]+)'`, 'g');
  const files = ['app', 'components', 'lib'].flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)));
  for (const file of files.filter((f) => /\.tsx?$/.test(f))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const [, key] of source.matchAll(literal)) keys.add(key!);
    const helper = /const key = \(name: string\) => `([a-zA-Z.]+)\$\{name\}`/.exec(source);
    if (helper) for (const [, name] of source.matchAll(/\bkey\('([A-Za-z]+)'\)/g)) keys.add(`${helper[1]}${name}`);
  }
  return keys;
}

/** Every problem the stage rules can report, over every move and every way an update can fall short. */
function ruleMessages(): Message[] {
  const indicator: IndicatorForRules = { id: 'i', baselineValue: 0, targetValue: 10, direction: 'higher_is_better' };
  const out: Message[] = [];
  for (const from of STAGES) {
    for (const to of STAGES) {
      for (const indicators of [[], [indicator]]) {
        for (const mayReopen of [false, true]) {
          const verdict = checkTransition({
            from, to, narrative: '', evidence: [], readings: [{ indicatorId: 'unknown', value: 1, asOf: '2026-01-01' }], indicators, mayReopen,
          });
          if (!verdict.ok) out.push(...verdict.problems.map((p) => p.message));
        }
      }
    }
  }
  return out;
}

describe('the English catalogue', () => {
  const walked: Walked = { keys: new Set(), labels: new Set() };
  for (const schema of Object.values(SCHEMAS)) walk(schema, [], walked);

  it('has every key the schemas name', () => {
    expect(walked.keys.size).toBeGreaterThan(40);
    const missing = [...walked.keys].filter((key) => typeof entry(key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('has a message for every kind of zod issue, and a label for every field of every schema', () => {
    expect(Object.keys(entry('validation.issue') as object).sort()).toEqual([...ZOD_ISSUE_CODES].sort());
    expect(walked.labels.size).toBeGreaterThan(30);
    expect([...walked.labels].filter((key) => typeof entry(key) !== 'string')).toEqual([]);
  });

  it('has every key the code names', () => {
    const keys = keysInCode();
    expect(keys.size).toBeGreaterThan(60);
    expect([...keys].filter((key) => typeof entry(key) !== 'string')).toEqual([]);
  });

  it('words every stage-rule problem and every password problem, with every value the wording asks for', () => {
    // A missing key or a placeholder without its value throws here instead of showing a fallback.
    const t = createTranslator({ locale: 'en', messages, onError: (error) => { throw error; } }) as unknown as Translate;
    const rules = ruleMessages();
    // Every wording of the rules in the catalogue is reached: none is orphaned, none missing.
    const worded = Object.entries(entry('commitments.rules') as object).flatMap(([code, text]) =>
      typeof text === 'string' ? [`commitments.rules.${code}`] : Object.keys(text).map((variant) => `commitments.rules.${code}.${variant}`));
    expect([...new Set(rules.map((m) => m.key))].sort()).toEqual(worded.sort());
    const problems = [...rules, ...PASSWORD_PROBLEMS.map(passwordProblem)];
    for (const message of problems) {
      for (const [name, value] of Object.entries(message.values ?? {})) if (name.endsWith('Label')) expect(t.has(String(value))).toBe(true);
      expect(renderMessage(t, message)).toMatch(/^[A-Z].*\.$/);
    }
  });
});
