import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../../shared/document/validate.js';
import { negotiationProblems } from '../../../../shared/negotiation/validate.js';
import { readDocx } from '../../../../shared/formats/docx/read.js';

const fixturePath = (name: string) => fileURLToPath(new URL(`../../../fixtures/docx/${name}`, import.meta.url));
const bytes = (path: string) => new Uint8Array(readFileSync(path));
const tracked = fixturePath('tracked-changes.docx');

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

// The resolution's paragraphs as a reader sees them, after the body line: own text of each
// PP, OP and subparagraph, without labels or footnotes.
function ourParagraphs(doc: Node): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'paragraph_text') out.push(normalize(node.textContent));
    return node.type.name !== 'paragraph_text';
  });
  return out;
}

// pandoc, the independent oracle: the same file with every change accepted or rejected,
// paragraphs after the body line, labels typed by hand removed.
function pandocParagraphs(path: string, mode: 'accept' | 'reject'): string[] {
  const text = execFileSync('pandoc', [`--track-changes=${mode}`, '-t', 'plain', '--wrap=none', path], { encoding: 'utf8' });
  const paras = text.split(/\n\s*\n/).map(normalize).filter((p) => p !== '');
  const body = paras.findIndex((p) => /^The [A-Z][A-Za-z ]+ (?:Assembly|Council),$/.test(p));
  // pandoc prints Word's list labels ("2.", "a.", "ii.") and keeps a rejected paragraph's label alone.
  return paras
    .slice(body + 1)
    .filter((p) => !/^(?:\d{1,3}|[a-z]{1,5}|\([a-z]{1,5}\))\.?$/.test(p))
    .map((p) => p.replace(/^(?:\d{1,3}\.|\([a-z]{1,5}\)|[a-z]{1,5}\.) /, '').replace(/\[\d+\]/g, ''))
    .filter((p) => p !== 'Annex')
    .filter((p, i, all) => all.indexOf('Principles for rural water supply') < 0 || i < all.indexOf('Principles for rural water supply'));
}

function withoutNotes(node: Node): string {
  let out = '';
  node.descendants((child) => {
    if (child.isText) out += child.text ?? '';
    return child.type.name !== 'footnote';
  });
  return out;
}

// The text pandoc prints is cut at the annex; ours too (annex paragraphs are compared elsewhere).
function beforeAnnex(doc: Node): string[] {
  const out: string[] = [];
  doc.forEach((part) => {
    if (part.type.name !== 'annex') part.descendants((node) => (node.type.name === 'paragraph_text' ? (out.push(normalize(withoutNotes(node))), false) : true));
  });
  return out;
}

type BracketSeen = { text: string; proposedBy: string[]; deletion: boolean };

function brackets(doc: Node): BracketSeen[] {
  const out: BracketSeen[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'bracket') out.push({ text: node.textContent, proposedBy: node.attrs.proposedBy as string[], deletion: node.attrs.deletion === true });
    return true;
  });
  return out;
}

function wholeBrackets(doc: Node): { text: string; proposedBy: string[] }[] {
  const out: { text: string; proposedBy: string[] }[] = [];
  doc.descendants((node) => {
    const bracket = node.attrs.bracket as { proposedBy: string[] } | null | undefined;
    if (bracket) out.push({ text: node.firstChild?.textContent ?? '', proposedBy: bracket.proposedBy });
    return true;
  });
  return out;
}

