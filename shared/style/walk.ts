/**
 * The structural pass of the style checker: every paragraph the rules look at, in document
 * order, with what its place in the document asks of it (its final punctuation, its opener
 * part, the group whose openers it repeats) and its path for messages. It reads block
 * structure only, never text, so it is cheap enough to run on every check.
 */
import type { Node } from 'prosemirror-model';
import type { Numbering } from '../document/numbering.js';
import { hint } from './hint-text.js';
import type { Expectation } from './rules/punctuation.js';
import type { OpenerPart, UnitKind } from './types.js';

/**
 * One checked paragraph. `textNode` holds its text (its `paragraph_text`, or the
 * `annex_paragraph` itself) and `textPos` is the position before `textNode`. `part` is the
 * opener grammar it follows (PP, OP and decision paragraphs only); `group` the sequence in
 * which repeated openers are counted; `expected` its final punctuation (null where no rule
 * applies: list items, annex paragraphs and what they hold). `first` marks the first
 * paragraph of its part (PP 1, OP 1, a decision's first paragraph), where Arabic writes
 * "إذ" rather than "وإذ".
 */
export type Unit = {
  id: string;
  kind: UnitKind;
  path: string;
  textNode: Node;
  textPos: number;
  part: OpenerPart | null;
  group: 'pp' | 'op' | 'decision' | null;
  expected: Expectation | null;
  first?: boolean;
};

// `reason`: the catalogue keys (app:styleHints.reasons.*) of its paragraphs' closing marks.
const top: Readonly<Record<string, { kind: UnitKind; part: OpenerPart; reason: { last: string; other: string } }>> = {
  preamble: { kind: 'pp', part: 'pp', reason: { last: 'reasons.pp', other: 'reasons.pp' } },
  operative: { kind: 'op', part: 'op', reason: { last: 'reasons.lastOp', other: 'reasons.op' } },
  decision_body: { kind: 'decision', part: 'op', reason: { last: 'reasons.lastDecision', other: 'reasons.decision' } },
};

/** The paragraphs of `doc` to check, in document order; `numbering` supplies their paths. */
export function collectUnits(doc: Node, numbering: Numbering): Unit[] {
  const pathAt = new Map(numbering.entries.map((e) => [e.pos, e.path]));
  const units: Unit[] = [];
  const visit = (node: Node, pos: number, kind: UnitKind, closing: Expectation | null, head: Pick<Unit, 'part' | 'group'>): void => {
    const text = node.firstChild;
    if (!text || text.type.name !== 'paragraph_text') return;
    const children: { node: Node; pos: number }[] = [];
    node.forEach((child, offset) => {
      if (offset > 0) children.push({ node: child, pos: pos + 1 + offset });
    });
    const introduces = children.length > 0;
    const onlyLists = children.every((c) => c.node.type.name === 'numbered_list');
    const expected: Expectation | null = closing === null ? null : introduces
      ? { mark: ':', reason: hint(onlyLists ? 'reasons.list' : 'reasons.subparagraphs') }
      : closing;
    units.push({ id: idOf(node), kind, path: pathAt.get(pos) ?? 'Paragraph', textNode: text, textPos: pos + 1, ...head, expected });
    children.forEach((child, i) => {
      const name = child.node.type.name;
      if (name === 'numbered_list') {
        child.node.forEach((item, offset) => visit(item, child.pos + 1 + offset, 'item', null, { part: null, group: null }));
        return;
      }
      const last = i === children.length - 1;
      // In the preamble every subparagraph ends with the preamble's comma (all 11 PP
      // subparagraphs of the 74th-session resolutions do); elsewhere a semicolon.
      const subClosing: Expectation | null = closing === null ? null : last
        ? { mark: closing.mark, reason: hint('reasons.lastSub', { reason: closing.reason }) }
        : closing.mark === ','
          ? { mark: ',', reason: hint('reasons.ppSub') }
          : { mark: ';', reason: hint('reasons.subNotLast') };
      visit(child.node, child.pos, name === 'sub_subparagraph' ? 'subsub' : 'sub', subClosing, { part: null, group: null });
    });
  };
  doc.forEach((section, sectionPos) => {
    const name = section.type.name;
    const spec = top[name];
    if (spec) {
      // A paragraph's alternatives ("OP 7 alt") stand in its place: the last paragraph is the
      // last that is not an alternative (its alternatives end as it does), and alternatives do
      // not count as uses of their opener (the base paragraph's opener is used once).
      let lastBase = -1;
      section.forEach((paragraph, _offset, index) => {
        if (!isAlternative(paragraph)) lastBase = index;
      });
      section.forEach((paragraph, offset, index) => {
        const last = index >= lastBase;
        const closing: Expectation = spec.kind === 'pp'
          ? { mark: ',', reason: hint(spec.reason.other) }
          : last ? { mark: '.', reason: hint(spec.reason.last) } : { mark: ';', reason: hint(spec.reason.other) };
        const group = isAlternative(paragraph) ? null : spec.kind === 'pp' ? 'pp' : spec.kind === 'op' ? 'op' : 'decision';
        const before = units.length;
        visit(paragraph, sectionPos + 1 + offset, spec.kind, closing, { part: spec.part, group });
        const unit = units[before];
        if (index === 0 && unit) unit.first = true;
      });
    } else if (name === 'annex') {
      const annexPath = pathAt.get(sectionPos) ?? 'Annex';
      let n = 0;
      section.forEach((child, offset) => {
        const pos = sectionPos + 1 + offset;
        if (child.type.name === 'annex_paragraph') {
          units.push({ id: idOf(child), kind: 'annex', path: `${annexPath}, paragraph ${++n}`, textNode: child, textPos: pos, part: null, group: null, expected: null });
        } else if (child.type.name === 'numbered_list') {
          child.forEach((item, itemOffset) => visit(item, pos + 1 + itemOffset, 'item', null, { part: null, group: null }));
        }
      });
    }
  });
  return units;
}

function isAlternative(node: Node): boolean {
  const of: unknown = node.attrs.alternativeOf;
  return typeof of === 'string' && of !== '';
}

function idOf(node: Node): string {
  const id: unknown = node.attrs.id;
  return typeof id === 'string' ? id : '';
}
