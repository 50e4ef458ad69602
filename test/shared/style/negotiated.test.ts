import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../shared/import/index.js';
import { checkDocument } from '../../../shared/style/index.js';

// A General Assembly compilation text in negotiation: alternative openers ("[Urges][Calls
// upon][Encourages]"), an operative paragraph with an alternative (OP 5 alt) before OP 6.
const doc = importText(readFileSync('test/fixtures/negotiation/ga-third-committee-rev1.txt', 'utf8')).documents[0]!;
const messages = checkDocument(doc).map((p) => p.message);

describe('style checking of a negotiated text', () => {
  it('reads an opener given as alternatives by its first alternative, not as one run of words', () => {
    expect(messages.filter((m) => /UrgesCalls|RecallingReaffirming|not in the .* phrase list/.test(m))).toEqual([]);
  });

  it('does not count a paragraph alternative as a use of its opener', () => {
    expect(messages.filter((m) => /repeats the opener of OP 5 alt/.test(m))).toEqual([]);
  });
});
