/**
 * United Nations document symbols: `A/RES/77/231`, `E/CN.15/2023/L.4/Rev.1`,
 * `E/CN.15/2023/L.1/Add.1`, `A/78/L.5`, `S/RES/2532 (2020)`, `A/CONF.234/16`. A symbol
 * starting with a known series (A/, E/, S/, ST/ ...) and holding a digit is rewritten in
 * its canonical form: series and body codes in capitals, "Rev.1", "Add.1", "Corr.1" with a
 * dot and no space, "L.5" and "CN.15" with a dot, no doubled or trailing slash, a space
 * before a Security Council year "(2020)". When the canonical form differs, the problem
 * carries it as a certain fix. Other organizations' series keep their own mixed case, as
 * their secretariats issue them and adopted resolutions cite them ("UNEP/EA.4/Res.1",
 * "UNEP/OzL.Pro.28/12": 21 citations in the 74th-session resolutions); only a component
 * written all in lower case is raised there.
 */
import { styleFix } from '../fix.js';
import { hint } from '../hint-text.js';
import type { LocalProblem } from '../types.js';

/** The text a symbol rule reads, with its owner's id. */
export type SymbolInput = { id: string; text: string };

const series = ['A', 'S', 'E', 'ST', 'TD', 'DP', 'UNEP', 'CRC', 'CEDAW', 'CERD', 'CCPR', 'CAT', 'CRPD', 'CMW', 'CED', 'FCCC', 'UNW', 'ICCD', 'SPLOS', 'ISBA', 'ECE', 'ESCAP', 'ECLAC', 'ESCWA', 'ECA', 'IDB', 'PBC'];
// A component: letters and a number ("L.5", "Rev 1", "CN15"), or letters, digits, dots and
// hyphens ("RES", "2023", "C.3", "ES-11").
const component = String.raw`(?:[A-Za-z]+\.? ?\d+(?![A-Za-z0-9])|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)`;
const candidate = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.\-])(?:${series.join('|')})(?:/{1,2}${component}){2,}(?:/(?![\p{L}\p{N}]))?(?: ?\(\d{4}\))?`,
  'giu',
);
// The Organization's own series, whose symbols are always in capitals.
const ownSeries = new Set(['A', 'S', 'E', 'ST']);
const mixedCase = /^(?=.*\p{Lu})(?=.*\p{Ll})/u;
const titled = /^(rev|add|corr|amend|sub|summary)\.? ?(\d+)$/i;
const numbered = /^([A-Za-z]+)\.? ?(\d+)$/;

/** The canonical form of a symbol-like string (see the module comment). */
export function canonicalSymbol(raw: string): string {
  const year = /\s?\((\d{4})\)$/.exec(raw);
  const body = (year ? raw.slice(0, year.index) : raw).replace(/\/{2,}/g, '/').replace(/\/$/, '');
  const own = ownSeries.has((body.split('/')[0] ?? '').toUpperCase());
  const parts = body.split('/').map((part) => {
    const t = titled.exec(part);
    if (t) return `${(t[1] ?? '').charAt(0).toUpperCase()}${(t[1] ?? '').slice(1).toLowerCase()}.${t[2]}`;
    if (!own && mixedCase.test(part)) return part;
    const n = numbered.exec(part);
    if (n) return `${(n[1] ?? '').toUpperCase()}.${n[2]}`;
    return part.toUpperCase();
  });
  return parts.join('/') + (year ? ` (${year[1]})` : '');
}

/** The malformed document symbols of one text, each with its canonical form as a fix. O(text length). */
export function symbolProblems(input: SymbolInput): LocalProblem[] {
  const { id, text } = input;
  const problems: LocalProblem[] = [];
  for (const m of text.matchAll(candidate)) {
    const raw = m[0];
    if (!/\d/.test(raw)) continue;
    const right = canonicalSymbol(raw);
    if (right === raw) continue;
    problems.push({
      rule: 'symbol', paragraphId: id, from: m.index, to: m.index + raw.length, severity: 'warning',
      hint: hint('symbol', { raw, right }),
      fix: styleFix(hint('write', { written: right }), [{ from: m.index, to: m.index + raw.length, insert: right }]),
    });
  }
  return problems;
}
