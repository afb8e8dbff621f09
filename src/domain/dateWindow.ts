// The window of the calendar "My meetings" shows: 30 days back and 60 ahead to start with, widened
// either way on request (minutes are sometimes written long after the meeting).

import type { MeetingListItem } from './meeting';

const DAY = 86_400_000;
export const PAST_DAYS = 30;
export const FUTURE_DAYS = 60;
/** How far one "show earlier" or "show later" widens the window. */
export const STEP_DAYS = 30;

export interface DateWindow {
  from: Date;
  to: Date;
}

export function initialWindow(now: Date): DateWindow {
  return { from: new Date(now.getTime() - PAST_DAYS * DAY), to: new Date(now.getTime() + FUTURE_DAYS * DAY) };
}

/** The days before (or after) a window that "show earlier" (or "show later") adds. */
export function widen(window: DateWindow, direction: 'earlier' | 'later'): DateWindow {
  return direction === 'earlier'
    ? { from: new Date(window.from.getTime() - STEP_DAYS * DAY), to: window.from }
    : { from: window.to, to: new Date(window.to.getTime() + STEP_DAYS * DAY) };
}

/** Two lists of the calendar as one, earliest first: a meeting across the seam is listed once. */
export function mergeMeetings(a: readonly MeetingListItem[], b: readonly MeetingListItem[]): MeetingListItem[] {
  const byId = new Map<string, MeetingListItem>();
  for (const m of [...a, ...b]) byId.set(m.eventId, m);
  return [...byId.values()].sort((x, y) => x.start.localeCompare(y.start));
}
