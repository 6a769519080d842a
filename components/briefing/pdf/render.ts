import path from 'node:path';
import { Font, renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import type { Briefing } from '@/lib/domain/briefing';
import { translator } from '@/lib/server/catalogue';
import { BriefingDocument } from './briefing-document';

// Fonts embedded in every PDF (subsets of what is used): Noto Sans for Latin and Cyrillic (Kazakh
// too), Noto Sans Arabic for Arabic script (Urdu), from the @fontsource packages, read from the
// installed packages. A run of text takes the first family that has its glyphs.
const FAMILIES = [
  { family: 'Noto Sans Latin', pkg: 'noto-sans', file: 'noto-sans-latin' },
  { family: 'Noto Sans Latin Extended', pkg: 'noto-sans', file: 'noto-sans-latin-ext' },
  { family: 'Noto Sans Cyrillic', pkg: 'noto-sans', file: 'noto-sans-cyrillic' },
  // Kazakh's letters (Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ) are in the extended Cyrillic subset.
  { family: 'Noto Sans Cyrillic Extended', pkg: 'noto-sans', file: 'noto-sans-cyrillic-ext' },
  { family: 'Noto Sans Arabic', pkg: 'noto-sans-arabic', file: 'noto-sans-arabic-arabic' },
];
const FONT = FAMILIES.map((f) => f.family);
let registered = false;

function registerFonts(): void {
  if (registered) return;
  const dir = (pkg: string) => path.join(process.cwd(), 'node_modules', '@fontsource', pkg, 'files');
  for (const { family, pkg, file } of FAMILIES) {
    Font.register({
      family,
      fonts: [400, 700].map((fontWeight) => ({ src: path.join(dir(pkg), `${file}-${fontWeight}-normal.woff`), fontWeight })),
    });
  }
  // Words are not split across lines with hyphens (names, references and links stay whole).
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/** The briefing as a PDF document's bytes. `origin` makes its links absolute. */
export async function renderPdf(briefing: Briefing, origin: string): Promise<Buffer> {
  registerFonts();
  const document = createElement(BriefingDocument, { briefing, t: translator(), font: FONT, origin });
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}
