/** Resolving the scenario's events, their online meetings and attendance reports. */

import type { ResolveContext } from './context';
import type {
  Scenario,
  ScenarioEvent,
  ScenarioOnlineMeeting,
  ScenarioRecord,
  ScenarioReport,
} from './types';
import type {
  AttendanceRecordModel,
  AttendanceReportModel,
  Attendee,
  CalendarEvent,
  DirUser,
  Exception,
  External,
  OnlineMeetingModel,
  Recurrence,
  Tenant,
} from '../state';
import { occurrenceByDate, occurrenceByIndex, type Occurrence } from '../calendar/recurrence';
import {
  guidFrom,
  iCalUIdFrom,
  joinMeetingIdFrom,
  joinWebUrlFor,
  meetingThreadIdFrom,
  onlineMeetingIdFor,
} from '../ids';
import { formatDate, isValidIanaZone, localDateOf, weekday } from '../timezones';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export interface LoadedEvents {
  events: CalendarEvent[];
  onlineMeetings: OnlineMeetingModel[];
}

function resolveAttendees(
  se: ScenarioEvent,
  organizer: DirUser | undefined,
  tz: string,
  path: string,
  ctx: ResolveContext,
  externals: Map<string, External>,
): Attendee[] {
  const out: Attendee[] = [];
  (se.attendees ?? []).forEach((a, i) => {
    const p = `${path}.attendees[${i}]`;
    if ((a.user === undefined) === (a.email === undefined)) {
      ctx.problem(p, 'give exactly one of "user" or "email"');
      return;
    }
    let user: DirUser | undefined;
    let address: string;
    let name: string;
    if (a.user !== undefined) {
      user = ctx.user(a.user, `${p}.user`);
      if (!user) return;
      address = user.mail ?? user.userPrincipalName;
      name = user.displayName;
    } else {
      address = (a.email ?? '').trim();
      if (!/^[^@\s]+@[^@\s]+$/.test(address)) {
        ctx.problem(`${p}.email`, `"${address}" is not an e-mail address`);
        return;
      }
      user = ctx.userIndex.get(address.toLowerCase());
      const ext = externals.get(address.toLowerCase());
      name = a.name ?? user?.displayName ?? ext?.displayName ?? address;
    }
    if (organizer && user?.id === organizer.id) {
      ctx.problem(p, 'the organizer is not listed among the attendees (Outlook keeps the organizer apart)');
      return;
    }
    const key = address.toLowerCase();
    if (out.some((x) => x.key === key)) {
      ctx.problem(p, `${address} is invited twice`);
      return;
    }
    out.push({
      key,
      address,
      name,
      userId: user?.id ?? null,
      type: a.type ?? (user?.isRoom ? 'resource' : 'required'),
      response: a.response ?? (user?.isRoom ? 'accepted' : 'none'),
      responseTime: a.responseTime ? ctx.instant(a.responseTime, `${p}.responseTime`, tz) ?? null : null,
    });
  });
  return out;
}

function resolveRecurrence(se: ScenarioEvent, start: number, tz: string, path: string, ctx: ResolveContext): Recurrence | null {
  const r = se.recurrence;
  if (!r) return null;
  const p = `${path}.recurrence`;
  const startDate = r.range.startDate ? ctx.date(r.range.startDate, `${p}.range.startDate`, tz) : localDateOf(start, tz);
  if (!startDate) return null;
  const endDate = r.range.endDate ? ctx.date(r.range.endDate, `${p}.range.endDate`, tz) ?? null : null;
  if (r.range.type === 'endDate' && !r.range.endDate) ctx.problem(`${p}.range.endDate`, 'required when range.type is endDate');
  if (r.range.type === 'numbered' && !(r.range.numberOfOccurrences && r.range.numberOfOccurrences > 0)) {
    ctx.problem(`${p}.range.numberOfOccurrences`, 'a positive number is required when range.type is numbered');
  }
  const interval = r.pattern.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1) ctx.problem(`${p}.pattern.interval`, 'must be a positive integer');
  const daysOfWeek = r.pattern.daysOfWeek ?? [DAY_NAMES[weekday(localDateOf(start, tz))] ?? 'monday'];
  if (r.pattern.type === 'weekly' && daysOfWeek.length === 0) ctx.problem(`${p}.pattern.daysOfWeek`, 'must name at least one day');
  const dayOfMonth = r.pattern.dayOfMonth ?? localDateOf(start, tz).d;
  return {
    type: r.pattern.type,
    interval,
    daysOfWeek,
    dayOfMonth,
    firstDayOfWeek: r.pattern.firstDayOfWeek ?? 'sunday',
    rangeType: r.range.type,
    startDate,
    endDate,
    numberOfOccurrences: r.range.numberOfOccurrences ?? 0,
  };
}

