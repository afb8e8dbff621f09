// Use case "My meetings": the secretary's meetings in a window of the calendar (domain/dateWindow),
// recurring ones as occurrences, earliest first. Widening the window fetches only the added days.

import type { DateWindow } from '../domain/dateWindow';
import type { MeetingListItem } from '../domain/meeting';
import * as calendar from '../graph/calendar';
import type { Graph } from '../graph/graph';

export async function listMyMeetings(graph: Graph, window: DateWindow, timeZone: string): Promise<MeetingListItem[]> {
  const items = await graph.all(calendar.calendarView(window.from.toISOString(), window.to.toISOString(), timeZone));
  return items.sort((a, b) => a.start.localeCompare(b.start));
}
