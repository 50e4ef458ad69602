import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentMeta } from '../../../electron/backend/live-documents.js';
import { trackValidDoc } from '../../../electron/backend/valid-doc-cache.js';
import { docToYDoc, prosemirrorFragment, yDocToDoc } from '../../../shared/ydoc.js';
import { createEditStream, sampleResolution } from '../../support/edit-stream.js';

describe('trackValidDoc', () => {
  it('stays equal to a full conversion through thousands of edits by several delegations', () => {
    const ydoc = docToYDoc(sampleResolution(20, 5));
    const cache = trackValidDoc(ydoc, documentMeta);
    const stream = createEditStream(Y.encodeStateAsUpdate(ydoc), 7);
    for (let i = 1; i <= 3000; i++) {
      Y.applyUpdate(ydoc, stream.next().update);
      if (i % 25 !== 0) continue;
      const full = yDocToDoc(ydoc);
      const cached = cache.refresh();
      expect(cached.node.eq(full)).toBe(true);
      expect(cached.meta).toEqual(documentMeta(full));
    }
  });

  it('converts only the paragraph an edit touched: the other paragraphs stay the same objects', () => {
    const ydoc = docToYDoc(sampleResolution(12, 3));
    const cache = trackValidDoc(ydoc, documentMeta);
    const before = cache.refresh().node;
    const partIndex = before.content.content.findIndex((n) => n.type.name === 'operative');
    const fragment = prosemirrorFragment(ydoc);
    const part = fragment.get(partIndex) as Y.XmlElement;
    const op3 = part.get(2) as Y.XmlElement;
    const text = (op3.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    ydoc.transact(() => text.insert(0, 'x'));
    const after = cache.refresh().node;
    const [oldPart, newPart] = [before.child(partIndex), after.child(partIndex)];
    expect(newPart).not.toBe(oldPart);
    for (let i = 0; i < oldPart.childCount; i++) {
      if (i === 2) expect(newPart.child(i)).not.toBe(oldPart.child(i));
      else expect(newPart.child(i)).toBe(oldPart.child(i));
    }
    expect(newPart.child(2).textContent.startsWith('x')).toBe(true);
    expect(after.child(0)).toBe(before.child(0));
  });

  it('refuses a paragraph made invalid deep inside and keeps the last valid copy', () => {
    const ydoc = docToYDoc(sampleResolution(4, 2));
    const cache = trackValidDoc(ydoc, documentMeta);
    const valid = cache.refresh();
    const partIndex = valid.node.content.content.findIndex((n) => n.type.name === 'operative');
    const part = prosemirrorFragment(ydoc).get(partIndex) as Y.XmlElement;
    ydoc.transact(() => (part.get(1) as Y.XmlElement).insert(1, [new Y.XmlElement('title')]));
    expect(() => cache.refresh()).toThrow();
    expect(cache.current()).toBe(valid);
  });
});
