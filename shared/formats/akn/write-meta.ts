/**
 * The metadata part of an Akoma Ntoso export in the DGACM dialect: the statement's name,
 * the FRBR identification built from the symbol, the references (TLCs for the publisher,
 * the authoring body and every delegation named), the sponsors' workflow step, the cover
 * page and the preface.
 */
import type { DocumentKind, HeaderAttrs } from '../../document/header.js';
import type { Language } from '../../document/labels.js';
import { mastheadWords, originalLine } from '../../document/labels-masthead.js';
import { el, type XmlElement } from './write-xml.js';

/** The `name` of the exported `<statement>`: what the document is. */
export type StatementName = 'resolution' | 'decision' | 'draftResolution';

/** The ISO 639-2 codes the DGACM files use in FRBRlanguage (ara, zho, eng, fra, rus, spa). */
export const frbrLanguages: Readonly<Record<Language, string>> = { ar: 'ara', zh: 'zho', en: 'eng', fr: 'fra', ru: 'rus', es: 'spa' };

// A symbol of an L-document (a draft tabled at a meeting): E/CN.15/2023/L.6, A/C.3/78/L.12/Rev.1.
const lDocument = /(^|\/)L\.\d+/i;
// A symbol of an adopted text: A/RES/74/50, E/RES/2023/4, A/DEC/74/501.
const adopted = /(^|\/)(RES|DEC)\//i;

/**
 * What a document is exported as: a decision is 'decision'; a resolution whose symbol is an
 * L-document, whose heading says "Draft ...", or that has sponsors and no adopted symbol
 * (A/RES/...) is a 'draftResolution'; any other resolution is a 'resolution'.
 */
export function statementNameOf(kind: DocumentKind, header: HeaderAttrs): StatementName {
  if (kind === 'decision') return 'decision';
  const symbol = header.symbol.trim();
  const draft =
    lDocument.test(symbol) || /^(draft|projet|proyecto)\b/i.test(header.heading) || (header.sponsors.length > 0 && !adopted.test(symbol));
  return draft ? 'draftResolution' : 'resolution';
}

const monthNames: readonly (readonly string[])[] = [
  ['january', 'janvier', 'enero'], ['february', 'février', 'fevrier', 'febrero'], ['march', 'mars', 'marzo'],
  ['april', 'avril', 'abril'], ['may', 'mai', 'mayo'], ['june', 'juin', 'junio'], ['july', 'juillet', 'julio'],
  ['august', 'août', 'aout', 'agosto'], ['september', 'septembre', 'septiembre', 'setiembre'],
  ['october', 'octobre', 'octubre'], ['november', 'novembre', 'noviembre'], ['december', 'décembre', 'decembre', 'diciembre'],
];

/**
 * The header's free-text date as an ISO date (yyyy-mm-dd), or null when it is not one:
 * accepts ISO dates and "12 December 2019" / "12 décembre 2019" / "12 de diciembre de 2019".
 */
export function isoDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const words = /^(\d{1,2})(?:er)?\s+(?:de\s+)?(\p{L}+)\s+(?:de\s+)?(\d{4})$/u.exec(trimmed);
  if (!words) return null;
  const month = monthNames.findIndex((names) => names.includes((words[2] ?? '').toLowerCase()));
  return month < 0 ? null : validDate(Number(words[3]), month + 1, Number(words[1]));
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// The date DGACM writes where a date is unknown (its workflow steps use it too).
const unknownDate = '0001-01-01';

