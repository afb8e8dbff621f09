// A meeting as the minutes' header needs it, which attendance report belongs to an occurrence,
// and who is suggested as chair.

import { identityKeys, personKey, samePerson, type Person } from './people';
import type { Invitee } from './attendance';

export interface MeetingPlace {
  /** Rooms and written locations, e.g. "Regionens hus, sal Linnéa". */
  rooms: string[];
  /** A Teams meeting link exists. */
  online: boolean;
}

/** One occurrence (or single meeting) from the calendar. */
export interface Meeting {
  eventId: string;
  /** The series this occurrence belongs to; remembered choices (the chair) are kept per series. */
  seriesId?: string;
  /** The same in every attendee's calendar (event ids differ per mailbox): the minutes' folder key. */
  iCalUId?: string;
  subject: string;
  /** ISO instants in UTC. */
  start: string;
  end: string;
  /** IANA zone the meeting was planned in, for showing its times (the host's when unknown). */
  timeZone: string;
  /** The calendar's zone name when it could not be used, so the page says whose zone it shows. */
  unknownTimeZone?: string;
  place: MeetingPlace;
  organiser: Person;
  invitees: Invitee[];
  rooms: Person[];
  joinUrl?: string;
  isCancelled: boolean;
  /** The signed-in user organises it (only organisers can read attendance reports). */
  userIsOrganiser: boolean;
  /** The invitation's body, untrusted: HTML, or plain text when bodyIsText. */
  bodyHtml?: string;
  bodyIsText?: boolean;
}

/** A meeting in the list "My meetings": the calendar's summary, without attendees or body. */
export type MeetingListItem = Pick<Meeting, 'eventId' | 'seriesId' | 'subject' | 'start' | 'end' | 'timeZone' | 'unknownTimeZone' | 'place' | 'isCancelled'> & {
  organiserName: string;
  isRecurring: boolean;
};

export interface ReportSummary {
  id: string;
  meetingStart: string;
  meetingEnd: string;
}

export type ReportChoice =
  | { kind: 'found'; report: ReportSummary; candidates: number }
  | { kind: 'not-ended' }
  | { kind: 'none' };

const HOUR = 3600_000;

/**
 * A recurring meeting has one online meeting and one report per session: the report of an
 * occurrence is the one whose session overlaps its scheduled time (with an hour's slack either
 * side for early starts and overruns). When someone rejoined after the end, there can be two;
 * the one starting nearest the scheduled start is taken and the count is reported.
 */
export function pickReport(reports: readonly ReportSummary[], occurrence: Pick<Meeting, 'start' | 'end'>, now: Date): ReportChoice {
  const start = Date.parse(occurrence.start);
  const end = Date.parse(occurrence.end);
  const candidates = reports.filter((r) => {
    const rs = Date.parse(r.meetingStart);
    const re = Date.parse(r.meetingEnd);
    return rs < end + HOUR && re > start - HOUR;
  });
  const best = [...candidates].sort(
    (a, b) => Math.abs(Date.parse(a.meetingStart) - start) - Math.abs(Date.parse(b.meetingStart) - start),
  )[0];
  if (best) return { kind: 'found', report: best, candidates: candidates.length };
  if (now.getTime() < end) return { kind: 'not-ended' };
  return { kind: 'none' };
}

/** The occurrence has ended, so a report may exist. */
export function hasEnded(meeting: Pick<Meeting, 'end'>, now: Date): boolean {
  return now.getTime() >= Date.parse(meeting.end);
}

/**
 * The chair to suggest: the one remembered for the series when still invited, else the organiser
 * when that is not the secretary (groups' coordinators usually send the invitation), else none.
 */
export function suggestChair(meeting: Pick<Meeting, 'invitees' | 'organiser'>, secretary: Person | undefined, rememberedKey?: string): string | undefined {
  const people = meeting.invitees.map((i) => i.person);
  if (rememberedKey && people.some((p) => identityKeys(p).includes(rememberedKey))) return rememberedKey;
  const organiserIsSecretary = secretary !== undefined && samePerson(meeting.organiser, secretary);
  return organiserIsSecretary ? undefined : personKey(meeting.organiser);
}
