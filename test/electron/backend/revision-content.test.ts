import fs from 'node:fs';
import { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { contentAtSnapshot, docAtSnapshot } from '../../../electron/backend/revision-content.js';
import { docToYDoc, prosemirrorFragment, yDocToDoc } from '../../../shared/ydoc.js';

const fixture = JSON.parse(fs.readFileSync(new URL('../../fixtures/backend-resolution.json', import.meta.url), 'utf8'));

function texts(ydoc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (t: Y.XmlFragment | Y.XmlElement) => {
    for (const c of t.toArray()) {
      if (c instanceof Y.XmlText) out.push(c);
      else if (c instanceof Y.XmlElement) walk(c);
    }
  };
  walk(prosemirrorFragment(ydoc));
  return out;
}

// Emphasis is allowed in titles and paragraph text only.
const markable = (t: Y.XmlText) => t.parent instanceof Y.XmlElement && ['title', 'paragraph_text'].includes(t.parent.nodeName);

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % n);
}

describe('contentAtSnapshot', () => {
  it('reads the same document as Yjs rebuilds from the snapshot, after random typing, deletions, marks and paragraph edits', () => {
    for (const seed of [1, 2, 3]) {
      const rand = random(seed);
      const ydoc = docToYDoc(Node.fromJSON(resolutionSchema, fixture));
      ydoc.clientID = 100 + seed;
      const snapshots: Y.Snapshot[] = [Y.snapshot(ydoc)];
      for (let step = 0; step < 400; step++) {
        const all = texts(ydoc);
        const t = all[rand(all.length)]!;
        const choice = rand(10);
        if (choice < 5 || t.length < 4) t.insert(rand(t.length + 1), 'xyz ü'.slice(0, 1 + rand(5)));
        else if (choice < 8) t.delete(rand(t.length - 2), 1 + rand(2));
        else if (choice < 9 && markable(t)) t.format(rand(t.length - 2), 2, { emphasis: {} });
        else if (markable(t)) t.format(rand(t.length - 2), 2, { emphasis: null });
        if (step % 60 === 30) {
          const operative = prosemirrorFragment(ydoc).toArray().find((e) => e instanceof Y.XmlElement && e.nodeName === 'operative') as Y.XmlElement;
          if (operative.length > 2) operative.delete(rand(operative.length), 1);
          const op = new Y.XmlElement('operative_paragraph');
          const text = new Y.XmlElement('paragraph_text');
          text.insert(0, [new Y.XmlText(`New paragraph ${step}`)]);
          op.insert(0, [text]);
          op.setAttribute('id', `new${seed}x${step}`);
          operative.insert(rand(operative.length + 1), [op]);
        }
        // Another client's change now and then, so snapshots span several clients.
        if (step % 50 === 25) {
          const other = new Y.Doc({ gc: false });
          other.clientID = 900 + step;
          Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
          const ot = texts(other)[0]!;
          ot.insert(0, 'Other: ');
          Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)));
        }
        if (step % 40 === 39) snapshots.push(Y.snapshot(ydoc));
      }
      for (const snapshot of snapshots) {
        const expected = yDocToDoc(Y.createDocFromSnapshot(ydoc, snapshot)).toJSON();
        expect(Node.fromJSON(resolutionSchema, contentAtSnapshot(ydoc, snapshot)).toJSON()).toEqual(expected);
      }
      expect(docAtSnapshot(ydoc, Y.snapshot(ydoc)).toJSON()).toEqual(yDocToDoc(ydoc).toJSON());
    }
  });
});
