import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { toChunks } from '../../../shared/import/chunks.js';
import { importText } from '../../../shared/import/index.js';
import { readingFromNext } from '../../../shared/import/label-sequence.js';
import { opensPreamblePhrase } from '../../../shared/import/paragraph-start.js';
import { issue16Fixture as fixture, letterICases } from './letter-i-cases.js';

// Official texts edited into the forms later sessions print (test/fixtures/import/issue16,
// README there): an "h)" ending with a colon before "i)", "j)", "k)"; an "h)" without its
// colon before a roman list "i)" ... "v)"; Chinese and Russian PPs without their final
// comma and without italics. Each fails on the importer before issue 16's fix.

// A paragraph's own text: its text nodes outside footnotes (a footnote's text is its content).
function ownText(para: Node): string {
  let text = '';
  para.firstChild?.forEach((n) => {
    if (n.isText) text += n.text ?? '';
  });
  return text;
}

describe('"i)" after "h)" in the a) style of French, Spanish and Russian', () => {
  letterICases((text) => importText(text));

  it('reads an ambiguous label by the label after it, and says nothing when that label does not tell', () => {
    const chunks = toChunks(['h) text', 'i) text', 'ii) text', 'x) text', 'y) text', 'v) text', '2. text'].join('\n'));
    const at = (i: number) => readingFromNext(chunks, i, chunks[i]!.label!);
    expect([at(0), at(1), at(3), at(5)]).toEqual([null, 'roman', 'letter', null]);
  });
});

describe('Chinese and Russian PPs without their final comma and without italics', () => {
  const cases = [
    { file: 'zh-74-287-pp.txt', body: '大会', pp: 6, op: 6 },
    { file: 'zh-74-253-pp.txt', body: '大会', pp: 4, op: 4 },
    { file: 'ru-74-287-pp.txt', body: 'Генеральная Ассамблея', pp: 6, op: 6 },
    { file: 'ru-74-253-pp.txt', body: 'Генеральная Ассамблея', pp: 4, op: 4 },
  ];
  for (const { file, body, pp, op } of cases) {
    it(`${file}: each of the ${pp} PPs is a paragraph of its own`, () => {
      const text = fixture(file);
      const lines = text.split('\n').map((l) => l.trim());
      const from = lines.findIndex((l) => l.startsWith(body)) + 1;
      const to = lines.findIndex((l) => /^1\. /.test(l));
      // The footnote markers (superscript digits) become footnotes, outside the paragraph's own text.
      const printed = lines.slice(from, to).filter((l) => l !== '').map((l) => l.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, ''));
      const { documents } = importText(text);
      const got: string[] = [];
      let ops = 0;
      documents[0]!.descendants((n) => {
        if (n.type.name === 'preambular_paragraph') got.push(ownText(n));
        if (n.type.name === 'operative_paragraph') ops++;
        return n.type.name !== 'preambular_paragraph';
      });
      expect(printed).toHaveLength(pp);
      expect(got).toEqual(printed);
      expect(ops).toBe(op);
    });
  }

  it('does not start a paragraph where a sentence goes on into the opener', () => {
    expect(opensPreamblePhrase('回顾其以往关于该问题的各项决议', 'zh', '大会重申其承诺，又')).toBe(false);
    expect(opensPreamblePhrase('注意到秘书长的报告', 'zh', '赞赏地')).toBe(false);
    expect(opensPreamblePhrase('又回顾其第73/1号决议', 'zh', '回顾其第72/1号决议')).toBe(true);
    expect(opensPreamblePhrase('继续努力', 'zh', '秘书长')).toBe(false);
    expect(opensPreamblePhrase('ссылаясь также на свою резолюцию 73/1', 'ru', 'ссылаясь на свою резолюцию 72/1')).toBe(true);
    expect(opensPreamblePhrase('вновь подтверждая свою приверженность', 'ru')).toBe(true);
    expect(opensPreamblePhrase('с глубокой озабоченностью отмечая', 'ru')).toBe(true);
    expect(opensPreamblePhrase('подтверждая свою приверженность', 'ru', 'и вновь')).toBe(false);
    expect(opensPreamblePhrase('отмечая работу', 'ru', 'с удовлетворением')).toBe(false);
    expect(opensPreamblePhrase('новая программа работы', 'ru')).toBe(false);
  });
});
