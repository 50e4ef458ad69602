/**
 * Stable numbering during negotiation: paragraphs keep the numbers of a base revision,
 * a paragraph inserted after OP 5 is "OP 5 bis", then "ter", "quater" ... (PP alike, and
 * "(c) bis" in a decision), and "Issue clean text" renumbers once, with a table from the
 * old labels to the new ones. Labels are computed from the base numbers the document
 * carries in its header (negotiation-base.ts), never stored.
 */
import { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { readHeader } from '../document/header.js';
import { decisionParagraphLabel, type Language } from '../document/labels.js';
import { computeNumbering } from '../document/numbering.js';
import { baseNumbers, readNegotiationBase } from './negotiation-base.js';
import { msg } from '../i18n/message.js';
import { NegotiationError } from './paragraph-ops.js';
import { paragraphBracket, paragraphStatus, topParagraphs } from './model.js';

const latin = ['', 'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];

/** The Latin ordinal of the n-th paragraph at one number: 2 = "bis" ... 10 = "decies", then "11" ... */
export function latinOrdinal(n: number): string {
  return latin[n - 1] ?? String(n);
}

const parts = new Set(['preamble', 'operative', 'decision_body']);

type PartLabel = (n: number, language: Language) => string;
// A decision paragraph is lettered as the document prints it: "(b)" in English, "b)" in French.
const partLabel: Record<string, PartLabel> = {
  preamble: (n) => `PP ${n}`,
  operative: (n) => `OP ${n}`,
  decision_body: (n, language) => (n >= 1 ? decisionParagraphLabel(n, language) : `(${String.fromCharCode(96 + Math.min(n, 26))})`),
};

/** The base numbers of stable numbering: paragraph id -> its number in the base revision. */
export type BaseNumbers = Readonly<Record<string, number>>;

/**
 * The stable label ("OP 5", "OP 5 bis", "PP 2 ter", "OP 7 alt", "(c) bis") of every
 * top-level paragraph of `doc`, by id, against `base`: the base numbers a document in
 * negotiation carries (`readNegotiationBase(doc).numbers`), or the base revision's document.
 * A paragraph of the base keeps its base number wherever it now stands; one that is not
 * in the base takes the number of the last base paragraph before it with the next
 * Latin ordinal ("0 bis" before the first); an alternative takes its base paragraph's
 * label with "alt", "alt 2" ... Without a base, every paragraph is its own base.
 */
export function stableLabels(doc: Node, base: Node | BaseNumbers = doc): Map<string, string> {
  const numbers = base instanceof Node ? baseNumbers(base) : base;
  const labels = new Map<string, string>();
  const language = readHeader(doc).language;
  doc.descendants((part) => {
    if (!parts.has(part.type.name)) return !part.isTextblock;
    const partOf = partLabel[part.type.name];
    const label = (n: number) => (partOf ? partOf(n, language) : String(n));
    let last = 0;
    let inserted = 1;
    const alternatives = new Map<string, number>();
    part.forEach((paragraph) => {
      const id = String(paragraph.attrs.id);
      const of = String(paragraph.attrs.alternativeOf ?? '');
      if (of !== '' && labels.has(of)) {
        const k = (alternatives.get(of) ?? 0) + 1;
        alternatives.set(of, k);
        labels.set(id, `${labels.get(of) ?? ''} ${k === 1 ? 'alt' : `alt ${k}`}`);
        return;
      }
      const n = Object.hasOwn(numbers, id) ? numbers[id] : undefined;
      if (n !== undefined) {
        last = n;
        inserted = 1;
        labels.set(id, label(n));
      } else {
        inserted++;
        labels.set(id, `${label(last)} ${latinOrdinal(inserted)}`);
      }
    });
    return false;
  });
  return labels;
}

/**
 * The stable labels of `doc` against the negotiation base it carries in its header, or null
 * when it is not in negotiation (its numbers are then the fresh ones).
 */
export function documentStableLabels(doc: Node): Map<string, string> | null {
  const base = readNegotiationBase(doc);
  return base ? stableLabels(doc, base.numbers) : null;
}

/** One row of the old -> new number table: a surviving paragraph's id and both labels. */
export type NumberChange = { id: string; old: string; new: string };

/** The clean revision issued from a negotiated text, and its number table. */
export type CleanIssue = { doc: Node; table: NumberChange[] };

/**
 * "Issue clean text": a new document where paragraphs with status "deleted" are gone
 * (an alternative of a deleted paragraph becomes the base of the others), paragraphs
 * agreed or agreed ad ref lose their brackets (the text stays; a deletion proposal and
 * an alternative group are left for the room to decide: nothing of a delegation's
 * proposal disappears unseen), and every
 * paragraph is numbered afresh. Cross-references point to ids, so they follow. `table`
 * maps each surviving top-level paragraph's stable label against `base` (default: the base
 * `doc` carries in its header, else `doc` itself) to its new label, in document order. The
 * clean text is out of negotiation: its header carries no base. Throws a NegotiationError when it would leave the operative
 * part or a decision without paragraphs.
 */
export function issueCleanText(doc: Node, base: Node | BaseNumbers = readNegotiationBase(doc)?.numbers ?? doc): CleanIssue {
  const old = stableLabels(doc, base);
  const tr = new Transform(doc);
  const deleted = new Set<string>();
  const spans: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (parts.has(node.type.name)) {
      let survivors = 0;
      node.forEach((p) => (survivors += paragraphStatus(p).state === 'deleted' ? 0 : 1));
      if (survivors === 0 && node.type.name !== 'preamble') throw new NegotiationError(msg('checks:negotiation.cleanTextEmpty'));
      return true;
    }
    if (!topParagraphs.has(node.type.name)) return !node.isTextblock;
    const status = paragraphStatus(node);
    if (status.state === 'deleted') {
      deleted.add(String(node.attrs.id));
      spans.push({ from: pos, to: pos + node.nodeSize });
    }
    return false;
  });
  promoteAlternatives(doc, tr, deleted);
  for (const span of [...spans].reverse()) tr.delete(span.from, span.to);
  agreeAgreedParagraphs(tr);
  if (readNegotiationBase(tr.doc)) tr.setNodeAttribute(0, 'negotiation', null);
  const numbering = computeNumbering(tr.doc);
  const table: NumberChange[] = [];
  tr.doc.descendants((node) => {
    if (!topParagraphs.has(node.type.name)) return !node.isTextblock;
    const id = String(node.attrs.id);
    table.push({ id, old: old.get(id) ?? '', new: numbering.byId.get(id)?.path ?? '' });
    return false;
  });
  return { doc: tr.doc, table };
}

