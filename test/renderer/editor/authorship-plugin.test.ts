import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import * as Y from 'yjs';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { authorPalette, authorshipDecorations, authorshipRanges } from '../../../renderer/editor/authorship-plugin.js';
import { createYDoc, docToYDoc, prosemirrorFragment, yDocToDoc } from '../../../shared/ydoc.js';
import { sampleResolution } from '../../shared/document/sample-documents.js';

// Every XmlText of the fragment, in document order.
function texts(ydoc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(prosemirrorFragment(ydoc));
  return out;
}

function allText(doc: Node): string {
  let out = '';
  doc.descendants((n) => {
    if (n.isText) out += n.text ?? '';
  });
  return out;
}

// A second writer: a replica of `base` with its own client id that makes `edit` and syncs back.
function peerEdit(base: Y.Doc, edit: (peer: Y.Doc) => void): number {
  const peer = createYDoc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(base));
  edit(peer);
  Y.applyUpdate(base, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(base)));
  return peer.clientID;
}

describe('authorshipRanges', () => {
  it('covers exactly the text of the bound document, footnotes and all, at its positions', () => {
    const ydoc = docToYDoc(sampleResolution());
    const doc = yDocToDoc(ydoc);
    const ranges = authorshipRanges(ydoc);
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.map((r) => doc.textBetween(r.from, r.to)).join('')).toBe(allText(doc));
    expect(new Set(ranges.map((r) => r.clientId))).toEqual(new Set([ydoc.clientID]));
  });

  it('attributes a peer’s insertion to the peer and skips deleted text', () => {
    const ydoc = docToYDoc(sampleResolution());
    const target = texts(ydoc).find((t) => t.toString().includes('training for teachers'));
    expect(target).toBeDefined();
    const index = texts(ydoc).indexOf(target as Y.XmlText);
    const peer = peerEdit(ydoc, (p) => {
      const text = texts(p)[index] as Y.XmlText;
      text.insert(0, 'specialized ');
      text.delete(text.length - 1, 1);
    });
    const doc = yDocToDoc(ydoc);
    const ranges = authorshipRanges(ydoc);
    expect(ranges.map((r) => doc.textBetween(r.from, r.to)).join('')).toBe(allText(doc));
    const byPeer = ranges.filter((r) => r.clientId === peer).map((r) => doc.textBetween(r.from, r.to));
    expect(byPeer).toEqual(['specialized ']);
    expect(allText(doc)).toContain('specialized training for teachers');
    expect(allText(doc)).not.toContain('teachers;');
  });
});

describe('authorPalette and authorshipDecorations', () => {
  it('gives each delegation one colour in alphabetical order, and decorates every run with its writer', () => {
    const ydoc = docToYDoc(sampleResolution());
    const index = texts(ydoc).findIndex((t) => t.toString().includes('patrols'));
    const peer = peerEdit(ydoc, (p) => (texts(p)[index] as Y.XmlText).insert(0, 'police '));
    const palette = authorPalette([
      { clientId: peer, author: 'Kofi Mensah', delegation: 'GHA' },
      { clientId: ydoc.clientID, author: 'Ana Pereira', delegation: 'BRA' },
      { clientId: 7, author: 'João Silva', delegation: 'BRA' },
    ]);
    expect(palette.legend).toEqual([
      { key: 'BRA', colour: 0, authors: ['Ana Pereira', 'João Silva'] },
      { key: 'GHA', colour: 1, authors: ['Kofi Mensah'] },
    ]);
    const doc = yDocToDoc(ydoc);
    const state = EditorState.create({ schema: resolutionSchema, doc });
    const found = authorshipDecorations(ydoc, state, palette).find();
    const ghana = found.filter((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class.includes('ph-author-1'));
    expect(ghana.map((d) => doc.textBetween(d.from, d.to))).toEqual(['police ']);
    const unknown = authorshipDecorations(ydoc, state, authorPalette([])).find();
    expect(unknown.length).toBeGreaterThan(0);
  });
});
