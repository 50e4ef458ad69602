import type { Node } from 'prosemirror-model';
import { toLanguage, type Language } from './labels.js';

/** Whether a document is a resolution (preamble + operative part) or a decision (lettered paragraphs). */
export type DocumentKind = 'resolution' | 'decision';

/** The header atom's attributes, typed (see `header` in schemas/resolution-nodes.ts). */
export type HeaderAttrs = {
  symbol: string;
  date: string;
  language: Language;
  session: string;
  agendaItem: string;
  sponsors: string[];
  heading: string;
};

/** The header attributes with their schema defaults (all empty, language 'en'). */
export const emptyHeader: Readonly<HeaderAttrs> = {
  symbol: '',
  date: '',
  language: 'en',
  session: '',
  agendaItem: '',
  sponsors: [],
  heading: '',
};

/**
 * The typed header of a document: reads the `header` child's attrs, replacing anything of
 * the wrong type by its default, so callers never see `unknown`. A document without a
 * header (not schema-valid) gets `emptyHeader`.
 */
export function readHeader(doc: Node): HeaderAttrs {
  const header = doc.firstChild?.type.name === 'header' ? doc.firstChild : null;
  if (!header) return { ...emptyHeader, sponsors: [] };
  const attrs = header.attrs as Record<string, unknown>;
  const str = (key: keyof HeaderAttrs): string => (typeof attrs[key] === 'string' ? (attrs[key] as string) : '');
  const sponsors = Array.isArray(attrs.sponsors) ? attrs.sponsors.filter((s): s is string => typeof s === 'string') : [];
  return {
    symbol: str('symbol'),
    date: str('date'),
    language: toLanguage(attrs.language),
    session: str('session'),
    agendaItem: str('agendaItem'),
    sponsors,
    heading: str('heading'),
  };
}

/** 'decision' when the document has a `decision_body`, else 'resolution'. */
export function documentKind(doc: Node): DocumentKind {
  let kind: DocumentKind = 'resolution';
  doc.forEach((child) => {
    if (child.type.name === 'decision_body') kind = 'decision';
  });
  return kind;
}

/** The text of the document's first child named `name` (e.g. 'title', 'body_line'), or ''. */
export function childText(doc: Node, name: string): string {
  let text = '';
  doc.forEach((child) => {
    if (child.type.name === name && text === '') text = child.textContent;
  });
  return text;
}
