import type { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { canSplit } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { ProsemirrorBinding, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { changedSubtree, syncChangedSubtree } from '../../../renderer/editor/y-sync-subtree.js';

const doc = buildDocument({
  title: 'Equal access to justice',
  body: 'The General Assembly,',
  preamble: [{ text: 'Recalling its resolutions,', opener: 'Recalling' }],
  operative: [
    { text: 'Requests the Secretary-General to report;', opener: 'Requests', footnotes: [{ at: 8, text: 'A/78/1.' }] },
    { text: 'Encourages Member States:', opener: 'Encourages', subparagraphs: ['To act;', 'To report;'] },
    'Decides to remain seized of the matter.',
  ],
});

// A binding on a fresh Y.Doc, synced the full way with `doc` (as the editor's first change is).
function bound(start: Node): { binding: ProsemirrorBinding; fragment: Y.XmlFragment; state: EditorState } {
  const fragment = new Y.Doc().getXmlFragment('prosemirror');
  const binding = new ProsemirrorBinding(fragment);
  const state = EditorState.create({ schema: resolutionSchema, doc: start });
  binding.prosemirrorView = { state };
  binding._prosemirrorChanged(start);
  return { binding, fragment, state };
}

// Every position where text can be typed.
function textPositions(node: Node): number[] {
  const out: number[] = [];
  node.descendants((child, pos) => {
    if (child.isTextblock) for (let p = pos + 1; p <= pos + 1 + child.content.size; p++) out.push(p);
    return true;
  });
  return out;
}

describe('syncing one changed subtree into the Y.Doc', () => {
  it('finds the paragraph text a keystroke changed, by node identity', () => {
    let at = -1;
    doc.descendants((node, pos) => {
      if (at < 0 && node.type.name === 'paragraph_text' && node.textContent.startsWith('Encourages')) at = pos + 3;
      return at < 0;
    });
    const after = EditorState.create({ doc }).tr.insertText('x', at).doc;
    const path = changedSubtree(doc, after);
    expect(path?.nodes.map((n) => n.type.name)).toEqual(['doc', 'operative', 'operative_paragraph', 'paragraph_text']);
    expect(path?.indices).toEqual([4, 1, 0]);
    expect(changedSubtree(doc, doc)).toBeNull();
  });

  it('leaves the Y.Doc equal to the editor after random edits of every kind', () => {
    const { binding, fragment } = bound(doc);
    let state = (binding.prosemirrorView as { state: EditorState }).state;
    let seed = 11;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let subtree = 0;
    for (let step = 0; step < 300; step++) {
      const positions = textPositions(state.doc);
      const at = positions[Math.floor(next() * positions.length)] ?? 1;
      const roll = next();
      let tr: Transaction = state.tr;
      if (roll < 0.5) tr = tr.insertText('ab'.charAt(Math.floor(next() * 2)), at);
      else if (roll < 0.7) tr = tr.delete(at, Math.min(at + 1 + Math.floor(next() * 3), state.doc.content.size));
      else if (roll < 0.8) {
        if (canSplit(state.doc, at, 2)) tr = tr.split(at, 2);
      }
      else if (roll < 0.9) tr = tr.delete(Math.max(1, at - 8), at);
      else {
        const $at = state.doc.resolve(at);
        if ($at.depth >= 2) tr = tr.setNodeMarkup($at.before(2), undefined, { ...$at.node(2).attrs, id: `p${step}` });
      }
      if (!tr.docChanged) continue;
      state = state.apply(tr);
      binding.prosemirrorView = { state };
      if (syncChangedSubtree(binding, state.doc)) subtree++;
      else binding._prosemirrorChanged(state.doc);
      expect(yXmlFragmentToProseMirrorRootNode(fragment, resolutionSchema).eq(state.doc), `step ${step}`).toBe(true);
    }
    expect(subtree).toBeGreaterThan(150);
  });

  it('refuses when it does not know what the Y.Doc was last synced with', () => {
    const { binding } = bound(doc);
    binding.mapping.clear();
    const at = textPositions(doc)[5] ?? 1;
    expect(syncChangedSubtree(binding, EditorState.create({ doc }).tr.insertText('x', at).doc)).toBe(false);
  });
});
