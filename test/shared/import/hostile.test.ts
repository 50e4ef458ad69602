import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/document/index.js';
import { ImportError, importText } from '../../../shared/import/index.js';
import { corpus } from './inspect.js';

const minimal = 'A title\n\nThe General Assembly,\n\n1. Decides to act.\n';

describe('importText on hostile input', () => {
  it('refuses binary junk with an ImportError that says so', () => {
    const junk = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    expect(() => importText(junk)).toThrow(ImportError);
    expect(() => importText(junk)).toThrow(/binary/);
    expect(() => importText(`${minimal}\u0000`)).toThrow(/NUL/);
  });

  it('refuses empty text and text with no resolution, saying what is missing', () => {
    expect(() => importText('   \n\n')).toThrow(/empty/);
    expect(() => importText('Minutes of the meeting.\n\nThe delegates met and talked.\n')).toThrow(/authoring body line/);
  });

  it('refuses a body line with nothing after it, explaining the document was skipped', () => {
    expect(() => importText('Title\n\nThe General Assembly,\n\nRecalling something,\n')).toThrow(/no operative paragraph/);
  });

  it('never throws anything but an ImportError, whatever the text', () => {
    const pieces = fc.constantFrom(
      'The General Assembly,', 'The Economic and Social Council:', 'Draft resolution I', 'Annex', '1. Decides;', '5.', '(a) x;', '(i)',
      '- (c)', 'a) y', '¹ note', '²', '*', '_', 'Recalling', 'E/2023/30', '3/45', '', '\r', 'C. Matters', 'Provisional agenda',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 40 }), (parts) => {
        try {
          const { documents } = importText(parts.join('\n'));
          for (const doc of documents) doc.check();
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('imports 5 MB of real text, document by document', () => {
    const base = corpus('ccpcj32-draft-resolutions-I-III.txt');
    const copies = Math.ceil(5_000_000 / base.length);
    const { documents } = importText(Array(copies).fill(base).join('\n'));
    expect(documents).toHaveLength(3 * copies);
    expect(summarize(documents[documents.length - 2]!)).toMatchObject({ preambular: 7, operative: 12 });
  });

  it('imports a 5 MB hard-wrapped paragraph and deep numbering noise without blowing the stack', () => {
    const line = 'Recalling the quick brown fox jumps over the lazy dog again and again and again and x\n';
    const long = importText(`Title\n\nThe General Assembly,\n\n${line.repeat(5_000_000 / line.length)}\n1. Decides.\n`);
    expect(summarize(long.documents[0]!)).toMatchObject({ preambular: 1, operative: 1 });
    const noise = importText(`Title\n\nThe General Assembly,\n\n${'1. x:\n(a) y:\n(i) z:\n'.repeat(20_000)}`);
    expect(noise.documents).toHaveLength(1);
    expect(noise.warnings.length).toBeLessThanOrEqual(101);
  });
});
