// Use case "My meetings": the secretary's recent and upcoming meetings, recurring ones as occurrences.

import type { MeetingListItem } from '../domain/meeting';
import * as calendar from '../graph/calendar';
import type { Graph } from '../graph/graph';

const DAY = 86_400_000;
export const PAST_DAYS = 30;
export const FUTURE_DAYS = 60;

export async function listMyMeetings(graph: Graph, now: Date, timeZone: string): Promise<MeetingListItem[]> {
  const from = new Date(now.getTime() - PAST_DAYS * DAY).toISOString();
  const to = new Date(now.getTime() + FUTURE_DAYS * DAY).toISOString();
  const items = await graph.all(calendar.calendarView(from, to, timeZone));
  return items.sort((a, b) => a.start.localeCompare(b.start));
}
