/**
 * Turns a paragraph tree into a schema-valid ProseMirror document: fresh ids on every
 * paragraph-level node, inline text parsed (openers, emphasis, footnotes), openers
 * detected where the text carries no `*` markers for that kind of paragraph.
 */
import type { Node } from 'prosemirror-model';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { newId } from '../ids.js';
import type { ImportedHeader } from './header-lines.js';
import { parseInline, type InlineOptions } from './inline.js';
import { detectOpener } from './openers.js';
import type { AnnexNode, ListNode, Para, Tree } from './tree.js';

/** What the node builder needs besides the tree. */
export type BuildInput = {
  tree: Tree;
  header: ImportedHeader;
  title: string;
  body: string;
  /** The text of footnote n, or null to drop its marker. */
  footnote: (n: number) => string | null;
};

const { nodes } = resolutionSchema;

/** The document built from `input`; throws (a RangeError from ProseMirror) only on an internal bug. */
export function buildDocumentNode(input: BuildInput): Node {
  const { tree, header, footnote } = input;
  const starred = (list: Para[]) => list.some((p) => p.text.trimStart().startsWith('*'));
  const detectPp = !starred(tree.preamble);
  const detectOp = !starred(tree.operative) && !starred(tree.decision);
  const inline = (kind: 'pp' | 'op' | null): InlineOptions => ({
    opener: true,
    footnote,
    ...(kind && (kind === 'pp' ? detectPp : detectOp) ? { detect: (text: string) => detectOpener(text, kind) } : {}),
  });
  const para = (p: Para): Node => {
    const kind = p.type === 'preambular_paragraph' ? 'pp' : p.type === 'operative_paragraph' || p.type === 'decision_paragraph' ? 'op' : null;
    const text = nodes.paragraph_text.create(null, parseInline(p.text.trim(), inline(kind)));
    return nodes[p.type].createChecked({ id: newId() }, [text, ...p.children.map((c) => ('items' in c ? list(c) : para(c)))]);
  };
  const list = (l: ListNode): Node => nodes.numbered_list.createChecked(null, l.items.map(para));
  const annex = (a: AnnexNode): Node =>
    nodes.annex.createChecked({ id: newId() }, [
      nodes.annex_title.createChecked(null, parseInline(a.title, { opener: false })),
      ...a.content.map((c) =>
        typeof c === 'string' ? nodes.annex_paragraph.createChecked({ id: newId() }, parseInline(c.trim(), inline(null))) : list(c),
      ),
    ]);
  const main =
    tree.kind === 'decision'
      ? [nodes.decision_body.createChecked(null, tree.decision.map(para))]
      : [nodes.preamble.createChecked(null, tree.preamble.map(para)), nodes.operative.createChecked(null, tree.operative.map(para))];
  const body = input.body.trim();
  return nodes.doc.createChecked(null, [
    nodes.header.create({ ...header, sponsors: [...header.sponsors] }),
    nodes.title.createChecked({ id: newId() }, parseInline(input.title.trim(), { opener: false })),
    nodes.body_line.createChecked({ id: newId() }, body === '' ? [] : [resolutionSchema.text(body)]),
    ...main,
    ...tree.annexes.map(annex),
  ]);
}
