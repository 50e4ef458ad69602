import { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { compareDocuments } from '../../../shared/compare/index.js';
import { exportText } from '../../../shared/document/export-text.js';
import { newId, withFreshIds, type JsonNode } from '../../../shared/ids.js';
import { importText } from '../../../shared/import/index.js';
import { cleanViewDoc } from '../../../shared/negotiation/clean-view.js';
import { addParagraphAlternative, bracketParagraph, collectBrackets, proposeInsertion, setParagraphStatus } from '../../../shared/negotiation/index.js';
import { baseNumbers, negotiationBaseOf, readNegotiationBase, withNegotiationBase } from '../../../shared/negotiation/negotiation-base.js';
import { documentStableLabels, issueCleanText, stableLabels } from '../../../shared/negotiation/stable-numbering.js';
import { delegationProposals } from '../../../shared/negotiation/views.js';
import { checkDocument, createStyleChecker } from '../../../shared/style/check.js';
import { docToYDoc, yDocToDoc } from '../../../shared/ydoc.js';
import { sampleDecision, sampleResolution } from '../document/sample-documents.js';
import { apply, posOf, stateOf } from './helpers.js';

// A new paragraph of the same type as the one with id `after`, right after it.
function insertAfter(state: EditorState, type: string, after: string, id: string, text: string): EditorState {
  const pos = posOf(state.doc, type, after);
  const node = state.doc.nodeAt(pos)!;
  const paragraph = node.type.create({ id }, resolutionSchema.nodes.paragraph_text!.create(null, resolutionSchema.text(text)));
  return apply(state, state.tr.insert(pos + node.nodeSize, paragraph));
}

// The sample resolution in negotiation on itself ("Rev.1"), with a paragraph after OP 1 and PP 1.
function negotiated(): Node {
  const base = sampleResolution();
  let state = stateOf(withNegotiationBase(base, negotiationBaseOf('rev1', 'Rev.1', base)));
  state = insertAfter(state, 'operative_paragraph', 'op1', 'op1bis', 'Also encourages Member States;');
  state = insertAfter(state, 'preambular_paragraph', 'pp1', 'pp1bis', 'Bearing in mind its resolution,');
  return state.doc;
}

describe('the negotiation base in the document header', () => {
  it('keeps the base numbers of PP, OP and decision paragraphs, and travels through a Y.Doc and JSON unchanged', () => {
    const base = sampleResolution();
    expect(baseNumbers(base)).toMatchObject({ pp1: 1, pp2: 2, op1: 1, op2: 2 });
    expect(baseNumbers(base)).not.toHaveProperty('op1a');
    const doc = negotiated();
    const carried = readNegotiationBase(doc);
    expect(carried).toEqual({ revisionId: 'rev1', label: 'Rev.1', numbers: baseNumbers(base) });
    expect(readNegotiationBase(yDocToDoc(docToYDoc(doc)))).toEqual(carried);
    expect(readNegotiationBase(Node.fromJSON(resolutionSchema, JSON.parse(JSON.stringify(doc.toJSON()))))).toEqual(carried);
    expect(readNegotiationBase(base)).toBeNull();
  });

  it('is checked by the schema: a malformed base is refused', () => {
    const doc = sampleResolution();
    for (const bad of [{ revisionId: 'r' }, { revisionId: 'r', label: 'Rev.1', numbers: { op1: 'one' } }, 'Rev.1', [1]]) {
      const json = doc.toJSON() as { content: { attrs: Record<string, unknown> }[] };
      json.content[0]!.attrs.negotiation = bad;
      expect(() => Node.fromJSON(resolutionSchema, json).check()).toThrow(RangeError);
    }
  });

  it('replaces the header only when the base changes, and leaves the rest of the header as it was', () => {
    const doc = negotiated();
    expect(withNegotiationBase(doc, readNegotiationBase(doc))).toBe(doc);
    const out = withNegotiationBase(doc, null);
    expect(readNegotiationBase(out)).toBeNull();
    expect(out.firstChild!.attrs.sponsors).toEqual(['Chile', 'Ghana', 'Sweden']);
    expect(out.child(1)).toBe(doc.child(1));
  });

  it('gives the same stable labels from the numbers it carries as from the base document', () => {
    const doc = negotiated();
    const labels = documentStableLabels(doc)!;
    expect(labels).toEqual(stableLabels(doc, sampleResolution()));
    expect([labels.get('op1'), labels.get('op1bis'), labels.get('op2'), labels.get('pp1bis')]).toEqual(['OP 1', 'OP 1 bis', 'OP 2', 'PP 1 bis']);
    expect(documentStableLabels(sampleResolution())).toBeNull();
  });

  it('issues a clean text against the base the document carries, and the clean text carries none', () => {
    const issued = issueCleanText(negotiated());
    expect(issued.table.filter((r) => r.old !== r.new).map((r) => `${r.old} -> ${r.new}`)).toEqual(['PP 1 bis -> PP 2', 'PP 2 -> PP 3', 'OP 1 bis -> OP 2', 'OP 2 -> OP 3', 'OP 3 -> OP 4']);
    expect(readNegotiationBase(issued.doc)).toBeNull();
  });
});

describe('a new document from a version in negotiation', () => {
  it('is out of negotiation, and its paragraph alternatives follow their paragraphs’ new ids', () => {
    let state = stateOf(negotiated());
    state = apply(state, addParagraphAlternative(state, posOf(state.doc, 'operative_paragraph', 'op2'), 'Decides to consider the matter.'));
    const copy = Node.fromJSON(resolutionSchema, withFreshIds(state.doc.toJSON() as JsonNode));
    copy.check();
    expect(readNegotiationBase(copy)).toBeNull();
    const ops: { id: string; of: string }[] = [];
    copy.descendants((node) => (node.type.name === 'operative_paragraph' ? (ops.push({ id: String(node.attrs.id), of: String(node.attrs.alternativeOf) }), false) : true));
    const alternative = ops.find((p) => p.of !== '')!;
    expect(ops.map((p) => p.id)).toContain(alternative.of);
    expect(alternative.of).not.toBe('op2');
  });
});

describe('issuing a clean text', () => {
  it('agrees the subparagraphs bracketed whole inside an agreed paragraph with it (found by the property test)', () => {
    let state = stateOf(negotiated());
    state = apply(state, bracketParagraph(state, posOf(state.doc, 'subparagraph', 'op1b'), { proposedBy: ['EU'] }));
    state = apply(state, setParagraphStatus(state, posOf(state.doc, 'operative_paragraph', 'op1'), { state: 'agreed', by: 'MEX', at: '2026-12-02T10:00:00Z' }));
    expect(collectBrackets(state.doc).map((b) => b.kind)).toEqual(['paragraph']);
    const issued = issueCleanText(state.doc);
    expect(collectBrackets(issued.doc)).toEqual([]);
    expect(issued.doc.nodeAt(posOf(issued.doc, 'subparagraph', 'op1b'))!.textContent).toBe('training for teachers;');
  });
});

describe('texts of a document in negotiation', () => {
  it('writes the compilation with stable numbers and references, the clean text numbered as it stands', () => {
    let state = stateOf(negotiated());
    // A reference to the inserted paragraph at the end of OP 2's text.
    const op2 = posOf(state.doc, 'operative_paragraph', 'op2');
    const end = op2 + 1 + state.doc.nodeAt(op2)!.firstChild!.nodeSize - 1;
    state = apply(state, state.tr.insert(end, resolutionSchema.nodes.cross_reference!.create({ target: 'op1bis' })));
    state = apply(state, addParagraphAlternative(state, posOf(state.doc, 'preambular_paragraph', 'pp1bis'), 'Bearing in mind also,'));
    const compilation = exportText(state.doc);
    expect(compilation).toContain('\n1 bis. Also encourages Member States;\n');
    expect(compilation).toContain('\n2. *Decides*');
    expect(compilation).toContain('1 bis\n');
    expect(compilation).toContain('\nPP1 bis alt [Bearing in mind also,]\n');
    const clean = exportText(state.doc, { view: 'clean' });
    expect(clean).toContain('\n2. Also encourages Member States;\n');
    expect(clean).toContain('\n3. *Decides*');
    expect(clean).toContain('2\n');
    // The same text out of negotiation is numbered as it stands.
    expect(exportText(withNegotiationBase(state.doc, null))).toContain('\n2. Also encourages Member States;\n');
  });

  it('letters an inserted decision paragraph "(a) bis" in the compilation', () => {
    const base = sampleDecision();
    let state = stateOf(withNegotiationBase(base, negotiationBaseOf('rev1', 'Rev.1', base)));
    state = insertAfter(state, 'decision_paragraph', 'da', newId(), 'Also takes note of the statement;');
    expect(exportText(state.doc)).toContain('\n(a) bis Also takes note of the statement;\n\n(b) *Decides*');
  });

  it('draws the clean view without the base, and lists a delegation’s proposals at stable paths', () => {
    let state = stateOf(negotiated());
    expect(readNegotiationBase(cleanViewDoc(state.doc))).toBeNull();
    const pos = posOf(state.doc, 'operative_paragraph', 'op1bis') + 2;
    state = apply(state, proposeInsertion(state, { delegation: 'CAN', text: 'all ', pos: pos + 'Also encourages '.length }));
    expect(delegationProposals(state.doc, 'CAN').map((p) => p.path)).toEqual(['OP 1 bis']);
  });

  it('names paragraphs in style problems as the page does: "OP 1 bis", subparagraphs "OP 2 (a)"', () => {
    let state = stateOf(negotiated());
    // OP 1 bis loses its final semicolon.
    const text = posOf(state.doc, 'operative_paragraph', 'op1bis') + 1;
    const end = text + state.doc.nodeAt(text)!.nodeSize - 1;
    state = apply(state, state.tr.delete(end - 1, end));
    const messages = checkDocument(state.doc).map((p) => p.message);
    expect(messages).toContain('OP 1 bis: ends with no final punctuation where a semicolon is expected (an operative paragraph ends with a semicolon)');
    // The incremental checker agrees after a change to the base.
    const checker = createStyleChecker();
    checker.check(state.doc);
    const out = apply(state, state.tr.setNodeAttribute(0, 'negotiation', null));
    expect(checker.check(out.doc).map((p) => p.message)).toContain('OP 2: ends with no final punctuation where a semicolon is expected (an operative paragraph ends with a semicolon)');
  });

  it('names paragraphs in a compare of two versions in negotiation by their stable numbers', () => {
    const base = sampleResolution();
    const comparison = compareDocuments(withNegotiationBase(base, negotiationBaseOf('rev1', 'Rev.1', base)), negotiated());
    const byId = new Map(comparison.paragraphs.map((p) => [p.newId ?? p.oldId, p]));
    expect(byId.get('op1bis')).toMatchObject({ status: 'inserted', newPath: 'OP 1 bis' });
    expect(byId.get('op2')).toMatchObject({ oldPath: 'OP 2', newPath: 'OP 2' });
    expect(byId.get('pp1bis')).toMatchObject({ status: 'inserted', newPath: 'PP 1 bis' });
  });

  it('imports the compilation text it exports: "1 bis." and "(a) bis" are paragraphs of their own (they were joined to the one before), "2 alt." an alternative', () => {
    let state = stateOf(negotiated());
    state = apply(state, addParagraphAlternative(state, posOf(state.doc, 'operative_paragraph', 'op2'), 'Decides to consider the matter.'));
    const text = exportText(state.doc);
    expect(text).toContain('\n1 bis. Also encourages');
    const [imported] = importText(text).documents;
    const ops: string[] = [];
    imported!.descendants((node) => {
      if (node.type.name === 'operative_paragraph') ops.push(`${String(node.attrs.alternativeOf) === '' ? '' : 'alt:'}${node.textContent.slice(0, 20)}`);
      return node.type.name !== 'operative_paragraph';
    });
    expect(ops).toEqual(['Encourages Member St', 'Also encourages Memb', 'Decides that the exp', 'alt:Decides to consider ', 'Requests the Secreta']);

    const base = sampleDecision();
    let decision = stateOf(withNegotiationBase(base, negotiationBaseOf('rev1', 'Rev.1', base)));
    decision = insertAfter(decision, 'decision_paragraph', 'da', newId(), 'Also takes note of the statement;');
    const [again] = importText(exportText(decision.doc)).documents;
    const letters: string[] = [];
    again!.descendants((node) => (node.type.name === 'decision_paragraph' ? (letters.push(node.textContent.slice(0, 10)), false) : true));
    expect(letters).toEqual(['Takes note', 'Also takes', 'Decides th', 'Approves t']);
  });
});
