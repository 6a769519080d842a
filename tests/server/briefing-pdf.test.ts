import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { commitments } from '../../db/schema';
import { briefingParams, computeBriefing, resolveBriefingScope } from '../../lib/server/briefing';
import { renderBriefingPdf } from '../../lib/server/briefing-pdf';
import { FROM, insertBriefingHistory, TO } from '../support/briefing-history';
import { testEngines } from '../support/databases';

async function pdfText(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { totalPages, text: text.replace(/\s+/g, ' ') };
}

describe.each(testEngines().slice(0, 1))('the briefing as a PDF on $name', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
    const { ids } = await insertBriefingHistory(handle.db);
    // Titles in Cyrillic and Arabic script (Russian, Urdu) must come out as text, in the embedded fonts.
    await handle.db.update(commitments).set({ title: 'Энергетический коридор' }).where(eq(commitments.id, ids.N1!));
    await handle.db.update(commitments).set({ title: 'توانائی راہداری' }).where(eq(commitments.id, ids.B1!));
  });
  afterAll(() => handle.close());

  it('holds the title page, the headings, every listed commitment and page numbers, on a sensible number of pages', async () => {
    const briefing = await computeBriefing(handle.db, await resolveBriefingScope(handle.db, briefingParams({ from: FROM, to: TO })));
    const bytes = await renderBriefingPdf(briefing, 'http://localhost:3000');
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const { totalPages, text } = await pdfText(bytes);
    // Title page, headline and charts, one sector, stuck and decisions.
    expect(totalPages).toBe(4);
    for (const heading of ['Briefing', 'Test agenda', 'From 2026-02-01 to 2026-03-31', 'Headline', 'Pipeline and movement', 'What moved, by sector', 'Energy', 'What is stuck', 'Decisions needed', 'Open comment threads']) {
      expect(text).toContain(heading);
    }
    for (const reference of ['N1', 'B1', 'D1', 'R1', 'S1', 'Commitment R1', 'Commitment S1', 'https://example.gov/r1-march']) expect(text).toContain(reference);
    expect(text).not.toContain('https://example.gov/r1-april');
    expect(text).toContain('Энергетический коридор');
    expect(text).toContain('راہداری');
    expect(text).toMatch(/Page 1 of 4/);
    expect(text).toContain(`Generated ${briefing.generatedAt.slice(0, 10)}`);
  });
});
