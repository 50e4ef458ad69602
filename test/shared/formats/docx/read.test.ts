import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../../../shared/document/header.js';
import { readDocx } from '../../../../shared/formats/docx/read.js';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/docx/${name}`, import.meta.url))));

function count(doc: Node, type: string): number {
  let n = 0;
  doc.descendants((node) => {
    if (node.type.name === type) n++;
    return true;
  });
  return n;
}

function paragraphs(doc: Node, type: string): Node[] {
  const out: Node[] = [];
  doc.descendants((node) => {
    if (node.type.name === type) out.push(node);
    return true;
  });
  return out;
}

// The opener of a paragraph: the text of its leading run with the opener mark.
function opener(para: Node): string {
  let out = '';
  let open = true;
  para.firstChild?.forEach((child) => {
    if (!open) return;
    if (child.isText && child.marks.some((m) => m.type.name === 'opener')) out += child.text ?? '';
    else open = false;
  });
  return out;
}

const ownText = (para: Node) => para.firstChild?.textContent ?? '';

describe('readDocx on a LibreOffice resolution with Word list numbering', () => {
  const { documents, warnings } = readDocx(fixture('resolution-lists.docx'));
  const doc = documents[0] as Node;

  it('reads one resolution with its header, title and body line', () => {
    expect(documents).toHaveLength(1);
    const header = readHeader(doc);
    expect(header.symbol).toBe('A/C.3/79/L.98');
    expect(header.agendaItem).toBe('27');
    expect(header.sponsors).toEqual(['Austria', 'Brazil', 'Japan']);
    expect(doc.child(1).textContent).toBe('Access to safe drinking water in rural areas');
    expect(doc.child(2).textContent).toBe('The General Assembly,');
  });

  it('counts PPs, OPs, subparagraphs, sub-subparagraphs and footnotes', () => {
    expect(count(doc, 'preambular_paragraph')).toBe(3);
    expect(count(doc, 'operative_paragraph')).toBe(4);
    expect(count(doc, 'subparagraph')).toBe(3);
    expect(count(doc, 'sub_subparagraph')).toBe(2);
    expect(count(doc, 'footnote')).toBe(2);
    expect(count(doc, 'annex')).toBe(1);
  });

  it('marks the italic runs that open paragraphs as openers', () => {
    expect(paragraphs(doc, 'preambular_paragraph').map(opener)).toEqual(['Recalling', 'Reaffirming', 'Deeply concerned']);
    expect(paragraphs(doc, 'operative_paragraph').map(opener)).toEqual(['Calls upon', 'Encourages', 'Requests', 'Decides']);
  });

  it('resolves the numbering: (a)-(c) and (i)-(ii) under OP 1, the list restarted at 3 continues the OPs, the annex list restarts at 1', () => {
    const ops = paragraphs(doc, 'operative_paragraph');
    expect(ops.map((op) => ownText(op).slice(0, 20))).toEqual(['Calls upon Member St', 'Encourages partnersh', 'Requests the Secreta', 'Decides to remain se']);
    expect(paragraphs(ops[0] as Node, 'subparagraph').map(ownText)).toEqual([
      'To extend water networks to rural areas;',
      'To protect water sources, in particular:',
      'To report on progress made;',
    ]);
    expect(paragraphs(doc, 'sub_subparagraph').map(ownText)).toEqual(['Wetlands and aquifers;', 'Glaciers and snowfields;']);
    const annex = paragraphs(doc, 'annex')[0] as Node;
    expect(annex.child(0).textContent).toBe('Principles for rural water supply');
    expect(paragraphs(annex, 'list_item').map(ownText)).toEqual(['Water is a public good.', 'Communities take part in decisions.']);
  });

  it('keeps footnote texts (with their italics and link text) and hyperlink text', () => {
    const notes = paragraphs(doc, 'footnote');
    expect(notes.map((n) => n.textContent)).toEqual(['See A/RES/70/1, in particular Goal 6.', 'See Progress on Household Drinking Water (2023).']);
    const italic = [] as string[];
    notes[1]?.forEach((c) => c.marks.some((m) => m.type.name === 'emphasis') && italic.push(c.text ?? ''));
    expect(italic).toEqual(['Progress on Household Drinking Water']);
    expect(ownText(paragraphs(doc, 'preambular_paragraph')[2] as Node)).toContain('reported by the United Nations Water mechanism,');
  });

  it('keeps the comment as a warning naming its author', () => {
    expect(warnings).toContain('docx: comment by Reviewer One (2024-10-20T09:00:00Z): Check the agreed language of resolution 64/292.');
  });
});

describe('readDocx on numbers typed by hand', () => {
  it('reads "1.", "(a)", "(i)" typed in a pandoc document, with openers and an italic footnote', () => {
    const { documents } = readDocx(fixture('typed-numbers.docx'));
    const doc = documents[0] as Node;
    expect(count(doc, 'preambular_paragraph')).toBe(2);
    expect(count(doc, 'operative_paragraph')).toBe(3);
    expect(count(doc, 'subparagraph')).toBe(3);
    expect(count(doc, 'sub_subparagraph')).toBe(2);
    expect(count(doc, 'footnote')).toBe(1);
    expect(paragraphs(doc, 'operative_paragraph').map(opener)).toEqual(['Urges', 'Invites', 'Decides']);
    expect(paragraphs(doc, 'footnote')[0]?.textContent).toMatch(/^Report of the Fourth World Conference on Women/);
  });

  it('reads "a)" and "i)" typed in a LibreOffice decision as decision paragraphs and (i)-level paragraphs', () => {
    const { documents } = readDocx(fixture('typed-letters.docx'));
    const doc = documents[0] as Node;
    expect(doc.child(2).textContent).toBe('The Economic and Social Council:');
    expect(paragraphs(doc, 'decision_paragraph').map(opener)).toEqual(['Decides', 'Requests', 'Takes note']);
    expect(paragraphs(doc, 'sub_subparagraph').map(ownText)).toEqual(['the meeting rooms;', 'interpretation in the six official languages;']);
  });
});

describe('readDocx on Word numbering as pandoc writes it', () => {
  it('reads "a." and "i." list levels as (a) and (i) subparagraphs', () => {
    const doc = readDocx(fixture('pandoc-lists.docx')).documents[0] as Node;
    expect(count(doc, 'preambular_paragraph')).toBe(2);
    expect(count(doc, 'operative_paragraph')).toBe(3);
    expect(paragraphs(doc, 'subparagraph').map(ownText)).toEqual(['Become parties to the Convention;', 'Harmonize national legislation, in particular:']);
    expect(paragraphs(doc, 'sub_subparagraph').map(ownText)).toEqual(['Fisheries laws;', 'Environmental laws;']);
    expect(paragraphs(doc, 'operative_paragraph').map(opener)).toEqual(['Calls upon', 'Encourages', 'Decides']);
  });
});

describe('readDocx on a file holding two draft resolutions', () => {
  it('gives one document per draft, in order, each with its heading, title, paragraphs and footnotes', () => {
    const { documents } = readDocx(fixture('two-drafts.docx'));
    expect(documents.map((d) => [readHeader(d).heading, d.child(1).textContent, count(d, 'preambular_paragraph'), count(d, 'operative_paragraph'), count(d, 'footnote')])).toEqual([
      ['Draft resolution I', 'Tourism for development', 1, 2, 0],
      ['Draft resolution II', 'Migration and development', 1, 1, 1],
    ]);
  });
});
