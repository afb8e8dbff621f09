/**
 * Resolving the scenario's time expressions against "now", in the scenario's time zone.
 *
 *   2025-10-03T08:00:00Z / 2025-10-03T10:00:00+02:00   an instant
 *   2025-10-03T08:00 / 2025-10-03 08:00                local time in the zone
 *   today-7d 08:00 / today+2w 13:30 / today 09:00       relative days and weeks
 *   fri-1w 08:00                                        weekday anchor: the latest Friday on or
 *                                                       before today, then minus one week
 *   now / now-90m / now+2h                              an instant relative to now
 *
 * Offsets (+N or -N followed by d, w, h or m) can be chained: "today+1w-1d 08:00".
 */

import { addDays, formatDate, fromLocal, localDateOf, parseDate, weekday, type LocalDate } from '../timezones';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const EXPR = /^(today|now|sun|mon|tue|wed|thu|fri|sat|\d{4}-\d{2}-\d{2})((?:[+-]\d+[dwhm])*)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i;
const ABSOLUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export class DateExprError extends Error {}

interface Parsed {
  date?: LocalDate;
  instantBase?: number;
  minutes: number;
  time?: { h: number; mi: number; s: number };
}

function parse(expr: string, now: number, tz: string): Parsed {
  const m = EXPR.exec(expr.trim());
  if (!m) throw new DateExprError(`"${expr}" is neither ISO 8601 nor a relative date like "today-7d 08:00"`);
  const anchor = (m[1] ?? '').toLowerCase();
  let date: LocalDate | undefined;
  let instantBase: number | undefined;
  if (anchor === 'now') instantBase = Math.floor(now / 1000) * 1000;
  else if (anchor === 'today') date = localDateOf(now, tz);
  else if (WEEKDAYS.includes(anchor)) {
    const today = localDateOf(now, tz);
    const back = (weekday(today) - WEEKDAYS.indexOf(anchor) + 7) % 7;
    date = addDays(today, -back);
  } else {
    date = parseDate(anchor);
    if (!date) throw new DateExprError(`"${expr}" has an invalid date`);
  }
  let days = 0;
  let minutes = 0;
  for (const off of (m[2] ?? '').matchAll(/([+-]\d+)([dwhm])/gi)) {
    const n = Number(off[1]);
    const unit = (off[2] ?? 'd').toLowerCase();
    if (unit === 'd') days += n;
    else if (unit === 'w') days += 7 * n;
    else if (unit === 'h') minutes += 60 * n;
    else minutes += n;
  }
  if (date) date = addDays(date, days);
  else minutes += days * 1440;
  let time: Parsed['time'];
  if (m[3] !== undefined) {
    if (instantBase !== undefined) throw new DateExprError(`"${expr}": "now" takes no clock time`);
    const h = Number(m[3]);
    const mi = Number(m[4]);
    const s = Number(m[5] ?? 0);
    if (h > 23 || mi > 59 || s > 59) throw new DateExprError(`"${expr}" has an invalid clock time`);
    time = { h, mi, s };
  }
  return { date, instantBase, minutes, time };
}

/** A TimeExpr to ms since epoch. A date without clock time means local midnight. */
export function resolveInstant(expr: string, now: number, tz: string): number {
  const s = expr.trim();
  if (ABSOLUTE.test(s)) {
    const t = Date.parse(s);
    if (Number.isNaN(t)) throw new DateExprError(`"${expr}" is not a valid date and time`);
    return t;
  }
  const p = parse(s, now, tz);
  if (p.instantBase !== undefined) return p.instantBase + p.minutes * 60_000;
  const d = p.date as LocalDate;
  const t = p.time ?? { h: 0, mi: 0, s: 0 };
  return fromLocal({ ...d, h: t.h, mi: t.mi, s: t.s, ms: 0 }, tz) + p.minutes * 60_000;
}

/** A DateExpr to a calendar date in the zone. */
export function resolveDate(expr: string, now: number, tz: string): LocalDate {
  const p = parse(expr.trim(), now, tz);
  if (p.time || p.minutes !== 0) throw new DateExprError(`"${expr}" must be a date without time`);
  if (p.instantBase !== undefined) return localDateOf(p.instantBase, tz);
  return p.date as LocalDate;
}

export function resolveDateString(expr: string, now: number, tz: string): string {
  return formatDate(resolveDate(expr, now, tz));
}
