// Calendar events: the list "My meetings" (calendarView, which expands recurring series into
// occurrences) and one event in full, mapped once into the domain's Meeting.

import type { Invitee, Rsvp } from '../domain/attendance';
import type { Meeting, MeetingListItem, MeetingPlace } from '../domain/meeting';
import { normaliseEmail, type Person } from '../domain/people';
import { resolveZone } from '../domain/timeZones';
import type { GraphCall, Page } from './graph';
import { list, obj, optStr, page, query, str, utcInstant, type Json } from './read';

const PREFER_UTC = { Prefer: 'outlook.timezone="UTC"' };
const LIST_SELECT =
  'subject,start,end,originalStartTimeZone,location,locations,isOnlineMeeting,onlineMeeting,organizer,type,seriesMasterId,isCancelled,iCalUId';
const EVENT_SELECT = `${LIST_SELECT},attendees,body,isOrganizer`;

function rsvpOf(response: string | undefined): Rsvp {
  switch (response) {
    case 'organizer':
      return 'organizer';
    case 'accepted':
      return 'accepted';
    case 'tentativelyAccepted':
      return 'tentative';
    case 'declined':
      return 'declined';
    default:
      return 'none';
  }
}

function emailPerson(value: unknown, what: string): Person {
  const e = obj(obj(value, what).emailAddress, `${what}.emailAddress`);
  const address = optStr(e.address);
  return { email: address, displayName: optStr(e.name) ?? address ?? '?' };
}

// Outlook writes the Teams link into the location of online meetings; it is not a place.
const TEAMS_LOCATION = /^microsoft teams(-| )?(meeting|möte)?$/i;

function placeOf(e: Json, rooms: readonly Person[]): MeetingPlace {
  const names = new Set<string>();
  for (const loc of Array.isArray(e.locations) ? e.locations : [e.location]) {
    const name = optStr((loc as Json | undefined)?.displayName)?.trim();
    if (name && !TEAMS_LOCATION.test(name)) names.add(name);
  }
  for (const room of rooms) if (![...names].some((n) => n.includes(room.displayName))) names.add(room.displayName);
  const joinUrl = optStr((e.onlineMeeting as Json | undefined)?.joinUrl);
  return { rooms: [...names], online: e.isOnlineMeeting === true || joinUrl !== undefined };
}

/** The event's zone for Intl, and the name we could not use when it fell back to the host's zone. */
function zoneOf(e: Json, fallbackZone: string): Pick<Meeting, 'timeZone' | 'unknownTimeZone'> {
  const given = optStr(e.originalStartTimeZone);
  const { zone, recognised } = resolveZone(given, fallbackZone);
  return recognised ? { timeZone: zone } : { timeZone: zone, unknownTimeZone: given };
}

function listItem(value: unknown, i: number, fallbackZone: string): MeetingListItem {
  const e = obj(value, `events[${i}]`);
  return {
    eventId: str(e.id, `events[${i}].id`),
    seriesId: optStr(e.seriesMasterId),
    subject: optStr(e.subject) ?? '',
    start: utcInstant(e.start, `events[${i}].start`),
    end: utcInstant(e.end, `events[${i}].end`),
    ...zoneOf(e, fallbackZone),
    place: placeOf(e, []),
    organiserName: e.organizer ? emailPerson(e.organizer, `events[${i}].organizer`).displayName : '',
    isCancelled: e.isCancelled === true,
    isRecurring: e.type === 'occurrence' || e.type === 'exception',
  };
}

/** Occurrences between two instants, earliest first (paged: Graph's default page is 10). */
export const calendarView = (startIso: string, endIso: string, fallbackZone: string): GraphCall<Page<MeetingListItem>> => ({
  path: `/me/calendarView${query({
    startDateTime: startIso,
    endDateTime: endIso,
    $select: LIST_SELECT,
    $orderby: 'start/dateTime',
    $top: 50,
  })}`,
  headers: PREFER_UTC,
  parse: (body) => page(body, 'calendarView', (v, i) => listItem(v, i, fallbackZone)),
});

/** Meetings in full (attendees, body) between two instants: to find the one a Teams meeting is. */
export const meetingsAround = (startIso: string, endIso: string, fallbackZone: string): GraphCall<Meeting[]> => ({
  path: `/me/calendarView${query({ startDateTime: startIso, endDateTime: endIso, $select: EVENT_SELECT, $top: 50 })}`,
  headers: PREFER_UTC,
  parse: (body) => page(body, 'calendarView', (v) => toMeeting(v, fallbackZone)).items,
});

export function toMeeting(body: unknown, fallbackZone: string): Meeting {
  const e = obj(body, 'event');
  const organiser = emailPerson(e.organizer, 'event.organizer');
  const invitees: Invitee[] = [];
  const rooms: Person[] = [];
  (e.attendees === undefined ? [] : list(e.attendees, 'event.attendees')).forEach((value, i) => {
    const a = obj(value, `event.attendees[${i}]`);
    const person = emailPerson(a, `event.attendees[${i}]`);
    if (a.type === 'resource') {
      rooms.push(person);
      return;
    }
    const status = (a.status as Json | undefined)?.response;
    invitees.push({ person, rsvp: rsvpOf(optStr(status)), optional: a.type === 'optional' });
  });
  // The organiser is not in Graph's attendee list, but is invited to their own meeting.
  const organiserMail = normaliseEmail(organiser.email);
  if (!invitees.some((i) => normaliseEmail(i.person.email) === organiserMail)) {
    invitees.unshift({ person: organiser, rsvp: 'organizer' });
  }
  const body_ = e.body as Json | undefined;
  return {
    eventId: str(e.id, 'event.id'),
    seriesId: optStr(e.seriesMasterId),
    iCalUId: optStr(e.iCalUId),
    subject: optStr(e.subject) ?? '',
    start: utcInstant(e.start, 'event.start'),
    end: utcInstant(e.end, 'event.end'),
    ...zoneOf(e, fallbackZone),
    place: placeOf(e, rooms),
    organiser,
    invitees,
    rooms,
    joinUrl: optStr((e.onlineMeeting as Json | undefined)?.joinUrl),
    isCancelled: e.isCancelled === true,
    userIsOrganiser: e.isOrganizer === true,
    bodyHtml: optStr(body_?.content),
    bodyIsText: optStr(body_?.contentType)?.toLowerCase() === 'text',
  };
}

/** One event (single, occurrence or exception) with attendees and the invitation body. */
export const event = (eventId: string, fallbackZone: string): GraphCall<Meeting> => ({
  path: `/me/events/${encodeURIComponent(eventId)}${query({ $select: EVENT_SELECT })}`,
  headers: PREFER_UTC,
  parse: (body) => toMeeting(body, fallbackZone),
});
