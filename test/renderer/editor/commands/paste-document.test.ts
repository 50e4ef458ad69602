import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AllSelection, TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { pasteParagraphs } from '../../../../renderer/editor/commands/paste.js';
import { wholeBodyRange } from '../../../../renderer/editor/commands/paste-document.js';
import { childText } from '../../../../shared/document/header.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { importText } from '../../../../shared/import/index.js';
import { at, cursorAt, expectSound, must, outline, posOf, stateFrom } from './editing.js';

const pasteText = (text: string) => (state: EditorState, dispatch?: (tr: Transaction) => void) => {
  const tr = pasteParagraphs(state, text);
  if (tr) dispatch?.(tr);
  return tr !== null;
};

const spec = {
  title: 'Our draft',
  body: 'The General Assembly,',
  preamble: ['Recalling A,', 'Noting B,'],
  operative: ['Requests C;', 'Decides D.'],
};

const selectAll = (state: EditorState) => state.apply(state.tr.setSelection(new AllSelection(state.doc)));

// From the start of PP 1's text to the end of the last OP's text, as a drag or Shift+click makes.
function selectBody(state: EditorState): EditorState {
  const from = posOf(state, 'PP 1') + 2;
  const last = posOf(state, 'OP 2');
  const to = last + 2 + (state.doc.nodeAt(last)?.firstChild?.content.size ?? 0);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

const corpus = readFileSync('test/fixtures/corpus/ccpcj32-draft-resolutions-I-III.txt', 'utf8');
const resolution = corpus.slice(corpus.indexOf('Draft resolution I\n'), corpus.indexOf('Draft resolution II\n'));

describe('paste over the whole text', () => {
  it('replaces title and body with a whole resolution from a UN report (Ctrl+A, paste), footnotes included', () => {
    const after = must(selectAll(stateFrom(spec)), pasteText(resolution));
    const imported = importText(resolution).documents[0]!;
    expect(childText(after.doc, 'title')).toBe(childText(imported, 'title'));
    expect(outline(after.doc)).toEqual(outline(imported));
    const kinds = (doc: typeof imported) => computeNumbering(doc).entries.map((e) => e.kind).join(' ');
    expect(kinds(after.doc)).toBe(kinds(imported));
    expect(computeNumbering(after.doc).entries.filter((e) => e.kind === 'footnote').length).toBeGreaterThanOrEqual(2);
    expect(childText(after.doc, 'body_line')).toBe('The General Assembly,');
    expect(cursorAt(after)).toMatch(/^OP 24@/);
    expectSound(after.doc);
  });

  it('replaces only the paragraphs, keeping the title, when the pasted text is paragraphs alone', () => {
    const text = 'Recalling its resolution 70/1,\n\n1. Requests the Secretary-General to report;\n\n2. Decides to remain seized of the matter.';
    for (const state of [selectAll(stateFrom(spec)), selectBody(stateFrom(spec))]) {
      const after = must(state, pasteText(text));
      expect(childText(after.doc, 'title')).toBe('Our draft');
      expect(outline(after.doc)).toEqual(['PP 1: Recalling its resolution 70/1,', 'OP 1: Requests the Secretary-General to report;', 'OP 2: Decides to remain seized of the matter.']);
      expectSound(after.doc);
    }
  });

  it('leaves no empty preambular paragraph when the pasted text has only operative ones', () => {
    const after = must(selectAll(stateFrom(spec)), pasteText('1. Requests E;\n\n2. Decides F.'));
    expect(outline(after.doc)).toEqual(['OP 1: Requests E;', 'OP 2: Decides F.']);
    expectSound(after.doc);
  });

  it('is a paste over a selection like any other when the selection leaves some paragraph out', () => {
    const state = stateFrom(spec);
    expect(wholeBodyRange(at(state, 'PP 1'))).toBeNull();
    const partial = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOf(state, 'PP 1') + 2, posOf(state, 'OP 1') + 3)));
    expect(wholeBodyRange(partial)).toBeNull();
    expect(wholeBodyRange(selectBody(state))).not.toBeNull();
  });
});
