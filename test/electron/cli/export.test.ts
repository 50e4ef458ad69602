import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { failure, repoRoot, runCli } from './run-cli.js';

const decision = 'test/fixtures/cli/decision-es.json';

describe('penholder export --to text', () => {
  it('prints one document in the UN layout', () => {
    const run = runCli(['export', decision, '--to', 'text']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Original: español

Fechas del próximo período de sesiones

El Consejo Económico y Social:

a) *Toma nota* del informe de la Comisión;

b) *Decide* que el período de sesiones:
    i) se inaugure el 1 de abril;
    ii) dure cinco días;

c) *Aprueba* el programa provisional.
`);
  });

  it('exports what import --json printed, and that text imports to the same counts', () => {
    const imported = runCli(['import', 'test/fixtures/cli/report-excerpt.txt', '--json']);
    const exported = runCli(['export', '-', '--to', 'text'], imported.stdout);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('1. *Encourages* Member States to adopt measures that:\n    (a) improve the design of public transport;\n');
    expect(exported.stdout).toContain('\n\n\nDraft decision\n\nDates of the thirty-fourth session of the Commission\n');
    const again = runCli(['import', '-', '--summary'], exported.stdout);
    const first = runCli(['import', 'test/fixtures/cli/report-excerpt.txt', '--summary']);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });

  it('numbers a document in negotiation with its stable labels, and its clean text as it stands', () => {
    // In negotiation on a base holding (a) and (b): the paragraph "db" came after "da".
    const json = JSON.parse(readFileSync(join(repoRoot, decision), 'utf8')) as { content: { attrs: Record<string, unknown> }[] };
    json.content[0]!.attrs.negotiation = { revisionId: 'r1', label: 'Rev.1', numbers: { da: 1, dc: 2 } };
    const compilation = runCli(['export', '-', '--to', 'text'], JSON.stringify(json));
    expect(compilation.status).toBe(0);
    expect(compilation.stdout).toContain('a) *Toma nota* del informe de la Comisión;\n\na) bis *Decide* que el período de sesiones:\n');
    expect(compilation.stdout).toContain('\nb) *Aprueba* el programa provisional.\n');
    const clean = runCli(['export', '-', '--view', 'clean'], JSON.stringify(json));
    expect(clean.stdout).toBe(runCli(['export', decision, '--view', 'clean']).stdout);
  });

  it('defaults to text when --to is not given', () => {
    expect(runCli(['export', decision]).stdout).toBe(runCli(['export', decision, '--to', 'text']).stdout);
  });
});

describe('penholder export errors', () => {
  const valid = readFileSync(join(repoRoot, decision), 'utf8');
  const cases: [string, string[], string | undefined, RegExp][] = [
    ['an unknown format', ['export', decision, '--to', 'rtf'], undefined, /cannot export to "rtf": use one of text, akn, docx, pdf/],
    ['Word without --out', ['export', decision, '--to', 'docx'], undefined, /--to docx writes a binary file: give --out PATH/],
    ['PDF without --out', ['export', decision, '--to', 'pdf'], undefined, /--to pdf writes a binary file: give --out PATH/],
    ['a missing file', ['export', 'test/fixtures/cli/none.json'], undefined, /no such file/],
    ['invalid JSON', ['export', '-'], '{"type": "doc", ', /standard input is not valid JSON/],
    ['an empty array', ['export', '-'], '[]', /holds no documents/],
    ['a duplicate id', ['export', 'test/fixtures/cli/duplicate-ids.json'], undefined, /invalid document: duplicate id "da"/],
    ['an invalid second document', ['export', '-'], `[${valid}, {"type": "doc", "content": []}]`, /document 2 of 2: invalid document/],
    ['JSON that is not a document', ['export', '-'], '"hello"', /expected a ProseMirror JSON object/],
  ];

  for (const [what, args, input, message] of cases) {
    it(`fails with one clear line on ${what}`, () => {
      const result = failure(runCli(args, input));
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.lines).toBe(1);
      expect(result.message).toMatch(message);
    });
  }
});

describe('penholder export views of a negotiated text', () => {
  let imported = '';
  beforeAll(() => {
    imported = runCli(['import', 'test/fixtures/negotiation/ga-third-committee-rev1.txt', '--json']).stdout;
  });

  it('writes the compilation text by default, with attribution tags unless --no-tags', () => {
    const compilation = runCli(['export', '-', '--to', 'text'], imported);
    expect(compilation.stdout).toContain('2. [*Urges*][*Calls upon*][*Encourages* (USA)] all States to [take all appropriate measures to] protect');
    expect(compilation.stdout).toContain('\n5 alt. [*Decides* to continue its consideration of the question at its eighty-third session. (RUS, CHN)]\n');
    const untagged = runCli(['export', '-', '--view', 'compilation', '--no-tags'], imported);
    expect(untagged.stdout).toContain('2. [*Urges*][*Calls upon*][*Encourages*] all States to [take all');
  });

  it('writes the clean text: agreed text only, renumbered', () => {
    const clean = runCli(['export', '-', '--view', 'clean'], imported);
    expect(clean.status).toBe(0);
    expect(clean.stdout).not.toMatch(/[[\]]/);
    expect(clean.stdout).toContain('\n2. all States to protect and promote the human rights of women migrant workers and to violence against them;\n');
    expect(clean.stdout).toContain('\n5. *Decides* to the question at its eighty-third session.\n');
  });

  it("lists one delegation's proposals", () => {
    const proposals = runCli(['export', '-', '--view', 'proposals', '--delegation', 'rus'], imported);
    expect(proposals.stdout).toBe(
      'Proposals by RUS (3)\nPP 4: delete [including sexual and gender-based violence]\nOP 2: [combat]\nOP 5 alt: whole paragraph [Decides to continue its consideration of the question at its eighty-third session.] with CHN\n',
    );
  });

  it('fails with one clear line on a proposals view without a delegation, or an unknown view', () => {
    const noDelegation = failure(runCli(['export', '-', '--view', 'proposals'], imported));
    expect(noDelegation).toMatchObject({ lines: 1, stdout: '' });
    expect(noDelegation.status).not.toBe(0);
    expect(noDelegation.message).toMatch(/--view proposals needs --delegation CODE/);
    expect(failure(runCli(['export', '-', '--view', 'draft'], imported)).message).toMatch(/unknown view "draft"/);
  });
});
