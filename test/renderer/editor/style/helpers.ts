import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Plugin } from 'prosemirror-state';
import { resolutionSchema } from '../../../../schemas/resolution-schema.js';
import { buildDocument, type DocumentSpec } from '../../../../shared/document/build.js';

/** A document built from `spec` with title and body filled in. */
export function docOf(spec: Partial<DocumentSpec>): Node {
  return buildDocument({ title: 'Equal access to justice', body: 'The General Assembly,', operative: ['Decides to remain seized of the matter.'], ...spec });
}

/** A state over `doc` with `plugins`. */
export function stateOf(doc: Node, plugins: Plugin[]): EditorState {
  return EditorState.create({ schema: resolutionSchema, doc, plugins });
}

/** The position before the `paragraph_text` of the paragraph with `id`. */
export function textPosOf(doc: Node, id: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.attrs.id === id && node.firstChild?.type.name === 'paragraph_text') found = pos + 1;
    return true;
  });
  if (found < 0) throw new Error(`no paragraph ${id}`);
  return found;
}

/** The paragraph text of paragraph `id`. */
export function textOf(doc: Node, id: string): string {
  return doc.nodeAt(textPosOf(doc, id))?.textContent ?? '';
}

/** The opener-marked text of paragraph `id`. */
export function openerOf(doc: Node, id: string): string {
  let out = '';
  doc.nodeAt(textPosOf(doc, id))?.forEach((child) => {
    if (child.isText && child.marks.some((m) => m.type.name === 'opener')) out += child.text ?? '';
  });
  return out;
}

/** Types `text` character by character at the end of paragraph `id`'s text, one transaction each (as a keyboard would). */
export function typeAtEnd(state: EditorState, id: string, text: string): EditorState {
  let current = state;
  for (const ch of text) {
    const pos = textPosOf(current.doc, id);
    const end = pos + (current.doc.nodeAt(pos)?.nodeSize ?? 2) - 1;
    const tr = current.tr.setSelection(TextSelection.create(current.doc, end)).insertText(ch);
    current = current.apply(tr);
  }
  return current;
}
