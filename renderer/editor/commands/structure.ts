import { Fragment, Slice } from 'prosemirror-model';
import type { Node, NodeType, ResolvedPos } from 'prosemirror-model';
import { Selection, TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { newId } from '../../../shared/ids.js';

/**
 * What the structure commands share: finding the paragraph-level node around the cursor,
 * converting a paragraph to another level with its children, and strict replacements that
 * fail (instead of "fitting" content) when the result would break the schema.
 */

/** Types whose first child is a `paragraph_text` and which the structure commands move and nest. */
export const paragraphTypeNames: ReadonlySet<string> = new Set([
  'preambular_paragraph',
  'operative_paragraph',
  'decision_paragraph',
  'subparagraph',
  'sub_subparagraph',
  'list_item',
]);

/** The lettered child type each paragraph type holds ((a) under OP, PP, list item; (i) under (a) and decision paragraphs). */
export const subLevelOf: Readonly<Record<string, string | undefined>> = {
  preambular_paragraph: 'subparagraph',
  operative_paragraph: 'subparagraph',
  list_item: 'subparagraph',
  subparagraph: 'sub_subparagraph',
  decision_paragraph: 'sub_subparagraph',
};

/**
 * The paragraph around a text position: its node, its position (before its opening token),
 * its depth, its index in its parent, and the cursor's offset in its text.
 */
export type ParagraphContext = { node: Node; pos: number; depth: number; index: number; parent: Node; offset: number };

/** The paragraph-level node whose `paragraph_text` holds `$pos`, or null (title, body line, annex ...). */
export function paragraphAt($pos: ResolvedPos): ParagraphContext | null {
  if ($pos.parent.type.name !== 'paragraph_text' || $pos.depth < 2) return null;
  const depth = $pos.depth - 1;
  const node = $pos.node(depth);
  if (!paragraphTypeNames.has(node.type.name)) return null;
  return { node, pos: $pos.before(depth), depth, index: $pos.index(depth - 1), parent: $pos.node(depth - 1), offset: $pos.parentOffset };
}

/** The paragraph around an empty selection, or null when the selection is a range or not in paragraph text. */
export function cursorParagraph(state: EditorState): ParagraphContext | null {
  return state.selection.empty ? paragraphAt(state.selection.$from) : null;
}

/** True when a paragraph has no text and no children. */
export function isEmptyParagraph(node: Node): boolean {
  return node.childCount === 1 && node.firstChild?.content.size === 0;
}

/** The schema node type called `name` (throws for an unknown name: a programming error). */
export function typeOf(name: string): NodeType {
  const type = resolutionSchema.nodes[name];
  if (!type) throw new Error(`unknown node type "${name}"`);
  return type;
}

/** A new empty paragraph of `type` with a fresh id. */
export function emptyParagraph(type: NodeType): Node {
  return type.create({ id: newId() }, resolutionSchema.nodes.paragraph_text.create());
}

/**
 * `node` rebuilt as `target` (same id, same text), its lettered children converted to the
 * child level of `target` and `extra` appended as further children; null when the result
 * cannot be valid (e.g. a (i) cannot hold children, a preambular paragraph cannot hold a list).
 */
export function convertTo(node: Node, target: NodeType, extra: readonly Node[] = []): Node | null {
  const childLevel = subLevelOf[target.name];
  const children: Node[] = [];
  let failed = false;
  const add = (child: Node) => {
    if (child.type.name === 'paragraph_text' || child.type.name === 'numbered_list') return children.push(child);
    if (!paragraphTypeNames.has(child.type.name) || !childLevel) return (failed = true);
    const converted = child.type.name === childLevel ? child : convertTo(child, typeOf(childLevel));
    if (!converted) return (failed = true);
    return children.push(converted);
  };
  node.forEach(add);
  extra.forEach(add);
  if (failed) return null;
  const content = Fragment.fromArray(children);
  return target.validContent(content) ? target.create(node.attrs, content) : null;
}

/**
 * Replaces `from..to` with `nodes` as one strict step: returns false (leaving `tr` as it
 * was) when the parent would not accept them, where `replaceWith` would wrap or drop content.
 */
export function replaceNodes(tr: Transaction, from: number, to: number, nodes: readonly Node[]): boolean {
  return !tr.maybeStep(new ReplaceStep(from, to, new Slice(Fragment.fromArray([...nodes]), 0, 0))).failed;
}

/** Puts the cursor at `offset` in the text of the paragraph starting at `paragraphPos` in `tr.doc`. */
export function cursorInParagraph(tr: Transaction, paragraphPos: number, offset = 0): Transaction {
  const textNode = tr.doc.nodeAt(paragraphPos)?.firstChild;
  const clamped = Math.min(offset, textNode?.content.size ?? 0);
  return tr.setSelection(TextSelection.create(tr.doc, paragraphPos + 2 + clamped));
}

/** The cursor at the end of the last textblock before `pos` (null when there is none). */
export function endOfTextblockBefore(doc: Node, pos: number): Selection | null {
  const found = Selection.findFrom(doc.resolve(pos), -1, true);
  return found && found.$from.parent.isTextblock ? TextSelection.create(doc, found.$from.end()) : null;
}
