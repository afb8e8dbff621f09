// Use case "My meetings": the secretary's meetings in a window of the calendar, recurring ones as
// occurrences. The window starts 30 days back and 60 ahead, and the secretary can widen it either
// way (minutes are sometimes written long after the meeting), fetching only the added days.

import type { MeetingListItem } from '../domain/meeting';
import * as calendar from '../graph/calendar';
import type { Graph } from '../graph/graph';

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

export async function listMyMeetings(graph: Graph, window: DateWindow, timeZone: string): Promise<MeetingListItem[]> {
  const items = await graph.all(calendar.calendarView(window.from.toISOString(), window.to.toISOString(), timeZone));
  return items.sort((a, b) => a.start.localeCompare(b.start));
}

/** Two lists of the calendar as one, earliest first: a meeting across the seam is listed once. */
export function mergeMeetings(a: readonly MeetingListItem[], b: readonly MeetingListItem[]): MeetingListItem[] {
  const byId = new Map<string, MeetingListItem>();
  for (const m of [...a, ...b]) byId.set(m.eventId, m);
  return [...byId.values()].sort((x, y) => x.start.localeCompare(y.start));
}
