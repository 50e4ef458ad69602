import { describe, expect, it } from 'vitest';
import { RecordError, issueRevisionFile, revisionFileBytes, serializeRevisionFile, verifyRevisionFile, type RecordFailure } from '../../../shared/record/index.js';
import { seededRandom, sampleResolution } from '../../support/edit-stream.js';
import { newSigner, timeAt } from './signers.js';

const mutations = 10_000;

describe('revision file mutation', () => {
  it(`detects each of ${mutations} single-byte changes spread over the whole file`, async () => {
    const signer = newSigner();
    let previous: string | null = null;
    for (const [i, label] of ['Rev.1', 'Rev.2', 'Rev.3'].entries()) {
      previous = serializeRevisionFile(await issueRevisionFile({ document: sampleResolution(4, 2 + i, i + 1).toJSON(), label, time: timeAt(i), docId: 'draft-l6', previous, signer }));
    }
    const original = revisionFileBytes(JSON.parse(previous!));
    await expect(verifyRevisionFile(original)).resolves.toMatchObject({ label: 'Rev.3', chain: 3 });

    const rng = seededRandom(14);
    const kinds = new Map<RecordFailure, number>();
    const missed: string[] = [];
    const touched = new Set<number>();
    for (let i = 0; i < mutations; i++) {
      // Mutation i lands in the i-th slice of the file: with more mutations than bytes, every byte is changed at least once.
      const at = Math.floor((i * original.length) / mutations);
      touched.add(at);
      const bytes = original.slice();
      bytes[at] = bytes[at]! ^ (1 + rng.int(255));
      try {
        await verifyRevisionFile(bytes);
        missed.push(`byte ${at}: ${original[at]} -> ${bytes[at]}`);
      } catch (err) {
        if (!(err instanceof RecordError)) throw err;
        kinds.set(err.kind, (kinds.get(err.kind) ?? 0) + 1);
      }
    }
    expect(missed).toEqual([]);
    expect(original.length).toBeLessThan(mutations);
    expect(touched.size).toBe(original.length);
    // The changes reach past the syntax checks into every layer of verification.
    for (const kind of ['malformed', 'signature-invalid', 'unknown-key', 'content-changed'] as const) expect(kinds.get(kind) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
