import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { readAkn } from '../../../../shared/formats/akn/read.js';
import { writeAkn } from '../../../../shared/formats/akn/write.js';
import { FormatError } from '../../../../shared/formats/types.js';
import { cleanViewDoc } from '../../../../shared/negotiation/clean-view.js';
import { arbitraryDocument } from '../../../support/arbitrary-document.js';
import { arbitraryOps, randomTransaction, type RandomOp } from '../../negotiation/random-ops.js';
import { failures, validateAkn } from './write-schema.js';
import { documentShape } from './write-shape.js';

const runs = 150;
const negotiationRuns = 100;

function negotiate(doc: Node, ops: RandomOp[]): Node {
  let state = EditorState.create({ doc });
  for (const op of ops) {
    const tr = randomTransaction(state, op);
    if (tr) state = state.apply(tr);
  }
  return state.doc;
}

describe('writeAkn over generated documents', () => {
  it(`${runs} generated documents: every export validates and readAkn, without the proprietary block, gives back the structure`, async () => {
    const xmls: string[] = [];
    fc.assert(
      fc.property(arbitraryDocument({ emphasis: true }), (doc: Node) => {
        const xml = writeAkn(doc);
        xmls.push(xml);
        // Without the proprietary block: the markup alone must carry the structure.
        const read = readAkn(xml.replace(/<proprietary[\s\S]*<\/proprietary>/, ''), 'export.xml');
        expect(read.documents).toHaveLength(1);
        expect(documentShape(read.documents[0] as Node)).toEqual(documentShape(doc));
      }),
      { numRuns: runs },
    );
    expect(xmls).toHaveLength(runs);
    expect(failures(await validateAkn(xmls))).toEqual([]);
  }, 300_000);

  it(`${negotiationRuns} negotiated documents: compilation and clean exports validate; readAkn gives back the document with its negotiation state`, async () => {
    const xmls: string[] = [];
    fc.assert(
      fc.property(arbitraryDocument(), arbitraryOps(12), (base: Node, ops: RandomOp[]) => {
        const doc = negotiate(base, ops);
        const xml = writeAkn(doc);
        xmls.push(xml);
        try {
          const clean = writeAkn(doc, { view: 'clean' });
          xmls.push(clean);
          expect(documentShape(readAkn(clean).documents[0] as Node)).toEqual(documentShape(cleanViewDoc(doc)));
        } catch (err) {
          expect(err).toBeInstanceOf(FormatError);
        }
        // readAkn restores the proprietary state itself (write-restore.ts).
        const restored = readAkn(xml, 'export.xml');
        const back = restored.documents[0] as Node;
        expect(back.toJSON()).toEqual(doc.toJSON());
      }),
      { numRuns: negotiationRuns },
    );
    expect(failures(await validateAkn(xmls))).toEqual([]);
  }, 300_000);
});
