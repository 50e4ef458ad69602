import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { marker, scanMarkers } from '../../bench/_fanout-wire.js';

const found = (bytes: Uint8Array) => {
  const out: [number, number][] = [];
  scanMarkers(bytes, (i, s) => out.push([i, s]));
  return out;
};

// The fan-out bench's thin listeners see an edit only by its marker in the raw update:
// the marker must survive Yjs's encoding, single and merged, and nothing else may pass for one.
describe('fan-out bench markers', () => {
  it('are found in the Yjs update of the edit that typed them, and in a merged state', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment('prosemirror').insert(0, [new Y.XmlText()]);
    const t = doc.getXmlFragment('prosemirror').get(0) as Y.XmlText;
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    t.insert(0, 'before ');
    for (let s = 1; s <= 3; s++) t.insert(t.length, marker(417, s));
    expect(updates.slice(1).map(found)).toEqual([[[417, 1]], [[417, 2]], [[417, 3]]]);
    expect(found(Y.encodeStateAsUpdate(doc))).toEqual([[417, 1], [417, 2], [417, 3]]);
  });

  it('ignores braces that are not a whole marker, and random bytes rarely make one', () => {
    expect(found(new TextEncoder().encode('{1.} {.2} {12} {3.4 {5.6x} {7.8}'))).toEqual([[7, 8]]);
    let count = 0;
    for (let n = 0; n < 200; n++) scanMarkers(Uint8Array.from({ length: 1000 }, () => Math.floor(Math.random() * 256)), () => count++);
    expect(count).toBe(0);
  });
});
