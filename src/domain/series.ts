// Which meeting series a meeting belongs to, as a key that is the same in every attendee's
// calendar, so a group's settings can list its series once and whoever opens a meeting of it
// (the secretary from "My meetings", the chair in the side panel) finds the group.

import type { Meeting } from './meeting';
import { normaliseEmail } from './people';

/**
 * Exchange's iCalUId is the hex of the meeting's GlobalObjectId (MS-OXOCAL 2.2.1.27): a fixed
 * 16-byte class id, then the instance date (year 2 bytes, month, day) that occurrences carry and
 * the series master and single meetings leave zero, then the rest. The same with the date zeroed is
 * the CleanGlobalObjectId (MS-OXOCAL 2.2.1.28): one value for the whole series, in every mailbox.
 */
const GLOBAL_OBJECT_ID = /^040000008200E00074C5B7101A82E008[0-9A-F]{8}[0-9A-F]*$/;
const DATE_AT = 32;
const DATE_HEX = 8;

export interface SeriesKeys {
  /** What a group's settings keep for the series, and the device remembers. */
  key: string;
  /** Every key the series may already be listed by (older or other ways of naming it). */
  matches: string[];
  /** The key names a recurring series (else a single meeting, which is remembered only on the device). */
  recurring: boolean;
  /** The key is the same in every attendee's calendar (else it is this mailbox's own). */
  shared: boolean;
}

/** The iCalUId of the series an occurrence belongs to (its date zeroed), or undefined for another format. */
export function seriesICalUId(iCalUId: string | undefined): string | undefined {
  const id = iCalUId?.trim().toUpperCase();
  if (!id || !GLOBAL_OBJECT_ID.test(id)) return undefined;
  return id.slice(0, DATE_AT) + '0'.repeat(DATE_HEX) + id.slice(DATE_AT + DATE_HEX);
}

/**
 * The series key of a meeting. Best: the series part of its iCalUId, the same for every attendee.
 * Else (an iCalUId in another format, or none) the seriesMasterId with the organiser's address: the
 * master's id differs per mailbox, so that key finds the group only from this calendar, and another
 * attendee's pick adds their own. A single meeting is its own "series": its iCalUId.
 */
export function seriesKeys(meeting: Pick<Meeting, 'iCalUId' | 'seriesId' | 'eventId' | 'organiser'>): SeriesKeys {
  const recurring = meeting.seriesId !== undefined;
  const shared = seriesICalUId(meeting.iCalUId);
  const organiser = normaliseEmail(meeting.organiser.email) ?? '';
  const local = recurring ? `${organiser}|${meeting.seriesId}` : (meeting.iCalUId ?? meeting.eventId);
  const key = shared ?? local;
  const matches = [...new Set([key, local, ...(meeting.seriesId ? [meeting.seriesId] : [])])];
  return { key, matches, recurring, shared: shared !== undefined };
}

/** Whether a group's list of series names this meeting's series. */
export function listsSeries(series: readonly string[], keys: Pick<SeriesKeys, 'matches'>): boolean {
  const listed = new Set(series.map((s) => s.trim().toUpperCase()));
  return keys.matches.some((k) => listed.has(k.toUpperCase()));
}
