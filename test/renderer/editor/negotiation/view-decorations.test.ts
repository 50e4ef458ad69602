import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Fragment, Slice, type Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { importText } from '../../../../shared/import/index.js';
import { compilationDecorations, preambularAlternativeLabel, tagText } from '../../../../renderer/editor/negotiation/view-decorations.js';

const ga = (): Node => {
  const doc = importText(readFileSync(join(__dirname, '../../../fixtures/negotiation/ga-third-committee-rev1.txt'), 'utf8')).documents[0];
  if (!doc) throw new Error('no document in the fixture');
  return doc;
};

describe('tags and labels of the compilation page', () => {
  it('writes tags as the compilation text does', () => {
    expect(tagText(['EU', 'CAN'])).toBe(' (EU, CAN)');
    expect(tagText(['RUS'], true)).toBe(' (RUS: delete)');
    expect(tagText([], true)).toBe(' (delete)');
    expect(tagText([])).toBe('');
    expect(tagText(['EU'], false, { supportedBy: ['NOR', 'CAN'], opposedBy: ['RUS'] })).toBe(' (EU; supported by NOR, CAN; opposed by RUS)');
    expect(tagText([], true, { supportedBy: [], opposedBy: ['CHN'] })).toBe(' (delete; opposed by CHN)');
    expect(tagText([], false, { supportedBy: ['NOR'], opposedBy: [] })).toBe(' (supported by NOR)');
  });

  it('gives an inline bracket with supporters or opponents its whole tag as a widget at its end', () => {
    const doc = importText('Title of the draft\n\nThe General Assembly,\n\nOP1. Decides to act [now (EU)] and [later (USA)].\n').documents[0]!;
    let pos = -1;
    doc.descendants((node, at) => {
      if (node.type.name === 'bracket' && node.textContent === 'now') pos = at;
      return pos < 0;
    });
    const bracket = doc.nodeAt(pos)!;
    const changed = bracket.type.create({ ...bracket.attrs, supportedBy: ['NOR'], opposedBy: ['RUS'] }, bracket.content);
    const withStance = doc.replace(pos, pos + changed.nodeSize, new Slice(Fragment.from(changed), 0, 0));
    const widgets = compilationDecorations(withStance, computeNumbering(withStance).entries).find();
    const keys = widgets.map((w) => (w.spec as { key?: string }).key ?? '');
    expect(keys.filter((k) => k.startsWith('stance-')).map((k) => k.replace(/^stance-[^ ]*/, ''))).toEqual([' (EU; supported by NOR; opposed by RUS)']);
    expect(widgets.find((w) => (w.spec as { key?: string }).key?.startsWith('stance-'))?.from).toBe(pos + changed.nodeSize - 1);
  });

  it('labels only preambular alternatives, as the text export does', () => {
    expect(preambularAlternativeLabel({ kind: 'pp', path: 'PP 3 alt' })).toBe('PP3 alt');
    expect(preambularAlternativeLabel({ kind: 'pp', path: 'PP 3 alt 2' })).toBe('PP3 alt 2');
    expect(preambularAlternativeLabel({ kind: 'pp', path: 'PP 3' })).toBe('');
    expect(preambularAlternativeLabel({ kind: 'op', path: 'OP 5 alt' })).toBe('');
  });
});

describe('compilationDecorations', () => {
  it('opens each whole bracketed paragraph before its text and closes it with its tag after its last line', () => {
    const doc = ga();
    const widgets = compilationDecorations(doc, computeNumbering(doc).entries).find();
    const keys = widgets.map((w) => (w.spec as { key: string }).key);
    expect(keys.filter((k) => k.startsWith('open-'))).toHaveLength(3);
    expect(keys.filter((k) => k.startsWith('close-')).map((k) => k.replace(/^close-[^ ]*/, ''))).toEqual([' (MEX, PHL)', ' (USA)', ' (RUS, CHN)']);
    for (const widget of widgets) {
      const $pos = doc.resolve(widget.from);
      expect($pos.parent.type.name).toBe('paragraph_text');
      const key = (widget.spec as { key: string }).key;
      if (key.startsWith('open-')) expect($pos.parentOffset).toBe(0);
      else expect($pos.parentOffset).toBe($pos.parent.content.size);
    }
  });

  it('labels a preambular alternative at the start of its text', () => {
    const doc = importText('Title of the draft\n\nThe General Assembly,\n\nPP1 Recalling its resolutions,\n\nPP1 alt Reaffirming its resolutions,\n\nOP1. Decides to remain seized of the matter.\n').documents[0];
    if (!doc) throw new Error('not imported');
    const widgets = compilationDecorations(doc, computeNumbering(doc).entries).find();
    expect(widgets.map((w) => (w.spec as { key: string }).key)).toEqual(['label-PP1 alt']);
    const $pos = doc.resolve(widgets[0]?.from ?? 0);
    expect($pos.parentOffset).toBe(0);
    expect($pos.parent.textContent).toBe('Reaffirming its resolutions,');
  });

  it('draws nothing for a document without whole-paragraph brackets or preambular alternatives', () => {
    const doc = importText('Title of the draft\n\nThe General Assembly,\n\nPP1 Recalling [its] resolutions,\n\nOP1. Decides to remain seized of the matter.\n').documents[0];
    if (!doc) throw new Error('not imported');
    expect(compilationDecorations(doc, computeNumbering(doc).entries).find()).toEqual([]);
  });
});