// The first surviving alternative of a deleted paragraph becomes the base of the others.
function promoteAlternatives(doc: Node, tr: Transform, deleted: ReadonlySet<string>): void {
  const promoted = new Map<string, string>();
  doc.descendants((node, pos) => {
    if (!topParagraphs.has(node.type.name)) return !node.isTextblock;
    const of = String(node.attrs.alternativeOf ?? '');
    if (of === '' || !deleted.has(of) || deleted.has(String(node.attrs.id))) return false;
    const heir = promoted.get(of);
    if (heir === undefined) promoted.set(of, String(node.attrs.id));
    tr.setNodeAttribute(pos, 'alternativeOf', heir ?? '');
    return false;
  });
}

// Brackets inside agreed paragraphs are agreed: unwrap them, deepest first, and clear the
// whole-paragraph brackets of the paragraph and its subparagraphs.
function agreeAgreedParagraphs(tr: Transform): void {
  for (;;) {
    let target: { pos: number; node: Node } | null = null;
    tr.doc.descendants((node, pos) => {
      if (target) return false;
      if (topParagraphs.has(node.type.name)) {
        const state = paragraphStatus(node).state;
        if (state !== 'agreed' && state !== 'agreed_ad_ref') return false;
        if (paragraphBracket(node)) tr.setNodeAttribute(pos, 'bracket', null);
        // Its subparagraphs bracketed whole are agreed with it (attributes only: positions stay).
        node.descendants((child, offset) => {
          if (child.isTextblock) return false;
          if (paragraphBracket(child)) tr.setNodeAttribute(pos + 1 + offset, 'bracket', null);
          return true;
        });
      }
      if (node.type.name === 'bracket' && node.attrs.deletion !== true && tr.doc.resolve(pos).parent.type.name !== 'bracket_alternatives') target = { pos, node };
      return !target;
    });
    if (!target) return;
    const { pos, node } = target as { pos: number; node: Node };
    if (node.content.size === 0) tr.delete(pos, pos + node.nodeSize);
    else tr.replaceWith(pos, pos + node.nodeSize, node.content);
  }
}

/** The number table as text, one "old<TAB>new" line per paragraph, after a header line. */
export function numberTableText(table: readonly NumberChange[]): string {
  return `${['old\tnew', ...table.map((row) => `${row.old}\t${row.new}`)].join('\n')}\n`;
}
