import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/document/index.js';
import { importText } from '../../../shared/import/index.js';
import { checkDocument, hintText } from '../../../shared/style/index.js';
import { corpus, footnotesIn, paragraphsOf } from './inspect.js';

const result = importText(corpus('ccpcj32-draft-resolutions-I-III.txt'));
const [, second, third] = result.documents;

describe('a footnote whose text the page printed in the next document', () => {
  it('stays with its marker: draft resolution II has 7 footnotes, III has 2', () => {
    expect(result.documents.map((d) => summarize(d).footnotes)).toEqual([2, 7, 2]);
  });

  it('keeps footnote 9 at its marker in draft resolution II, OP 9, with its text', () => {
    expect(footnotesIn(paragraphsOf(second!, 'operative')[8]!)).toEqual(['E/CN.15/2023/13.']);
    for (const pp of paragraphsOf(third!, 'preamble')) expect(footnotesIn(pp)).not.toContain('E/CN.15/2023/13.');
  });

  it('lists a warning-level problem tied to OP 9 of draft resolution II, stored in the document', () => {
    const op9 = paragraphsOf(second!, 'operative')[8]!;
    const problems = checkDocument(second!).filter((p) => p.rule === 'import-note');
    expect(problems.map((p) => p.message)).toEqual(['Footnote 9 of draft resolution II, OP 9: its text was printed after draft resolution III began']);
    expect(problems[0]).toMatchObject({ paragraphId: op9.attrs.id, severity: 'warning' });
    // The range is the marker: the footnote's one character in the paragraph's text.
    expect(problems[0]!.to - problems[0]!.from).toBe(1);
    expect(checkDocument(third!).filter((p) => p.rule === 'import-note')).toEqual([]);
    expect(result.warnings.join('\n')).toMatch(/footnote 9: its marker is in document 2 but its text was printed in document 3; it was kept with its marker/);
  });

  it('says what happened in the interface language, also after a save as JSON', () => {
    const json = second!.toJSON() as Record<string, unknown>;
    const restored = second!.type.schema.nodeFromJSON(JSON.parse(JSON.stringify(json)));
    const [problem] = checkDocument(restored).filter((p) => p.rule === 'import-note');
    expect(hintText(problem!.hint)).toBe('its text was printed after draft resolution III began');
    expect(hintText(problem!.hint, 'fr')).toBe('à l’importation\u00a0: son texte a été imprimé après le début de «\u00a0draft resolution III\u00a0»');
  });

  it('survives a save as JSON and follows the paragraph when it is renumbered', () => {
    const json = second!.toJSON() as { content: { type: string; content?: unknown[] }[] };
    const restored = second!.type.schema.nodeFromJSON(json);
    expect(checkDocument(restored).filter((p) => p.rule === 'import-note')).toHaveLength(1);
    // Delete OP 1: the paragraph is now OP 8 and the message says so.
    const operative = restored.child(4);
    const start = restored.content.size - operative.nodeSize + 1;
    const withoutOp1 = restored.replace(start, start + operative.child(0).nodeSize, restored.slice(0, 0));
    expect(checkDocument(withoutOp1).filter((p) => p.rule === 'import-note').map((p) => p.message)).toEqual([
      'Footnote 9 of draft resolution II, OP 8: its text was printed after draft resolution III began',
    ]);
  });

  it('goes away when the footnote is deleted, and a document without notes has none', () => {
    const op9 = paragraphsOf(second!, 'operative')[8]!;
    let at = -1;
    second!.descendants((node, pos) => {
      if (node.type.name === 'footnote' && node.textContent === 'E/CN.15/2023/13.') at = pos;
      return at < 0;
    });
    expect(at).toBeGreaterThan(0);
    const without = second!.replace(at, at + second!.nodeAt(at)!.nodeSize, second!.slice(0, 0));
    expect(checkDocument(without).filter((p) => p.rule === 'import-note')).toEqual([]);
    expect(op9.attrs.id).not.toBe('');
  });
});
