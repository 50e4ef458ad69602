import { revisionKinds, type HistoryEntry, type RevisionKind, type RevisionSummary } from '../../shared/api/contract.js';
import { formatDateTime, formatLongDate } from '../format.js';
import { t, translatedRecord } from '../i18n/index.js';

/**
 * How revisions and history entries are named and grouped for people: kind names, the
 * suggested next "Rev.N", runs of changes grouped by day. Pure.
 */

/** The name of each revision kind as the revisions panel shows it. */
export const revisionKindNames: Readonly<Record<RevisionKind, string>> = translatedRecord(revisionKinds, 'revisions:kind.');

/** The kinds a person can name a revision with, in the order the "Save revision" form offers them. */
export const namedKinds: readonly Exclude<RevisionKind, 'autosave'>[] = ['zero-draft', 'revision', 'l-document', 'oral-revision', 'final'];

/** What each origin of a change is called in the history panel. */
export const originNames: Readonly<Record<HistoryEntry['origin'], string>> = translatedRecord(['local', 'remote', 'import', 'template', 'restore'], 'revisions:origin.');

/**
 * The label suggested for a new revision of `kind`: for 'revision' the next facilitator's
 * revision number after the highest "Rev.N" among `revisions` ("Rev.1" when there is none);
 * "Zero draft" and "Final" for those kinds; '' for the others (an L-symbol or a date is the
 * person's to type).
 */
export function suggestLabel(kind: RevisionKind, revisions: readonly RevisionSummary[]): string {
  // i18n-ignore: a label is the revision's data (it names the document's Rev.N), not interface text.
  if (kind === 'zero-draft') return 'Zero draft';
  // i18n-ignore: as above, a revision label is data
  if (kind === 'final') return 'Final';
  if (kind !== 'revision') return '';
  let highest = 0;
  for (const r of revisions) {
    const m = /^rev\.?\s*(\d+)/i.exec(r.label.trim());
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  // i18n-ignore: the UN's revision label (data)
  return `Rev.${highest + 1}`;
}

/** A revision's name for people: its label, else its kind's name. */
export function revisionName(revision: RevisionSummary): string {
  return revision.label.trim() || revisionKindNames[revision.kind];
}

/** Who made a revision or change: "Ana Pereira (BRA)", "BRA", "Ana Pereira", or "Unknown author". */
export function authorName(author: string, delegation: string): string {
  if (author && delegation) return `${author} (${delegation})`;
  return author || delegation || t('revisions:revisionFormat.unknownAuthor');
}

/** A day of history: its date key (YYYY-MM-DD, local time), a heading, and its entries newest first. */
export type HistoryDay = { day: string; heading: string; entries: HistoryEntry[] };

/**
 * History entries (oldest first, as `history.list` returns them) grouped by the local day of
 * their last change, newest day first and newest entry first within a day. `now` decides
 * which day is "Today" and "Yesterday"; other days are headed with the weekday and date, all in
 * the interface language.
 */
export function groupHistoryByDay(entries: readonly HistoryEntry[], now: Date = new Date()): HistoryDay[] {
  const days = new Map<string, HistoryEntry[]>();
  const sorted = [...entries].sort((a, b) => b.to.localeCompare(a.to) || b.seqTo - a.seqTo);
  for (const entry of sorted) {
    const key = dayKey(new Date(entry.to));
    const list = days.get(key);
    if (list) list.push(entry);
    else days.set(key, [entry]);
  }
  const today = dayKey(now);
  const yesterday = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  return [...days].map(([day, list]) => ({
    day,
    heading: day === today ? t('revisions:historyDay.today') : day === yesterday ? t('revisions:historyDay.yesterday') : formatLongDate(new Date(`${day}T12:00:00`)),
    entries: list,
  }));
}

function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A time of day, "14:05", in local time. */
export function timeOfDay(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A date and time for people in the interface language and local time: "23 November 2026, 14:05", "23 novembre 2026, 14:05" (see formatDateTime). */
export function dateTime(iso: string): string {
  return formatDateTime(iso);
}
