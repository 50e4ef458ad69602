/**
 * How a paragraph status reads for people: the state's name, the margin label (with the
 * delegations of a reservation or the paragraphs an "agreed pending" paragraph waits for),
 * and the status history as a list of changes from one state to the next. Pure text, used
 * by the status margin in the editor and by the status dialog.
 */
import type { ParagraphStatus, StatusEntry, StatusState } from './model.js';
import { isReopening } from './paragraph-ops.js';

/** The name of each state, as the margin and the dialog print it. */
export const statusNames: Readonly<Record<StatusState, string>> = {
  pending: 'Pending',
  under_discussion: 'Under discussion',
  agreed_ad_ref: 'Agreed ad ref',
  agreed: 'Agreed',
  deleted: 'Deleted',
  reservation: 'Reservation',
  agreed_pending: 'Agreed pending',
  parked: 'Parked',
};

/** One sentence per state saying what it means in the room (the dialog's hints). */
export const statusHints: Readonly<Record<StatusState, string>> = {
  pending: 'Not yet discussed.',
  under_discussion: 'Being negotiated now.',
  agreed_ad_ref: 'Agreed subject to confirmation from capitals.',
  agreed: 'Agreed by the room.',
  deleted: 'The room agreed to delete it.',
  reservation: 'Agreed except for the delegations that hold a reservation.',
  agreed_pending: 'Agreed once the linked paragraphs are agreed.',
  parked: 'Set aside for later.',
};

/** Names a linked paragraph by its id ("OP 5"); '' or undefined when it no longer exists. */
export type PathOf = (id: string) => string | undefined;

// A number is never split over two lines of a narrow margin label ("OP" / "1").
const linkedPaths = (linked: readonly string[], pathOf: PathOf): string =>
  linked.map((id) => (pathOf(id) || 'a removed paragraph').replace(/ /g, '\u00a0')).join(', ');

/**
 * The words a status is told in: the states' `names` and the sentence of a reservation from
 * its state's name and the delegations holding it (English "Reservation: USA, RUS"; French
 * puts a no-break space before the colon, so the sentence is the language's, not a colon
 * added here).
 */
export type StatusWords = {
  names: Readonly<Record<StatusState, string>>;
  reservation: (name: string, delegations: readonly string[]) => string;
};

/** The English words of {@link StatusWords}, for exports, the CLI and the default. */
export const statusWords: StatusWords = {
  names: statusNames,
  reservation: (name, delegations) => `${name}: ${delegations.join(', ')}`,
};

/**
 * The text of a status entry: "Agreed", "Reservation: USA, RUS", "Agreed pending OP 5,
 * OP 7" (linked ids named by `pathOf`, with no-break spaces inside each name). `words` gives
 * the states' names and the reservation's sentence (English by default; the interface passes
 * its own language's).
 */
export function statusText(entry: Pick<StatusEntry, 'state' | 'delegations' | 'linked'>, pathOf: PathOf, words: StatusWords = statusWords): string {
  const name = words.names[entry.state];
  if (entry.state === 'reservation' && entry.delegations.length > 0) return words.reservation(name, entry.delegations);
  if (entry.state === 'agreed_pending' && entry.linked.length > 0) return `${name} ${linkedPaths(entry.linked, pathOf)}`;
  return name;
}

/** True when the current entry of `status` reopened an agreed paragraph (it then carries the reason). */
export function wasReopened(status: ParagraphStatus): boolean {
  const previous = status.history[status.history.length - 1];
  return previous !== undefined && isReopening(previous.state, status.state);
}

/** One change of status: from which state to which, by whom, when, and why (a reopening's reason). */
export type StatusChangeRow = {
  from: StatusState;
  to: StatusState;
  toText: string;
  by: string;
  at: string;
  reason: string;
  reopening: boolean;
};

/**
 * The changes that led to `status`, oldest first: each entry of its history, then the
 * current one, as a change from the state before it (the first from "pending"). Empty for
 * a paragraph whose status was never set. `words` as for {@link statusText}.
 */
export function statusChanges(status: ParagraphStatus, pathOf: PathOf, words: StatusWords = statusWords): StatusChangeRow[] {
  if (status.at === '' && status.by === '' && status.history.length === 0) return [];
  const entries: StatusEntry[] = [...status.history, status];
  return entries.map((entry, i) => {
    const from = i === 0 ? 'pending' : (entries[i - 1]?.state ?? 'pending');
    return {
      from,
      to: entry.state,
      toText: statusText(entry, pathOf, words),
      by: entry.by,
      at: entry.at,
      reason: entry.reason,
      reopening: isReopening(from, entry.state),
    };
  });
}

/**
 * What is stored as the author of a status change (`by`): the person's name alone, trimmed,
 * '' when the profile has none. The role is not stored in words, since only the facilitator
 * sets statuses (for the room, never for a delegation: a chair from CAN agreeing OP 3 is not
 * "CAN" agreeing it); each reader names the role in its own language ({@link statusAuthorName}).
 */
export function statusAuthor(name: string): string {
  return name.trim();
}

// What the app stored before the role was left to the reader: "Facilitator (Jane Doe)", "Facilitator".
const oldAuthor = /^Facilitator(?:\s*\((.*)\))?$/s;

/**
 * The person's name in a stored status author, whether stored as {@link statusAuthor} does
 * now ("Jane Doe", '') or as earlier versions did ("Facilitator (Jane Doe)" -> "Jane Doe",
 * "Facilitator" -> ''); any other text is taken as the name.
 */
export function statusAuthorName(by: string): string {
  const trimmed = by.trim();
  const old = oldAuthor.exec(trimmed);
  return old ? (old[1] ?? '').trim() : trimmed;
}
