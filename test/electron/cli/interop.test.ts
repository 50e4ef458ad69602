import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { failure, repoRoot, runCli } from './run-cli.js';

// Each run is a Node process that loads the CLI; several per test on a busy machine.
vi.setConfig({ testTimeout: 90_000 });

// The real CLI on Word, Akoma Ntoso, zips and folders; the files it writes are read by
// pandoc and poppler, readers that are not ours.
const dir = mkdtempSync(join(tmpdir(), 'penholder-cli-interop-'));
const fixture = (p: string) => readFileSync(join(repoRoot, 'test/fixtures', p));
const tracked = 'test/fixtures/e2e/tracked-two-authors.docx';
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('penholder import of Word, Akoma Ntoso, zips and folders', () => {
  it('counts a .docx with the changes accepted and adds its tracked changes to the line', () => {
    const run = runCli(['import', tracked, '--summary']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      kind: 'resolution',
      title: 'Protection of migrant domestic workers',
      body: 'The General Assembly,',
      preambular: 1,
      operative: 2,
      subparagraphs: 0,
      footnotes: 0,
      brackets: 0,
      alternativeGroups: 0,
      maxBracketDepth: 0,
      trackedChanges: { insertions: 1, deletions: 1, authors: ['European Union', 'Jane Smith'] },
    });
  });

  it('accepts or rejects the changes on --json as asked, and keeps them as proposals of the delegations named', () => {
    const textOf = (mode: string) => {
      const json = runCli(['import', tracked, '--json', '--tracked-changes', mode, '--author', 'Jane Smith=CAN']);
      expect(json.status).toBe(0);
      return runCli(['export', '-', '--to', 'text'], json.stdout).stdout;
    };
    expect(plain(textOf('accept'))).toContain('migrant domestic workers, including their right to rest; 2. *Requests* the Secretary-General to report to it at its eightieth session.');
    expect(plain(textOf('reject'))).toContain('migrant domestic workers; 2. *Requests* the Secretary-General to report and without delay to it at its eightieth session.');
    const proposals = plain(textOf('proposals'));
    // European Union is a delegation by its name; Jane Smith speaks for Canada by --author.
    expect(proposals).toContain('migrant domestic workers[, including their right to rest (EU)];');
    expect(proposals).toContain('to report [and without delay (CAN: delete)]to it');
    expect(failure(runCli(['import', tracked, '--json', '--tracked-changes', 'maybe'])).message).toMatch(/unknown --tracked-changes "maybe": use one of accept, reject, proposals/);
  }, 120_000);

  it('imports a zip of Akoma Ntoso and a folder of mixed files, in natural order', () => {
    const zip = join(dir, 'session.zip');
    writeFileSync(zip, zipSync({ 'English/74_265.xml': fixture('akn/en/74_265.xml'), 'English/74_129.xml': fixture('akn/en/74_129.xml') }));
    const zipped = runCli(['import', zip, '--summary']);
    expect(zipped.status).toBe(0);
    expect(zipped.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { title: string }).title)).toEqual([
      'Enlargement of the Executive Committee of the Programme of the United Nations High Commissioner for Refugees',
      'Unforeseen and extraordinary expenses for 2020',
    ]);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, '2-draft.txt'), fixture('e2e/cn15-draft-rev1.txt'));
    writeFileSync(join(folder, '10-tracked.docx'), fixture('e2e/tracked-two-authors.docx'));
    writeFileSync(join(folder, '1-res.xml'), fixture('akn/en/74_129.xml'));
    const run = runCli(['import', folder, '--summary']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { title: string; trackedChanges?: unknown });
    expect(lines.map((l) => l.title)).toEqual([
      'Enlargement of the Executive Committee of the Programme of the United Nations High Commissioner for Refugees',
      'Strengthening the protection of witnesses in criminal proceedings',
      'Protection of migrant domestic workers',
    ]);
    expect(lines.map((l) => l.trackedChanges !== undefined)).toEqual([false, false, true]);
  });

  it('refuses a PDF with its name', () => {
    const pdf = join(dir, 'A_RES_74_1.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    const result = failure(runCli(['import', pdf, '--summary']));
    expect(result).toMatchObject({ status: 1, lines: 1, stdout: '' });
    expect(result.message).toBe(`penholder: ${pdf} is a PDF: Penholder reads Word, Akoma Ntoso and text`);
  });
});

describe('penholder export to Akoma Ntoso, Word and PDF', () => {
  const rev1 = join(dir, 'rev1.json');
  const rev2 = join(dir, 'rev2.json');
  writeFileSync(rev1, runCli(['import', 'test/fixtures/e2e/cn15-draft-rev1.txt', '--json']).stdout);
  const changed = readFileSync(join(repoRoot, 'test/fixtures/e2e/cn15-draft-rev1.txt'), 'utf8').replace('of witnesses', 'of witnesses and victims');
  writeFileSync(rev2, runCli(['import', '-', '--json'], changed).stdout);

  it('writes Akoma Ntoso to stdout, which imports back to the same counts', () => {
    const akn = runCli(['export', rev1, '--to', 'akn']);
    expect(akn.status).toBe(0);
    expect(akn.stdout).toMatch(/^<\?xml[^>]*>\s*<akomaNtoso xmlns="http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0"/);
    const back = runCli(['import', '-', '--summary'], akn.stdout);
    expect(back.stdout).toBe(runCli(['import', 'test/fixtures/e2e/cn15-draft-rev1.txt', '--summary']).stdout);
  });

  it('writes Word with the changes since OLD as tracked changes: pandoc accepts to the new text and rejects to the old', () => {
    const out = join(dir, 'rev2.docx');
    const run = runCli(['export', rev2, '--to', 'docx', '--out', out, '--changes-from', rev1, '--author', 'CAN']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const pandoc = (mode: string) => plain(execFileSync('pandoc', [`--track-changes=${mode}`, '-t', 'plain', out], { encoding: 'utf8' }));
    expect(pandoc('accept')).toContain('protection of witnesses and victims in criminal proceedings');
    expect(pandoc('reject')).toContain('protection of witnesses in criminal proceedings');
    expect(pandoc('reject')).not.toContain('witnesses and victims');
    expect(failure(runCli(['export', rev2, '--to', 'akn', '--changes-from', rev1])).message).toMatch(/--changes-from shows tracked changes in Word: use --to docx/);
  });

  it('writes a US Letter PDF whose text poppler reads', () => {
    const out = join(dir, 'rev1.pdf');
    expect(runCli(['export', rev1, '--to', 'pdf', '--out', out, '--paper', 'letter']).status).toBe(0);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(plain(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }))).toContain('Strengthening the protection of witnesses in criminal proceedings');
  });
});
