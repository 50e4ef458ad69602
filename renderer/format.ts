import type { DocumentSummary } from '../shared/api/contract.js';

/**
 * Small formatting helpers for the chrome around documents (never for document text,
 * whose labels come from shared/document).
 */

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A timestamp for people, "12 Oct 2025, 14:03" in local time; the input itself when it is not a date. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** "Resolution" or "Decision". */
export function kindName(kind: DocumentSummary['kind']): string {
  return kind === 'decision' ? 'Decision' : 'Resolution';
}

/** The title to show for a document; untitled documents get a visible placeholder. */
export function displayTitle(title: string): string {
  return title.trim() === '' ? 'Untitled' : title;
}

/** The message of an unknown thrown value, for people. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "1 document" / "3 documents", and the like for other nouns with a regular plural. */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
