import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LibraryHit } from '../../../shared/api/library-contract.js';
import { dayOf } from '../../../shared/library/dates.js';
import { bandKeys, jaccard, shingles, signature, signatureSize, similarity } from '../../../shared/library/minhash.js';
import { containsPhrase, normalizeText, textKey, words } from '../../../shared/library/normalize.js';
import { agreedShare, classifyParagraph } from '../../../shared/library/provenance.js';
import { fragmentsQuery, phraseQuery, wordsQuery } from '../../../shared/library/query.js';
import { rankScore } from '../../../shared/library/ranking.js';

const hit = (similarity: number, id = '1'): LibraryHit => ({
  id, symbol: 'A/RES/74/1', label: 'OP 1', title: 't', date: '', body: '', language: 'en', adopted: true, text: 'x', score: 0, similarity,
});

describe('normalization', () => {
  it('folds case, accents and punctuation, and splits Chinese into characters', () => {
    expect(normalizeText('Secrétaire-Général, « Comité » 2019/248')).toBe('secretaire general comite 2019 248');
    expect(words('联合国大会')).toEqual(['联', '合', '国', '大', '会']);
    expect(normalizeText('أكد')).toBe(normalizeText('اكد'));
    expect(containsPhrase('decides to remain seized', 'remain seized')).toBe(true);
    expect(containsPhrase('decides to remain seized', 'main seized')).toBe(false);
    expect(textKey('a b')).toBe(textKey('a b'));
    expect(textKey('a b')).not.toBe(textKey('a c'));
    expect(Number.isSafeInteger(textKey('x'.repeat(1000)))).toBe(true);
  });

  it('builds FTS5 queries whose terms hold no syntax, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        for (const q of [phraseQuery(s), wordsQuery(s), fragmentsQuery([s])]) {
          if (q === null) continue;
          // Every term is "..." with inner quotes doubled: removing them leaves no quote.
          expect(q.replace(/"([^"]|"")*"/g, '').trim()).toBe('');
        }
      }),
    );
  });
});

describe('MinHash', () => {
  it('gives equal signatures and bands for equal texts and estimates resemblance', () => {
    const a = shingles(words('Requests the Secretary-General to submit a report to the General Assembly at its seventy-fifth session'));
    const b = shingles(words('Requests the Secretary-General to submit a report to the General Assembly at its seventy-sixth session'));
    expect(signature(a)).toEqual(signature(new Set(a)));
    const [sa, sb] = [signature(a), signature(b)];
    const estimate = sa.filter((v, i) => v === sb[i]).length / signatureSize;
    expect(Math.abs(estimate - jaccard(a, b))).toBeLessThan(0.2);
    expect(bandKeys(sa).filter((k, i) => k === bandKeys(sb)[i]).length).toBeGreaterThan(5);
    expect(bandKeys(signature(new Set()))).toEqual([]);
    expect(similarity(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(1);
    expect(similarity(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'e'])).toBeLessThan(1);
  });
});

describe('dates, ranking and provenance', () => {
  it('reads printed dates in the six languages, or falls back to the year or the session', () => {
    expect(dayOf('14 January 2020')).toBe('2020-01-14');
    expect(dayOf('8 janvier 2020')).toBe('2020-01-08');
    expect(dayOf('19 de diciembre de 2019')).toBe('2019-12-19');
    expect(dayOf('2019年12月19日')).toBe('2019-12-19');
    expect(dayOf('19 декабря 2019 года')).toBe('2019-12-19');
    expect(dayOf('Winter 2019')).toBe('2019-07-01');
    expect(dayOf('', 'A/RES/74/265')).toBe('2020-07-01');
    expect(dayOf('')).toBe('');
  });

  it('never lets the bonuses lift a clearly worse match above a better one', () => {
    const context = { body: 'The General Assembly', newestDay: '2024-12-01' };
    const weak = rankScore({ quality: 0.7, adopted: true, day: '2024-12-01', body: 'The General Assembly,', sharedBy: 50 }, context);
    const strong = rankScore({ quality: 0.96, adopted: false, day: '1990-01-01', body: 'Economic and Social Council', sharedBy: 1 }, context);
    expect(strong).toBeGreaterThan(weak);
    const adopted = rankScore({ quality: 0.9, adopted: true, day: '2020-01-01', body: '', sharedBy: 1 }, context);
    const draft = rankScore({ quality: 0.9, adopted: false, day: '2024-01-01', body: '', sharedBy: 1 }, context);
    expect(adopted).toBeGreaterThan(draft);
  });

  it('classifies paragraphs as verbatim, near or new and computes the share', () => {
    expect(classifyParagraph([hit(0.7, 'a'), hit(1, 'b')])).toMatchObject({ status: 'verbatim', hit: { id: 'b' } });
    expect(classifyParagraph([hit(0.6)]).status).toBe('near');
    expect(classifyParagraph([hit(0.59)])).toEqual({ status: 'new', hit: null });
    expect(classifyParagraph([])).toEqual({ status: 'new', hit: null });
    expect(agreedShare([{ status: 'verbatim' }, { status: 'near' }, { status: 'new' }, { status: 'new' }])).toBe(0.5);
    expect(agreedShare([])).toBe(0);
  });
});
