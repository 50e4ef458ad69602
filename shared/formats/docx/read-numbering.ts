/**
 * Word's automatic numbering (numbering.xml) resolved to the labels a reader sees: a
 * paragraph's `numId`/`ilvl` lead through `w:num` (with `lvlOverride`: `startOverride` or
 * a whole `w:lvl`) to an `abstractNum` (followed through `numStyleLink` to the numbering
 * style's list), whose level gives `start`, `numFmt` and `lvlText` ("%1.", "(%2)").
 * Counters live per abstract list as in Word: lists sharing one continue each other, a
 * `w:num` with a start override restarts its levels the first time it is used, and a
 * level restarts after any higher level unless `lvlRestart` says 0.
 */
import type { Element } from '@xmldom/xmldom';
import { roman } from '../../document/labels.js';
import { wAttr, wChild, wChildren } from './ooxml-read.js';
import { numberingStyleNumId } from './read-styles.js';

type Level = { start: number; fmt: string; text: string; restart: number | null; isLgl: boolean; pStyle: string | null };
type Abstract = { levels: Map<number, Level>; numStyleLink: string | null };
type Num = { abstractId: string; overrides: Map<number, { start: number | null; level: Level | null }> };

/** Labels of numbered paragraphs, computed in document order (the object keeps the counters). */
export type Numbering = {
  /** The label of the next paragraph numbered `numId` at level `ilvl` ("12.", "(a)"), '' for a bullet or no text, null when `numId` is none. */
  next: (numId: string, ilvl: number) => string | null;
  /** The level of list `numId` linked to paragraph style `styleId` (`w:lvl/w:pStyle`), or null. */
  levelOfStyle: (numId: string, styleId: string) => number | null;
};

const maxLevel = 8;

/** Reads numbering.xml (`root` its w:numbering element or null); `styles` is styles.xml's root for numStyleLink. */
export function readNumbering(root: Element | null, styles: Element | null): Numbering {
  const abstracts = new Map<string, Abstract>();
  const nums = new Map<string, Num>();
  for (const el of wChildren(root, 'abstractNum')) {
    const id = wAttr(el, 'abstractNumId');
    if (id === null) continue;
    const levels = new Map<number, Level>();
    for (const lvl of wChildren(el, 'lvl')) levels.set(Number(wAttr(lvl, 'ilvl') ?? 0), readLevel(lvl));
    abstracts.set(id, { levels, numStyleLink: wAttr(wChild(el, 'numStyleLink'), 'val') });
  }
  for (const el of wChildren(root, 'num')) {
    const id = wAttr(el, 'numId');
    const abstractId = wAttr(wChild(el, 'abstractNumId'), 'val');
    if (id === null || abstractId === null) continue;
    const overrides = new Map<number, { start: number | null; level: Level | null }>();
    for (const o of wChildren(el, 'lvlOverride')) {
      const start = wAttr(wChild(o, 'startOverride'), 'val');
      const lvl = wChild(o, 'lvl');
      overrides.set(Number(wAttr(o, 'ilvl') ?? 0), { start: start === null ? null : Number(start) || 0, level: lvl ? readLevel(lvl) : null });
    }
    nums.set(id, { abstractId, overrides });
  }
  // numId -> the abstract list holding its levels, following numStyleLink (a few hops at most).
  const resolve = (numId: string): { id: string; abstract: Abstract } | null => {
    let id = nums.get(numId)?.abstractId ?? null;
    for (let hop = 0; hop < 4 && id !== null; hop++) {
      const abstract = abstracts.get(id);
      if (!abstract) return null;
      if (abstract.numStyleLink === null || abstract.levels.size > 0) return { id, abstract };
      const linked = numberingStyleNumId(styles, abstract.numStyleLink);
      id = linked === null ? null : (nums.get(linked)?.abstractId ?? null);
    }
    return null;
  };
  const counters = new Map<string, (number | undefined)[]>();
  const started = new Set<string>();
  const next = (numId: string, ilvl: number): string | null => {
    const num = nums.get(numId);
    const found = resolve(numId);
    if (!num || !found || numId === '0') return null;
    const at = Math.max(0, Math.min(maxLevel, ilvl));
    const override = num.overrides.get(at);
    const levelOf = (l: number): Level | undefined => num.overrides.get(l)?.level ?? found.abstract.levels.get(l);
    const level = levelOf(at);
    if (!level) return '';
    const state = counters.get(found.id) ?? [];
    counters.set(found.id, state);
    const key = `${numId}:${at}`;
    const overrideStart = override?.start ?? (override?.level ? override.level.start : null);
    if (overrideStart !== null && !started.has(key)) state[at] = overrideStart;
    else state[at] = state[at] === undefined ? level.start : (state[at] ?? 0) + 1;
    started.add(key);
    for (let deeper = at + 1; deeper <= maxLevel; deeper++) {
      const restart = levelOf(deeper)?.restart;
      if (restart !== 0) state[deeper] = undefined;
    }
    if (level.fmt === 'bullet' || level.fmt === 'none') return '';
    return level.text.replace(/%([1-9])/g, (_m, digit: string) => {
      const l = Number(digit) - 1;
      const value = state[l] ?? levelOf(l)?.start ?? 1;
      return formatNumber(value, level.isLgl ? 'decimal' : (levelOf(l)?.fmt ?? 'decimal'));
    });
  };
  const levelOfStyle = (numId: string, styleId: string): number | null => {
    const found = resolve(numId);
    if (!found) return null;
    for (const [l, level] of found.abstract.levels) if (level.pStyle === styleId) return l;
    return null;
  };
  return { next, levelOfStyle };
}

function readLevel(lvl: Element): Level {
  const restart = wAttr(wChild(lvl, 'lvlRestart'), 'val');
  return {
    start: Number(wAttr(wChild(lvl, 'start'), 'val') ?? 1) || 0,
    fmt: wAttr(wChild(lvl, 'numFmt'), 'val') ?? 'decimal',
    text: wAttr(wChild(lvl, 'lvlText'), 'val') ?? '',
    restart: restart === null ? null : Number(restart),
    isLgl: wChild(lvl, 'isLgl') !== null,
    pStyle: wAttr(wChild(lvl, 'pStyle'), 'val'),
  };
}

/** `n` written in Word number format `fmt` (decimal, lowerLetter, upperRoman ...; unknown ones as decimal). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
    case 'upperLetter': {
      if (n < 1) return String(n);
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      // Word shows the number itself outside 1-3999.
      const numeral = n >= 1 && n <= 3999 ? roman(n) : String(n);
      return fmt === 'upperRoman' ? numeral.toUpperCase() : numeral;
    }
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}
