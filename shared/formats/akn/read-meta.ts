/**
 * Header metadata of an AKN document: symbol, date, language, session, agenda item, title
 * and heading, from the cover page, the preface and the FRBR identification, with the
 * enclosing collection's cover page as the fallback for its components (parts A, B ...).
 */
import type { Element } from '@xmldom/xmldom';
import type { HeaderAttrs } from '../../document/header.js';
import type { Language } from '../../document/labels.js';
import { child, childElements, descendants, nameOf, normalizeSpace, textOf } from './read-dom.js';
import { collectRuns, runsText } from './read-inline.js';

/** The header fields read from one document, its title, and the footnotes of its preface (title notes). */
export type ReadMeta = { header: Partial<HeaderAttrs>; title: string; titleNotes: string[] };

const isoLanguages: Readonly<Record<string, Language>> = {
  ara: 'ar', ar: 'ar', chi: 'zh', zho: 'zh', zh: 'zh', eng: 'en', en: 'en', fre: 'fr', fra: 'fr', fr: 'fr', rus: 'ru', ru: 'ru', spa: 'es', es: 'es',
};

/** Elements of `el`'s front matter (cover page, preface) named `name`, in order, not inside the body. */
function front(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const part of childElements(el)) {
    const n = nameOf(part);
    if (n === 'coverPage' || n === 'preface') for (const e of descendants(part, name)) out.push(e);
  }
  return out;
}

function frbr(el: Element, section: string, name: string, attr: string): string {
  const meta = child(el, 'meta');
  const identification = meta ? child(meta, 'identification') : null;
  const part = identification ? child(identification, section) : null;
  const found = part ? child(part, name) : null;
  return found?.getAttribute(attr) ?? '';
}

/** The language of `el` (FRBRlanguage ara/chi/eng/fre/rus/spa, or a two-letter code), or null. */
export function languageOf(el: Element): Language | null {
  const code = frbr(el, 'FRBRExpression', 'FRBRlanguage', 'language').toLowerCase();
  return isoLanguages[code] ?? null;
}

/**
 * The header and title of document `el`; `collection` is the enclosing documentCollection
 * (its symbol, date and language fill what a component lacks; a component's part letter
 * in its preface `docNumber` is appended to the collection's symbol).
 */
export function readMeta(el: Element, collection: Element | null): ReadMeta {
  const own = (name: string, pick: (els: Element[]) => Element | undefined = (els) => els[0]) => pick(front(el, name));
  const symbolEl = own('docNumber', (els) => els.find((e) => e.getAttribute('refersTo') === '#symbol'));
  let symbol = textOf(symbolEl ?? null);
  const prefaceNumbers = childElements(el).filter((c) => nameOf(c) === 'preface').flatMap((p) => descendants(p, 'docNumber')).map((e) => textOf(e).replace(/\.$/, ''));
  if (!symbol && collection) {
    const base = textOf(front(collection, 'docNumber').find((e) => e.getAttribute('refersTo') === '#symbol') ?? null);
    const part = prefaceNumbers.find((n) => /^[A-Z]$/.test(n));
    symbol = base && part ? `${base.replace(/\s+[A-Z](-[A-Z])?$/, '')} ${part}` : base;
  }
  if (!symbol) symbol = symbolOfFrbr(frbr(el, 'FRBRWork', 'FRBRthis', 'value') || frbr(el, 'FRBRWork', 'FRBRuri', 'value'));
  if (!symbol) symbol = prefaceNumbers.find((n) => /\//.test(n)) ?? '';
  const prefaceTitle = childElements(el).filter((c) => nameOf(c) === 'preface').flatMap((p) => descendants(p, 'docTitle'))[0];
  const titleEl = own('docTitle', (els) => els.find((e) => e.getAttribute('refersTo') === '#resolutionTitle')) ?? prefaceTitle ?? own('docTitle');
  const collectionTitle = collection ? front(collection, 'docTitle').find((e) => e.getAttribute('refersTo') === '#resolutionTitle') : undefined;
  const shownTitle = titleEl && textOf(titleEl) !== '' ? titleEl : (collectionTitle ?? titleEl);
  // Arabic titles start with the dash that follows the number in print ("74/129 - ...").
  const title = shownTitle ? normalizeSpace(runsText(collectRuns(shownTitle))).replace(/^[-–—]\s*/, '') : '';
  const titleNotes = childElements(el).filter((c) => nameOf(c) === 'preface').flatMap((p) => descendants(p, 'authorialNote')).map(textOf);
  const dateEl = own('docDate') ?? (collection ? front(collection, 'docDate')[0] : undefined);
  const date = textOf(dateEl ?? null) || frbr(el, 'FRBRExpression', 'FRBRdate', 'date') || frbr(el, 'FRBRWork', 'FRBRdate', 'date');
  const language = languageOf(el) ?? (collection ? languageOf(collection) : null);
  const session = textOf(own('session') ?? (collection ? front(collection, 'session')[0] : undefined) ?? null);
  const agenda = [...front(el, 'inline'), ...(collection ? front(collection, 'inline') : [])].find((e) => e.getAttribute('name') === 'agenda item');
  const heading = [...front(el, 'inline'), ...(collection ? front(collection, 'inline') : [])].find((e) => e.getAttribute('name') === 'heading');
  const header: Partial<HeaderAttrs> = { symbol, date, session, agendaItem: agendaNumber(textOf(agenda ?? null)), heading: textOf(heading ?? null), sponsors: sponsorsOf(el) };
  if (language) header.language = language;
  return { header, title, titleNotes };
}

/** The item number(s) of an agenda line in any language: "Agenda item 98 (ii)" -> "98 (ii)", "Point 61 de l’ordre du jour" -> "61". */
function agendaNumber(line: string): string {
  const english = /^Agenda items? (.+)$/.exec(line);
  if (english) return english[1] ?? '';
  const m = /\d[\s\S]*[\d)]/.exec(line) ?? /\d+/.exec(line);
  return m ? m[0] : line;
}

/**
 * The sponsors a cover page names: a `docProponent` playing the sponsor role (`as="#sponsor"`)
 * refers to one TLCOrganization per sponsor, whose `showAs` is the name, in order.
 */
function sponsorsOf(el: Element): string[] {
  const proponent = front(el, 'docProponent').find((e) => e.getAttribute('as') === '#sponsor');
  if (!proponent) return [];
  const names = new Map(descendants(el, 'TLCOrganization').map((o) => [o.getAttribute('eId') ?? '', o.getAttribute('showAs') ?? '']));
  return (proponent.getAttribute('refersTo') ?? '')
    .split(/\s+/)
    .map((ref) => names.get(ref.replace(/^#/, '')) ?? '')
    .filter((name) => name !== '');
}

/** A General Assembly resolution's symbol from its FRBR work URI (".../unga/2019-12-18/74-129/" -> "A/RES/74/129", "74-232B" -> "A/RES/74/232 B"), or ''. */
function symbolOfFrbr(uri: string): string {
  const m = /\/unga\/[^/]+\/(\d+)-(\d+)([A-Z]?)(?:\/|$)/.exec(uri);
  if (!m) return '';
  return `A/RES/${m[1]}/${m[2]}${m[3] ? ` ${m[3]}` : ''}`;
}