/** The authoring body named by a body line ("The General Assembly," -> General Assembly) and its TLC eId. */
export function authoringBody(bodyLine: string): { eId: string; name: string } {
  const name = bodyLine
    .trim()
    .replace(/[,:;،،：，]+$/u, '')
    .replace(/^(the|l['’]|le|la|les|el|los|las|إن)\s*/iu, '')
    .trim();
  const known: Record<string, string> = {
    'general assembly': 'ga',
    'assemblée générale': 'ga',
    'asamblea general': 'ga',
    'economic and social council': 'ecosoc',
    'conseil économique et social': 'ecosoc',
    'consejo económico y social': 'ecosoc',
    'security council': 'sc',
    'human rights council': 'hrc',
  };
  return { eId: known[name.toLowerCase()] ?? 'body', name: name === '' ? 'Author' : name };
}

/**
 * The AKN identifiers of a document: the work component built from the symbol ("A/RES/74/50"
 * -> "74-50" as DGACM writes it, any other symbol with "/" -> "-"; "draft" without one) and
 * the author code of the body.
 */
export function frbrBase(header: HeaderAttrs, statement: StatementName, bodyEId: string): { uri: string; date: string; known: boolean } {
  const symbol = header.symbol.trim();
  const res = /^A\/RES\/(.+)$/i.exec(symbol);
  const number = (res ? res[1] ?? '' : symbol).replace(/\s+/g, '').replace(/\//g, '-').replace(/[^\p{L}\p{N}.\-()]/gu, '') || 'draft';
  const date = isoDate(header.date);
  // An unlisted body is named by its symbol's series ("E/CN.15/2023/L.6" -> "e-cn.15").
  const parts = symbol.split('/');
  const seriesEnd = parts.findIndex((part, i) => i > 0 && /^(\d|L\.|RES$|DEC$)/i.test(part));
  const fromSymbol = seriesEnd > 0 ? parts.slice(0, seriesEnd).join('-').toLowerCase().replace(/[^a-z0-9.-]/g, '') : '';
  const body = bodyEId === 'ga' ? 'unga' : bodyEId === 'body' && fromSymbol !== '' ? fromSymbol : bodyEId;
  const kind = statement === 'decision' ? 'decision' : 'deliberation';
  return { uri: `/akn/un/statement/${kind}/${body}/${date ?? unknownDate}/${number}/`, date: date ?? unknownDate, known: date !== null };
}

/** The `<identification>` of a document or annex (`component` '' for the main document, 'annex_1' ...). */
export function identification(base: { uri: string; date: string }, language: Language, authorEId: string, adopted: boolean, component = ''): XmlElement {
  const lang = frbrLanguages[language];
  const main = component === '' ? '!main' : `!main/${component}`;
  return el('identification', { source: '#DGACM' }, [
    el('FRBRWork', {}, [
      el('FRBRthis', { value: `${base.uri}${main}` }),
      el('FRBRuri', { value: base.uri }),
      el('FRBRdate', { date: base.date, name: adopted ? 'adoption' : 'submission' }),
      el('FRBRauthor', { href: `#${authorEId}`, as: '#author' }),
      el('FRBRcountry', { value: 'un' }),
    ]),
    el('FRBRExpression', {}, [
      el('FRBRthis', { value: `${base.uri}${lang}@${main}` }),
      el('FRBRuri', { value: `${base.uri}${lang}@/` }),
      el('FRBRdate', { date: base.date, name: 'publication' }),
      el('FRBRauthor', { href: `#${authorEId}`, as: '#issuingBody' }),
      el('FRBRlanguage', { language: lang }),
    ]),
    el('FRBRManifestation', {}, [
      el('FRBRthis', { value: `${base.uri}${lang}@/${main}.xml` }),
      el('FRBRuri', { value: `${base.uri}${lang}@.xml` }),
      el('FRBRdate', { date: base.date, name: 'markup' }),
      el('FRBRauthor', { href: '#penholder', as: '#editor' }),
    ]),
  ]);
}

/** A TLC eId for a delegation name or code: lower-case letters and digits, unique among `taken`. */
export function delegationEId(name: string, taken: Set<string>): string {
  const slug = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'delegation';
  let eId = `del_${slug}`;
  for (let n = 2; taken.has(eId); n++) eId = `del_${slug}_${n}`;
  taken.add(eId);
  return eId;
}

/**
 * The `<references>`: the publisher and the editor (Penholder), the concepts the cover
 * page refers to, the authoring body, and one TLCOrganization per delegation (`delegations`:
 * name -> eId, sponsors first).
 */
export function references(body: { eId: string; name: string }, delegations: ReadonlyMap<string, string>): XmlElement {
  const org = (eId: string, href: string, showAs: string) => el('TLCOrganization', { eId, href, showAs });
  return el('references', { source: '#penholder' }, [
    org('DGACM', '/akn/ontology/organization/un/DGACM', 'DGACM'),
    org('penholder', '/akn/ontology/organization/penholder', 'Penholder'),
    el('TLCConcept', { eId: 'symbol', href: '/akn/ontology/reference/un/symbol', showAs: 'Symbol' }),
    el('TLCConcept', { eId: 'dateOfIssuance', href: '/akn/ontology/concept/un/dateOfIssuance', showAs: 'Date of issuance' }),
    el('TLCRole', { eId: 'author', href: '/akn/ontology/role/un/author', showAs: 'Author' }),
    el('TLCRole', { eId: 'issuingBody', href: '/akn/ontology/role/un/issuingBody', showAs: 'Issuing body' }),
    el('TLCRole', { eId: 'editor', href: '/akn/ontology/role/un/editor', showAs: 'Editor' }),
    el('TLCRole', { eId: 'sponsor', href: '/akn/ontology/role/un/sponsor', showAs: 'Sponsor' }),
    org(body.eId, `/akn/ontology/organization/un/${body.eId}`, body.name),
    ...[...delegations].map(([name, eId]) => org(eId, `/akn/ontology/organization/un/${eId.slice(4)}`, name)),
  ]);
}

/** The sponsors as UN writes them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** The workflow step recording the sponsors of a draft, as DGACM does (`by`: the names joined). */
export function sponsorsWorkflow(header: HeaderAttrs, date: string, statement: StatementName): XmlElement | null {
  if (header.sponsors.length === 0) return null;
  const outcome = statement === 'decision' ? 'draftDecision' : 'draftResolution';
  return el('workflow', { source: '#penholder' }, [el('step', { date, outcome, as: header.symbol || undefined, by: joinNames(header.sponsors) })]);
}

/**
 * The cover page as in the DGACM files: publisher, symbol, body, distribution, date,
 * original language, session, agenda item, the report heading, and for a draft the
 * sponsors line ("Canada and Japan: draft resolution") referring to their TLCs.
 */
export function coverPage(header: HeaderAttrs, body: string, statement: StatementName, sponsorRefs: string[], kind: DocumentKind): XmlElement {
  const p = (...children: XmlElement[]) => el('p', {}, children);
  const iso = isoDate(header.date);
  const draft = statement === 'draftResolution' || header.sponsors.length > 0;
  return el('coverPage', { eId: 'coverPage_1' }, [
    p(el('docAuthority', { refersTo: '#DGACM' }, ['United Nations'])),
    ...(header.symbol === '' ? [] : [el('p', { class: 'upperRight' }, [el('docNumber', { refersTo: '#symbol' }, [header.symbol])])]),
    p(el('docAuthority', { refersTo: '#issuingBody', class: 'rightBig' }, [body])),
    p(el('docStatus', { class: 'rightSmall' }, [draft ? mastheadWords(header.language).limited : mastheadWords(header.language).general])),
    // A date that is not a calendar date keeps its words, with DGACM's unknown-date value.
    ...(header.date === '' ? [] : [p(el('docDate', { date: iso ?? unknownDate, class: 'rightSmall', refersTo: '#dateOfIssuance' }, [header.date]))]),
    p(el('inline', { name: 'originalLanguage' }, [originalLine(header.language)])),
    ...(header.session === '' ? [] : [p(el('session', { refersTo: '#issuingBody', value: /\d+/.exec(header.session)?.[0] }, [header.session]))]),
    ...(header.agendaItem === '' ? [] : [p(el('inline', { name: 'agenda item' }, [`Agenda item ${header.agendaItem}`]))]),
    ...(header.heading === '' ? [] : [p(el('inline', { name: 'heading' }, [header.heading]))]),
    ...(header.sponsors.length === 0
      ? []
      : [p(el('docProponent', { refersTo: sponsorRefs.join(' '), as: '#sponsor' }, [`${joinNames(header.sponsors)}: draft ${kind}`]))]),
  ]);
}
