/**
 * The last pass over a document built by the plain-text importer from the encoded lines
 * (see read-encode.ts): stand-in characters back to the document's own, and each change
 * sentinel turned into the attribution of the bracket it closes. A sentinel closing a
 * whole-paragraph bracket makes an inserted paragraph the proposal of the change's
 * delegation, or a deleted paragraph a deletion proposal over the paragraph's text.
 * Adjacent change brackets that the importer grouped as alternatives (a replacement:
 * deletion then insertion) are ungrouped: they are two proposals, not a choice.
 */
import { Fragment, type Node } from 'prosemirror-model';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { newId } from '../../ids.js';
import type { Change } from './read-body.js';
import { unescapeText } from './read-encode.js';

/** Starts the text of a sentinel footnote (the footnote callback's answer for a change number). */
export const sentinelMark = '\uE0F0';

/** Who proposes a change: the delegation codes (empty when its author names none). */
export type Proposers = (change: Change) => string[];

const { nodes } = resolutionSchema;

/** `doc` with sentinels resolved through `changes` (by number) and stand-ins restored. */
export function finishDocument(doc: Node, changes: ReadonlyMap<number, Change>, proposers: Proposers): Node {
  const mine = new WeakSet<Node>();
  const sentinel = (node: Node): Change | null => {
    if (node.type !== nodes.footnote) return null;
    const text = node.textContent;
    return text.startsWith(sentinelMark) ? (changes.get(Number(text.slice(1))) ?? null) : null;
  };
  const bracketAttrs = (change: Change) => ({ id: newId(), proposedBy: proposers(change), supportedBy: [], opposedBy: [], revision: '', deletion: change.kind === 'del' });
  // Children of `node` rebuilt; the change of a sentinel among them is reported and the sentinel left out.
  const rebuildChildren = (node: Node): { children: Node[]; change: Change | null } => {
    const children: Node[] = [];
    let change: Change | null = null;
    node.forEach((child) => {
      const found = sentinel(child);
      if (found) change = found;
      else children.push(...rebuild(child));
    });
    return { children, change };
  };
  const rebuild = (node: Node): Node[] => {
    if (node.isText) {
      const text = unescapeText(node.text ?? '');
      return text === '' ? [] : [resolutionSchema.text(text, node.marks)];
    }
    const { children, change } = rebuildChildren(node);
    if (node.type === nodes.bracket && change) {
      const made = nodes.bracket.create(bracketAttrs(change), children);
      mine.add(made);
      return [made];
    }
    if (node.type === nodes.bracket_alternatives && children.every((c) => mine.has(c))) return children;
    if (node.type === nodes.paragraph_text || node.type === nodes.bracket_alternatives) return [node.copy(Fragment.from(children))];
    const first = node.firstChild;
    if (first && first.type === nodes.paragraph_text && 'bracket' in node.attrs) return [paragraph(node, children)];
    return [node.copy(Fragment.from(children))];
  };
  // A paragraph whose own text ended with a sentinel (its whole-paragraph bracket was ours).
  const paragraph = (node: Node, children: Node[]): Node => {
    const text = node.firstChild as Node;
    const own = rebuildChildren(text);
    const rest = children.slice(1);
    if (!own.change) return node.copy(Fragment.from(children));
    const attrs = bracketAttrs(own.change);
    if (node.attrs.bracket && own.change.kind === 'ins') {
      const bracket = { id: attrs.id, proposedBy: attrs.proposedBy, supportedBy: [], opposedBy: [], revision: '' };
      return node.type.create({ ...node.attrs, bracket }, [text.copy(Fragment.from(own.children)), ...rest], node.marks);
    }
    const wrapped = nodes.bracket.create(attrs, own.children);
    return node.type.create({ ...node.attrs, bracket: null }, [text.copy(Fragment.from([wrapped])), ...rest], node.marks);
  };
  const [result] = rebuild(doc);
  return liftWholeBrackets(result ?? doc, mine);
}

type Whole = { id: string; proposedBy: string[]; supportedBy: string[]; opposedBy: string[]; revision: string };

// An inserted paragraph whose subparagraphs were inserted with it is one proposal: its own
// text's bracket and the subparagraphs' whole-paragraph brackets of the same proposers
// become one whole-paragraph bracket on it.
function liftWholeBrackets(node: Node, mine: WeakSet<Node>): Node {
  if (node.isInline || node.type === nodes.paragraph_text) return node;
  const children: Node[] = [];
  node.forEach((child) => children.push(liftWholeBrackets(child, mine)));
  const text = children[0];
  const only = text?.type === nodes.paragraph_text && text.childCount === 1 ? text.firstChild : null;
  const rest = children.slice(1).filter((c) => c.type !== nodes.numbered_list);
  if (text && only && mine.has(only) && only.attrs.deletion !== true && rest.length > 0 && rest.length === children.length - 1 && 'bracket' in node.attrs && !node.attrs.bracket) {
    const proposers = JSON.stringify(only.attrs.proposedBy);
    if (rest.every((c) => (c.attrs.bracket as Whole | null)?.proposedBy && JSON.stringify((c.attrs.bracket as Whole).proposedBy) === proposers)) {
      const bracket: Whole = { id: String(only.attrs.id), proposedBy: only.attrs.proposedBy as string[], supportedBy: [], opposedBy: [], revision: '' };
      const lifted = [text.copy(only.content), ...rest.map((c) => c.type.create({ ...c.attrs, bracket: null }, c.content, c.marks))];
      return node.type.create({ ...node.attrs, bracket }, lifted, node.marks);
    }
  }
  return node.copy(Fragment.from(children));
}
