/**
 * The preamble and the annexes of an AKN document: the `formula` as the body line,
 * `container`s (and the standard `recital`s, `citation`s) as preambular paragraphs with a
 * `blockList`'s items as their subparagraphs; each `attachment` (or `annex`) as an annex
 * whose paragraphs keep their typed labels as text (annex paragraphs are not numbered).
 */
import type { Element } from '@xmldom/xmldom';
import type { AnnexSpec } from '../../document/build.js';
import { msg, type Message } from '../../i18n/message.js';
import { childElements, descendants, nameOf, normalizeSpace, textOf, where } from './read-dom.js';
import { collectRuns, normalizeRuns, runsText, toPieces, type Run } from './read-inline.js';
import { bodyItems, tableRuns, type Item } from './read-items.js';

/** What a preamble gives: the body line and its items for placement (one top item per PP). */
export type PreambleParts = { body: string; items: Item[] };

const recitalNames = new Set(['container', 'recital', 'citation', 'p', 'intro']);
const groupNames = new Set(['recitals', 'citations']);
const listNames = new Set(['blockList', 'list']);

/** Reads `preamble` (null: none); `warn` receives what is kept as text. */
export function readPreamble(preamble: Element | null, warn: (warning: Message) => void): PreambleParts {
  const items: Item[] = [];
  let body = '';
  if (!preamble) return { body, items };
  const stack = childElements(preamble).reverse();
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    const name = nameOf(el);
    if (name === 'formula' && body === '') body = textOf(el);
    else if (groupNames.has(name)) {
      const kids = childElements(el);
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as Element);
    }
    else if (recitalNames.has(name)) {
      const table = descendants(el, 'table').length > 0;
      const runs = table ? tableRuns(el) : collectRuns(el, listNames);
      if (table) items.push({ kind: 'text', runs, where: where(el), why: 'table' });
      else if (runs.length > 0) items.push({ kind: 'paragraph', depth: 1, label: { kind: 'number', value: 0 }, runs, where: where(el), labelText: '' });
      // A list inside a recital holds its subparagraphs.
      if (!table) for (const name of listNames) for (const list of descendants(el, name)) for (const item of bodyItems(list, 2)) items.push(item);
    } else if (name === 'blockList' || name === 'list') for (const item of bodyItems(el, 2)) items.push(item);
    else {
      const runs = collectRuns(el);
      if (runs.length > 0) {
        warn(msg('formats:akn.preambleElement', { where: where(el) }));
        items.push({ kind: 'paragraph', depth: 1, label: { kind: 'number', value: 0 }, runs, where: where(el), labelText: '' });
      }
    }
  }
  return { body, items };
}

/** The annexes of document `el`: its `attachments`' children (or `annex` elements), in order. */
export function readAnnexes(el: Element, warn: (warning: Message) => void): AnnexSpec[] {
  const annexes: AnnexSpec[] = [];
  for (const part of childElements(el)) {
    const name = nameOf(part);
    if (name === 'attachments') for (const a of childElements(part)) annexes.push(readAnnex(a, warn));
    else if (name === 'annex' || name === 'attachment') annexes.push(readAnnex(part, warn));
  }
  return annexes;
}

function readAnnex(el: Element, warn: (warning: Message) => void): AnnexSpec {
  const titleEl = descendants(el, 'docTitle')[0] ?? null;
  const title = textOf(titleEl);
  const typeText = textOf(descendants(el, 'docType')[0] ?? null);
  const body = descendants(el, 'mainBody')[0] ?? descendants(el, 'body')[0] ?? null;
  const items = body ? bodyItems(body) : [];
  const content: { text: ReturnType<typeof toPieces> }[] = [];
  let titleSeen = false;
  for (const item of items) {
    const labelText = item.kind === 'paragraph' ? item.labelText : '';
    const runs: Run[] = normalizeRuns(labelText ? [{ text: `${labelText} `, italic: false }, ...item.runs] : item.runs);
    const text = normalizeSpace(runsText(runs));
    if (!titleSeen && title && (text === title || text === `${typeText} ${title}` || text === typeText)) {
      titleSeen = text !== typeText || titleSeen;
      continue;
    }
    if (item.kind === 'text') warn(msg('formats:akn.annexText', { what: item.why, where: item.where }));
    if (runs.length > 0) content.push({ text: toPieces(runs, false) });
  }
  if (!body) {
    const runs = collectRuns(el, new Set(['meta', 'docTitle', 'docType']));
    if (runs.length > 0) content.push({ text: toPieces(runs, false) });
  }
  return { title, content };
}
