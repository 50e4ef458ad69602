import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/document/build.js';
import { applyFix, atomChar, paragraphText, textOffsetToPos } from '../../../shared/style/text.js';
import { importText } from '../../../shared/import/index.js';
import { checkDocument } from '../../../shared/style/index.js';
import { textNodeOf } from './helpers.js';

const doc = buildDocument({
  title: 'T',
  body: 'The General Assembly,',
  operative: [
    {
      text: [{ text: 'Recalls', opener: true }, ' paragraph ', { crossReference: 'p1' }, ' and resolution 70/1', { footnote: 'Resolution 70/1.', id: 'fn1' }, ';'],
      id: 'op1',
    },
  ],
});

describe('paragraph text', () => {
  it('stands one character for each footnote marker and cross-reference', () => {
    const { node } = textNodeOf(doc, 'op1');
    const text = paragraphText(node);
    expect(text.text).toBe(`Recalls paragraph ${atomChar} and resolution 70/1${atomChar};`);
    expect(text.atoms).toEqual([
      { offset: 18, kind: 'cross_reference', id: 'p1', text: '' },
      { offset: 39, kind: 'footnote', id: 'fn1', text: 'Resolution 70/1.' },
    ]);
  });

  it('maps every offset back to the position of the same character', () => {
    const { node, pos } = textNodeOf(doc, 'op1');
    const { text } = paragraphText(node);
    for (let offset = 0; offset < text.length; offset++) {
      const at = textOffsetToPos(node, pos, offset);
      const found = doc.nodeAt(at);
      const expected = text.charAt(offset);
      if (expected === atomChar) expect(['footnote', 'cross_reference']).toContain(found?.type.name);
      else expect(doc.textBetween(at, at + 1)).toBe(expected);
    }
    expect(textOffsetToPos(node, pos, text.length)).toBe(pos + 1 + node.content.size);
  });
});

describe('applyFix', () => {
  it('applies edits given in any order against the original offsets', () => {
    expect(applyFix('Requests also the report,', { label: 'x', edits: [{ from: 24, to: 25, insert: ';' }, { from: 0, to: 1, insert: 'Also r' }, { from: 8, to: 13, insert: '' }] })).toBe(
      'Also requests the report;',
    );
  });

  it('refuses overlapping edits and edits outside the text', () => {
    expect(() => applyFix('abc', { label: 'x', edits: [{ from: 0, to: 2, insert: '' }, { from: 1, to: 3, insert: '' }] })).toThrow(RangeError);
    expect(() => applyFix('abc', { label: 'x', edits: [{ from: 2, to: 5, insert: '' }] })).toThrow(RangeError);
  });
});

describe('paragraph text through brackets', () => {
  const bracketed = importText(
    [
      'Draft resolution',
      '',
      'The General Assembly,',
      '',
      '1. Urges [all (EU)] Member States to [ratify][implement] the Convention;',
    ].join('\n'),
  ).documents[0]!;
  const opId = (() => {
    let id = '';
    bracketed.descendants((n) => {
      if (n.type.name === 'operative_paragraph') id = String(n.attrs.id);
      return !id;
    });
    return id;
  })();

  it('reads bracketed text as part of the sentence and the first alternative of a group, with no atom for them', () => {
    const { node } = textNodeOf(bracketed, opId);
    expect(paragraphText(node)).toEqual({ text: 'Urges all Member States to ratify the Convention;', atoms: [] });
  });

  it('maps every offset inside and around brackets to the position of the same character', () => {
    const { node, pos } = textNodeOf(bracketed, opId);
    const { text } = paragraphText(node);
    for (let offset = 0; offset < text.length; offset++) {
      const at = textOffsetToPos(node, pos, offset);
      expect(bracketed.textBetween(at, at + 1)).toBe(text.charAt(offset));
    }
  });

  it('finds no broken cross-reference and no bracket-made problem in a bracketed paragraph', () => {
    expect(checkDocument(bracketed).filter((p) => p.rule === 'broken-reference')).toEqual([]);
  });
});
