import type { DocumentSummary } from '../shared/api/contract.js';
import { i18n, t } from './i18n/index.js';

/**
 * Small formatting helpers for the chrome around documents (never for document text,
 * whose labels come from shared/document).
 */

const dateTimeOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };
const dateTimes = new Map<string, Intl.DateTimeFormat>();

/**
 * A timestamp for people in the interface language and local time: "12 Oct 2025, 14:03" in
 * English (day first, as the UN writes dates), "12 oct. 2025, 14:03" in French; the input
 * itself when it is not a date.
 */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = i18n.language === 'en' ? 'en-GB' : i18n.language;
  let format = dateTimes.get(locale);
  if (!format) dateTimes.set(locale, (format = new Intl.DateTimeFormat(locale, dateTimeOptions)));
  return format.format(date);
}

/** "Resolution" or "Decision" in the interface language. */
export function kindName(kind: DocumentSummary['kind']): string {
  return kind === 'decision' ? t('common:kind.decision') : t('common:kind.resolution');
}

/** The title to show for a document; untitled documents get a visible placeholder (in the interface language). */
export function displayTitle(title: string): string {
  return title.trim() === '' ? t('common:untitled') : title;
}

/** The message of an unknown thrown value, for people. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "1 document" / "3 documents", and the like for other nouns with a regular plural. */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
