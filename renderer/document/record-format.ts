import type { SilenceSummary } from '../../shared/api/contract.js';
import type { ObjectionSummary } from '../../shared/api/record-contract.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';

/**
 * How the record's instants read for people (the Revisions panel's issued revisions and
 * silence procedure, the negotiation dashboard): local date and time in the interface
 * language ("7 December 2026, 12:07", "7 décembre 2026, 12:07"), the silence deadline in the
 * zone it was set in, and the exact instants kept for a title tooltip.
 */

/**
 * The silence deadline as people read it: its date and time in the zone it was given in, in
 * the interface language, and that zone ("7 December 2026, 12:00 (Europe/Paris)"); the date
 * and time as typed when the instant or the zone cannot be read.
 */
export function deadlineText(deadline: SilenceSummary['deadline']): string {
  const shown = deadline.instant === '' ? '' : formatDateTime(deadline.instant, deadline.zone);
  if (shown === '' || shown === deadline.instant) return `${deadline.date} ${deadline.time} (${deadline.zone})`;
  return `${shown} (${deadline.zone})`;
}

/** The title of a sentence naming the deadline: the deadline in this computer's local time and the exact instant. */
export function deadlineTitle(deadline: SilenceSummary['deadline']): string {
  return t('record:silence.deadlineTitle', { local: formatDateTime(deadline.instant), instant: deadline.instant });
}

/** When an objection was signed and when it reached the host, for a sentence ('—' when it has not arrived). */
export function objectionTimes(objection: Pick<ObjectionSummary, 'time' | 'arrived'>): { time: string; arrived: string } {
  return { time: formatDateTime(objection.time), arrived: objection.arrived ? formatDateTime(objection.arrived) : '—' };
}

/** The exact instants of an objection, for its title: "signed 2026-12-07T11:07:09.433Z, arrived …". */
export function objectionTitle(objection: Pick<ObjectionSummary, 'time' | 'arrived'>): string {
  return t('record:silence.instants', { time: objection.time, arrived: objection.arrived ?? '—' });
}
