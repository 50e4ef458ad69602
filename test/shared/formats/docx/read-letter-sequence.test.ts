import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../../shared/formats/docx/read.js';
import { subShape, textOfSub } from '../../import/sub-shape.js';

// The held-out texts of issue 16 (test/fixtures/import/issue16: A/RES/74/126 edited so that
// "h)" ends with a colon before the letters i), j), k), or holds a roman list i) ... before
// the letter i)) as Word files written by pandoc: once with the labels typed in the text,
// once with Word's own numbering (lowerLetter and lowerRoman lists, which the reader
// resolves to "(a)", "(i)"), so "i)" reaches the structure reader both ways.
const dir = join(__dirname, '..', '..', '..', 'fixtures', 'import', 'issue16');
const romansIn: Record<string, number> = { fr: 5, es: 5, ru: 4 };
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function docxOf(html: string): Uint8Array {
  const out = mkdtempSync(join(tmpdir(), 'ph-docx-seq-'));
  writeFileSync(join(out, 'in.html'), `<html><body>${html}</body></html>`);
  execFileSync('pandoc', ['-f', 'html', '-t', 'docx', '-o', join(out, 'out.docx'), join(out, 'in.html')]);
  return new Uint8Array(readFileSync(join(out, 'out.docx')));
}

// OP 2's items as Word lists: the letters a) to k) in one lowerLetter list, the `romans`
// items after h) in a lowerRoman list inside h)'s item; every other line a paragraph.
function numberedHtml(lines: string[], romans: number): string {
  const first = lines.findIndex((l) => /^[aа]\) /.test(l));
  const items = lines.slice(first).map((l) => esc(l.replace(/^\S{1,4}\) /, '')));
  const letters = [...items.slice(0, 8), ...items.slice(8 + romans)];
  const romanList = `<ol type="i">${items.slice(8, 8 + romans).map((t) => `<li>${t}</li>`).join('')}</ol>`;
  const list = letters.map((t, i) => `<li>${t}${i === 7 && romans > 0 ? romanList : ''}</li>`).join('');
  return `${lines.slice(0, first).map((l) => `<p>${esc(l)}</p>`).join('')}<ol type="a">${list}</ol>`;
}

describe('readDocx: "i)" after "h)" in the a) style of French, Spanish and Russian', () => {
  for (const language of ['fr', 'es', 'ru']) {
    for (const kind of ['colon', 'romans'] as const) {
      const text = readFileSync(join(dir, `${language}-h-${kind}.txt`), 'utf8');
      // From the title on: the masthead lines of the text layout are no Word paragraphs.
      const all = text.split('\n').filter((l) => l.trim() !== '');
      const lines = all.slice(all.findIndex((l) => /^(?:L’Assemblée générale|La Asamblea General|Генеральная Ассамблея),$/.test(l)) - 1);
      const romans = kind === 'romans' ? (romansIn[language] ?? 0) : 0;
      const want = Array(11).fill(0);
      want[7] = romans;
      const letterI = lines.filter((l) => l.startsWith('i) '))[kind === 'romans' ? 1 : 0]?.slice(3) ?? 'missing';

      it(`${language}, h) ${kind === 'colon' ? 'ending with a colon' : 'holding a roman list'}: labels typed in the text`, () => {
        const { documents, warnings } = readDocx(docxOf(lines.map((l) => `<p>${esc(l)}</p>`).join('')));
        expect(subShape(documents[0]!, 1)).toEqual(want);
        expect(textOfSub(documents[0]!, 8)).toBe(letterI);
        expect(warnings).toEqual([]);
      });

      it(`${language}, h) ${kind === 'colon' ? 'ending with a colon' : 'holding a roman list'}: Word's own numbering`, () => {
        const { documents, warnings } = readDocx(docxOf(numberedHtml(lines, romans)));
        expect(subShape(documents[0]!, 1)).toEqual(want);
        expect(textOfSub(documents[0]!, 8)).toBe(letterI);
        expect(warnings).toEqual([]);
      });
    }
  }
});
