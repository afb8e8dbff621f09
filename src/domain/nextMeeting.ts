// "Nästa möte" as the secretary sets it: a day and a start and end time on the meeting's own clock
// (its time zone, not the device's), turned into the instants the minutes keep, with the one rule
// that matters (the end comes after the start). Prefilled from the series' next occurrence.

import type { Minutes } from './minutes';
import { isCalendarDate, setNextMeeting } from './minutesEdits';

/** A day and a time of day on a zone's clock. */
export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The zone's offset from UTC at an instant, in minutes (Intl gives the zone's clock; the difference is the offset). */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour') % 24, n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** What a zone's clock shows at an instant; undefined for an unreadable instant or zone. */
export function wallClockOf(iso: string | undefined, zone: string): WallClock | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return undefined;
  try {
    const local = new Date(t + offsetAt(t, zone) * 60_000);
    const pad = (x: number) => String(x).padStart(2, '0');
    return { date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`, time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}` };
  } catch {
    return undefined;
  }
}

/**
 * The instant a zone's clock shows this day and time (ISO). Across a change to summer time the
 * offset is looked up twice, so 02:30 on the night clocks go forward lands just after the change.
 */
export function instantOf(clock: WallClock, zone: string): string | undefined {
  const time = TIME.exec(clock.time);
  if (!isCalendarDate(clock.date) || !time) return undefined;
  const [y, mo, d] = clock.date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, mo - 1, d, Number(time[1]), Number(time[2]));
  try {
    const first = naive - offsetAt(naive, zone) * 60_000;
    return new Date(naive - offsetAt(first, zone) * 60_000).toISOString();
  } catch {
    return undefined;
  }
}

export type NextMeetingProblem = 'no-date' | 'bad-date' | 'bad-time' | 'end-before-start';

export interface NextMeetingWhen {
  /** YYYY-MM-DD, or '' for no day (which clears the time as well). */
  date: string;
  /** HH:MM, or '' */
  startTime: string;
  endTime: string;
}

/** What is wrong with a day and times as typed, if anything. */
export function nextMeetingProblem(when: NextMeetingWhen): NextMeetingProblem | undefined {
  if (!when.date) return when.startTime || when.endTime ? 'no-date' : undefined;
  if (!isCalendarDate(when.date)) return 'bad-date';
  if ((when.startTime && !TIME.test(when.startTime)) || (when.endTime && !TIME.test(when.endTime))) return 'bad-time';
  if (when.endTime && (!when.startTime || when.endTime <= when.startTime)) return 'end-before-start';
  return undefined;
}

/**
 * Sets when the next meeting is, on the meeting's clock: the minutes as they were and the problem
 * when the day or times do not make sense (the field shows it and nothing is saved). A day without
 * a time starts at midnight of that day and has no end; no day clears both.
 */
export function setNextMeetingWhen(m: Minutes, when: NextMeetingWhen, zone: string): { minutes: Minutes; problem?: NextMeetingProblem } {
  const problem = nextMeetingProblem(when);
  if (problem) return { minutes: m, problem };
  if (!when.date) return { minutes: setNextMeeting(m, { start: null, end: null }) };
  const start = instantOf({ date: when.date, time: when.startTime || '00:00' }, zone);
  const end = when.endTime ? instantOf({ date: when.date, time: when.endTime }, zone) : undefined;
  if (!start) return { minutes: m, problem: 'bad-time' };
  return { minutes: setNextMeeting(m, { start, end: end ?? null }) };
}

/** The next meeting's day and times on the meeting's clock, for the fields ('' where not set). */
export function nextMeetingWhen(next: Minutes['nextMeeting'], zone: string): NextMeetingWhen {
  const start = wallClockOf(next.start, zone);
  const end = wallClockOf(next.end, zone);
  return { date: start?.date ?? '', startTime: start?.time ?? '', endTime: end?.time ?? '' };
}
