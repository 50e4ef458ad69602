import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { canonicalDocument, contentHash } from '../../../shared/record/index.js';
import { docToYDoc, encodeYDoc, prosemirrorFragment, yDocFromUpdates, yDocToDoc } from '../../../shared/ydoc.js';
import { importText } from '../../../shared/import/index.js';
import { arbitraryDocument } from '../../support/arbitrary-document.js';

type TextEdit = { at: number; offset: number; text: string };

function xmlTexts(ydoc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(prosemirrorFragment(ydoc));
  return out;
}

/** Applies `edits` to `ydoc` one transaction each and returns the updates they produced. */
function edit(ydoc: Y.Doc, edits: TextEdit[]): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  ydoc.on('update', record);
  for (const e of edits) {
    const texts = xmlTexts(ydoc);
    const target = texts[e.at % texts.length]!;
    target.insert(e.offset % (target.length + 1), e.text);
  }
  ydoc.off('update', record);
  return updates;
}

const textEdit = fc.record({ at: fc.nat(), offset: fc.nat(), text: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== '') });

describe('content hash across replicas', () => {
  it('is the same after a Y.Doc round trip', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument(), async (doc) => {
        const back = yDocToDoc(yDocFromUpdates([encodeYDoc(docToYDoc(doc))]));
        expect(canonicalDocument(back)).toBe(canonicalDocument(doc));
        expect(await contentHash(back.toJSON())).toBe(await contentHash(doc));
      }),
      { numRuns: 60 },
    );
  });

  it('is the same on replicas that merged concurrent edits in different orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryDocument(),
        fc.array(textEdit, { minLength: 1, maxLength: 6 }),
        fc.array(textEdit, { minLength: 1, maxLength: 6 }),
        fc.integer(),
        async (doc, editsA, editsB, seed) => {
          const base = encodeYDoc(docToYDoc(doc));
          const a = yDocFromUpdates([base]);
          const b = yDocFromUpdates([base]);
          const fromA = edit(a, editsA);
          const fromB = edit(b, editsB);
          // A third replica receives every update, shuffled (Yjs holds early ones pending).
          const all = [...fromA, ...fromB];
          const shuffled = fc.sample(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), { numRuns: 1, seed })[0]!;
          const c = yDocFromUpdates([base, ...shuffled]);
          for (const u of fromB) Y.applyUpdate(a, u);
          for (const u of [...fromA].reverse()) Y.applyUpdate(b, u);
          const hashes = await Promise.all([a, b, c].map((y) => contentHash(yDocToDoc(y))));
          expect(new Set(hashes).size).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('covers the negotiation state: brackets, alternatives and a whole bracketed paragraph survive a round trip and change the hash', async () => {
    const [doc] = importText(
      'The General Assembly,\n\n1. [Urges][Calls upon (G77)] Member States to [[further] strengthen (EU)] cooperation;\n\n[2. Requests the Secretary-General to report annually (RUS: delete);]\n',
    ).documents;
    const back = yDocToDoc(yDocFromUpdates([encodeYDoc(docToYDoc(doc!))]));
    expect(await contentHash(back)).toBe(await contentHash(doc!));
    expect(canonicalDocument(doc!)).toContain('"type":"bracket"');
    const json = JSON.parse(canonicalDocument(doc!)) as { content: unknown[] };
    const moved = JSON.stringify(json).replace('"proposedBy":["G77"]', '"proposedBy":["CAN"]');
    expect(moved).not.toBe(JSON.stringify(json));
    expect(await contentHash(JSON.parse(moved))).not.toBe(await contentHash(doc!));
  });

  it('ignores attribute order and spelled-out defaults, and joins split text nodes', async () => {
    const doc = (await import('../../support/edit-stream.js')).sampleResolution(2, 1).toJSON() as { content: Array<Record<string, unknown>> };
    type Title = { attrs: Record<string, unknown>; content: Array<{ type: string; text: string }> };
    const reordered = JSON.parse(JSON.stringify(doc)) as typeof doc;
    const t = reordered.content[1] as Title;
    const whole = t.content[0]!.text;
    t.content = [{ type: 'text', text: whole.slice(0, 5) }, { type: 'text', text: whole.slice(5) }];
    reordered.content[0] = { attrs: { symbol: '' }, type: 'header' };
    expect(await contentHash(reordered)).toBe(await contentHash(doc));
  });
});
