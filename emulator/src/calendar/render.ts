/**
 * An event as Graph returns it to one viewer. Each mailbox has its own copy: ids differ, the
 * organiser's copy tracks everyone's answers, an attendee's copy knows only its own answer.
 */

import type { Event, ResponseStatus } from '@microsoft/microsoft-graph-types';
import type { Resource } from '../odata';
import { changeKeyFrom, etagFrom, mailboxCopyId, occurrenceICalUId, occurrenceId, webLinkFor } from '../ids';
import type { Attendee, CalendarEvent, DirUser, State } from '../state';
import { formatDate, formatGraphDateTime, formatUtc, toLocal, windowsZoneName } from '../timezones';
import { bodyPreview, htmlToText, outlookHtml } from './html';
import type { Occurrence } from './recurrence';

export const EVENT: Resource = {
  typeName: 'microsoft.graph.event',
  properties: [
    'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'categories', 'transactionId',
    'originalStartTimeZone', 'originalEndTimeZone', 'iCalUId', 'reminderMinutesBeforeStart', 'isReminderOn',
    'hasAttachments', 'subject', 'bodyPreview', 'importance', 'sensitivity', 'isAllDay', 'isCancelled',
    'isOrganizer', 'responseRequested', 'seriesMasterId', 'showAs', 'type', 'webLink', 'onlineMeetingUrl',
    'isOnlineMeeting', 'onlineMeetingProvider', 'allowNewTimeProposals', 'isDraft', 'hideAttendees',
    'responseStatus', 'body', 'start', 'end', 'location', 'locations', 'recurrence', 'attendees', 'organizer',
    'onlineMeeting',
  ],
  alwaysSelected: ['id'],
};

export interface RenderOptions {
  /** IANA zone for start/end. */
  zone: string;
  /** The name written in start.timeZone (as the client asked for it). */
  zoneName: string;
  bodyType: 'html' | 'text';
}

const NEVER = '0001-01-01T00:00:00Z';

/** The id a viewer's mailbox uses for the master or single event. */
export function copyIdFor(ev: CalendarEvent, viewerId: string): string {
  return viewerId === ev.organizerId ? ev.id : mailboxCopyId(ev.id, viewerId);
}

/** The viewer's own answer, with a per-occurrence exception applied. */
export function viewerResponse(ev: CalendarEvent, viewer: DirUser, occ: Occurrence | null): { response: string; time: number | null } {
  if (viewer.id === ev.organizerId) return { response: 'organizer', time: null };
  const a = ev.attendees.find((x) => x.userId === viewer.id);
  if (!a) return { response: 'none', time: null };
  return occ?.exception?.responses.get(a.key) ?? { response: a.response, time: a.responseTime };
}

function status(r: { response: string; time: number | null }): ResponseStatus {
  return { response: r.response as ResponseStatus['response'], time: r.time === null ? NEVER : formatUtc(r.time) };
}

function attendeeJson(a: Attendee, ev: CalendarEvent, viewer: DirUser, occ: Occurrence | null) {
  const organizerView = viewer.id === ev.organizerId;
  const own = a.userId === viewer.id;
  const r = organizerView || own ? occ?.exception?.responses.get(a.key) ?? { response: a.response, time: a.responseTime } : { response: 'none', time: null };
  return { type: a.type, status: status(r), emailAddress: { name: a.name, address: a.address } };
}

function locationJson(ev: CalendarEvent, state: State, organizer: DirUser) {
  const locs: Record<string, unknown>[] = [];
  const room = ev.roomId ? state.users.find((u) => u.id === ev.roomId) : undefined;
  if (room) {
    locs.push({ displayName: room.displayName, locationType: 'conferenceRoom', locationUri: room.mail, uniqueId: room.mail, uniqueIdType: 'directory' });
  }
  if (ev.location) locs.push({ displayName: ev.location, locationType: 'default', uniqueId: ev.location, uniqueIdType: 'private' });
  if (ev.onlineMeetingId) {
    const name = (organizer.preferredLanguage ?? '').toLowerCase().startsWith('sv') ? 'Microsoft Teams-möte' : 'Microsoft Teams Meeting';
    locs.push({ displayName: name, locationType: 'default', uniqueId: name, uniqueIdType: 'private' });
  }
  let location: Record<string, unknown>;
  if (locs.length === 0) location = { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };
  else if (locs.length === 1) location = locs[0] as Record<string, unknown>;
  else location = { displayName: locs.map((l) => l.displayName).join('; '), locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };
  return { location, locations: locs };
}

