/**
 * Turns a paragraph tree into a schema-valid ProseMirror document: fresh ids on every
 * paragraph-level node, inline text parsed (openers, emphasis, footnotes), openers
 * detected where the text carries no `*` markers for that kind of paragraph.
 */
import type { Node } from 'prosemirror-model';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { msg, type Message, type MessageValue } from '../i18n/message.js';
import { newId } from '../ids.js';
import { parseBracketed, takeWholeBracket } from './brackets.js';
import type { ImportedHeader } from './header-lines.js';
import { parseInline, type InlineOptions } from './inline.js';
import { detectOpener } from './openers.js';
import type { Tag } from './tags.js';
import type { AnnexNode, ListNode, Para, Tree } from './tree.js';

/** What the node builder needs besides the tree. */
export type BuildInput = {
  tree: Tree;
  header: ImportedHeader;
  title: string;
  body: string;
  /** The text of footnote n, or null to drop its marker. */
  footnote: (n: number) => string | null;
  /** Reports an unbalanced bracket in paragraph `where` ("OP 7", "OP 7 (a)"), near the text `near`. */
  warn?: (where: MessageValue, problem: Message, near: string) => void;
};

const { nodes } = resolutionSchema;

const bracketable: ReadonlySet<string> = new Set(['preambular_paragraph', 'operative_paragraph', 'decision_paragraph', 'subparagraph', 'sub_subparagraph']);

/** The document built from `input`; throws (a RangeError from ProseMirror) only on an internal bug. */
export function buildDocumentNode(input: BuildInput): Node {
  const { tree, header, footnote } = input;
  const starred = (list: Para[]) => list.some((p) => p.text.trimStart().replace(/^\[/, '').startsWith('*'));
  const detectPp = !starred(tree.preamble);
  const detectOp = !starred(tree.operative) && !starred(tree.decision);
  const inline = (kind: 'pp' | 'op' | null): InlineOptions => ({
    opener: true,
    footnote,
    ...(kind && (kind === 'pp' ? detectPp : detectOp) ? { detect: (text: string) => detectOpener(text, kind) } : {}),
  });
  const inlineOf = (raw: string, options: InlineOptions, where: MessageValue): Node[] =>
    parseBracketed(
      raw,
      (text, first) => parseInline(text, first ? options : { opener: options.opener, ...(options.footnote ? { footnote: options.footnote } : {}) }),
      (problem, near) => input.warn?.(where, problem, near),
    );
  const para = (p: Para, where: MessageValue, alternativeOf = ''): Node => {
    const kind = p.type === 'preambular_paragraph' ? 'pp' : p.type === 'operative_paragraph' || p.type === 'decision_paragraph' ? 'op' : null;
    const whole = bracketable.has(p.type) ? takeParagraphBracket(p) : null;
    const text = nodes.paragraph_text.create(null, inlineOf(p.text.trim(), inline(kind), where));
    const attrs: Record<string, unknown> = { id: newId() };
    if (whole) attrs.bracket = { id: newId(), proposedBy: whole.codes, supportedBy: [], opposedBy: [], revision: '' };
    if (alternativeOf !== '') attrs.alternativeOf = alternativeOf;
    let letters = 0;
    const children = p.children.map((c) => ('items' in c ? list(c, where) : para(c, msg('formats:place.sub', { where, label: childLabel(c, ++letters) }))));
    return nodes[p.type].createChecked(attrs, [text, ...children]);
  };
  const list = (l: ListNode, where: MessageValue): Node => nodes.numbered_list.createChecked(null, l.items.map((item, i) => para(item, msg('formats:place.item', { where, n: i + 1 }))));
  const top = (name: string) => (p: Para, index: number): Node[] => {
    // "OP 3", "PP 2": the document's own notation, as the style checker names places.
    const label: MessageValue = name === '' ? msg('formats:place.letter', { label: childLabel(p, index + 1) }) : `${name} ${index + 1}`;
    const base = para(p, label);
    let alternatives = 0;
    const extraLabel = (extra: Para): Message =>
      extra.alternative ? (++alternatives === 1 ? msg('formats:place.alt', { label }) : msg('formats:place.altN', { label, n: alternatives })) : msg('formats:place.bis', { label });
    return [base, ...p.extras.map((extra) => para(extra, extraLabel(extra), extra.alternative ? String(base.attrs.id) : ''))];
  };
  const annex = (a: AnnexNode, index: number): Node =>
    nodes.annex.createChecked({ id: newId() }, [
      nodes.annex_title.createChecked(null, parseInline(a.title, { opener: false })),
      ...a.content.map((c) =>
        typeof c === 'string' ? nodes.annex_paragraph.createChecked({ id: newId() }, inlineOf(c.trim(), inline(null), msg('formats:place.annex', { n: index + 1 }))) : list(c, msg('formats:place.annex', { n: index + 1 })),
      ),
    ]);
  const main =
    tree.kind === 'decision'
      ? [nodes.decision_body.createChecked(null, tree.decision.flatMap(top('')))]
      : [nodes.preamble.createChecked(null, tree.preamble.flatMap(top('PP'))), nodes.operative.createChecked(null, tree.operative.flatMap(top('OP')))];
  const body = input.body.trim();
  return nodes.doc.createChecked(null, [
    nodes.header.create({ ...header, sponsors: [...header.sponsors] }),
    nodes.title.createChecked({ id: newId() }, parseInline(input.title.trim(), { opener: false })),
    nodes.body_line.createChecked({ id: newId() }, body === '' ? [] : [resolutionSchema.text(body)]),
    ...main,
    ...tree.annexes.map(annex),
  ]);
}

function childLabel(child: Para, n: number): MessageValue {
  return child.type === 'sub_subparagraph' ? msg('formats:place.subSub', { n }) : String.fromCharCode(96 + Math.min(n, 26));
}

// A whole-paragraph bracket: the paragraph's own text opens it and its last descendant's
// text closes it (see `takeWholeBracket`); the texts of `p` are updated in place.
function takeParagraphBracket(p: Para): Tag | null {
  const holders: Para[] = [];
  const walk = (q: Para) => {
    holders.push(q);
    for (const c of q.children) {
      if ('items' in c) c.items.forEach(walk);
      else walk(c);
    }
  };
  walk(p);
  const texts = holders.map((q) => q.text.trimEnd());
  const tag = takeWholeBracket(texts);
  if (!tag) return null;
  holders.forEach((q, i) => (q.text = texts[i] ?? q.text));
  return tag;
}
