import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/document/index.js';
import { importText } from '../../../shared/import/index.js';
import { annexesOf, childrenOf, corpus, ownText, paragraphsOf } from './inspect.js';
import { asCleanParagraphs, hardWrapped, withCrlf, withoutHeadings, withoutReportText, withoutStars } from './layouts.js';

type Layout = { name: string; apply: (text: string) => string };

const identity = (text: string) => text;
const stars: Layout[] = [
  { name: 'with *', apply: identity },
  { name: 'without *', apply: withoutStars },
];
const shapes: Layout[] = [
  { name: 'as extracted', apply: identity },
  { name: 'clean paragraphs', apply: (t) => asCleanParagraphs(t) },
  { name: 'clean paragraphs, no blank lines', apply: (t) => asCleanParagraphs(t, true) },
  { name: 'hard-wrapped at 90 with page headers', apply: (t) => hardWrapped(t) },
  { name: 'hard-wrapped, no blank lines', apply: (t) => hardWrapped(t, 90, 45, true) },
  { name: 'clean, then hard-wrapped at 72', apply: (t) => hardWrapped(asCleanParagraphs(t), 72, 40) },
];
const surroundings: Layout[] = [
  { name: 'in the report', apply: identity },
  { name: 'pasted alone', apply: withoutReportText },
  { name: 'pasted alone without headings', apply: (t) => withoutHeadings(withoutReportText(t)) },
];
const endings: Layout[] = [
  { name: 'LF', apply: identity },
  { name: 'CRLF', apply: withCrlf },
];

// Every combination: the transforms are independent ways the same text reaches the importer.
const combinations = stars.flatMap((s) =>
  shapes.flatMap((shape) =>
    surroundings.flatMap((around) =>
      endings.map((ending) => ({
        name: [s.name, shape.name, around.name, ending.name].join(', '),
        apply: (text: string) => ending.apply(around.apply(shape.apply(s.apply(text)))),
      })),
    ),
  ),
);

const resolutionsText = corpus('ccpcj32-draft-resolutions-I-III.txt');
const decisionText = corpus('ccpcj32-draft-decision.txt');

describe('importText gives the same structure whatever the layout', () => {
  it.each(combinations)('draft resolutions I-III: $name', ({ apply }) => {
    const { documents } = importText(apply(resolutionsText));
    expect(documents.map((d) => summarize(d)).map((c) => [c.kind, c.preambular, c.operative, c.footnotes])).toEqual([
      ['resolution', 16, 24, 2],
      ['resolution', 7, 12, 7],
      ['resolution', 8, 15, 2],
    ]);
    expect(documents.map((d) => summarize(d).body)).toEqual(Array(3).fill('The General Assembly,'));
    expect(summarize(documents[1]!).title).toBe('Reducing reoffending through rehabilitation and reintegration');
    const ops = paragraphsOf(documents[0]!, 'operative');
    const [agenda] = childrenOf(ops[10]!, 'numbered_list');
    expect(childrenOf(agenda!, 'list_item')).toHaveLength(7);
    expect(childrenOf(ops[11]!, 'subparagraph')).toHaveLength(4);
    expect(ownText(ops[17]!).endsWith('civil society organizations;')).toBe(true);
    expect(ownText(ops[17]!)).toContain('meetings of professional and geographical interest groups');
  });

  it.each(combinations)('draft decision: $name', ({ apply }) => {
    const { documents } = importText(apply(decisionText));
    expect(documents).toHaveLength(1);
    expect(summarize(documents[0]!)).toMatchObject({ kind: 'decision', preambular: 0, operative: 3, body: 'The Economic and Social Council:' });
    const [annex] = annexesOf(documents[0]!);
    const [list] = childrenOf(annex!, 'numbered_list');
    expect(childrenOf(list!, 'list_item')).toHaveLength(13);
    expect(paragraphsOf(documents[0]!, 'decision_body').every((p) => p.childCount === 1)).toBe(true);
  });
});
