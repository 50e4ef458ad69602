import { describe, expect, it } from 'vitest';
import { messageText, msg } from '../../../shared/i18n/message.js';
import { peerMessage, peerMessageChars, peerMessageDepth } from '../../../shared/i18n/peer-message.js';

// Sent as a host sends it: through JSON.
const sent = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const silence = ['backend:silence.', 'checks:record.'];

describe('a message a peer sent', () => {
  it('takes a well-formed message of the namespaces asked for, nested messages included, and says it', () => {
    const over = msg('backend:silence.over', { label: 'Rev. 2', outcome: msg('backend:silence.outcome.broken') });
    const taken = peerMessage(sent(over), silence);
    expect(taken).toEqual(over);
    expect(messageText(taken!, 'fr')).toBe(messageText(over, 'fr'));
    const failure = msg('checks:record.failure', { kind: msg('checks:record.kind.malformed'), detail: msg('checks:record.file.version', { version: '2' }) });
    expect(peerMessage(sent(failure), silence)).toEqual(failure);
    expect(peerMessage(sent(msg('checks:consultation.delegationTooBig', { delegation: 'FRA', bytes: 9000, max: 8000 })), ['checks:'])).toBeDefined();
  });

  it('refuses a key of another namespace, a key that is no sentence, and a key of another form', () => {
    expect(peerMessage(sent(msg('app:styleHints.addMark', { mark: ';' })), silence)).toBeUndefined();
    expect(peerMessage(sent(msg('checks:consultation.observerReadOnly')), silence)).toBeUndefined();
    for (const key of ['checks:record.kind', 'checks:record.noSuchKey', 'checks:record.kind.malformed.deeper', 'checks:record.constructor', 'checks:record.__proto__', 'checks:record.', 'checks:record.kind..malformed', 'checks:record.kind.malformed ']) {
      expect(peerMessage({ key }, silence), key).toBeUndefined();
    }
    expect(peerMessage({ key: 'checks:record.kind.malformed' }, silence)).toEqual({ key: 'checks:record.kind.malformed' });
  });

  it('refuses other shapes: not an object, a key that is not text, values that are not a plain record', () => {
    for (const bad of [null, undefined, 'backend:silence.noneToBreak', 42, [], { key: 7 }, { key: ['backend:silence.noneToBreak'] }, { key: 'backend:silence.noneToBreak', values: [] }, { key: 'backend:silence.noneToBreak', values: 'x' }, { key: 'backend:silence.noneToBreak', values: null }]) {
      expect(peerMessage(bad, silence)).toBeUndefined();
    }
  });

  it('refuses values that are objects, arrays, booleans, null or numbers that are not finite', () => {
    const with_ = (label: unknown) => ({ key: 'backend:silence.otherSilence', values: { label } });
    expect(peerMessage(with_('Rev. 1'), silence)).toBeDefined();
    for (const label of [{}, { a: 'b' }, { key: 'x' }, ['Rev. 1'], true, null, Number.NaN, Number.POSITIVE_INFINITY, { key: 'backend:silence.noneToBreak', values: { label: { deep: 1 } } }]) {
      expect(peerMessage(with_(label), silence), JSON.stringify(label)).toBeUndefined();
    }
    // A nested message of no catalogue of ours is refused like a top one.
    expect(peerMessage(with_({ key: 'nowhere:at.all' }), silence)).toBeUndefined();
  });

  it("refuses a value named as i18next's options, which would change what the sentence says", () => {
    const named = (name: string, v: string) => ({ key: 'backend:silence.otherSilence', values: { label: 'Rev. 1', [name]: v } });
    // Not hypothetical: returnObjects makes messageText give an object, which no screen can show.
    expect(typeof messageText({ key: 'checks:record.kind', values: { returnObjects: 'yes' } })).toBe('object');
    for (const name of ['returnObjects', 'lng', 'defaultValue', 'context', 'keySeparator', 'postProcess', 'ns', '__proto__']) {
      expect(peerMessage(sent(named(name, 'x')), silence), name).toBeUndefined();
    }
  });

  it('refuses huge text, in a value, a key or a value name, and nesting past the bound', () => {
    const huge = 'x'.repeat(peerMessageChars + 1);
    expect(peerMessage({ key: 'backend:silence.otherSilence', values: { label: 'x'.repeat(peerMessageChars - 100) } }, silence)).toBeDefined();
    expect(peerMessage({ key: 'backend:silence.otherSilence', values: { label: huge } }, silence)).toBeUndefined();
    expect(peerMessage({ key: `backend:silence.${huge}` }, silence)).toBeUndefined();
    expect(peerMessage({ key: 'backend:silence.otherSilence', values: { label: 'Rev. 1', [huge]: 'x' } }, silence)).toBeUndefined();
    // Many values each within the bound, together past it.
    const many = { label: 'x'.repeat(peerMessageChars / 2), where: 'x'.repeat(peerMessageChars / 2) };
    expect(peerMessage({ key: 'backend:silence.otherSilence', values: many }, silence)).toBeUndefined();
    // The same within nested messages.
    const deepText = msg('checks:record.at', { where: 'x'.repeat(peerMessageChars / 2), what: msg('checks:record.at', { where: 'x'.repeat(peerMessageChars / 2), what: 'y' }) });
    expect(peerMessage(sent(deepText), silence)).toBeUndefined();
    let nested = msg('checks:record.kind.malformed');
    for (let i = 0; i < peerMessageDepth; i++) nested = msg('checks:record.at', { where: 'here', what: nested });
    expect(peerMessage(sent(nested), silence)).toBeDefined();
    expect(peerMessage(sent(msg('checks:record.at', { where: 'here', what: nested })), silence)).toBeUndefined();
  });

  it('keeps only the key and values of what it takes', () => {
    const taken = peerMessage({ key: 'backend:silence.otherSilence', values: { label: 'Rev. 1' }, extra: 'x'.repeat(100_000) }, silence);
    expect(taken).toEqual({ key: 'backend:silence.otherSilence', values: { label: 'Rev. 1' } });
  });
});
