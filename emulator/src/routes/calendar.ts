/**
 * Calendar: /me/calendarView, /me/events, /me/events/{id}, /me/events/{id}/instances
 * (and the same under /users/{own id}). Recurring series are expanded per viewer.
 */

import { badRequest, GraphError, itemNotFound } from '../errors';
import { ok, queryParam, type GraphResult } from '../http';
import { occurrenceByDate, occurrencesBetween, type Occurrence } from '../calendar/recurrence';
import { EVENT, renderEvent, viewerResponse, type RenderOptions } from '../calendar/render';
import {
  applyFilter,
  applyOrderBy,
  applySelect,
  collectionBody,
  contextUrl,
  paginate,
  parseFilterParam,
  parseSelect,
  preferences,
  wantsCount,
} from '../odata';
import type { HandlerContext, Router } from '../router';
import type { CalendarEvent, DirUser, State } from '../state';
import { resolveZoneName } from '../timezones';
import { ownMailbox, userContext } from './common';

interface Preferred {
  opts: RenderOptions;
  applied: string[];
}

export function renderPreferences(ctx: HandlerContext): Preferred {
  const prefs = preferences(ctx.req);
  const applied: string[] = [];
  const opts: RenderOptions = { zone: 'UTC', zoneName: 'UTC', bodyType: 'html' };
  const tz = prefs.get('outlook.timezone');
  if (tz) {
    const zone = resolveZoneName(tz);
    if (zone) {
      opts.zone = zone;
      opts.zoneName = tz;
      applied.push(`outlook.timezone="${tz}"`);
    }
  }
  const bodyType = prefs.get('outlook.body-content-type')?.toLowerCase();
  if (bodyType === 'text' || bodyType === 'html') {
    opts.bodyType = bodyType;
    applied.push(`outlook.body-content-type="${bodyType}"`);
  }
  return { opts, applied };
}

function withPreferences(result: GraphResult, applied: string[]): GraphResult {
  if (applied.length) result.headers['Preference-Applied'] = applied.join(',');
  return result;
}

/** Events in the viewer's mailbox: organised by them or invited to (rooms have no sign-in here). */
function mailboxEvents(state: State, viewer: DirUser): CalendarEvent[] {
  return state.events.filter((e) => e.organizerId === viewer.id || e.attendees.some((a) => a.userId === viewer.id));
}

/**
 * Whether an item shows in the viewer's calendar: the organiser's copy drops cancelled
 * meetings and occurrences (attendees keep them, marked isCancelled); a declined meeting or
 * occurrence leaves the attendee's calendar (Outlook's default on decline).
 */
function shownInCalendar(ev: CalendarEvent, viewer: DirUser, occ: Occurrence | null): boolean {
  const cancelled = ev.isCancelled || (occ?.exception?.cancelled ?? false);
  if (viewer.id === ev.organizerId) return !cancelled;
  return viewerResponse(ev, viewer, occ).response !== 'declined';
}

function parseWindowParam(ctx: HandlerContext, name: string): number | undefined {
  const raw = queryParam(ctx.req.query, name);
  if (raw === undefined) return undefined;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(raw) ? raw : `${raw}Z`;
  const t = Date.parse(withZone);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(t)) {
    throw new GraphError(400, 'ErrorInvalidParameter', `The value '${raw}' of parameter '${name}' is invalid.`);
  }
  return t;
}

function timeWindow(ctx: HandlerContext): { from: number; to: number } {
  const from = parseWindowParam(ctx, 'startDateTime');
  const to = parseWindowParam(ctx, 'endDateTime');
  if (from === undefined || to === undefined) {
    throw new GraphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
  }
  if (to < from) throw new GraphError(400, 'ErrorInvalidParameter', 'The parameter EndDateTime must be later than StartDateTime.');
  return { from, to };
}

function instancesInWindow(ev: CalendarEvent, viewer: DirUser, from: number, to: number): (Occurrence | null)[] {
  if (!ev.recurrence) return ev.start < to && ev.end > from && shownInCalendar(ev, viewer, null) ? [null] : [];
  return occurrencesBetween(ev, from, to).filter((o) => shownInCalendar(ev, viewer, o));
}

