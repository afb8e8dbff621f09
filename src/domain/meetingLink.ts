// What a link into Justera names when it opens one meeting (the Teams deep link's subEntityId, read
// back by the personal tab as page.subPageId). A link is read by other people than the one who made
// it, so it cannot name an event id (that is one mailbox's copy): it names the meeting's iCalUId,
// the same in every calendar, and its start, so that the reader's calendar is searched in a
// two-minute window instead of for ever (calendarView cannot filter by iCalUId, /me/events does not
// list occurrences of a series).

export interface MeetingTarget {
  iCalUId: string;
  /** The occurrence's start, ISO 8601. */
  start: string;
}

const PREFIX = 'meeting?';
/** Far beyond any iCalUId Exchange makes (about 112 characters), short of anything abusive. */
const MAX_ID = 512;

export function meetingTargetText(target: MeetingTarget): string {
  return PREFIX + new URLSearchParams({ ical: target.iCalUId, start: target.start }).toString();
}

/** The meeting a subEntityId names, or undefined for anything else (an empty one, another link's, a broken one). */
export function parseMeetingTarget(text: string | undefined): MeetingTarget | undefined {
  if (!text?.startsWith(PREFIX)) return undefined;
  const q = new URLSearchParams(text.slice(PREFIX.length));
  const iCalUId = q.get('ical')?.trim();
  const start = q.get('start') ?? '';
  if (!iCalUId || iCalUId.length > MAX_ID || !/^\d{4}-\d{2}-\d{2}T/.test(start) || Number.isNaN(Date.parse(start))) return undefined;
  return { iCalUId, start: new Date(Date.parse(start)).toISOString() };
}
