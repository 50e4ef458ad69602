import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { findTemplate } from '../../../seeds/index.js';
import {
  firstEmptyTextblock,
  placeholderDecorations,
  placeholderKey,
  placeholderPlugin,
} from '../../../renderer/editor/placeholder-plugin.js';

const blank = () => resolutionSchema.nodeFromJSON(findTemplate('blank-resolution')!.doc);

function emptyBlocks(doc: ReturnType<typeof blank>): { type: string; parent: string; from: number }[] {
  const out: { type: string; parent: string; from: number }[] = [];
  doc.descendants((node, pos, parent) => {
    if (node.isTextblock && node.content.size === 0) out.push({ type: node.type.name, parent: parent?.type.name ?? '', from: pos });
    return !node.isTextblock;
  });
  return out;
}

describe('placeholders', () => {
  it('mark the empty title, preambular and operative paragraphs of the blank template', () => {
    const doc = blank();
    const set = placeholderDecorations(doc);
    const decorated = set.find().map((d) => d.from).sort((a, b) => a - b);
    const empty = emptyBlocks(doc);
    expect(empty.map((e) => e.parent === 'doc' ? e.type : e.parent)).toEqual(['title', 'preambular_paragraph', 'operative_paragraph']);
    expect(decorated).toEqual(empty.map((e) => e.from));
  });

  it('disappear from a block once it has text, and the plugin recomputes only on document changes', () => {
    const state = EditorState.create({ doc: blank(), plugins: [placeholderPlugin()] });
    const titlePos = firstEmptyTextblock(state.doc)!;
    const typed = state.apply(state.tr.insertText('Protecting journalists', titlePos));
    const before = placeholderKey.getState(state)!.find().length;
    const after = placeholderKey.getState(typed)!.find().length;
    expect(after).toBe(before - 1);
    const selectionOnly = typed.apply(typed.tr.setMeta('noop', true));
    expect(placeholderKey.getState(selectionOnly)).toBe(placeholderKey.getState(typed));
  });

  it('finds the first empty text block: the title of a blank document, nothing in a full one', () => {
    const doc = blank();
    expect(doc.resolve(firstEmptyTextblock(doc)!).parent.type.name).toBe('title');
    const full = buildDocument({ title: 'T', body: 'The General Assembly,', preamble: ['Recalling its resolution,'], operative: ['Requests a report.'] });
    expect(firstEmptyTextblock(full)).toBeUndefined();
  });
});