function listResult(ctx: HandlerContext, viewer: DirUser, collection: string, items: Record<string, unknown>[], applied: string[], defaultOrder?: string): GraphResult {
  const select = parseSelect(ctx.req, EVENT);
  const filtered = applyOrderBy(applyFilter(items, parseFilterParam(ctx.req, EVENT)), ctx.req, defaultOrder, EVENT);
  const page = paginate(filtered, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 10, maxPageSize: 1000, paging: 'skip', maxPageSizePreference: true });
  if (page.preferenceApplied) applied.push(page.preferenceApplied);
  const value = page.items.map((e) => applySelect(e, select, EVENT));
  const context = contextUrl(ctx.baseUrl, `${userContext(viewer)}/${collection}`, select);
  return withPreferences(ok(collectionBody(context, value, { nextLink: page.nextLink, count: wantsCount(ctx.req) ? filtered.length : undefined })), applied);
}

function calendarView(ctx: HandlerContext): GraphResult {
  const viewer = ownMailbox(ctx);
  const { from, to } = timeWindow(ctx);
  const { opts, applied } = renderPreferences(ctx);
  const items = mailboxEvents(ctx.state, viewer).flatMap((ev) =>
    instancesInWindow(ev, viewer, from, to).map((occ) => renderEvent(ctx.state, ev, viewer, occ, opts)),
  );
  return listResult(ctx, viewer, 'calendarView', items, applied, 'start/dateTime');
}

function listEvents(ctx: HandlerContext): GraphResult {
  const viewer = ownMailbox(ctx);
  const { opts, applied } = renderPreferences(ctx);
  const items = mailboxEvents(ctx.state, viewer)
    .filter((ev) => shownInCalendar(ev, viewer, null))
    .map((ev) => renderEvent(ctx.state, ev, viewer, null, opts));
  return listResult(ctx, viewer, 'events', items, applied);
}

/** The event (and occurrence) an id names in the viewer's mailbox, or 404. */
export function eventById(state: State, viewer: DirUser, id: string): { ev: CalendarEvent; occ: Occurrence | null } {
  const item = state.mailboxItems.get(id);
  if (item) {
    if (item.userId !== viewer.id) throw itemNotFound();
    return { ev: item.event, occ: null };
  }
  const decoded = state.occurrenceIds.decode(id);
  const series = decoded ? state.mailboxItems.get(decoded.copyId) : undefined;
  if (!decoded || !series || series.userId !== viewer.id) {
    if (!/^[A-Za-z0-9_=+/-]+$/.test(id)) throw badRequest('Id is malformed.', 'ErrorInvalidIdMalformed');
    throw itemNotFound();
  }
  const occ = occurrenceByDate(series.event, decoded.date);
  if (!occ || (viewer.id === series.event.organizerId && occ.exception?.cancelled)) throw itemNotFound();
  return { ev: series.event, occ };
}

function getEvent(ctx: HandlerContext): GraphResult {
  const viewer = ownMailbox(ctx);
  const { ev, occ } = eventById(ctx.state, viewer, ctx.params.eventId ?? '');
  const { opts, applied } = renderPreferences(ctx);
  const select = parseSelect(ctx.req, EVENT);
  const body = {
    '@odata.context': contextUrl(ctx.baseUrl, `${userContext(viewer)}/events`, select, true),
    ...applySelect(renderEvent(ctx.state, ev, viewer, occ, opts), select, EVENT),
  };
  return withPreferences(ok(body), applied);
}

function instances(ctx: HandlerContext): GraphResult {
  const viewer = ownMailbox(ctx);
  const eventId = ctx.params.eventId ?? '';
  const { ev, occ } = eventById(ctx.state, viewer, eventId);
  const { from, to } = timeWindow(ctx);
  const { opts, applied } = renderPreferences(ctx);
  const items =
    ev.recurrence && !occ
      ? occurrencesBetween(ev, from, to)
          .filter((o) => shownInCalendar(ev, viewer, o))
          .map((o) => renderEvent(ctx.state, ev, viewer, o, opts))
      : [];
  return listResult(ctx, viewer, `events('${eventId}')/instances`, items, applied, 'start/dateTime');
}

export function registerCalendarRoutes(r: Router): void {
  r.addForUser('GET', '/calendarView', calendarView);
  r.addForUser('GET', '/calendar/calendarView', calendarView);
  r.addForUser('GET', '/events', listEvents);
  r.addForUser('GET', '/calendar/events', listEvents);
  r.addForUser('GET', '/events/{eventId}', getEvent);
  r.addForUser('GET', '/calendar/events/{eventId}', getEvent);
  r.addForUser('GET', '/events/{eventId}/instances', instances);
}
