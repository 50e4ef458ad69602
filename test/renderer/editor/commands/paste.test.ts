import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMultiParagraph, pasteParagraphs, readPastedParagraphs } from '../../../../renderer/editor/commands/paste.js';
import { importText } from '../../../../shared/import/index.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { at, blankState, cursorAt, expectSound, must, outline, stateFrom } from './editing.js';
import { enterFromHeading } from '../../../../renderer/editor/commands/paragraph-commands.js';

const pasteText = (text: string) => (state: Parameters<typeof pasteParagraphs>[0], dispatch?: (tr: import('prosemirror-state').Transaction) => void) => {
  const tr = pasteParagraphs(state, text);
  if (tr) dispatch?.(tr);
  return tr !== null;
};

const spec = {
  title: 'Paste',
  body: 'The General Assembly,',
  preamble: ['Recalling A,', 'Noting B,'],
  operative: ['Requests C;', 'Decides D.'],
};

const mixed = 'Recalling its resolution 70/1,\n\nNoting with concern the report,\n\n1. Requests the Secretary-General to report:\n(a) On this;\n(b) On that;\n2. Decides to remain seized of the matter.';

describe('structured paste', () => {
  it('keeps a single line an ordinary paste', () => {
    expect(isMultiParagraph('Recalling its resolution 70/1,')).toBe(false);
    expect(isMultiParagraph('\n  one line \n\n')).toBe(false);
    expect(pasteParagraphs(at(stateFrom(spec), 'PP 1'), 'Recalling its resolution 70/1,')).toBeNull();
  });

  it('puts pasted PPs after the current PP and pasted OPs at the start of the operative part', () => {
    const after = must(at(stateFrom(spec), 'PP 1', -1), pasteText(mixed));
    expect(outline(after.doc)).toEqual([
      'PP 1: Recalling A,',
      'PP 2: Recalling its resolution 70/1,',
      'PP 3: Noting with concern the report,',
      'PP 4: Noting B,',
      'OP 1: Requests the Secretary-General to report:',
      'OP 1 (a): On this;',
      'OP 1 (b): On that;',
      'OP 2: Decides to remain seized of the matter.',
      'OP 3: Requests C;',
      'OP 4: Decides D.',
    ]);
    expect(cursorAt(after)).toBe(`OP 2@${'Decides to remain seized of the matter.'.length}`);
    expectSound(after.doc);
  });

  it('in an OP puts OPs after it and PPs at the end of the preamble', () => {
    const after = must(at(stateFrom(spec), 'OP 1', 3), pasteText(mixed));
    expect(outline(after.doc).map((l) => l.split(':')[0])).toEqual(['PP 1', 'PP 2', 'PP 3', 'PP 4', 'OP 1', 'OP 2', 'OP 2 (a)', 'OP 2 (b)', 'OP 3', 'OP 4']);
    expect(outline(after.doc)[2]).toBe('PP 3: Recalling its resolution 70/1,');
    expect(outline(after.doc)[5]).toBe('OP 2: Requests the Secretary-General to report:');
    expectSound(after.doc);
  });

  it('replaces the empty paragraphs of a new blank document', () => {
    const blank = must(blankState(), enterFromHeading);
    const after = must(blank, pasteText(mixed));
    expect(outline(after.doc).map((l) => l.split(':')[0])).toEqual(['PP 1', 'PP 2', 'OP 1', 'OP 1 (a)', 'OP 1 (b)', 'OP 2']);
    expectSound(after.doc);
  });

  it('makes unnumbered operative-style lines pasted into the operative part OPs, and keeps comma-ended ones PPs', () => {
    const ops = must(at(stateFrom(spec), 'OP 2', -1), pasteText('Requests the Secretary-General to report;\n\nDecides to remain seized of the matter.'));
    expect(outline(ops.doc).slice(2)).toEqual(['OP 1: Requests C;', 'OP 2: Decides D.', 'OP 3: Requests the Secretary-General to report;', 'OP 4: Decides to remain seized of the matter.']);
    const pps = must(at(stateFrom(spec), 'OP 2', -1), pasteText('Recalling its resolution 70/1,\n\nNoting with concern the report,'));
    expect(outline(pps.doc).slice(0, 4)).toEqual(['PP 1: Recalling A,', 'PP 2: Noting B,', 'PP 3: Recalling its resolution 70/1,', 'PP 4: Noting with concern the report,']);
  });

  it('pastes a whole resolution from a UN report with every paragraph the importer finds', () => {
    const corpus = readFileSync('test/fixtures/corpus/ccpcj32-draft-resolutions-I-III.txt', 'utf8');
    const text = corpus.slice(corpus.indexOf('Draft resolution I\n'), corpus.indexOf('Draft resolution II\n'));
    const imported = computeNumbering(importText(text).documents[0]!);
    const pasted = readPastedParagraphs(text);
    const after = must(must(blankState(), enterFromHeading), pasteText(text));
    const numbering = computeNumbering(after.doc);
    const count = (n: typeof numbering, kind: string) => n.entries.filter((e) => e.kind === kind).length;
    for (const kind of ['pp', 'op', 'sub', 'item', 'footnote']) expect(count(numbering, kind)).toBe(count(imported, kind));
    expect(count(numbering, 'op')).toBeGreaterThan(10);
    expect(pasted?.operative.length).toBe(count(imported, 'op'));
    expectSound(after.doc);
  });

  it('loses no words of a long paste (900 OPs) and gives every paragraph its own id', () => {
    const lines = Array.from({ length: 900 }, (_, i) => `${i + 1}. Requests the Secretary-General to report on item ${i};`);
    const text = `Recalling its resolution 70/1,\n\n${lines.join('\n\n')}`;
    const after = must(at(stateFrom(spec), 'OP 2', -1), pasteText(text));
    for (let i = 0; i < 900; i += 37) expect(after.doc.textContent).toContain(`report on item ${i};`);
    expect(computeNumbering(after.doc).entries.filter((e) => e.kind === 'op').length).toBe(902);
    expectSound(after.doc);
  });

  it('leaves text the importer cannot read to the ordinary paste', () => {
    expect(pasteParagraphs(at(stateFrom(spec), 'PP 1'), '\u0000\u0001\n\u0002')).toBeNull();
    expect(pasteParagraphs(blankState(), mixed)).toBeNull(); // the cursor is in the title
  });
});