describe('readDocx tracked changes (LibreOffice file, two authors)', () => {
  it('counts the insertions and deletions that hold text, and the authors in order of appearance', () => {
    const { trackedChanges } = readDocx(bytes(tracked));
    expect(trackedChanges).toEqual({ insertions: 7, deletions: 4, authors: ['Alice Martin', 'Bob Okafor'] });
  });

  it('accept gives the text pandoc --track-changes=accept gives', () => {
    const doc = readDocx(bytes(tracked), { trackedChanges: 'accept' }).documents[0] as Node;
    expect(ourParagraphs(doc)).toEqual(pandocParagraphs(tracked, 'accept'));
    expect(ourParagraphs(doc)).toHaveLength(9);
  });

  it('reject gives the text pandoc --track-changes=reject gives (the deleted paragraph back, the inserted one gone)', () => {
    const doc = readDocx(bytes(tracked), { trackedChanges: 'reject' }).documents[0] as Node;
    expect(ourParagraphs(doc)).toEqual(pandocParagraphs(tracked, 'reject'));
    expect(ourParagraphs(doc)).toContain('Noting the report of the Special Rapporteur,');
  });

  it('proposals: the text before the changes, each change a bracket (or a whole-paragraph bracket) of the delegation its author speaks for', () => {
    const delegations: Record<string, string> = { 'Alice Martin': 'FRA', 'Bob Okafor': 'NGA' };
    const { documents, warnings } = readDocx(bytes(tracked), { trackedChanges: 'proposals', delegationOf: (a) => delegations[a] ?? null });
    const doc = documents[0] as Node;
    expect(brackets(doc)).toEqual([
      { text: 'all ', proposedBy: ['FRA'], deletion: true },
      { text: 'Noting the report of the Special Rapporteur,', proposedBy: ['NGA'], deletion: true },
      { text: ', including their right to rest', proposedBy: ['FRA'], deletion: false },
      { text: 'and without delay ', proposedBy: ['NGA'], deletion: true },
      { text: ' under the item entitled “Promotion and protection of human rights”', proposedBy: ['NGA'], deletion: false },
    ]);
    // The inserted OP 5 and its inserted (a) and (b) are one proposal: one whole-paragraph bracket.
    expect(wholeBrackets(doc)).toEqual([{ text: 'Invites the Special Rapporteur to cover in the next report:', proposedBy: ['FRA'] }]);
    expect(doc.nodeSize).toBeGreaterThan(0);
    doc.check();
    expect(warnings.filter((w) => w.includes('name no delegation'))).toEqual([]);
  });

  it('proposals: an author who names no delegation proposes as no one, and a warning says so', () => {
    const { documents, warnings } = readDocx(bytes(tracked), { trackedChanges: 'proposals', delegationOf: (a) => (a === 'Alice Martin' ? 'FRA' : null) });
    const seen = brackets(documents[0] as Node);
    expect(seen.filter((b) => b.proposedBy.length === 0).map((b) => b.text)).toEqual([
      'Noting the report of the Special Rapporteur,',
      'and without delay ',
      ' under the item entitled “Promotion and protection of human rights”',
    ]);
    expect(warnings).toContain('docx: tracked changes by "Bob Okafor" (3 changes, 2024-03-02T11:30:00Z to 2024-03-02T12:00:00Z) name no delegation; their proposals have no proposer');
  });

  it('reads the same file freshly written by LibreOffice in this run', () => {
    const out = mkdtempSync(join(tmpdir(), 'docx-read-'));
    try {
      const source = fixturePath('src/tracked-changes.fodt');
      execFileSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'docx', '--outdir', out, source], { stdio: 'ignore', timeout: 60_000 });
      const fresh = join(out, 'tracked-changes.docx');
      const result = readDocx(bytes(fresh), { trackedChanges: 'accept' });
      expect(result.trackedChanges).toEqual({ insertions: 7, deletions: 4, authors: ['Alice Martin', 'Bob Okafor'] });
      expect(ourParagraphs(result.documents[0] as Node)).toEqual(pandocParagraphs(fresh, 'accept'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('readDocx tracked changes written by pandoc (a third and fourth author)', () => {
  const path = fixturePath('tracked-pandoc.docx');

  it('counts them and reads accept and reject as pandoc does', () => {
    const accepted = readDocx(bytes(path), { trackedChanges: 'accept' });
    expect(accepted.trackedChanges).toEqual({ insertions: 3, deletions: 1, authors: ['Carla Ruiz', 'Dmitri Volkov'] });
    expect(ourParagraphs(accepted.documents[0] as Node)).toEqual(pandocParagraphs(path, 'accept'));
    expect(ourParagraphs(readDocx(bytes(path), { trackedChanges: 'reject' }).documents[0] as Node)).toEqual(pandocParagraphs(path, 'reject'));
  });

  it('keeps a replacement as a deletion proposal and an insertion proposal, not as alternatives', () => {
    const doc = readDocx(bytes(path), { trackedChanges: 'proposals', delegationOf: (a) => (a === 'Dmitri Volkov' ? 'RUS' : 'ESP') }).documents[0] as Node;
    expect(brackets(doc)).toEqual([
      { text: 'and an indispensable means of realizing other rights', proposedBy: ['ESP'], deletion: false },
      { text: 'free', proposedBy: ['RUS'], deletion: true },
      { text: 'inclusive', proposedBy: ['RUS'], deletion: false },
      { text: 'under the same agenda item', proposedBy: ['ESP'], deletion: false },
    ]);
    let groups = 0;
    doc.descendants((node) => {
      if (node.type.name === 'bracket_alternatives') groups++;
      return true;
    });
    expect(groups).toBe(0);
  });
});

describe('readDocx documents are valid in every mode', () => {
  it.each(['accept', 'reject', 'proposals'] as const)('%s: each document passes validateDocument (schema, header, unique ids) and has no negotiation problem', (mode) => {
    for (const name of ['tracked-changes.docx', 'tracked-pandoc.docx', 'resolution-lists.docx', 'typed-numbers.docx', 'typed-letters.docx']) {
      for (const doc of readDocx(bytes(fixturePath(name)), { trackedChanges: mode, delegationOf: () => 'FRA' }).documents) {
        expect(() => validateDocument(doc.toJSON())).not.toThrow();
        expect(negotiationProblems(doc)).toEqual([]);
      }
    }
  });
});

describe('readDocx tracked changes inside Word list numbering (LibreOffice)', () => {
  const path = fixturePath('tracked-lists.docx');
  const notes = (texts: string[]) => texts.filter((t) => !t.startsWith('See '));

  it('counts, and accept/reject renumber the list as pandoc reads it', () => {
    const accepted = readDocx(bytes(path), { trackedChanges: 'accept' });
    expect(accepted.trackedChanges).toEqual({ insertions: 3, deletions: 0, authors: ['Emma Stone', 'Chen Wei'] });
    const rejected = readDocx(bytes(path), { trackedChanges: 'reject' }).documents[0] as Node;
    expect(beforeAnnex(accepted.documents[0] as Node)).toEqual(notes(pandocParagraphs(path, 'accept')));
    expect(beforeAnnex(rejected)).toEqual(notes(pandocParagraphs(path, 'reject')));
    const ops = (doc: Node) => {
      let n = 0;
      doc.descendants((node) => (node.type.name === 'operative_paragraph' ? (n++, false) : true));
      return n;
    };
    expect([ops(accepted.documents[0] as Node), ops(rejected)]).toEqual([5, 4]);
  });

  it('proposals: the inserted OP 3 is a whole-paragraph proposal of its delegation', () => {
    const doc = readDocx(bytes(path), { trackedChanges: 'proposals', delegationOf: (a) => (a === 'Chen Wei' ? 'CHN' : null) }).documents[0] as Node;
    expect(wholeBrackets(doc)).toEqual([{ text: 'Invites regional commissions to share data;', proposedBy: ['CHN'] }]);
    expect(brackets(doc)).toEqual([{ text: 'all ', proposedBy: [], deletion: false }]);
  });
});
