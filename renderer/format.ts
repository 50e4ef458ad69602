import type { DocumentSummary } from '../shared/api/contract.js';
import { errorText } from './i18n/error-text.js';
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

const formats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat }>();

// The date, time and weekday formats of the interface language in `zone` (local time when
// undefined); null when the zone is not one Intl knows (a zone typed by hand).
function partsFormat(zone: string | undefined): { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat } | null {
  const locale = i18n.language === 'en' ? 'en-GB' : i18n.language;
  // Local time is keyed by its current offset too: a laptop that changes zone gets new formats.
  const key = `${locale}|${zone ?? `local${new Date().getTimezoneOffset()}`}`;
  let found = formats.get(key);
  if (!found) {
    try {
      found = {
        date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }),
        time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }),
        weekday: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: zone }),
      };
    } catch {
      return null;
    }
    formats.set(key, found);
  }
  return found;
}

/**
 * An instant (ISO 8601) for people, in the interface language and in local time, or in
 * `zone` (an IANA zone such as "Europe/Paris") when given: "7 December 2026, 12:07" in
 * English (day first, as the UN writes dates), "7 décembre 2026, 12:07" in French. Date and
 * time are formatted apart and joined with a comma, since ICU versions join them differently
 * ("at", "à"). The input itself when it is not a date or the zone is unknown.
 */
export function formatDateTime(iso: string, zone?: string): string {
  const date = new Date(iso);
  const format = partsFormat(zone);
  if (Number.isNaN(date.getTime()) || !format) return iso;
  return `${format.date.format(date)}, ${format.time.format(date)}`;
}

/** A day for a heading, in the interface language and local time: "Friday 20 November 2026", "vendredi 20 novembre 2026". */
export function formatLongDate(date: Date): string {
  const format = partsFormat(undefined);
  if (Number.isNaN(date.getTime()) || !format) return '';
  return `${format.weekday.format(date)} ${format.date.format(date)}`;
}

/** "Resolution" or "Decision" in the interface language. */
export function kindName(kind: DocumentSummary['kind']): string {
  return kind === 'decision' ? t('common:kind.decision') : t('common:kind.resolution');
}

/** The title to show for a document; untitled documents get a visible placeholder (in the interface language). */
export function displayTitle(title: string): string {
  return title.trim() === '' ? t('common:untitled') : title;
}

/** The message of an unknown thrown value, for people: in the interface language when it carries a catalogue message (see errorText). */
export function messageOf(error: unknown): string {
  return errorText(error);
}

/** "1 document" / "3 documents", and the like for other nouns with a regular plural. */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