/** An occurrence of a series by selector (-1, +1, or a date expression). */
function selectOccurrence(ev: CalendarEvent, sel: number | string, path: string, ctx: ResolveContext): Occurrence | undefined {
  let occ: Occurrence | undefined;
  if (typeof sel === 'number') {
    occ = occurrenceByIndex(ev, sel, ctx.now);
    if (!occ) ctx.problem(path, `no occurrence ${sel > 0 ? '+' : ''}${sel} relative to now (-1 = latest ended, +1 = next not ended; 0 is not allowed)`);
  } else {
    const d = ctx.date(sel, path, ev.timeZone);
    if (!d) return undefined;
    occ = occurrenceByDate(ev, formatDate(d));
    if (!occ) ctx.problem(path, `the series has no occurrence on ${formatDate(d)}`);
  }
  return occ;
}

function resolveExceptions(se: ScenarioEvent, ev: CalendarEvent, path: string, ctx: ResolveContext): void {
  (se.exceptions ?? []).forEach((x, i) => {
    const p = `${path}.exceptions[${i}]`;
    if (!ev.recurrence) {
      ctx.problem(p, 'exceptions need a recurring event');
      return;
    }
    const occ = selectOccurrence(ev, x.occurrence, `${p}.occurrence`, ctx);
    if (!occ) return;
    if (ev.exceptions.has(occ.date)) {
      ctx.problem(`${p}.occurrence`, `occurrence ${occ.date} already has an exception`);
      return;
    }
    const exc: Exception = {
      date: occ.date,
      cancelled: x.cancelled ?? false,
      subject: x.subject ?? null,
      bodyHtml: x.bodyHtml ?? null,
      start: x.start ? ctx.instant(x.start, `${p}.start`, ev.timeZone) ?? null : null,
      end: x.end ? ctx.instant(x.end, `${p}.end`, ev.timeZone) ?? null : null,
      responses: new Map(),
    };
    if ((exc.start === null) !== (exc.end === null)) ctx.problem(p, 'give both start and end to move an occurrence');
    if (exc.start !== null && exc.end !== null && exc.end <= exc.start) ctx.problem(`${p}.end`, 'must be after start');
    (x.responses ?? []).forEach((r, j) => {
      const rp = `${p}.responses[${j}].attendee`;
      const u = ctx.userIndex.get(r.attendee.toLowerCase());
      const key = (u ? u.mail ?? u.userPrincipalName : r.attendee).toLowerCase();
      if (!ev.attendees.some((a) => a.key === key)) {
        ctx.problem(rp, `"${r.attendee}" is not an attendee of the event`);
        return;
      }
      const time = r.responseTime ? ctx.instant(r.responseTime, `${p}.responses[${j}].responseTime`, ev.timeZone) ?? null : null;
      exc.responses.set(key, { response: r.response, time });
    });
    ev.exceptions.set(occ.date, exc);
  });
}

