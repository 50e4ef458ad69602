import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/document/build.js';
import { exportText } from '../../../shared/document/export-text.js';
import { importText } from '../../../shared/import/index.js';
import { delegationProposalsText } from '../../../shared/negotiation/views.js';
import { proposingDelegations, viewExportText, viewFileName } from '../../../renderer/document/negotiation-export.js';

const ga = (): Node => {
  const doc = importText(readFileSync(join(__dirname, '../../fixtures/negotiation/ga-third-committee-rev1.txt'), 'utf8')).documents[0];
  if (!doc) throw new Error('no document in the fixture');
  return doc;
};
const plain = (header = {}, title = 'Equal access to justice') => buildDocument({ header, title, body: 'The General Assembly,', operative: ['Decides to remain seized of the matter.'] });

describe('the text of a negotiation view', () => {
  it('is what the exporters write for the view shown', () => {
    const doc = ga();
    expect(viewExportText(doc, 'compilation', { tags: true, delegation: '' })).toBe(exportText(doc, { view: 'compilation', tags: true }));
    expect(viewExportText(doc, 'compilation', { tags: false, delegation: '' })).toBe(exportText(doc, { view: 'compilation', tags: false }));
    expect(viewExportText(doc, 'clean', { tags: true, delegation: '' })).toBe(exportText(doc, { view: 'clean' }));
    expect(viewExportText(doc, 'proposals', { tags: true, delegation: 'eu' })).toBe(delegationProposalsText(doc, 'EU'));
    expect(viewExportText(doc, 'editing', { tags: false, delegation: '' })).toBe(exportText(doc));
  });

  it('tags are written in the compilation and left out on request', () => {
    const doc = ga();
    expect(viewExportText(doc, 'compilation', { tags: true, delegation: '' })).toContain('[, including those in an irregular situation, (EU, CAN)]');
    expect(viewExportText(doc, 'compilation', { tags: false, delegation: '' })).toContain('[, including those in an irregular situation,]');
    expect(viewExportText(doc, 'clean', { tags: true, delegation: '' })).not.toContain('[');
  });
});

describe('the file name of a view', () => {
  it('is the symbol made safe for file systems, then the view', () => {
    const doc = plain({ symbol: 'A/C.3/81/L.12' });
    expect(viewFileName(doc, 'compilation', { tags: true, delegation: '' })).toBe('A_C.3_81_L.12 - compilation text.txt');
    expect(viewFileName(doc, 'compilation', { tags: false, delegation: '' })).toBe('A_C.3_81_L.12 - compilation text without tags.txt');
    expect(viewFileName(doc, 'clean', { tags: true, delegation: '' })).toBe('A_C.3_81_L.12 - text without brackets.txt');
    expect(viewFileName(doc, 'proposals', { tags: true, delegation: 'can' })).toBe('A_C.3_81_L.12 - proposals of CAN.txt');
  });

  it('falls back to the title, then to "Document"', () => {
    expect(viewFileName(plain({}, 'Rights: "all" <of> us?'), 'clean', { tags: true, delegation: '' })).toBe('Rights_ _all_ _of_ us_ - text without brackets.txt');
    expect(viewFileName(plain({}, '  '), 'clean', { tags: true, delegation: '' })).toBe('Document - text without brackets.txt');
  });
});

describe('the delegations one can list proposals of', () => {
  it('are every proposer of the text, and the user own delegation, sorted once each', () => {
    expect(proposingDelegations(ga())).toEqual(['CAN', 'CHN', 'EU', 'G77', 'MEX', 'PHL', 'RUS', 'USA']);
    expect(proposingDelegations(ga(), 'bra')).toContain('BRA');
    expect(proposingDelegations(ga(), 'EU').filter((c) => c === 'EU')).toHaveLength(1);
    expect(proposingDelegations(plain())).toEqual([]);
  });
});
