import { describe, expect, it } from 'vitest';
import { importedBracketCounts, keystrokeBenchText } from '../../bench/_keystroke-doc.js';
import { importText } from '../../shared/import/index.js';

describe('the keystroke bench document', () => {
  it('is the 12 PP / 60 OP resolution without brackets by default', () => {
    const [doc] = importText(keystrokeBenchText()).documents;
    const counts = { preambular: 0, operative: 0 };
    doc?.descendants((node) => {
      if (node.type.name === 'preambular_paragraph') counts.preambular++;
      if (node.type.name === 'operative_paragraph') counts.operative++;
      return node.type.name !== 'paragraph_text';
    });
    expect(counts).toEqual({ preambular: 12, operative: 60 });
    expect(importedBracketCounts(keystrokeBenchText())).toEqual({ brackets: 0, alternativeGroups: 0, maxBracketDepth: 0 });
  });

  it('holds exactly the brackets asked for once imported, nested and in alternative groups', () => {
    for (const wanted of [300, 123]) {
      const counts = importedBracketCounts(keystrokeBenchText(wanted));
      expect(counts.brackets).toBe(wanted);
      expect(counts.alternativeGroups).toBeGreaterThan(10);
      expect(counts.maxBracketDepth).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps OP 31, where the bench types, an ordinary paragraph', () => {
    const line = keystrokeBenchText(300).split('\n').find((l) => /^\[?31\./.test(l));
    expect(line?.startsWith('31. ')).toBe(true);
  });
});
