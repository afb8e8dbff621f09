/** Expanding a recurring series into its occurrences (weekly, daily, absoluteMonthly). */

import type { CalendarEvent, Exception } from '../state';
import {
  addDays,
  dayNumber,
  formatDate,
  fromLocal,
  parseDate,
  toLocal,
  weekday,
  type LocalDate,
} from '../timezones';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Safety cap for series without an end. */
const MAX_OCCURRENCES = 5000;

export interface Occurrence {
  /** Original date in the series' zone, "YYYY-MM-DD": the key of exceptions and occurrence ids. */
  date: string;
  /** Scheduled times (before any exception moved it). */
  scheduledStart: number;
  scheduledEnd: number;
  /** Actual times (an exception may move the occurrence). */
  start: number;
  end: number;
  exception: Exception | null;
}

/** Original dates of a series, in order. */
export function* occurrenceDates(ev: CalendarEvent): Generator<LocalDate> {
  const r = ev.recurrence;
  if (!r) return;
  let produced = 0;
  const within = (d: LocalDate): boolean => {
    if (r.rangeType === 'endDate' && r.endDate && dayNumber(d) > dayNumber(r.endDate)) return false;
    if (r.rangeType === 'numbered' && produced >= r.numberOfOccurrences) return false;
    return produced < MAX_OCCURRENCES;
  };
  const start = dayNumber(r.startDate);
  if (r.type === 'daily') {
    for (let k = 0; ; k++) {
      const d = addDays(r.startDate, k * r.interval);
      if (!within(d)) return;
      produced++;
      yield d;
    }
  }
  if (r.type === 'weekly') {
    const fdow = DAY_NAMES.indexOf(r.firstDayOfWeek);
    const weekStart = addDays(r.startDate, -((weekday(r.startDate) - fdow + 7) % 7));
    const wanted = new Set(r.daysOfWeek.map((n) => DAY_NAMES.indexOf(n)));
    for (let w = 0; ; w += r.interval) {
      for (let off = 0; off < 7; off++) {
        if (!wanted.has((fdow + off) % 7)) continue;
        const d = addDays(weekStart, w * 7 + off);
        if (dayNumber(d) < start) continue;
        if (!within(d)) return;
        produced++;
        yield d;
      }
    }
  }
  if (r.type === 'absoluteMonthly') {
    for (let k = 0; k < MAX_OCCURRENCES * 2; k++) {
      const months = r.startDate.m - 1 + k * r.interval;
      const d = { y: r.startDate.y + Math.floor(months / 12), m: (months % 12) + 1, d: r.dayOfMonth };
      if (formatDate(d) !== formatDate(addDays(d, 0))) continue; // no such day in that month
      if (dayNumber(d) < start) continue;
      if (!within(d)) return;
      produced++;
      yield d;
    }
  }
}

function occurrenceOn(ev: CalendarEvent, date: LocalDate): Occurrence {
  const t = toLocal(ev.start, ev.timeZone);
  const scheduledStart = fromLocal({ ...date, h: t.h, mi: t.mi, s: t.s, ms: 0 }, ev.timeZone);
  const scheduledEnd = scheduledStart + (ev.end - ev.start);
  const key = formatDate(date);
  const exception = ev.exceptions.get(key) ?? null;
  return {
    date: key,
    scheduledStart,
    scheduledEnd,
    start: exception?.start ?? scheduledStart,
    end: exception?.end ?? scheduledEnd,
    exception,
  };
}

/** Every occurrence (cancelled ones included) whose actual time overlaps [from, to). */
export function occurrencesBetween(ev: CalendarEvent, from: number, to: number): Occurrence[] {
  const out: Occurrence[] = [];
  const slack = 32 * 86_400_000; // exceptions may move an occurrence by up to a month
  for (const d of occurrenceDates(ev)) {
    const occ = occurrenceOn(ev, d);
    if (occ.scheduledStart >= to + slack) break;
    if (occ.scheduledEnd <= from - slack) continue;
    if (occ.start < to && occ.end > from) out.push(occ);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The occurrence with this original date, if the pattern has one. */
export function occurrenceByDate(ev: CalendarEvent, date: string): Occurrence | undefined {
  const target = parseDate(date);
  if (!target) return undefined;
  const n = dayNumber(target);
  for (const d of occurrenceDates(ev)) {
    const dn = dayNumber(d);
    if (dn === n) return occurrenceOn(ev, d);
    if (dn > n) return undefined;
  }
  return undefined;
}

/**
 * Resolve a relative occurrence selector: -1 = the latest occurrence that ended at or before
 * now, -2 the one before; +1 = the first one that has not ended, +2 the next.
 */
export function occurrenceByIndex(ev: CalendarEvent, index: number, now: number): Occurrence | undefined {
  if (index === 0 || !Number.isInteger(index)) return undefined;
  const ended: Occurrence[] = [];
  let upcoming = 0;
  for (const d of occurrenceDates(ev)) {
    const occ = occurrenceOn(ev, d);
    if (occ.scheduledEnd <= now) {
      ended.push(occ);
    } else {
      if (index < 0) break;
      upcoming++;
      if (upcoming === index) return occ;
    }
  }
  return index < 0 ? ended[ended.length + index] : undefined;
}
