import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { findNodeById } from '../../../renderer/editor/outline.js';
import { EditorState } from 'prosemirror-state';
import { delegationColour, facilitatorParagraph, paragraphAt, presenceKey, presencePlugin, placeCursors, presenceDecorations, relativeCursor } from '../../../renderer/editor/presence-plugin.js';
import type { PresencePeer, YMapping } from '../../../renderer/editor/presence-plugin.js';
import { createYDoc, docToYDoc, prosemirrorFragment } from '../../../shared/ydoc.js';
import { sampleResolution } from '../../shared/document/sample-documents.js';

// The ProseMirror document a replica holds, with y-prosemirror's mapping from Y types to nodes.
function bound(ydoc: Y.Doc): { doc: Node; mapping: YMapping } {
  const { doc, mapping } = initProseMirrorDoc(prosemirrorFragment(ydoc), resolutionSchema);
  return { doc, mapping: mapping as YMapping };
}

function replicaOf(base: Y.Doc): Y.Doc {
  const copy = createYDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  return copy;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

// The position just before the first occurrence of `word` in `doc`'s text.
function posOf(doc: Node, word: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const at = node.isText ? (node.text ?? '').indexOf(word) : -1;
    if (at >= 0) found = pos + at;
    return true;
  });
  if (found < 0) throw new Error(`“${word}” is not in the document`);
  return found;
}

// The first XmlText under `parent` whose text contains `word`.
function textHolding(parent: Y.XmlFragment | Y.XmlElement, word: string): Y.XmlText | undefined {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText && child.toString().includes(word)) return child;
    if (child instanceof Y.XmlElement) {
      const found = textHolding(child, word);
      if (found) return found;
    }
  }
  return undefined;
}

const peer = (cursor: { anchor?: Uint8Array; head?: Uint8Array } | null, extra: Partial<PresencePeer> = {}): PresencePeer => ({
  clientId: 7,
  name: 'Ana Pereira',
  delegation: 'CAN',
  role: 'delegation',
  ...cursor,
  ...extra,
});

describe('cursors across replicas', () => {
  it('stays on the same characters after the other replica typed before it', () => {
    const host = docToYDoc(sampleResolution());
    const mine = replicaOf(host);
    const theirs = replicaOf(host);
    const a = bound(theirs);
    const from = posOf(a.doc, 'Secretary-General');
    const cursor = relativeCursor(prosemirrorFragment(theirs), a.mapping, from, from + 'Secretary'.length);

    // Meanwhile this replica adds words to PP 1, before the peer's selection.
    textHolding(prosemirrorFragment(mine), 'Recalling')?.insert(0, 'Also ');
    sync(mine, theirs);

    const b = bound(mine);
    const [placed] = placeCursors(mine, prosemirrorFragment(mine), b.mapping, [peer(cursor)], b.doc.content.size);
    expect(placed).toBeDefined();
    expect(placed?.anchor).toBe(from + 'Also '.length);
    expect(b.doc.textBetween(placed?.anchor ?? 0, placed?.head ?? 0)).toBe('Secretary');
  });

  it('leaves out peers without a cursor or with a position that is not in this document', () => {
    const ydoc = docToYDoc(sampleResolution());
    const { doc, mapping } = bound(ydoc);
    const other = docToYDoc(sampleResolution());
    const o = bound(other);
    const foreign = relativeCursor(prosemirrorFragment(other), o.mapping, 40, 40);
    const placed = placeCursors(ydoc, prosemirrorFragment(ydoc), mapping, [peer(null), peer(foreign, { clientId: 8 }), peer({ anchor: new Uint8Array([200, 1]), head: new Uint8Array([255, 255, 255]) }, { clientId: 9 })], doc.content.size);
    expect(placed).toEqual([]);
  });

  it('puts a cursor at the start of the document back at its place', () => {
    const ydoc = docToYDoc(sampleResolution());
    const { doc, mapping } = bound(ydoc);
    const at = posOf(doc, 'Encourages') + 3;
    const cursor = relativeCursor(prosemirrorFragment(ydoc), mapping, at, at);
    const [placed] = placeCursors(ydoc, prosemirrorFragment(ydoc), mapping, [peer(cursor)], doc.content.size);
    expect(placed).toMatchObject({ anchor: at, head: at });
  });
});

describe('presence decorations', () => {
  it('draws a caret at each head and tints a selection, keyed by the peer', () => {
    const ydoc = docToYDoc(sampleResolution());
    const { doc } = bound(ydoc);
    const at = posOf(doc, 'Requests');
    const set = presenceDecorations(doc, [
      { peer: peer(null), anchor: at, head: at + 8 },
      { peer: peer(null, { clientId: 9, delegation: 'BRA', role: 'facilitator' }), anchor: 20, head: 20 },
    ]);
    const found = set.find();
    const carets = found.filter((d) => d.from === d.to);
    const tints = found.filter((d) => d.from !== d.to);
    expect(carets.map((d) => d.from).sort((x, y) => x - y)).toEqual([20, at + 8]);
    expect(tints).toHaveLength(1);
    expect(tints[0]).toMatchObject({ from: at, to: at + 8 });
    expect(JSON.stringify(carets.map((d) => (d.spec as { key: string }).key))).toContain('BRA');
  });
});

describe('paragraphAt', () => {
  it('finds the innermost paragraph with an id around a position', () => {
    const doc = sampleResolution();
    expect(paragraphAt(doc, posOf(doc, 'Requests'))?.id).toBe('op3');
    expect(paragraphAt(doc, posOf(doc, 'lighting'))?.id).toBe('op1ai');
    const op2 = paragraphAt(doc, posOf(doc, 'Decides'));
    expect(op2?.pos).toBe(findNodeById(doc, 'op2'));
    expect(op2?.node.type.name).toBe('operative_paragraph');
  });

  it('answers null where no block has an id (the document root)', () => {
    const doc = sampleResolution();
    expect(paragraphAt(doc, 0)).toBeNull();
  });
});

describe('following the facilitator', () => {
  const withPeers = (peers: PresencePeer[]) => {
    const state = EditorState.create({ doc: sampleResolution(), plugins: [presencePlugin()] });
    return state.apply(state.tr.setMeta(presenceKey, peers));
  };

  it('finds the paragraph the facilitator published, ignoring delegations', () => {
    const state = withPeers([
      peer(null, { clientId: 1, paragraphId: 'op1' }),
      peer(null, { clientId: 2, role: 'facilitator', delegation: 'CHAIR', paragraphId: 'op2i2a' }),
    ]);
    const found = facilitatorParagraph(state);
    expect(found?.id).toBe('op2i2a');
    expect(found?.pos).toBe(findNodeById(state.doc, 'op2i2a'));
  });

  it('answers null with no facilitator, or one on a paragraph this replica does not have', () => {
    expect(facilitatorParagraph(withPeers([peer(null, { paragraphId: 'op1' })]))).toBeNull();
    expect(facilitatorParagraph(withPeers([peer(null, { role: 'facilitator', paragraphId: 'gone' })]))).toBeNull();
  });
});

describe('delegationColour', () => {
  it('gives a code the same colour every time, and different codes different colours', () => {
    expect(delegationColour('CAN')).toBe(delegationColour('CAN'));
    const colours = new Set(['CAN', 'BRA', 'EU', 'GHA', 'SWE', 'CHL'].map(delegationColour));
    expect(colours.size).toBeGreaterThanOrEqual(4);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });
});
