import { describe, expect, it } from 'vitest';
import { buildAnnex, buildDocument, buildInline, buildParagraph } from '../../../shared/document/build.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { sampleResolution } from './sample-documents.js';

const minimal = { title: 'T', body: 'The General Assembly,', operative: ['Decides.'] };

describe('buildDocument', () => {
  it('builds schema-valid documents with fresh unique ids', () => {
    const doc = buildDocument({ ...minimal, preamble: ['Noting,'], operative: [{ text: 'Decides:', subparagraphs: ['a;', 'b;'] }] });
    doc.check();
    const ids: string[] = [];
    doc.descendants((node) => {
      if (typeof node.attrs.id === 'string') ids.push(node.attrs.id);
      return true;
    });
    expect(ids.length).toBe(6); // title, body line, PP, OP, (a), (b)
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z][a-z0-9]{11}$/.test(id))).toBe(true);
  });

  it('marks the opener prefix and places footnotes at offsets', () => {
    const p = buildParagraph('operative_paragraph', { text: 'Requests the Secretary-General.', opener: 'Requests', footnotes: [{ at: 30, text: 'A/1.' }, { text: 'A/2.' }] });
    const text = p.firstChild;
    expect(text?.child(0).text).toBe('Requests');
    expect(text?.child(0).marks.map((m) => m.type.name)).toEqual(['opener']);
    expect(text?.child(1).text).toBe(' the Secretary-General');
    expect(text?.child(2).type.name).toBe('footnote');
    expect(text?.child(2).textContent).toBe('A/1.');
    expect(text?.child(3).text).toBe('.');
    expect(text?.child(4).textContent).toBe('A/2.');
  });

  it('puts (i) under (a) and (a) under list items', () => {
    const op = buildParagraph('operative_paragraph', { text: 'x', subparagraphs: [{ text: 'y', subparagraphs: ['z'] }], list: [{ text: 'i', subparagraphs: ['w'] }] });
    expect(op.child(1).type.name).toBe('subparagraph');
    expect(op.child(1).child(1).type.name).toBe('sub_subparagraph');
    expect(op.child(2).type.name).toBe('numbered_list');
    expect(op.child(2).child(0).child(1).type.name).toBe('subparagraph');
    const decision = buildDocument({ ...minimal, kind: 'decision', operative: [{ text: 'Decides:', subparagraphs: ['now;'] }] });
    expect(decision.child(3).child(0).child(1).type.name).toBe('sub_subparagraph');
  });

  it('refuses specs that cannot make a valid document, saying why', () => {
    expect(() => buildDocument({ ...minimal, operative: [] })).toThrow(/at least one operative paragraph/);
    expect(() => buildDocument({ ...minimal, kind: 'decision', preamble: ['Noting,'] })).toThrow(/no preambular/);
    expect(() => buildParagraph('sub_subparagraph', { text: 'x', subparagraphs: ['y'] })).toThrow(/cannot have subparagraphs/);
    expect(() => buildParagraph('preambular_paragraph', { text: 'x', list: ['y'] })).toThrow(/cannot hold a numbered list/);
    expect(() => buildInline('Recalling its', { opener: 'Noting' })).toThrow(/not a prefix/);
    expect(() => buildInline('short', { footnotes: [{ at: 9, text: 'A/1.' }] })).toThrow(/outside the text/);
    expect(() => buildAnnex({ title: 'A', content: [{ text: 'p', subparagraphs: ['q'] }] })).toThrow(/annex paragraph/);
  });
});

describe('validateDocument', () => {
  const json = () => JSON.parse(JSON.stringify(sampleResolution().toJSON())) as { content: Record<string, unknown>[] };

  it('returns an equal document for valid JSON', () => {
    const doc = sampleResolution();
    expect(validateDocument(doc.toJSON()).eq(doc)).toBe(true);
  });

  it('rejects non-objects, other top nodes and unknown node types', () => {
    expect(() => validateDocument(null)).toThrow(/expected a ProseMirror JSON object/);
    expect(() => validateDocument([])).toThrow(/expected a ProseMirror JSON object/);
    expect(() => validateDocument({ type: 'paragraph' })).toThrow(/top node must be of type "doc"/);
    const bad = json();
    bad.content.push({ type: 'banana' });
    expect(() => validateDocument(bad)).toThrow(/invalid document: .*banana/);
  });

  it('rejects content the schema does not allow', () => {
    const bad = json();
    bad.content.splice(1, 1);
    expect(() => validateDocument(bad)).toThrow(/invalid document/);
  });

  it('rejects a missing or duplicate id', () => {
    const noId = json();
    (noId.content[1] as { attrs: { id: string } }).attrs.id = '';
    expect(() => validateDocument(noId)).toThrow(/title at position \d+ has no id/);
    const dup = json();
    (dup.content[2] as { attrs: { id: string } }).attrs.id = 'pp1';
    expect(() => validateDocument(dup)).toThrow(/duplicate id "pp1"/);
  });

  it('rejects a badly typed header', () => {
    const lang = json();
    (lang.content[0] as { attrs: Record<string, unknown> }).attrs.language = 'de';
    expect(() => validateDocument(lang)).toThrow(/header.language/);
    const sponsors = json();
    (sponsors.content[0] as { attrs: Record<string, unknown> }).attrs.sponsors = 'Chile';
    expect(() => validateDocument(sponsors)).toThrow(/header.sponsors/);
    const symbol = json();
    (symbol.content[0] as { attrs: Record<string, unknown> }).attrs.symbol = 7;
    expect(() => validateDocument(symbol)).toThrow(/header.symbol/);
  });
});
