import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsultationError } from '../../../shared/consultation/errors.js';
import { codeGroups, formatJoinLink, parseJoinLink, shortFingerprint } from '../../../shared/consultation/join-link.js';
import { messageText } from '../../../shared/i18n/message.js';

const fp = '3f2a9c1b'.repeat(8);
const sample = { url: 'wss://192.168.1.20:4455', code: '7K2Q-M9XD-4TRP-ZZ01-HB3C', fingerprint: fp };

const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
const host = fc.oneof(fc.ipV4(), fc.domain(), fc.constant('[::1]'));
const wssUrl = fc.tuple(host, fc.integer({ min: 1, max: 65535 }), fc.webPath()).map(([h, p, path]) => `wss://${h}:${p}${path}`);
const code = fc.string({ minLength: 1, maxLength: 40 }).filter((c) => c.trim() !== '' && c.trim() === c);

// The reason a refused link gives, in English (its message) and as the French interface says it.
function refusal(text: string): { en: string; fr: string } {
  try {
    parseJoinLink(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ConsultationError);
    const { message, text: said } = err as ConsultationError;
    expect(messageText(said)).toBe(message);
    return { en: message, fr: messageText(said, 'fr') };
  }
  throw new Error(`not refused: ${text}`);
}

describe('join link', () => {
  it('says why a link is refused in the interface language, the English sentence unchanged', () => {
    expect(refusal('https://example.org/join')).toEqual({
      en: 'This is not a join link: it starts with "https:" instead of "penholder://join".',
      fr: 'Ce n’est pas un lien de participation\u00a0: son schéma est «\u00a0https\u00a0» au lieu de «\u00a0penholder://join\u00a0».',
    });
    expect(refusal('penholder://join?code=X')).toEqual({
      en: 'The join link is missing url (the host address), fp (the certificate fingerprint).',
      fr: 'Il manque au lien de participation url (l’adresse de l’hôte) et fp (l’empreinte du certificat).',
    });
  });

  it('formats the contract form and parses it back', () => {
    const link = formatJoinLink(sample);
    expect(link).toBe(`penholder://join?url=${encodeURIComponent(sample.url)}&code=7K2Q-M9XD-4TRP-ZZ01-HB3C&fp=${fp}`);
    expect(parseJoinLink(link)).toEqual(sample);
  });

  it('round-trips any wss address, code and fingerprint (property)', () => {
    fc.assert(
      fc.property(wssUrl, code, hex, (url, c, fingerprint) => {
        expect(parseJoinLink(formatJoinLink({ url, code: c, fingerprint }))).toEqual({ url, code: c, fingerprint });
      }),
      { numRuns: 500 },
    );
  });

  it('accepts surrounding whitespace, angle brackets, any case of the scheme and any parameter order', () => {
    const link = formatJoinLink(sample);
    expect(parseJoinLink(`  \n<${link}>\t `)).toEqual(sample);
    expect(parseJoinLink(link.replace('penholder://join', 'PenHolder://JOIN'))).toEqual(sample);
    const reordered = `penholder://join?fp=${fp.toUpperCase()}&code=${sample.code}&url=${encodeURIComponent(sample.url)}`;
    expect(parseJoinLink(reordered)).toEqual(sample);
  });

  it('names what is wrong with a hostile or broken link', () => {
    const link = formatJoinLink(sample);
    expect(() => parseJoinLink('')).toThrow(/empty/);
    expect(() => parseJoinLink(link.replace('penholder:', 'https:'))).toThrow(/starts with "https:"/);
    expect(() => parseJoinLink('just some words')).toThrow(/does not start with "penholder:\/\/join"/);
    expect(() => parseJoinLink(link.replace('//join', '//open'))).toThrow(/penholder:\/\/join\?/);
    expect(() => parseJoinLink(`penholder://join?code=X&fp=${fp}`)).toThrow(/missing url/);
    expect(() => parseJoinLink(`penholder://join?url=${encodeURIComponent(sample.url)}&fp=${fp}`)).toThrow(/missing code/);
    expect(() => parseJoinLink(`penholder://join?url=${encodeURIComponent(sample.url)}&code=X`)).toThrow(/missing fp/);
    expect(() => parseJoinLink('penholder://join')).toThrow(/missing url .*, code .*, fp/);
    expect(() => parseJoinLink(link.replace(`fp=${fp}`, `fp=${fp.slice(1)}`))).toThrow(/fingerprint \(fp\) is not 64 hexadecimal/);
    expect(() => parseJoinLink(link.replace(`fp=${fp}`, `fp=${'g'.repeat(64)}`))).toThrow(/not 64 hexadecimal/);
    const clear = `penholder://join?url=${encodeURIComponent('ws://192.168.1.20:4455')}&code=X&fp=${fp}`;
    expect(() => parseJoinLink(clear)).toThrow(/must start with wss:\/\/ \(got "ws:\/\/192/);
    expect(() => parseJoinLink(`penholder://join?url=wss%3A%2F%2F&code=X&fp=${fp}`)).toThrow(/wss:\/\//);
    expect(() => parseJoinLink(link.replace(sample.code, 'A'.repeat(200)))).toThrow(/code is 200 characters/);
  });

  it('refuses a 10 MB string fast and says why', () => {
    const huge = `penholder://join?url=${'a'.repeat(10 * 1024 * 1024)}`;
    const brackets = `${'<'.repeat(5_000_000)}x${'>'.repeat(5_000_000)}`;
    const start = performance.now();
    expect(() => parseJoinLink(huge)).toThrow(/characters long \(a join link is under 4096\)/);
    expect(() => parseJoinLink(brackets)).toThrow(/characters long/);
    expect(() => parseJoinLink(`${' '.repeat(10_000)}<${'>'.repeat(8_000)}x`)).toThrow(/not a join link/);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('never throws anything but an Error with a message on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl().map((u) => u.replace(/^https?/, 'penholder')), fc.constant('penholder://join?').chain((p) => fc.string().map((s) => p + s))), (text) => {
        try {
          const parsed = parseJoinLink(text);
          expect(parsed.url.startsWith('wss://')).toBe(true);
          expect(parsed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to format a link its participants would refuse', () => {
    expect(() => formatJoinLink({ ...sample, url: 'ws://10.0.0.1:1' })).toThrow(/wss:\/\//);
    expect(() => formatJoinLink({ ...sample, fingerprint: 'abc' })).toThrow(/64 hexadecimal/);
    expect(() => formatJoinLink({ ...sample, code: '  ' })).toThrow(/code is empty/);
  });

  it('groups a code for a projector and shortens a fingerprint for comparing by eye', () => {
    expect(codeGroups('7k2q-m9xd-4trp-zz01-hb3c')).toEqual(['7K2Q', 'M9XD', '4TRP', 'ZZ01', 'HB3C']);
    expect(codeGroups('abc def')).toEqual(['ABCD', 'EF']);
    expect(codeGroups('été!')).toEqual(['été!']);
    expect(shortFingerprint(fp)).toBe('3F2A-9C1B');
  });
});