function recurrenceJson(ev: CalendarEvent) {
  const r = ev.recurrence;
  if (!r) return null;
  return {
    pattern: {
      type: r.type,
      interval: r.interval,
      month: 0,
      dayOfMonth: r.type === 'absoluteMonthly' ? r.dayOfMonth : 0,
      daysOfWeek: r.type === 'weekly' ? r.daysOfWeek : [],
      firstDayOfWeek: r.firstDayOfWeek,
      index: 'first',
    },
    range: {
      type: r.rangeType,
      startDate: formatDate(r.startDate),
      endDate: r.endDate && r.rangeType === 'endDate' ? formatDate(r.endDate) : '0001-01-01',
      recurrenceTimeZone: windowsZoneName(ev.timeZone),
      numberOfOccurrences: r.rangeType === 'numbered' ? r.numberOfOccurrences : 0,
    },
  };
}

/**
 * Whether this occurrence is an exception in the viewer's copy: changed content or time, a
 * cancellation, or (in the organiser's copy, which tracks answers) a per-occurrence answer.
 * Another attendee's per-occurrence answer does not touch the viewer's copy.
 */
function isExceptionFor(ev: CalendarEvent, viewer: DirUser, occ: Occurrence): boolean {
  const x = occ.exception;
  if (!x) return false;
  if (x.cancelled || x.subject !== null || x.bodyHtml !== null || x.start !== null) return true;
  if (viewer.id === ev.organizerId) return x.responses.size > 0;
  const own = ev.attendees.find((a) => a.userId === viewer.id);
  return own ? x.responses.has(own.key) : false;
}

function showAs(response: string): string {
  if (response === 'organizer' || response === 'accepted') return 'busy';
  if (response === 'declined') return 'free';
  return 'tentative';
}

/** One event (master, single or occurrence) as the viewer's mailbox returns it. */
export function renderEvent(
  state: State,
  ev: CalendarEvent,
  viewer: DirUser,
  occ: Occurrence | null,
  opts: RenderOptions,
): Record<string, unknown> {
  const copyId = copyIdFor(ev, viewer.id);
  const id = occ ? occurrenceId(copyId, occ.date) : copyId;
  const organizer = state.users.find((u) => u.id === ev.organizerId) as DirUser;
  const exc = occ?.exception ?? null;
  const start = occ ? occ.start : ev.start;
  const end = occ ? occ.end : ev.end;
  const html = outlookHtml(exc?.bodyHtml ?? ev.bodyHtml);
  const own = viewerResponse(ev, viewer, occ);
  const om = ev.onlineMeetingId ? state.onlineMeetings.find((m) => m.id === ev.onlineMeetingId) : undefined;
  const type = occ ? (isExceptionFor(ev, viewer, occ) ? 'exception' : 'occurrence') : ev.recurrence ? 'seriesMaster' : 'singleInstance';
  const modified = ev.lastModifiedDateTime;
  const { location, locations } = locationJson(ev, state, organizer);
  const when = (t: number) => ({ dateTime: formatGraphDateTime(toLocal(t, opts.zone)), timeZone: opts.zoneName });
  const event: Event = {
    id,
    createdDateTime: formatUtc(ev.createdDateTime),
    lastModifiedDateTime: formatUtc(modified),
    changeKey: changeKeyFrom(`${id}|${modified}`),
    categories: ev.categories,
    transactionId: null,
    originalStartTimeZone: ev.originalStartTimeZoneAs ?? windowsZoneName(ev.timeZone),
    originalEndTimeZone: ev.originalEndTimeZoneAs ?? windowsZoneName(ev.timeZone),
    iCalUId: occ ? occurrenceICalUId(ev.iCalUId, occ.date) : ev.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: own.response !== 'declined',
    hasAttachments: false,
    subject: exc?.subject ?? ev.subject,
    bodyPreview: bodyPreview(html),
    importance: ev.importance as Event['importance'],
    sensitivity: ev.sensitivity as Event['sensitivity'],
    isAllDay: false,
    isCancelled: ev.isCancelled || (exc?.cancelled ?? false),
    isOrganizer: viewer.id === ev.organizerId,
    responseRequested: true,
    seriesMasterId: occ ? copyId : null,
    showAs: showAs(own.response) as Event['showAs'],
    type: type as Event['type'],
    webLink: webLinkFor(id),
    onlineMeetingUrl: null,
    isOnlineMeeting: Boolean(om),
    onlineMeetingProvider: om ? 'teamsForBusiness' : 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: status(own),
    body: opts.bodyType === 'text' ? { contentType: 'text', content: htmlToText(html) } : { contentType: 'html', content: html },
    start: when(start),
    end: when(end),
    location: location as Event['location'],
    locations: locations as Event['locations'],
    recurrence: occ ? null : (recurrenceJson(ev) as Event['recurrence']),
    attendees: ev.attendees.map((a) => attendeeJson(a, ev, viewer, occ)) as Event['attendees'],
    organizer: { emailAddress: { name: organizer.displayName, address: organizer.mail ?? organizer.userPrincipalName } },
    onlineMeeting: om ? { joinUrl: om.joinWebUrl, conferenceId: null, tollNumber: null, tollFreeNumbers: [], phones: [], quickDial: null } : null,
  };
  return { '@odata.etag': etagFrom(`${id}|${modified}`), ...(event as Record<string, unknown>) };
}
