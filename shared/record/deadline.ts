/**
 * A silence deadline as people give it (a date, a time and an IANA time zone) and the instant
 * it names. Pure: the zone's offset comes from Intl (the ICU data Node and browsers carry).
 */
import { messageText, msg, type Message, type MessageValue } from '../i18n/message.js';

/** A deadline that cannot be read or does not hold together: a RangeError whose `text` says which field, in any interface language. */
export class DeadlineError extends RangeError {
  /** The sentence as a catalogue message; `message` is its English. */
  readonly text: Message;
  /** Creates the error from its message. */
  constructor(text: Message) {
    super(messageText(text));
    this.name = 'DeadlineError';
    this.text = text;
  }
}

/** A deadline: `date` YYYY-MM-DD and `time` HH:MM on the wall clock of IANA zone `zone`, and `instant`, the ISO 8601 UTC instant they name. */
export type SilenceDeadline = { date: string; time: string; zone: string; instant: string };

const dateForm = /^(\d{4})-(\d{2})-(\d{2})$/;
const timeForm = /^(\d{2}):(\d{2})$/;

/** Whether `zone` is an IANA time zone this runtime knows ('Europe/Zurich', 'UTC'...). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// The zone's wall clock at `utcMs`, as milliseconds since the epoch read as if it were UTC.
function wallClock(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/**
 * The deadline at `date` `time` in `zone`, with the instant it names. In a gap of a clock
 * change (a time that never occurs) the instant is the one right after the gap; in an overlap
 * the earlier of the two. Throws a DeadlineError (a RangeError) naming the field that is wrong.
 */
export function silenceDeadline(date: string, time: string, zone: string): SilenceDeadline {
  const d = dateForm.exec(date);
  if (!d) throw new DeadlineError(msg('checks:deadline.dateForm', { date }));
  const t = timeForm.exec(time);
  if (!t) throw new DeadlineError(msg('checks:deadline.timeForm', { time }));
  if (!isTimeZone(zone)) throw new DeadlineError(msg('checks:deadline.zone', { zone }));
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wanted);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new DeadlineError(msg('checks:deadline.noSuchDate', { date }));
  if (hour > 23 || minute > 59) throw new DeadlineError(msg('checks:deadline.noSuchTime', { time }));
  // Two rounds settle the offset except across a clock change, where the earlier candidate wins.
  let utc = wanted - (wallClock(wanted, zone) - wanted);
  utc = wanted - (wallClock(utc, zone) - utc);
  const earlier = utc - 3_600_000;
  if (wallClock(earlier, zone) === wanted) utc = earlier;
  return { date, time, zone, instant: new Date(utc).toISOString() };
}

/** Throws a DeadlineError (a RangeError: `where`, then what is wrong) unless `value` is a deadline whose instant is the one its date, time and zone name. */
export function checkDeadline(value: unknown, where: MessageValue): asserts value is SilenceDeadline {
  const v = value as Partial<SilenceDeadline> | null;
  if (typeof v !== 'object' || v === null || Object.keys(v).sort().join() !== 'date,instant,time,zone') throw new DeadlineError(msg('checks:record.at', { where, what: msg('checks:deadline.notDeadline') }));
  if (typeof v.date !== 'string' || typeof v.time !== 'string' || typeof v.zone !== 'string' || typeof v.instant !== 'string') throw new DeadlineError(msg('checks:record.at', { where, what: msg('checks:deadline.notText') }));
  let expected: SilenceDeadline;
  try {
    expected = silenceDeadline(v.date, v.time, v.zone);
  } catch (err) {
    throw new DeadlineError(msg('checks:record.at', { where, what: (err as DeadlineError).text }));
  }
  if (expected.instant !== v.instant) throw new DeadlineError(msg('checks:record.at', { where, what: msg('checks:deadline.wrongInstant', { instant: v.instant, date: v.date, time: v.time, zone: v.zone, expected: expected.instant }) }));
}

/** The deadline as people read it: `8 December 2026, 12:00 (Europe/Zurich)`. */
export function deadlineWords(deadline: SilenceDeadline): string {
  const [y, m, d] = deadline.date.split('-').map(Number) as [number, number, number];
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  return `${d} ${month} ${y}, ${deadline.time} (${deadline.zone})`;
}