function resolveRecord(
  r: ScenarioRecord,
  base: number,
  ev: CalendarEvent,
  seed: string,
  path: string,
  ctx: ResolveContext,
  tenant: Tenant,
  externals: Map<string, External>,
): AttendanceRecordModel | undefined {
  const kinds = (['user', 'email', 'phone', 'anonymous', 'room'] as const).filter((k) => r[k] !== undefined && r[k] !== false);
  if (kinds.length !== 1) {
    ctx.problem(path, 'give exactly one of user, email, phone, anonymous (true), room');
    return undefined;
  }
  const intervals = r.intervals.map((iv, j) => {
    const at = (v: number | string, which: string): number | undefined =>
      typeof v === 'number' ? base + Math.round(v * 60_000) : ctx.instant(v, `${path}.intervals[${j}].${which}`, ev.timeZone);
    const join = at(iv.join, 'join');
    const leave = at(iv.leave, 'leave');
    if (join !== undefined && leave !== undefined && leave < join) ctx.problem(`${path}.intervals[${j}]`, 'leave is before join');
    return { join: join ?? base, leave: leave ?? base };
  });
  if (intervals.length === 0) ctx.problem(`${path}.intervals`, 'at least one interval is needed');
  let identity: AttendanceRecordModel['identity'];
  let emailAddress: string | null = null;
  let role = r.role;
  const kind = kinds[0];
  if (kind === 'user' || kind === 'room' || (kind === 'email' && ctx.userIndex.has((r.email ?? '').toLowerCase()))) {
    const ref = r.user ?? r.room ?? r.email ?? '';
    const u = ctx.user(ref, `${path}.${kind}`, kind === 'room' ? { room: true } : {});
    if (!u) return undefined;
    identity = { id: u.id, displayName: r.displayName ?? u.displayName, tenantId: r.tenantId === undefined ? tenant.id : r.tenantId };
    emailAddress = u.mail ?? u.userPrincipalName;
    role ??= u.id === ev.organizerId ? 'Organizer' : 'Attendee';
  } else if (kind === 'email') {
    const mail = r.email ?? '';
    const ext = externals.get(mail.toLowerCase());
    identity = {
      id: r.identityId !== undefined ? r.identityId : ext?.objectId ?? guidFrom(`ext|${mail.toLowerCase()}`),
      displayName: r.displayName ?? ext?.displayName ?? mail,
      tenantId: r.tenantId !== undefined ? r.tenantId : ext?.tenantId ?? null,
    };
    emailAddress = mail;
  } else if (kind === 'phone') {
    identity = { id: r.identityId ?? null, displayName: r.displayName ?? r.phone ?? '', tenantId: r.tenantId ?? null };
  } else {
    if (!r.displayName) ctx.problem(`${path}.displayName`, 'anonymous participants need the name they typed');
    identity = { id: r.identityId ?? null, displayName: r.displayName ?? '', tenantId: r.tenantId ?? null };
  }
  return {
    id: guidFrom(`record|${seed}`),
    emailAddress,
    role: role ?? 'Attendee',
    identity,
    intervals,
  };
}

function resolveReport(
  sr: ScenarioReport,
  ev: CalendarEvent,
  path: string,
  ctx: ResolveContext,
  tenant: Tenant,
  externals: Map<string, External>,
): AttendanceReportModel | undefined {
  let base = ev.start;
  let occurrenceDate: string | null = null;
  if (ev.recurrence) {
    if (sr.occurrence === undefined) {
      ctx.problem(`${path}.occurrence`, 'required for a recurring meeting (e.g. -1 = the latest ended occurrence)');
      return undefined;
    }
    const occ = selectOccurrence(ev, sr.occurrence, `${path}.occurrence`, ctx);
    if (!occ) return undefined;
    if (occ.exception?.cancelled) {
      ctx.problem(`${path}.occurrence`, `occurrence ${occ.date} is cancelled and cannot have a report`);
      return undefined;
    }
    base = occ.start;
    occurrenceDate = occ.date;
  } else if (sr.occurrence !== undefined) {
    ctx.problem(`${path}.occurrence`, 'only recurring meetings have occurrences');
  }
  const records: AttendanceRecordModel[] = [];
  sr.records.forEach((r, i) => {
    const rec = resolveRecord(r, base, ev, `${sr.id}|${i}`, `${path}.records[${i}]`, ctx, tenant, externals);
    if (rec) records.push(rec);
  });
  const joins = records.flatMap((r) => r.intervals.map((iv) => iv.join));
  const leaves = records.flatMap((r) => r.intervals.map((iv) => iv.leave));
  const meetingStart = sr.meetingStartDateTime
    ? ctx.instant(sr.meetingStartDateTime, `${path}.meetingStartDateTime`, ev.timeZone) ?? base
    : joins.length ? Math.min(...joins) : base;
  const meetingEnd = sr.meetingEndDateTime
    ? ctx.instant(sr.meetingEndDateTime, `${path}.meetingEndDateTime`, ev.timeZone) ?? base
    : leaves.length ? Math.max(...leaves) : base;
  return { id: sr.id, meetingStart, meetingEnd, occurrenceDate, records };
}

function resolveOnlineMeeting(
  som: ScenarioOnlineMeeting,
  ev: CalendarEvent,
  path: string,
  ctx: ResolveContext,
  tenant: Tenant,
  externals: Map<string, External>,
): OnlineMeetingModel {
  const threadId = som.threadId ?? meetingThreadIdFrom(ev.id);
  const reports: AttendanceReportModel[] = [];
  const seen = new Set<string>();
  (som.attendanceReports ?? []).forEach((sr, i) => {
    const p = `${path}.attendanceReports[${i}]`;
    if (seen.has(sr.id)) ctx.problem(`${p}.id`, `duplicate report id ${sr.id}`);
    seen.add(sr.id);
    const rep = resolveReport(sr, ev, p, ctx, tenant, externals);
    if (rep) reports.push(rep);
  });
  return {
    id: som.id ?? onlineMeetingIdFor(ev.organizerId, threadId),
    eventId: ev.id,
    organizerId: ev.organizerId,
    joinWebUrl: som.joinWebUrl ?? joinWebUrlFor(threadId, tenant.id, ev.organizerId),
    joinMeetingId: som.joinMeetingId ?? joinMeetingIdFrom(ev.id),
    threadId,
    subject: ev.subject,
    start: ev.start,
    end: ev.end,
    createdDateTime: ev.createdDateTime,
    reports,
  };
}

