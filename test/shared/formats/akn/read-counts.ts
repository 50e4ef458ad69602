/**
 * Structure counts of AKN resolutions taken two ways, for the reader's tests and the corpus
 * bench: `countXml` reads the raw XML with plain regular expressions (no DOM, no code of
 * the reader), `countDoc` counts the nodes of a document the reader built. A document is
 * read exactly when both agree on every figure.
 */
import type { Node } from 'prosemirror-model';

/** Preambular and operative paragraphs, (a)- and (i)-level subparagraphs, footnotes, annexes. */
export type Counts = { pp: number; op: number; sub: number; subsub: number; notes: number; annexes: number };

const strip = (xml: string): string =>
  xml.replace(/<authorialNote[\s\S]*?<\/authorialNote>/g, '').replace(/<[^>]+>/g, '').replace(/[\u200e\u200f]/g, '').replace(/\s+/g, ' ').trim();
const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

const romanNumerals = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx']);
const cyrillic: Record<string, string> = { а: 'a', в: 'b', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y' };

/** The label of a paragraph as the XML shows it: in `<num>` or typed before its text. */
function labelOf(num: string | null, text: string): { kind: 'op' | 'letter' | 'roman' | 'heading' | 'none'; key: string } {
  const s = (num ?? text.slice(0, 12))
    .replace(/[\u200e\u200f]/g, '')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .trim();
  if (num !== null ? /^\d+\s*[.-]?$/.test(s) : /^\d+ ?[.\-–] /.test(s + ' ')) return { kind: 'op', key: '' };
  if (num !== null && (/^[IVXL]+\.?$/.test(s) || /^[A-Z]$/.test(s) || /^(أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)$/.test(s) || /^[一二三四五六七八九十]+$/.test(s))) {
    return { kind: 'heading', key: '' };
  }
  const m = /^[(（]?([a-zа-я]{1,4}|([\u0621-\u064a\ufee9-\ufeec])ـ?(?: \2)?|[一二三四五六七八九十]{1,3}|\d{1,2})[)）](?:\s|$)/.exec(s + ' ') ?? /^([㈠-㈩])/.exec(s) ?? /^[’‘](\d+)[’‘]/.exec(s);
  if (!m) return { kind: 'none', key: '' };
  const raw = m[1] ?? '';
  if (/^[㈠-㈩一二三四五六七八九十\d]/.test(raw)) return { kind: 'roman', key: raw };
  const latin = [...raw].map((c) => cyrillic[c] ?? c).join('');
  if (/^[a-z]+$/.test(latin)) return { kind: romanNumerals.has(latin) ? 'roman' : 'letter', key: latin };
  return { kind: 'letter', key: raw };
}

function nextLetter(prev: string): string {
  if (prev === '') return 'a';
  const c = prev[0] ?? 'a';
  return c === 'z' ? 'a'.repeat(prev.length + 1) : String.fromCharCode(c.charCodeAt(0) + 1).repeat(prev.length);
}

/** Counts every `<statement>` of `xml` (in file order) with regular expressions only. */
export function countXml(xml: string): Counts[] {
  return (xml.match(/<statement\b[\s\S]*?<\/statement>/g) ?? []).map(countStatement);
}

function countStatement(st: string): Counts {
  const annexes = count(st, /<attachment\b/g);
  const notes = count(st, /<authorialNote\b/g);
  const main = st.replace(/<attachments\b[\s\S]*?<\/attachments>/g, '');
  const preamble = /<preamble\b[\s\S]*?<\/preamble>/.exec(main)?.[0] ?? '';
  const body = /<mainBody\b[\s\S]*?<\/mainBody>/.exec(main)?.[0] ?? '';
  const c: Counts = { pp: count(preamble, /<container\b/g), op: 0, sub: 0, subsub: 0, notes, annexes };
  let lastLetter = '';
  let inSub = false;
  const decision = /<statement\b[^>]*name="decision"/.test(st);
  for (const it of preamble.match(/<item\b[\s\S]*?<\/item>/g) ?? []) {
    const num = /<num>([\s\S]*?)<\/num>/.exec(it)?.[1] ?? null;
    const l = labelOf(num === null ? null : strip(num), strip(it));
    if (l.kind === 'roman' && !(inSub && l.key !== nextLetter(lastLetter))) c.sub++;
    else if (l.kind === 'roman') c.subsub++;
    else c.sub++;
    if (l.kind === 'letter') lastLetter = l.key;
    inSub = true;
  }
  lastLetter = '';
  inSub = false;
  let afterHeading = false;
  for (const part of body.match(/<paragraph\b[\s\S]*?<\/paragraph>|<crossHeading\b[^>]*refersTo="#preamble"|<(?:sub)?section\b|<hcontainer\b/g) ?? []) {
    if (/^<((sub)?section|hcontainer)\b/.test(part)) {
      afterHeading = true;
      continue;
    }
    if (part.startsWith('<crossHeading')) {
      if (c.op === 0) c.pp++;
      else afterHeading = true;
      continue;
    }
    const num = /<num>([\s\S]*?)<\/num>/.exec(part)?.[1] ?? null;
    const content = /<content\b[\s\S]*<\/content>/.exec(part)?.[0] ?? '';
    if (content === '') {
      afterHeading = true;
      continue;
    }
    const text = strip(content);
    const bareNumber = num === null && /^<content\b[^>]*>\s*<p\b[^>]*>\s*\d{1,3}\s*<span class="[^"]*italic/.test(content);
    const l = bareNumber ? { kind: 'op' as const, key: '' } : labelOf(num === null ? null : strip(num), text);
    if (l.kind === 'heading') {
      afterHeading = true;
      continue;
    }
    let kind = l.kind;
    if (kind === 'roman' && /^[a-z]+$/.test(l.key) && (!inSub || l.key === nextLetter(lastLetter))) kind = 'letter';
    if (kind === 'none') {
      const italicFirst = /^<content\b[^>]*>\s*<p\b[^>]*>\s*<span class="[^"]*italic/.test(content);
      if (c.op > 0 && !italicFirst && !afterHeading) continue;
      kind = 'op';
    }
    if (decision && kind === 'letter') kind = 'op';
    if (decision && kind === 'roman') kind = 'letter';
    afterHeading = false;
    if (kind === 'op') {
      c.op++;
      inSub = decision;
      lastLetter = decision && l.kind === 'letter' ? l.key : '';
    } else if (kind === 'letter') {
      if (decision) c.subsub++;
      else c.sub++;
      lastLetter = l.key;
      inSub = true;
    } else c.subsub++;
  }
  return c;
}

/** Counts the nodes of a document the reader built. */
export function countDoc(doc: Node): Counts {
  const c: Counts = { pp: 0, op: 0, sub: 0, subsub: 0, notes: 0, annexes: 0 };
  doc.descendants((node) => {
    const name = node.type.name;
    if (name === 'preambular_paragraph') c.pp++;
    else if (name === 'operative_paragraph' || name === 'decision_paragraph') c.op++;
    else if (name === 'subparagraph') c.sub++;
    else if (name === 'sub_subparagraph') c.subsub++;
    else if (name === 'footnote') c.notes++;
    else if (name === 'annex') c.annexes++;
    return true;
  });
  return c;
}

/** True when two counts agree on every figure. */
export function sameCounts(a: Counts, b: Counts): boolean {
  return a.pp === b.pp && a.op === b.op && a.sub === b.sub && a.subsub === b.subsub && a.notes === b.notes && a.annexes === b.annexes;
}
