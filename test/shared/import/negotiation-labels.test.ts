import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { operativeLabel } from '../../../shared/document/labels.js';
import { importText } from '../../../shared/import/index.js';
import { paragraphBracket } from '../../../shared/negotiation/model.js';

const operatives = (doc: Node): Node[] => {
  const out: Node[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'operative_paragraph') out.push(node);
    return node.type.name !== 'operative_paragraph';
  });
  return out;
};

describe('whole bracketed paragraphs of a compilation text', () => {
  const text = (label: (n: number) => string, body: string, ops: [string, string, string]) =>
    [body, '', `${label(1)} ${ops[0]}`, '', `[${label(2)} ${ops[1]} (EU)]`, '', `${label(3)} ${ops[2]}`, ''].join('\n');

  it('reads a bracket opened before an Arabic label ("[2 - تطلب ...]") as the paragraph bracketed whole, as before an English one', () => {
    const arabic = importText(text((n) => operativeLabel(n, 'ar'), 'إن الجمعية العامة،', ['*تقرر* أن تنظر في المسألة؛', '*تطلب* إلى الأمين العام أن يقدم تقريرا؛', '*تقرر* أن تبقي المسألة قيد نظرها.']));
    const english = importText(text((n) => operativeLabel(n, 'en'), 'The General Assembly,', ['*Decides* to consider the matter;', '*Requests* a report;', '*Decides* to remain seized of the matter.']));
    for (const result of [arabic, english]) {
      const [doc] = result.documents;
      if (!doc) throw new Error('nothing imported');
      const ops = operatives(doc);
      expect(ops).toHaveLength(3);
      expect(ops.map((op) => paragraphBracket(op)?.proposedBy ?? null)).toEqual([null, ['EU'], null]);
    }
  });
});
