// Online meetings and their attendance reports. Only the organiser can read reports through Graph
// (meetingAttendanceReport docs); a recurring meeting has one online meeting with a report per session.

import type { AttendanceReport, JoinKind, ReportRecord } from '../domain/attendance';
import type { ReportSummary } from '../domain/meeting';
import type { GraphCall, Page } from './graph';
import { obj, odataString, optStr, page, query, str } from './read';

export interface OnlineMeetingRef {
  id: string;
  chatThreadId?: string;
}

/** The online meeting behind a join link, or undefined when the user cannot see one. */
export const byJoinUrl = (joinUrl: string): GraphCall<OnlineMeetingRef | undefined> => ({
  path: `/me/onlineMeetings${query({ $filter: `JoinWebUrl eq ${odataString(joinUrl)}` })}`,
  parse: (body) =>
    page(body, 'onlineMeetings', (v, i) => {
      const m = obj(v, `onlineMeetings[${i}]`);
      return { id: str(m.id, `onlineMeetings[${i}].id`), chatThreadId: optStr(obj(m.chatInfo ?? {}, 'chatInfo').threadId) };
    }).items[0],
});

const meetingPath = (meetingId: string) => `/me/onlineMeetings/${encodeURIComponent(meetingId)}`;

function summary(value: unknown, what: string): ReportSummary {
  const r = obj(value, what);
  return {
    id: str(r.id, `${what}.id`),
    meetingStart: str(r.meetingStartDateTime, `${what}.meetingStartDateTime`),
    meetingEnd: str(r.meetingEndDateTime, `${what}.meetingEndDateTime`),
  };
}

export const reports = (meetingId: string): GraphCall<Page<ReportSummary>> => ({
  path: `${meetingPath(meetingId)}/attendanceReports`,
  parse: (body) => page(body, 'attendanceReports', (v, i) => summary(v, `attendanceReports[${i}]`)),
});

const PHONE = /^\+?[\d\s()-]{6,}$/;

/** How the participant joined, from what the record tells (records have no explicit kind). */
function joinKind(identity: { id?: string; displayName: string; tenantId?: string }, email: string | undefined, tenantId: string | undefined): JoinKind {
  if (identity.id && (!identity.tenantId || !tenantId || identity.tenantId === tenantId)) return 'directory';
  if (identity.id || email) return 'external';
  return PHONE.test(identity.displayName) ? 'phone' : 'anonymous';
}

function record(value: unknown, what: string, tenantId: string | undefined): ReportRecord {
  const r = obj(value, what);
  const identity = obj(r.identity ?? {}, `${what}.identity`);
  const id = { id: optStr(identity.id), displayName: optStr(identity.displayName) ?? optStr(r.emailAddress) ?? '?', tenantId: optStr(identity.tenantId) };
  const email = optStr(r.emailAddress);
  const role = (optStr(r.role) ?? 'unknown').toLowerCase();
  return {
    person: { directoryId: id.id, email, displayName: id.displayName },
    joinedAs: joinKind(id, email, tenantId),
    role: role === 'organizer' || role === 'coorganizer' || role === 'presenter' || role === 'attendee' ? role : 'unknown',
    attendedSeconds: typeof r.totalAttendanceInSeconds === 'number' ? r.totalAttendanceInSeconds : 0,
    intervals: Array.isArray(r.attendanceIntervals) ? r.attendanceIntervals.length : 0,
  };
}

export interface ReportWithRecords {
  report: AttendanceReport;
  /** More records to fetch (large meetings page their expanded records). */
  recordsNextLink?: string;
}

/** One report with its records expanded: one round trip for most meetings. */
export const report = (meetingId: string, reportId: string, tenantId: string | undefined): GraphCall<ReportWithRecords> => ({
  path: `${meetingPath(meetingId)}/attendanceReports/${encodeURIComponent(reportId)}${query({ $expand: 'attendanceRecords' })}`,
  parse: (body) => {
    const r = obj(body, 'attendanceReport');
    const s = summary(r, 'attendanceReport');
    const records = page({ value: r.attendanceRecords ?? [] }, 'attendanceRecords', (v, i) => record(v, `attendanceRecords[${i}]`, tenantId));
    return { report: { ...s, records: records.items }, recordsNextLink: optStr(r['attendanceRecords@odata.nextLink']) };
  },
});

/** A page of attendance records (the naive baseline, and following a nextLink). */
export const records = (meetingId: string, reportId: string, tenantId: string | undefined): GraphCall<Page<ReportRecord>> => ({
  path: `${meetingPath(meetingId)}/attendanceReports/${encodeURIComponent(reportId)}/attendanceRecords`,
  parse: (body) => page(body, 'attendanceRecords', (v, i) => record(v, `attendanceRecords[${i}]`, tenantId)),
});
