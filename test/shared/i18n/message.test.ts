import { describe, expect, it } from 'vitest';
import { isMessage, messageKeys, messageText, msg } from '../../../shared/i18n/message.js';

describe('messages made away from the screen', () => {
  it('says a catalogue sentence in English by default and in French when asked, with its values', () => {
    const add = msg('app:styleHints.addMark', { mark: ';' });
    expect(messageText(add)).toBe('Add ";"');
    expect(messageText(add, 'fr')).toBe('Ajouter «\u00a0;\u00a0»');
  });

  it('translates message values with the sentence, and lists every key used', () => {
    const nested = msg('app:styleHints.importNote', { text: msg('app:styleHints.fixCitation') });
    expect(messageText(nested)).toBe('Fix the citation');
    expect(messageText(nested, 'fr')).not.toBe('Fix the citation');
    expect(messageKeys(nested)).toEqual(['app:styleHints.importNote', 'app:styleHints.fixCitation']);
  });

  it('recognises a message that crossed a transport and refuses other shapes', () => {
    expect(isMessage({ key: 'app:styleHints.addMark', values: { mark: ';', n: 2 } })).toBe(true);
    expect(isMessage({ key: 'app:x' })).toBe(true);
    for (const bad of [null, 'app:x', { key: '' }, { key: 3 }, { key: 'a', values: [] }, { key: 'a', values: { v: {} } }, { key: 'a', values: { v: Number.NaN } }]) {
      expect(isMessage(bad)).toBe(false);
    }
    let deep: unknown = 'x';
    for (let i = 0; i < 10; i++) deep = { key: 'k', values: { v: deep } };
    expect(isMessage(deep)).toBe(false);
  });
});
