import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePdf } from '../../../electron/files/pdf.js';
import { buildDocument } from '../../../shared/document/build.js';
import { childText } from '../../../shared/document/header.js';
import { arbitraryDocument } from '../../support/arbitrary-document.js';

// Real Typst, read back with poppler (pdftotext, pdffonts, pdfinfo): what a reader of the file sees.

const words = 'the Secretary-General to continue supporting Member States in strengthening criminal justice systems and legal aid'.split(' ');
const sentence = (seed: number, length: number) => Array.from({ length }, (_, i) => words[(seed + i * 7) % words.length]).join(' ');
const hostile = '#{panic("ran")} $x^2$ *bold* _it_ `raw` <label> @ref \\ // ] end';

// 30 OPs, each with a footnote after a unique anchor word, so the notes run over several pages.
const ops = Array.from({ length: 30 }, (_, i) => {
  const head = `Requests ${sentence(i, 70)} anchor${i + 1}x`;
  return { text: `${head} ${sentence(i + 3, 60)};`, opener: 'Requests', footnotes: [{ text: `See resolution 70/${i + 1}, annex.`, at: head.length }] };
});
const doc = buildDocument({
  header: { symbol: 'A/C.3/78/L.99', date: '12 October 2023', session: 'Seventy-eighth session', agendaItem: '71 (b)', sponsors: ['Canada', 'Japan'] },
  title: 'Strengthening access to legal aid',
  body: 'The General Assembly,',
  preamble: [{ text: `Recalling its resolution 67/187 and ${hostile},`, opener: 'Recalling' }],
  operative: [{ text: 'Decides:', subparagraphs: [{ text: 'To act;', subparagraphs: ['First;', 'Second;'] }, 'To report;'] }, ...ops],
  annexes: [{ title: 'Provisional agenda', content: ['Text of the annex.'] }],
});

let dir = '';
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const pageText = (file: string, page: number) => run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);

async function pdfFile(name: string, options: Parameters<typeof writePdf>[1] = {}, document = doc): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await writePdf(document, options));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'penholder-pdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writePdf', () => {
  it('prints the masthead, the OP numbers, (a)/(i) labels and the hostile text literally', async () => {
    const file = await pdfFile('a4.pdf');
    const first = pageText(file, 1);
    for (const line of ['United Nations', 'A/C.3/78/L.99', 'General Assembly', 'Distr.: Limited', '12 October 2023', 'Original: English', 'Seventy-eighth session', 'Agenda item 71 (b)', 'Canada and Japan: draft resolution', 'Strengthening access to legal aid', 'The General Assembly,']) {
      expect(first).toContain(line);
    }
    expect(first).toMatch(/^\s*1\.\s+Decides:/m);
    expect(first).toMatch(/^\s+\(a\)\s+To act;/m);
    expect(first).toMatch(/^\s+\(i\)\s+First;/m);
    expect(first).toMatch(/^\s+\(ii\)\s+Second;/m);
    expect(first).toMatch(/^\s+\(b\)\s+To report;/m);
    expect(first).toMatch(/^\s*2\.\s+Requests/m);
    const plain = run('pdftotext', [file, '-']).replace(/\s+/g, ' ');
    expect(plain).toContain(hostile.replace(/\s+/g, ' '));
  });

  it('sets each footnote on the page of its marker, numbered through the document, and numbers the pages', async () => {
    const file = await pdfFile('notes.pdf');
    const pages = pagesOf(file);
    expect(pages).toBeGreaterThanOrEqual(4);
    const texts = Array.from({ length: pages }, (_, k) => pageText(file, k + 1));
    const pageOf = (re: RegExp) => texts.findIndex((t) => re.test(t)) + 1;
    const notePages = new Set<number>();
    for (let n = 1; n <= 30; n++) {
      const marker = pageOf(new RegExp(`anchor${n}x`));
      expect(marker, `anchor${n}x`).toBeGreaterThan(0);
      expect(pageOf(new RegExp(`^\\s*${n}\\s*See resolution 70/${n}, annex\\.`, 'm')), `footnote ${n}`).toBe(marker);
      notePages.add(marker);
    }
    expect(notePages.size).toBeGreaterThanOrEqual(3);
    texts.forEach((t, k) => expect(t.trimEnd().split('\n').at(-1)?.trim(), `page ${k + 1}`).toBe(String(k + 1)));
    // The symbol runs at the top of every page after the first; the annex starts a page.
    texts.slice(1).forEach((t) => expect(t.trimStart().startsWith('A/C.3/78/L.99')).toBe(true));
    expect(texts.at(-1)).toMatch(/Annex\s+Provisional agenda/);
  });

  it('embeds every font, writes selectable text, tags the PDF and carries the properties', async () => {
    const file = await pdfFile('fonts.pdf', { properties: { subject: 'Rev.1', revision: 'Rev.1' } });
    const fonts = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.split(/\s+/).slice(-5, -2), font).toEqual(['yes', 'yes', 'yes']);
    expect(fonts.join('\n')).toMatch(/LiberationSerif|TimesNewRoman/);
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Strengthening access to legal aid/);
    expect(info).toMatch(/Subject:\s+Rev\.1/);
    expect(info).toMatch(/Keywords:\s+revision: Rev\.1/);
  });

  it('sets A4 by default and US Letter on request', async () => {
    expect(run('pdfinfo', [await pdfFile('size-a4.pdf')])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(run('pdfinfo', [await pdfFile('size-letter.pdf', { paper: 'letter' })])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('sets Arabic right to left in Noto Naskh Arabic and Chinese in Noto CJK', async () => {
    const ar = await pdfFile('ar.pdf', {}, buildDocument({ header: { language: 'ar', symbol: 'A/78/L.1' }, title: 'الوصول إلى العدالة', body: 'إن الجمعية العامة،', operative: ['تطلب إلى الأمين العام أن يقدم تقريرا؛'] }));
    expect(run('pdffonts', [ar])).toContain('NotoNaskhArabic');
    expect(run('pdftotext', [ar, '-'])).toContain('Original: Arabic');
    const zh = await pdfFile('zh.pdf', {}, buildDocument({ header: { language: 'zh' }, title: '诉诸司法', body: '大会，', operative: ['请秘书长提交报告；'] }));
    expect(run('pdffonts', [zh])).toMatch(/Noto(Serif|Sans)CJK/);
    // Set right after the Arabic one by the same compiler: the Chinese text must be its own
    // (reusing one main file printed the Arabic text's last words in it).
    expect(run('pdftotext', [zh, '-'])).toContain('请秘书长提交报告；');
  });

  it('leaves the brackets out of the clean view', async () => {
    const text = run('pdftotext', [await pdfFile('clean.pdf', { view: 'clean' }), '-']);
    expect(text).toContain('Decides:');
  });

  it('compiles any document in either view, one after another, each PDF holding its own title (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument({ emphasis: true }), fc.constantFrom<'compilation' | 'clean'>('compilation', 'clean'), async (document, view) => {
        const file = await pdfFile('any.pdf', { view }, document);
        const text = run('pdftotext', [file, '-']).replace(/\s+/g, ' ');
        const title = childText(document, 'title').replace(/\s+/g, ' ').trim();
        expect(text).toContain(title.slice(0, 30));
      }),
      { numRuns: 12 },
    );
  });
});