export function loadEvents(s: Scenario, ctx: ResolveContext, tenant: Tenant, externals: Map<string, External>): LoadedEvents {
  const events: CalendarEvent[] = [];
  const onlineMeetings: OnlineMeetingModel[] = [];
  const ids = new Set<string>();
  (s.events ?? []).forEach((se, i) => {
    const path = `events[${i}]`;
    if (ids.has(se.id)) ctx.problem(`${path}.id`, `duplicate event id ${se.id}`);
    ids.add(se.id);
    const tz = se.timeZone ?? s.timeZone;
    if (!isValidIanaZone(tz)) {
      ctx.problem(`${path}.timeZone`, `"${tz}" is not an IANA time zone`);
      return;
    }
    const organizer = ctx.user(se.organizer, `${path}.organizer`, { room: false });
    const start = ctx.instant(se.start, `${path}.start`, tz);
    const end = ctx.instant(se.end, `${path}.end`, tz);
    if (start !== undefined && end !== undefined && end <= start) ctx.problem(`${path}.end`, 'must be after start');
    const attendees = resolveAttendees(se, organizer, tz, path, ctx, externals);
    let roomId: string | null = null;
    if (se.room) {
      const room = ctx.user(se.room, `${path}.room`, { room: true });
      if (room) {
        roomId = room.id;
        const key = (room.mail ?? room.userPrincipalName).toLowerCase();
        if (!attendees.some((a) => a.key === key)) {
          attendees.push({ key, address: room.mail ?? room.userPrincipalName, name: room.displayName, userId: room.id, type: 'resource', response: 'accepted', responseTime: null });
        }
      }
    }
    if (!organizer || start === undefined || end === undefined) return;
    const created = se.createdDateTime ? ctx.instant(se.createdDateTime, `${path}.createdDateTime`, tz) ?? start : Math.min(start, ctx.now) - 14 * 86_400_000;
    const ev: CalendarEvent = {
      id: se.id,
      iCalUId: se.iCalUId ?? iCalUIdFrom(se.id),
      subject: se.subject,
      bodyHtml: se.bodyHtml ?? '',
      organizerId: organizer.id,
      start,
      end,
      timeZone: tz,
      originalStartTimeZoneAs: se.originalStartTimeZoneAs ?? null,
      originalEndTimeZoneAs: se.originalEndTimeZoneAs ?? se.originalStartTimeZoneAs ?? null,
      location: se.location ?? null,
      roomId,
      attendees,
      onlineMeetingId: null,
      recurrence: null,
      exceptions: new Map(),
      isCancelled: se.isCancelled ?? false,
      createdDateTime: created,
      lastModifiedDateTime: created,
      categories: se.categories ?? [],
      importance: se.importance ?? 'normal',
      sensitivity: se.sensitivity ?? 'normal',
    };
    ev.recurrence = resolveRecurrence(se, start, tz, path, ctx);
    resolveExceptions(se, ev, path, ctx);
    if (se.onlineMeeting) {
      const om = resolveOnlineMeeting(se.onlineMeeting, ev, `${path}.onlineMeeting`, ctx, tenant, externals);
      ev.onlineMeetingId = om.id;
      onlineMeetings.push(om);
      const spaced = om.joinMeetingId.replace(/(\d{3})(?=\d)/g, '$1 ');
      ev.bodyHtml = ev.bodyHtml.replace(/\{\{joinWebUrl\}\}/g, om.joinWebUrl).replace(/\{\{joinMeetingId\}\}/g, spaced);
    } else if (/\{\{join(WebUrl|MeetingId)\}\}/.test(ev.bodyHtml)) {
      ctx.problem(`${path}.bodyHtml`, 'uses {{joinWebUrl}} or {{joinMeetingId}} but the event has no onlineMeeting');
    }
    events.push(ev);
  });
  return { events, onlineMeetings };
}
