import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, repoRoot, runCli } from './run-cli.js';

const v1 = 'test/fixtures/compare/draft-resolution-II-v1.txt';
const v2 = 'test/fixtures/compare/draft-resolution-II-v2.txt';
const corpus = 'test/fixtures/corpus/ccpcj32-draft-resolutions-I-III.txt';
const expected = '{"inserted":2,"deleted":1,"moved":2,"changed":3,"unchanged":13}\n';

function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'penholder-diff-')), name);
  writeFileSync(path, content);
  return path;
}

describe('penholder diff --summary', () => {
  it('prints the exact paragraph counts, as one JSON object in fixed key order', () => {
    const run = runCli(['diff', v1, v2, '--summary']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expected);
    expect(run.stderr).toBe('');
  });

  it('reads ProseMirror JSON as printed by import --json, and mixes it with text', () => {
    const json = runCli(['import', v1, '--json']);
    expect(json.status).toBe(0);
    const file = tempFile('v1.json', json.stdout);
    expect(runCli(['diff', file, v2, '--summary']).stdout).toBe(expected);
    const single = tempFile('one.json', JSON.stringify((JSON.parse(json.stdout) as unknown[])[0]));
    expect(runCli(['diff', single, file, '--summary']).stdout).toBe('{"inserted":0,"deleted":0,"moved":0,"changed":0,"unchanged":19}\n');
  });

  it('reads standard input for -', () => {
    const run = runCli(['diff', '-', v2, '--summary'], readFileSync(join(repoRoot, v1)));
    expect(run.stdout).toBe(expected);
  });

  it('compares the first documents of a multi-document file and says so, or the one --doc picks', () => {
    const first = runCli(['diff', corpus, corpus, '--summary']);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('{"inserted":0,"deleted":0,"moved":0,"changed":0,"unchanged":51}\n');
    expect(first.stderr).toContain('holds 3 documents; comparing document 1');
    const second = runCli(['diff', corpus, v1, '--summary', '--doc', '2']);
    expect(second.status).toBe(0);
    // The corpus's footnote 9 is printed after document 3 begins but kept at its marker in
    // OP 9 of document 2, so document 2 equals the single draft resolution II of v1.
    expect(second.stdout).toBe('{"inserted":0,"deleted":0,"moved":0,"changed":0,"unchanged":19}\n');
    expect(second.stderr).not.toContain('comparing document 1');
  });
});

describe('penholder diff (report)', () => {
  it('prints one line per change with old and new paths, then the summary line', () => {
    const run = runCli(['diff', v1, v2]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'PP 3 inserted',
      'PP 5 -> PP 6 changed',
      'OP 2 changed',
      'OP 6 inserted',
      'OP 4 -> OP 8 moved',
      'OP 10 -> OP 9 moved',
      'OP 11 deleted',
      'OP 12 changed',
      '2 inserted, 1 deleted, 2 moved, 3 changed',
    ]);
    expect(lines[1]).toContain('[-an online-]{+a hybrid+}');
    expect(lines[1]).toContain('[-8-]{+9+}');
    expect(lines[7]).toContain('donors{+, including international financial institutions,+} to provide');
  });

  it('says "no changes" for identical versions', () => {
    expect(runCli(['diff', v1, v1]).stdout).toBe('no changes\n');
  });
});

describe('penholder diff errors', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['diff', 'no-such-file.txt', v2], /cannot read no-such-file.txt: no such file/],
    ['a binary file', () => ['diff', tempFile('b.bin', Buffer.from([1, 0, 2])), v2], /is a binary file/],
    ['broken JSON', () => ['diff', tempFile('bad.json', '{"type": "doc",'), v2], /is not valid JSON/],
    ['JSON that is no document', () => ['diff', tempFile('p.json', '{"type":"paragraph"}'), v2], /invalid document/],
    ['text with no resolution', () => ['diff', v1, tempFile('n.txt', 'Minutes of the meeting.\n\nNothing was decided.\n')], /cannot import .*n\.txt: no resolution or decision found/],
    ['text opening with a bracket, not JSON', () => ['diff', tempFile('b.txt', '[not JSON\n'), v2], /cannot import .*b\.txt: no resolution/],
    ['a --doc beyond the file', () => ['diff', corpus, v2, '--doc', '4'], /--doc 4: .* holds 3 documents/],
    ['a --doc that is no number', () => ['diff', v1, v2, '--doc', 'x'], /--doc must be a positive whole number/],
    ['stdin twice', () => ['diff', '-', '-'], /only one of OLD and NEW/],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 1 with a clear last line for ${what}`, () => {
      const run = runCli(args());
      const result = failure(run);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      // Importer warnings about the other file may come first; the error ends the output.
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines[lines.length - 1]).toMatch(message);
      expect(lines.every((l) => l.startsWith('penholder: '))).toBe(true);
    });
  }
});
