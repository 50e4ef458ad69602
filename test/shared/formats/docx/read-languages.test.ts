import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentKind } from '../../../../shared/document/header.js';
import { summarize } from '../../../../shared/document/summary.js';
import { readDocx } from '../../../../shared/formats/docx/read.js';

// Word files written by pandoc from hand-made HTML, in the layouts of the Chinese and
// Arabic official texts (our own words, not the UN's).
function docxOf(html: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'ph-docx-lang-'));
  writeFileSync(join(dir, 'in.html'), `<html><body>${html}</body></html>`);
  execFileSync('pandoc', ['-f', 'html', '-t', 'docx', '-o', join(dir, 'out.docx'), join(dir, 'in.html')]);
  return new Uint8Array(readFileSync(join(dir, 'out.docx')));
}

describe('readDocx in other languages', () => {
  it('reads a Chinese decision whose body line ends with a full-width colon as a decision', () => {
    const bytes = docxOf(`<p>关于会议安排的决定</p><p>大会：</p><p>(a) 决定召开一次高级别会议；</p><p>(b) 请秘书长提交一份报告。</p>`);
    const [doc] = readDocx(bytes).documents;
    expect(documentKind(doc!)).toBe('decision');
    expect(summarize(doc!).operative).toBe(2);
  });

  it('reads an Arabic resolution numbered "1 -" with subparagraphs (أ), (ب)', () => {
    const bytes = docxOf(
      `<p dir="rtl">التعاون في مجال ما</p><p dir="rtl">إن الجمعية العامة،</p><p dir="rtl">إذ تشير إلى قراراتها السابقة،</p>` +
        `<p dir="rtl">1 - تطلب إلى الأمين العام ما يلي:</p><p dir="rtl">(أ) أن يقدم تقريرا؛</p><p dir="rtl">(ب) أن يعقد اجتماعا؛</p>` +
        `<p dir="rtl">2 - تقرر أن تبقي المسألة قيد نظرها.</p>`,
    );
    const [doc] = readDocx(bytes).documents;
    const summary = summarize(doc!);
    expect([summary.preambular, summary.operative, summary.subparagraphs]).toEqual([1, 2, 2]);
  });
});
