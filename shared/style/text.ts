/**
 * The text the style rules read, and the way back from its offsets to document positions.
 * A paragraph's text is its inline content with each inline atom (footnote marker,
 * cross-reference) standing for one OBJECT REPLACEMENT CHARACTER (U+FFFC): a footnote's own
 * text is not part of the paragraph's sentence (it would end the paragraph with the
 * footnote's full stop), and one character per atom keeps the offset-to-position mapping
 * simple for the editor.
 */
import type { Node } from 'prosemirror-model';
import type { StyleFix } from './types.js';

/** The character that stands for an inline atom in a paragraph text. */
export const atomChar = '\uFFFC';

/** An inline atom of a paragraph text: its offset (one character) and what it is. */
export type TextAtom = { offset: number; kind: 'footnote' | 'cross_reference'; id: string; text: string };

/** A paragraph's text for the rules (see the module comment) and the atoms in it. */
export type ParagraphText = { text: string; atoms: TextAtom[] };

/**
 * The text of a node with inline content (a `paragraph_text`, an `annex_paragraph`, a
 * `footnote`): text nodes as they are, each other inline node as `atomChar`.
 */
export function paragraphText(textNode: Node): ParagraphText {
  let text = '';
  const atoms: TextAtom[] = [];
  const walk = (parent: Node) =>
    parent.forEach((child) => {
      if (child.isText) {
        text += child.text ?? '';
        return;
      }
      if (isTransparent(child)) {
        if (child.type.name === 'bracket_alternatives') {
          if (child.firstChild) walk(child.firstChild);
        } else walk(child);
        return;
      }
      const kind = child.type.name === 'footnote' ? 'footnote' : 'cross_reference';
      const id = kind === 'footnote' ? String(child.attrs.id ?? '') : String(child.attrs.target ?? '');
      atoms.push({ offset: text.length, kind, id, text: kind === 'footnote' ? child.textContent : '' });
      text += atomChar;
    });
  walk(textNode);
  return { text, atoms };
}

// Brackets and alternative groups are inline nodes WITH content that belongs to the sentence
// (a footnote's content does not): the rules read through them as if they were not there,
// taking the first alternative of a group ("[Recalling][Reaffirming] the" reads "Recalling
// the": the alternatives stand for one another, they are not one run of words).
function isTransparent(node: Node): boolean {
  return node.isInline && !node.isLeaf && node.type.name !== 'footnote';
}

/**
 * The document position of `offset` in the text of `textNode` (as `paragraphText` counts it),
 * where `textNodePos` is the position before `textNode`'s opening token. An offset at an
 * atom's character maps to the position before the atom; an offset past the end maps to the
 * end of the content.
 */
export function textOffsetToPos(textNode: Node, textNodePos: number, offset: number): number {
  let left = offset;
  let found = -1;
  // Walks `parent`'s content from `start`; sets `found` at the position of the character at `offset`.
  const walk = (parent: Node, start: number) => {
    let pos = start;
    for (let i = 0; i < parent.childCount && found < 0; i++) {
      const child = parent.child(i);
      if (child.type.name === 'bracket_alternatives') {
        if (child.firstChild) walk(child.firstChild, pos + 2);
      } else if (isTransparent(child)) walk(child, pos + 1);
      else {
        const length = child.isText ? (child.text ?? '').length : 1;
        if (left < length) found = pos + left;
        else left -= length;
      }
      pos += child.nodeSize;
    }
  };
  walk(textNode, textNodePos + 1);
  return found >= 0 ? found : textNodePos + 1 + textNode.content.size;
}

/**
 * `text` with the edits of `fix` applied (offsets refer to the original text). Throws a
 * RangeError when an edit lies outside the text or two edits overlap.
 */
export function applyFix(text: string, fix: Pick<StyleFix, 'edits'> & { label?: string }): string {
  const edits = [...fix.edits].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.from < at || edit.from > edit.to || edit.to > text.length) {
      // internal: the style rules compute these edits; overlapping ones are a bug in a rule, not input
      throw new RangeError(`edit ${edit.from}..${edit.to} is outside the text or overlaps another edit`);
    }
    out += text.slice(at, edit.from) + edit.insert;
    at = edit.to;
  }
  return out + text.slice(at);
}
