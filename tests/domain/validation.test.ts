import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseCommitmentFilters } from '../../lib/domain/commitment-filters';
import { commitmentCreateSchema, statusUpdateSchema } from '../../lib/domain/inputs';
import { fieldLabelKey, renderMessage, type Translate } from '../../lib/domain/messages';
import { fieldMessages, validate } from '../../lib/domain/validation';
import { english, englishFields } from '../support/messages';

const UUID = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';

describe('zod issues as catalogue messages', () => {
  it('names the schema’s key, the field’s label by its path, and zod’s limit as a value', () => {
    const result = validate(z.strictObject({ title: z.string().max(3, { error: 'validation.tooLong' }) }), { title: 'abcdef' });
    expect(result).toEqual({ ok: false, fields: { title: [{ key: 'validation.tooLong', values: { label: 'field.title', max: 3 } }] } });
    if (!result.ok) expect(englishFields(result.fields)).toEqual({ title: 'Title must be at most 3 characters.' });
  });

  it('attaches the minimum, the allowed values and the unknown keys', () => {
    const schema = z.strictObject({
      version: z.number().min(1, { error: 'validation.version' }),
      stage: z.enum(['intent', 'agreed'], { error: 'validation.oneOf' }),
    });
    const result = validate(schema, { version: 0, stage: 'done', id: 'x', author: 'y' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toEqual({
      version: [{ key: 'validation.version', values: { label: 'field.version', min: 1 } }],
      stage: [{ key: 'validation.oneOf', values: { label: 'field.stage', values: 'intent, agreed' } }],
      _: [{ key: 'validation.issue.unrecognized_keys', values: { label: 'field.input', keys: 'id, author' } }],
    });
    expect(englishFields(result.fields)._).toBe('These fields cannot be set here: id, author.');
  });

  it('gives an issue the schema has no key for the key of its kind', () => {
    const error = z.object({ n: z.number().max(10) }).safeParse({ n: 11 }, { error: (issue) => `validation.issue.${issue.code}` }).error!;
    expect(fieldMessages(error)).toEqual({ n: [{ key: 'validation.issue.too_big', values: { label: 'field.n', max: 10 } }] });
  });

  it('labels a field inside a list by its path without the position', () => {
    expect(fieldLabelKey(['indicators', 2, 'baselineDate'])).toBe('field.indicators_baselineDate');
    expect(fieldLabelKey([])).toBe('field.input');
    const result = validate(statusUpdateSchema, { stage: 'agreed', health: 'on_track', readings: [{ indicatorId: UUID, value: 1, asOf: '2026-02-30' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(englishFields(result.fields)).toEqual({ 'readings.0.asOf': 'Reading date must be a real date written YYYY-MM-DD.' });
  });

  it('keeps the wording readers and API clients rely on', () => {
    const update = validate(statusUpdateSchema, { stage: 'finished', health: 'great', evidence: ['javascript:alert(1)', `https://example.org/${'x'.repeat(2048)}`] });
    expect(update.ok).toBe(false);
    if (!update.ok) {
      expect(englishFields(update.fields)).toEqual({
        stage: 'Stage must be one of: intent, agreed, in_progress, measurable, achieved, stalled, dropped.',
        health: 'Health must be one of: on_track, at_risk, off_track.',
        'evidence.0': 'Evidence links must be full http:// or https:// addresses.',
        'evidence.1': 'An evidence link must be at most 2,048 characters.',
      });
    }
    const commitment = { agendaId: UUID, sector: 'energy', title: 'A title', sourcePassage: 'x', leadOrgAId: UUID, leadOrgBId: UUID };
    const missing = validate(commitmentCreateSchema, { ...commitment, agendaId: '', title: ' ' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(englishFields(missing.fields)).toEqual({ agendaId: 'Agenda is required.', title: 'Title is required.' });
    const sameLeads = validate(commitmentCreateSchema, commitment);
    expect(sameLeads.ok).toBe(false);
    if (!sameLeads.ok) expect(englishFields(sameLeads.fields)).toEqual({ leadOrgBId: 'Each side needs its own lead organisation.' });
  });

  it('names a bad filter by the parameter as it is typed in the address', () => {
    const parsed = parseCommitmentFilters({ stage: 'finished', pageSize: '500', colour: 'red' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(englishFields(parsed.fields)).toEqual({
        stage: 'stage must be one of: intent, agreed, in_progress, measurable, achieved, stalled, dropped',
        pageSize: 'pageSize must be at most 100',
        _: 'Unknown parameter(s): colour',
      });
    }
  });
});

describe('rendering a message', () => {
  const catalogue: Record<string, string> = { 'field.title': 'Titre', 'validation.required': '{label} est requis.', 'validation.invalid': 'Invalide.' };
  const t = Object.assign((key: string, values?: Record<string, string | number>) =>
    (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name])), { has: (key: string) => key in catalogue }) as Translate;

  it('translates label values first, in the reader’s language', () => {
    expect(renderMessage(t, { key: 'validation.required', values: { label: 'field.title' } })).toBe('Titre est requis.');
  });

  it('shows a generic text for a key the catalogue lacks rather than the key itself', () => {
    expect(renderMessage(t, { key: 'validation.nothing.like.this' })).toBe('Invalide.');
    expect(english({ key: 'validation.nothing.like.this' })).toBe('This value is not valid.');
  });
});
