import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/document/summary.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { countBrackets } from '../../../shared/negotiation/model.js';
import { failure, repoRoot, runCli } from './run-cli.js';

const report = 'test/fixtures/cli/report-excerpt.txt';

const expectedSummary = [
  '{"kind":"resolution","title":"Safer public spaces for women and girls","body":"The General Assembly,","preambular":3,"operative":3,"subparagraphs":4,"footnotes":2,"brackets":0,"alternativeGroups":0,"maxBracketDepth":0}',
  '{"kind":"resolution","title":"Cooperation on the return of stolen cultural property","body":"The General Assembly,","preambular":1,"operative":3,"subparagraphs":0,"footnotes":0,"brackets":0,"alternativeGroups":0,"maxBracketDepth":0}',
  '{"kind":"decision","title":"Dates of the thirty-fourth session of the Commission","body":"The Economic and Social Council:","preambular":0,"operative":2,"subparagraphs":0,"footnotes":0,"brackets":0,"alternativeGroups":0,"maxBracketDepth":0}',
];

describe('penholder import --summary', () => {
  it('prints one JSON line of counts per document, in order', () => {
    const run = runCli(['import', report, '--summary']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${expectedSummary.join('\n')}\n`);
  });

  it('adds the exact bracket counts of negotiation texts, and warns about an unbalanced bracket with its line', () => {
    const ga = runCli(['import', 'test/fixtures/negotiation/ga-third-committee-rev1.txt', '--summary']);
    expect(ga.stdout).toBe(
      '{"kind":"resolution","title":"Violence against women migrant workers","body":"The General Assembly,","preambular":5,"operative":7,"subparagraphs":3,"footnotes":0,"brackets":31,"alternativeGroups":7,"maxBracketDepth":2}\n',
    );
    const hrc = runCli(['import', 'test/fixtures/negotiation/hrc-right-to-education.txt', '--summary']);
    expect(JSON.parse(hrc.stdout)).toMatchObject({ brackets: 28, alternativeGroups: 8, maxBracketDepth: 3 });
    const unbalanced = runCli(['import', 'test/fixtures/negotiation/ecosoc-decision-unbalanced.txt', '--summary']);
    expect(unbalanced.status).toBe(0);
    expect(JSON.parse(unbalanced.stdout)).toMatchObject({ kind: 'decision', brackets: 4, alternativeGroups: 1, maxBracketDepth: 1 });
    expect(unbalanced.stderr).toContain('line 9, document 1, (a) alt: an opening bracket "[" is never closed; it is kept as text');
  });

  it('reads standard input for -', () => {
    const run = runCli(['import', '-', '--summary'], readFileSync(join(repoRoot, report)));
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(expectedSummary);
  });
});

describe('penholder import --json', () => {
  it('prints a pretty-printed array of valid documents matching the summary', () => {
    const run = runCli(['import', report, '--json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\[\n {2}\{\n/);
    const docs = (JSON.parse(run.stdout) as unknown[]).map(validateDocument);
    expect(docs.map((doc) => JSON.stringify({ ...summarize(doc), ...countBrackets(doc) }))).toEqual(expectedSummary);
    const first = docs[0];
    expect(first?.child(0).attrs.heading).toBe('Draft resolution I');
  });
});

describe('penholder import errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-cli-'));
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const emptyFolder = () => {
    const path = join(dir, 'empty-folder');
    mkdirSync(path);
    writeFileSync(join(path, 'notes.md'), 'not imported');
    return path;
  };

  const cases: [string, string[], RegExp][] = [
    ['a missing file', ['import', join(dir, 'nope.txt'), '--summary'], /cannot read .*nope\.txt: no such file/],
    ['a folder with nothing to import', ['import', emptyFolder(), '--summary'], /holds no \.xml, \.docx, \.txt or \.zip files/],
    ['a binary file', ['import', file('bin.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])), '--summary'], /is a binary file/],
    ['non-UTF-8 text', ['import', file('latin1.txt', new Uint8Array([0x52, 0xe9, 0x73, 0x6f, 0x6c, 0x75, 0x74, 0x69, 0x6f, 0x6e])), '--json'], /not valid UTF-8/],
    ['an empty file', ['import', file('empty.txt', ''), '--summary'], /is empty/],
    ['white space only', ['import', file('blank.txt', '\n  \n\t\n'), '--summary'], /is empty/],
    ['text with no resolution', ['import', 'test/fixtures/cli/minutes.txt', '--summary'], /cannot import .*minutes\.txt: no resolution or decision found/],
    ['neither flag', ['import', report], /exactly one of --summary or --json/],
    ['both flags', ['import', report, '--summary', '--json'], /exactly one of --summary or --json/],
  ];

  for (const [what, args, message] of cases) {
    it(`fails with one clear line on ${what}`, () => {
      const result = failure(runCli(args));
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.lines).toBe(1);
      expect(result.message).toMatch(/^penholder: /);
      expect(result.message).toMatch(message);
    });
  }
});
