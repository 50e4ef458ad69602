import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { structureBindings } from '../../../../renderer/editor/commands/keymap.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { arbitraryDocument } from '../../../support/arbitrary-document.js';
import { expectSound, run, stateOf } from './editing.js';

// The keys under test; moves reorder text, the others keep it in order.
const keys = ['Enter', 'Tab', 'Shift-Tab', 'Backspace', 'Alt-ArrowUp', 'Alt-ArrowDown'] as const;
const reorders = new Set(['Alt-ArrowUp', 'Alt-ArrowDown']);

type Step = { key: (typeof keys)[number]; block: number; where: 'start' | 'end' | number };

const arbitraryStep: fc.Arbitrary<Step> = fc.record({
  key: fc.constantFrom(...keys),
  block: fc.nat({ max: 200 }),
  where: fc.oneof(fc.constant<'start'>('start'), fc.constant<'end'>('end'), fc.nat({ max: 40 })),
});

function textPositions(doc: Node): { pos: number; size: number }[] {
  const out: { pos: number; size: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      out.push({ pos: pos + 1, size: node.content.size });
      return false;
    }
    return true;
  });
  return out;
}

function place(state: EditorState, step: Step): EditorState {
  const blocks = textPositions(state.doc);
  const block = blocks[step.block % blocks.length]!;
  const offset = step.where === 'start' ? 0 : step.where === 'end' ? block.size : Math.min(step.where, block.size);
  const $pos = state.doc.resolve(block.pos + offset);
  // An offset inside an inline atom's neighbourhood is fine; one inside a footnote's own text is not a cursor place.
  const selection = TextSelection.between($pos, $pos);
  return state.apply(state.tr.setSelection(selection));
}

function expectConsecutive(doc: Node): void {
  const numbering = computeNumbering(doc);
  const siblings = new Map<string, number[]>();
  for (const entry of numbering.entries) {
    if (entry.kind === 'footnote') continue;
    const key = `${entry.kind}|${doc.resolve(entry.pos).start()}`;
    siblings.set(key, [...(siblings.get(key) ?? []), entry.number]);
  }
  for (const numbers of siblings.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  expect(numbering.footnoteOrder.map((_, i) => i + 1)).toEqual(numbering.entries.filter((e) => e.kind === 'footnote').map((e) => e.number));
  expect(new Set(numbering.entries.map((e) => e.id)).size).toBe(numbering.entries.length);
}

const sorted = (text: string) => [...text].sort().join('');

describe('structure commands under random use', () => {
  it('always leave a valid document with unique ids, consecutive numbers and all its text', () => {
    const applied = new Map<string, number>();
    fc.assert(
      fc.property(arbitraryDocument(), fc.array(arbitraryStep, { minLength: 1, maxLength: 25 }), (doc, steps) => {
        let state = stateOf(doc);
        for (const step of steps) {
          state = place(state, step);
          const before = state.doc.textContent;
          const command = structureBindings[step.key];
          if (!command) throw new Error(`no binding for ${step.key}`);
          const next = run(state, command);
          if (!next) continue;
          if (!next.doc.eq(state.doc)) applied.set(step.key, (applied.get(step.key) ?? 0) + 1);
          expectSound(next.doc);
          expectConsecutive(next.doc);
          if (reorders.has(step.key)) expect(sorted(next.doc.textContent)).toBe(sorted(before));
          else expect(next.doc.textContent).toBe(before);
          state = next;
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
    // Each key changed some document, so the property was exercised on every command.
    for (const key of keys) expect(applied.get(key) ?? 0).toBeGreaterThan(0);
  });
});
