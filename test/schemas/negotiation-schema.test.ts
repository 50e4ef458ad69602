import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { validateDocument } from '../../shared/document/validate.js';
import { importText } from '../../shared/import/index.js';
import { collectBrackets, compilationText } from '../../shared/negotiation/index.js';
import { docToYDoc, encodeYDoc, yDocFromUpdates, yDocToDoc } from '../../shared/ydoc.js';
import { templates } from '../../seeds/index.js';

const { nodes } = resolutionSchema;
const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/negotiation', name), 'utf8');

function negotiated(): Node {
  const doc = importText(fixture('ga-third-committee-rev1.txt')).documents[0];
  if (!doc) throw new Error('fixture did not import');
  return doc;
}

describe('the negotiation schema', () => {
  it('keeps documents written before it valid, with pending defaults', () => {
    const json = JSON.parse(readFileSync(join(__dirname, '../fixtures/backend-resolution.json'), 'utf8')) as Record<string, unknown>;
    const doc = validateDocument(json);
    const op = doc.child(4).firstChild;
    expect(op?.attrs).toMatchObject({ bracket: null, status: null, alternativeOf: '' });
    for (const template of templates) expect(() => validateDocument(template.doc)).not.toThrow();
  });

  it('nests brackets, holds alternatives only as brackets, and keeps brackets out of titles and footnotes', () => {
    const inner = nodes.bracket.create({ id: 'b2' }, resolutionSchema.text('all'));
    const outer = nodes.bracket.create({ id: 'b1' }, [inner, resolutionSchema.text(' Member States')]);
    expect(() => nodes.paragraph_text.createChecked(null, [outer])).not.toThrow();
    expect(() => nodes.bracket_alternatives.createChecked({ id: 'g' }, [resolutionSchema.text('shall')])).toThrow();
    expect(() => nodes.title.createChecked({ id: 't' }, [outer])).toThrow();
    expect(() => nodes.footnote.createChecked({ id: 'f' }, [outer])).toThrow();
  });

  it('requires unique bracket ids (validateDocument)', () => {
    const json = negotiated().toJSON() as { content: unknown[] };
    const text = JSON.stringify(json);
    const ids = [...text.matchAll(/"type":"bracket","attrs":\{"id":"([a-z0-9]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(2);
    const duplicated = text.replace(`"id":"${ids[1]}"`, `"id":"${ids[0]}"`);
    expect(() => validateDocument(JSON.parse(duplicated))).toThrow(/duplicate id/);
  });

  it('round-trips brackets, groups, whole-paragraph brackets and alternatives through a Y.Doc', () => {
    const doc = negotiated();
    const back = yDocToDoc(yDocFromUpdates([encodeYDoc(docToYDoc(doc))]));
    expect(back.toJSON()).toEqual(doc.toJSON());
    expect(compilationText(back)).toBe(compilationText(doc));
  });

  it('keeps text typed concurrently inside a bracket inside it, and both brackets of two delegations', () => {
    const doc = negotiated();
    const a = docToYDoc(doc);
    const b = new Y.Doc({ gc: false });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Delegation A types inside the first bracket of PP 2 while B types inside the same bracket.
    const textIn = (ydoc: Y.Doc): Y.XmlText => {
      const found: Y.XmlText[] = [];
      const walk = (el: Y.XmlElement | Y.XmlFragment): void => {
        el.toArray().forEach((child) => {
          if (child instanceof Y.XmlElement) {
            if (child.nodeName === 'bracket' && found.length === 0 && child.toString().includes('furthest behind')) {
              const t = child.toArray().find((c) => c instanceof Y.XmlText);
              if (t instanceof Y.XmlText) found.push(t);
            }
            walk(child);
          }
        });
      };
      walk(ydoc.getXmlFragment('prosemirror'));
      if (!found[0]) throw new Error('bracket not found');
      return found[0];
    };
    textIn(a).insert(0, 'firmly ');
    textIn(b).insert(textIn(b).length, ' together');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const merged = yDocToDoc(a);
    expect(yDocToDoc(b).toJSON()).toEqual(merged.toJSON());
    validateDocument(merged.toJSON());
    const bracket = collectBrackets(merged).find((x) => x.text.includes('furthest behind'));
    expect(bracket?.text).toBe('firmly and to endeavour to reach the furthest behind first together');
    expect(collectBrackets(merged)).toHaveLength(31);
  });
});
