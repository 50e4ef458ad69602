import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import {
  addAlternative,
  addParagraphAlternative,
  agreeBracket,
  attributeBracket,
  bracketParagraph,
  bracketRange,
  chooseAlternative,
  collectBrackets,
  dropBracket,
  mergeProposals,
  NegotiationError,
  proposeDeletion,
  proposeInsertion,
  proposeReplacement,
  setParagraphStatus,
  statusStates,
  unbracketParagraph,
} from '../../../shared/negotiation/index.js';

/** The actions a random session draws from. */
export const opKinds = [
  'bracket',
  'propose-deletion',
  'propose-replacement',
  'propose-insertion',
  'add-alternative',
  'attribute',
  'agree',
  'drop',
  'choose',
  'merge',
  'bracket-paragraph',
  'unbracket-paragraph',
  'status',
  'paragraph-alternative',
] as const;

/** One random action: its kind and numbers that pick where it applies. */
export type RandomOp = { kind: (typeof opKinds)[number]; a: number; b: number; c: number; who: number };

const codes = ['EU', 'CAN', 'G77', 'USA', 'RUS', 'CHN', 'MEX', 'AUS'];

/** Random actions (1 to `max`). */
export function arbitraryOps(max = 12): fc.Arbitrary<RandomOp[]> {
  return fc.array(
    fc.record({ kind: fc.constantFrom(...opKinds), a: fc.nat(10_000), b: fc.nat(10_000), c: fc.nat(10_000), who: fc.nat(codes.length - 1) }),
    { minLength: 1, maxLength: max },
  );
}

type TextSpot = { pos: number; size: number };

// Text nodes whose parent may hold a bracket: the places a bracket or proposal can start.
function textSpots(doc: Node): TextSpot[] {
  const spots: TextSpot[] = [];
  doc.descendants((node, pos, parent) => {
    if (node.isText && parent && parent.type.name !== 'title' && parent.type.name !== 'body_line' && parent.type.name !== 'footnote' && parent.type.name !== 'annex_title') {
      spots.push({ pos, size: node.nodeSize });
    }
    return node.type.name !== 'footnote';
  });
  return spots;
}

function nodesOf(doc: Node, names: readonly string[]): number[] {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (names.includes(node.type.name)) found.push(pos);
    return !node.isText;
  });
  return found;
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

/**
 * The transaction of `op` on `state`, or null when it does not apply (no spot, or the
 * operation refuses). A NegotiationError (reopening without reason) counts as not applying.
 */
export function randomTransaction(state: EditorState, op: RandomOp): Transaction | null {
  const doc = state.doc;
  const who = codes[op.who] ?? 'EU';
  const spot = pick(textSpots(doc), op.a);
  const from = spot ? spot.pos + (op.b % spot.size) : 0;
  const to = spot ? from + 1 + (op.c % Math.max(1, spot.pos + spot.size - from)) : 0;
  const range = spot ? { from, to: Math.min(to, spot.pos + spot.size) } : null;
  const bracket = pick(collectBrackets(doc).filter((b) => b.kind === 'inline'), op.a);
  const paragraph = pick(nodesOf(doc, ['preambular_paragraph', 'operative_paragraph', 'decision_paragraph', 'subparagraph', 'sub_subparagraph']), op.b);
  const top = pick(nodesOf(doc, ['preambular_paragraph', 'operative_paragraph', 'decision_paragraph']), op.b);
  const word = ['shall', 'should', 'all', 'its', 'in accordance with national legislation'][op.c % 5] ?? 'x';
  try {
    switch (op.kind) {
      case 'bracket':
        return range ? bracketRange(state, { ...range, proposedBy: [who] }) : null;
      case 'propose-deletion':
        return range ? proposeDeletion(state, { ...range, delegation: who }) : null;
      case 'propose-replacement':
        return range ? proposeReplacement(state, { ...range, text: word, delegation: who }) : null;
      case 'propose-insertion':
        return spot ? proposeInsertion(state, { pos: from, text: word, delegation: who }) : null;
      case 'add-alternative':
        return bracket ? addAlternative(state, { pos: bracket.pos, text: op.c % 7 === 0 ? '' : word, proposedBy: [who] }) : null;
      case 'attribute':
        return bracket ? attributeBracket(state, { pos: bracket.pos, role: (['proposedBy', 'supportedBy', 'opposedBy'] as const)[op.c % 3] ?? 'proposedBy', delegations: [who] }) : null;
      case 'agree':
        return bracket ? agreeBracket(state, bracket.pos) : null;
      case 'drop':
        return bracket ? dropBracket(state, bracket.pos) : null;
      case 'choose': {
        const group = pick(nodesOf(doc, ['bracket_alternatives']), op.a);
        return group === undefined ? null : chooseAlternative(state, group, op.c % 3);
      }
      case 'merge': {
        const other = pick(collectBrackets(doc).filter((b) => b.kind === 'inline'), op.b);
        return bracket && other ? mergeProposals(state, bracket.pos, other.pos) : null;
      }
      case 'bracket-paragraph':
        return paragraph === undefined ? null : bracketParagraph(state, paragraph, { proposedBy: [who] });
      case 'unbracket-paragraph':
        return paragraph === undefined ? null : unbracketParagraph(state, paragraph);
      case 'status': {
        if (top === undefined) return null;
        const next = statusStates[op.c % statusStates.length] ?? 'pending';
        return setParagraphStatus(state, top, {
          state: next,
          by: who,
          at: new Date(Date.UTC(2026, 0, 1 + (op.a % 300))).toISOString(),
          delegations: [who],
          linked: ['other-paragraph'],
          reason: op.a % 2 === 0 ? 'asked by the room' : '',
        });
      }
      case 'paragraph-alternative':
        return top === undefined ? null : addParagraphAlternative(state, top, `${word} alternative.`, { proposedBy: [who] });
    }
  } catch (err) {
    if (err instanceof NegotiationError) return null;
    throw err;
  }
}
