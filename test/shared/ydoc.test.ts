import fs from 'node:fs';
import fc from 'fast-check';
import * as Y from 'yjs';
import { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import {
  PROSEMIRROR_FRAGMENT,
  createYDoc,
  docToYDoc,
  encodeYDoc,
  hasPendingChanges,
  yDocFromUpdates,
  yDocToDoc,
} from '../../shared/ydoc.js';

const fixture = JSON.parse(fs.readFileSync(new URL('../fixtures/backend-resolution.json', import.meta.url), 'utf8'));

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const paragraphText = fc.record({ opener: text, rest: fc.option(text, { nil: undefined }) }).map(({ opener, rest }) => ({
  type: 'paragraph_text',
  content: [{ type: 'text', text: opener, marks: [{ type: 'opener' }] }, ...(rest ? [{ type: 'text', text: rest }] : [])],
}));
const sub = paragraphText.map((t) => ({ type: 'subparagraph', attrs: { id: 's' }, content: [t] }));
const op = fc.tuple(paragraphText, fc.array(sub, { maxLength: 3 })).map(([t, subs]) => ({
  type: 'operative_paragraph',
  attrs: { id: 'o' },
  content: [t, ...subs],
}));
const pp = paragraphText.map((t) => ({ type: 'preambular_paragraph', attrs: { id: 'p' }, content: [t] }));
const resolution = fc
  .record({ title: text, symbol: fc.string(), sponsors: fc.array(text, { maxLength: 4 }), pps: fc.array(pp, { maxLength: 4 }), ops: fc.array(op, { minLength: 1, maxLength: 4 }) })
  .map(({ title, symbol, sponsors, pps, ops }) =>
    Node.fromJSON(resolutionSchema, {
      type: 'doc',
      content: [
        { type: 'header', attrs: { symbol, sponsors } },
        { type: 'title', attrs: { id: 't' }, content: [{ type: 'text', text: title }] },
        { type: 'body_line', attrs: { id: 'b' }, content: [{ type: 'text', text: 'The General Assembly,' }] },
        { type: 'preamble', content: pps },
        { type: 'operative', content: ops },
      ],
    }),
  );

describe('the document Y.Doc', () => {
  it('keeps every past item (gc off) and uses the agreed fragment name', () => {
    expect(createYDoc().gc).toBe(false);
    expect(PROSEMIRROR_FRAGMENT).toBe('prosemirror');
    const ydoc = docToYDoc(Node.fromJSON(resolutionSchema, fixture));
    expect(ydoc.gc).toBe(false);
    expect(ydoc.getXmlFragment('prosemirror').length).toBe(5);
  });

  it('gives back the same document, header attributes included', () => {
    const doc = Node.fromJSON(resolutionSchema, fixture);
    const back = yDocToDoc(docToYDoc(doc));
    expect(back.toJSON()).toEqual(doc.toJSON());
    expect(back.firstChild?.attrs.sponsors).toEqual(['Canada', 'Japan']);
  });

  it('round-trips any generated resolution through the Y.Doc and its encoded state', () => {
    fc.assert(
      fc.property(resolution, (doc) => {
        const ydoc = docToYDoc(doc);
        expect(yDocToDoc(ydoc).eq(doc)).toBe(true);
        expect(yDocToDoc(yDocFromUpdates([encodeYDoc(ydoc)])).eq(doc)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('rebuilds a document from its update log in order', () => {
    const source = docToYDoc(Node.fromJSON(resolutionSchema, fixture));
    const log: Uint8Array[] = [encodeYDoc(source)];
    source.on('update', (u: Uint8Array) => log.push(u));
    const title = source.getXmlFragment('prosemirror').get(1) as Y.XmlElement;
    (title.get(0) as Y.XmlText).insert(0, 'Much ');
    expect(yDocToDoc(yDocFromUpdates(log)).child(1).textContent).toBe('Much Safer streets for cyclists');
    expect(yDocFromUpdates([]).getXmlFragment('prosemirror').length).toBe(0);
  });

  it('refuses a document that breaks the schema without changing the Y.Doc', () => {
    const ydoc = docToYDoc(Node.fromJSON(resolutionSchema, fixture));
    ydoc.getXmlFragment('prosemirror').insert(2, [new Y.XmlElement('banana')]);
    const before = Y.encodeStateAsUpdate(ydoc);
    expect(() => yDocToDoc(ydoc)).toThrow();
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);

    const outOfOrder = docToYDoc(Node.fromJSON(resolutionSchema, fixture));
    outOfOrder.getXmlFragment('prosemirror').delete(1, 1);
    expect(() => yDocToDoc(outOfOrder)).toThrow();
    expect(() => docToYDoc(resolutionSchema.node('doc', null, []))).toThrow();
  });

  it('tells when an update is waiting for one it depends on', () => {
    const source = createYDoc();
    const first = Y.encodeStateAsUpdate(source);
    source.getXmlFragment('prosemirror').insert(0, [new Y.XmlText('a')]);
    const sv = Y.encodeStateVector(source);
    source.getXmlFragment('prosemirror').insert(1, [new Y.XmlText('b')]);
    const second = Y.encodeStateAsUpdate(source, sv);
    const target = yDocFromUpdates([first]);
    expect(hasPendingChanges(target)).toBe(false);
    Y.applyUpdate(target, second);
    expect(hasPendingChanges(target)).toBe(true);
  });
});
