import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { canInsertInline, filterTargets, insertCrossReference, referenceTargets } from '../../../../renderer/editor/commands/cross-reference-commands.js';
import { moveParagraphDown } from '../../../../renderer/editor/commands/move-commands.js';
import { numberingDecorations } from '../../../../renderer/editor/numbering-plugin.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { at, expectSound, must, posOf, run, stateFrom } from './editing.js';
import type { EditorState } from 'prosemirror-state';

const spec = {
  title: 'References',
  body: 'The General Assembly,',
  preamble: ['Recalling its resolution 70/1,'],
  operative: [{ text: 'Requests the Secretary-General:', children: ['To report on legal aid;'] }, 'Encourages donors;', 'Decides to consider the report.'],
};

const targets = (state: EditorState) => referenceTargets(state.doc, computeNumbering(state.doc));

// The label the numbering plugin draws on each cross-reference, in document order.
function referenceLabels(state: EditorState): (string | undefined)[] {
  return numberingDecorations(state.doc)
    .find()
    .filter((d) => state.doc.nodeAt(d.from)?.type.name === 'cross_reference')
    .map((d) => (d.spec as { attrs: Record<string, string> }).attrs['data-label']);
}

describe('cross-reference targets', () => {
  it('lists every PP, OP and subparagraph with how a reference to it reads and its first words', () => {
    expect(targets(stateFrom(spec)).map((t) => [t.path, t.reads, t.words])).toEqual([
      ['PP 1', 'preambular paragraph 1', 'Recalling its resolution 70/1,'],
      ['OP 1', 'paragraph 1', 'Requests the Secretary-General:'],
      ['OP 1 (a)', 'paragraph 1 (a)', 'To report on legal aid;'],
      ['OP 2', 'paragraph 2', 'Encourages donors;'],
      ['OP 3', 'paragraph 3', 'Decides to consider the report.'],
    ]);
  });

  it('filters by every word of the query, in numbers or text', () => {
    const all = targets(stateFrom(spec));
    expect(filterTargets(all, 'op 1').map((t) => t.path)).toEqual(['OP 1', 'OP 1 (a)']);
    expect(filterTargets(all, 'legal AID').map((t) => t.path)).toEqual(['OP 1 (a)']);
    expect(filterTargets(all, '  ')).toHaveLength(5);
    expect(filterTargets(all, 'nothing like this')).toEqual([]);
  });
});

describe('insert cross-reference', () => {
  it('inserts "paragraph " and a reference by id at the cursor, which reads the target number', () => {
    const state = at(stateFrom(spec), 'OP 3', 'Decides to consider the report'.length);
    const target = targets(state).find((t) => t.path === 'OP 2')!;
    const after = must(state, insertCrossReference(target.id, target.noun));
    const text = after.doc.nodeAt(posOf(after, 'OP 3'))!.firstChild!;
    expect(text.textContent).toBe('Decides to consider the report paragraph .');
    expect(after.selection.$from.nodeBefore?.type.name).toBe('cross_reference');
    expect(after.selection.$from.nodeBefore?.attrs.target).toBe(target.id);
    expect(referenceLabels(after)).toEqual(['2']);
    expectSound(after.doc);
  });

  it('does not repeat the noun already typed, and follows the target when it is renumbered', () => {
    let state = stateFrom({ ...spec, operative: [...spec.operative.slice(0, 2), 'Decides to consider paragraph '] });
    state = at(state, 'OP 3', -1);
    const target = targets(state).find((t) => t.path === 'OP 1 (a)')!;
    state = must(state, insertCrossReference(target.id, target.noun));
    expect(state.doc.nodeAt(posOf(state, 'OP 3'))!.firstChild!.textContent).toBe('Decides to consider paragraph ');
    expect(referenceLabels(state)).toEqual(['1 (a)']);
    const moved = must(at(state, 'OP 1'), moveParagraphDown);
    expect(referenceLabels(moved)).toEqual(['2 (a)']);
  });

  it('shows a reference whose target is gone as broken', () => {
    let state = at(stateFrom(spec), 'OP 3', 0);
    const target = targets(state).find((t) => t.path === 'OP 2')!;
    state = must(state, insertCrossReference(target.id, target.noun));
    const pos = posOf(state, 'OP 2');
    state = state.apply(state.tr.delete(pos, pos + state.doc.nodeAt(pos)!.nodeSize));
    const deco = numberingDecorations(state.doc).find().find((d) => state.doc.nodeAt(d.from)?.type.name === 'cross_reference');
    expect((deco?.spec as { attrs: Record<string, string> }).attrs).toMatchObject({ 'data-label': '?', class: 'ph-xref-broken', 'aria-label': 'Broken reference' });
  });

  it('does not apply in the title or with an unknown target id', () => {
    const state = stateFrom(spec);
    const inTitle = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2)));
    expect(canInsertInline(inTitle)).toBe(false);
    expect(run(inTitle, insertCrossReference(targets(state)[0]!.id))).toBeNull();
    expect(run(at(state, 'OP 2'), insertCrossReference(''))).toBeNull();
  });
});
