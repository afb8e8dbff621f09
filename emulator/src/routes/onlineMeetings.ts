/**
 * Online meetings and attendance reports:
 *   GET /me/onlineMeetings?$filter=JoinWebUrl eq '...'   (organiser and invited attendees)
 *   GET /me/onlineMeetings/{id}
 *   GET /me/onlineMeetings/{id}/attendanceReports         (organiser only; the latest 50)
 *   GET /me/onlineMeetings/{id}/attendanceReports/{reportId}[?$expand=attendanceRecords]
 *   GET /me/onlineMeetings/{id}/attendanceReports/{reportId}/attendanceRecords   (paged)
 */

import type { AttendanceRecord, MeetingAttendanceReport } from '@microsoft/microsoft-graph-types';
import { badRequest, GraphError } from '../errors';
import { ok, queryParam, type GraphResult } from '../http';
import { uriComponent } from '../ids';
import { collectionBody, contextUrl, paginate } from '../odata';
import { parseFilter, type FilterNode } from '../odataFilter';
import type { HandlerContext, Router } from '../router';
import type { AttendanceRecordModel, AttendanceReportModel, DirUser, OnlineMeetingModel, State } from '../state';
import { formatUtc } from '../timezones';
import { ownMailbox, userContext } from './common';

/** Graph lists at most the 50 most recent attendance reports of a meeting. */
export const MAX_LISTED_REPORTS = 50;
const RECORDS_PAGE_SIZE = 100;

const FILTER_EXPECTED = "Filter expression expected - /onlineMeetings?$filter={ParameterName} eq '{id}'.";

function meetingNotFound(): GraphError {
  return new GraphError(404, 'NotFound', 'The requested online meeting was not found.');
}

function isInvited(state: State, om: OnlineMeetingModel, user: DirUser): boolean {
  if (om.organizerId === user.id) return true;
  const ev = state.eventsById.get(om.eventId);
  return Boolean(ev?.attendees.some((a) => a.userId === user.id));
}

function identitySet(state: State, userId: string, role: string) {
  const u = state.users.find((x) => x.id === userId);
  return {
    upn: u?.userPrincipalName ?? null,
    role,
    identity: { user: { id: userId, displayName: null, tenantId: state.tenant.id, identityProvider: 'AAD' } },
  };
}

export function onlineMeetingJson(state: State, om: OnlineMeetingModel): Record<string, unknown> {
  const ev = state.eventsById.get(om.eventId);
  const attendees = (ev?.attendees ?? [])
    .filter((a) => a.userId && a.type !== 'resource')
    .map((a) => identitySet(state, a.userId as string, 'attendee'));
  const joinHtml = `<div><a href="${om.joinWebUrl}">Join the meeting now</a></div><div>Meeting ID: ${om.joinMeetingId}</div>`;
  return {
    id: om.id,
    creationDateTime: formatUtc(om.createdDateTime),
    startDateTime: formatUtc(om.start),
    endDateTime: formatUtc(om.end),
    joinUrl: om.joinWebUrl,
    joinWebUrl: om.joinWebUrl,
    subject: om.subject,
    isBroadcast: false,
    autoAdmittedUsers: 'everyoneInCompany',
    isEntryExitAnnounced: true,
    allowedPresenters: 'everyone',
    allowMeetingChat: 'enabled',
    allowTeamworkReactions: true,
    recordAutomatically: false,
    videoTeleconferenceId: null,
    externalId: null,
    joinMeetingIdSettings: { isPasscodeRequired: true, joinMeetingId: om.joinMeetingId, passcode: om.joinMeetingId.slice(-6, -2) + 'Kq' },
    lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
    audioConferencing: null,
    chatInfo: { threadId: om.threadId, messageId: '0', replyChainMessageId: null },
    joinInformation: { content: `data:text/html,${uriComponent(joinHtml)}`, contentType: 'html' },
    participants: {
      organizer: identitySet(state, om.organizerId, 'presenter'),
      attendees,
      producers: [],
      contributors: [],
    },
  };
}

function fullyDecoded(s: string): string {
  let cur = s;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur);
    } catch {
      break;
    }
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

function lookupFilter(node: FilterNode): { by: 'joinWebUrl' | 'joinMeetingId'; value: string } {
  if (node.kind !== 'cmp' || node.op !== 'eq' || typeof node.value !== 'string') throw badRequest(FILTER_EXPECTED);
  const p = node.path.toLowerCase();
  if (p === 'joinweburl') return { by: 'joinWebUrl', value: node.value };
  if (p === 'joinmeetingidsettings/joinmeetingid') return { by: 'joinMeetingId', value: node.value };
  throw badRequest(FILTER_EXPECTED);
}

function listMeetings(ctx: HandlerContext): GraphResult {
  const viewer = ownMailbox(ctx);
  const raw = queryParam(ctx.req.query, '$filter');
  if (!raw) throw badRequest(FILTER_EXPECTED);
  const { by, value } = lookupFilter(parseFilter(raw));
  const want = fullyDecoded(value);
  const found = ctx.state.onlineMeetings.filter((om) =>
    by === 'joinMeetingId' ? om.joinMeetingId === value.replace(/\s/g, '') : om.joinWebUrl === value || fullyDecoded(om.joinWebUrl) === want,
  );
  const visible = found.filter((om) => isInvited(ctx.state, om, viewer));
  return ok({
    '@odata.context': contextUrl(ctx.baseUrl, `${userContext(viewer)}/onlineMeetings`, null),
    value: visible.map((om) => onlineMeetingJson(ctx.state, om)),
  });
}

function meetingFor(ctx: HandlerContext): { viewer: DirUser; om: OnlineMeetingModel } {
  const viewer = ownMailbox(ctx);
  const om = ctx.state.onlineMeetings.find((m) => m.id === ctx.params.meetingId);
  if (!om || !isInvited(ctx.state, om, viewer)) throw meetingNotFound();
  return { viewer, om };
}

function getMeeting(ctx: HandlerContext): GraphResult {
  const { viewer, om } = meetingFor(ctx);
  return ok({
    '@odata.context': contextUrl(ctx.baseUrl, `${userContext(viewer)}/onlineMeetings`, null, true),
    ...onlineMeetingJson(ctx.state, om),
  });
}

/** Reports the organiser can read now: generated when the session ended. */
function organizerReports(ctx: HandlerContext): { viewer: DirUser; om: OnlineMeetingModel; reports: AttendanceReportModel[] } {
  const { viewer, om } = meetingFor(ctx);
  if (om.organizerId !== viewer.id) {
    throw new GraphError(403, 'Forbidden', 'Only the organizer of the meeting can access its attendance reports.');
  }
  const reports = om.reports.filter((r) => r.meetingEnd <= ctx.now).sort((a, b) => b.meetingStart - a.meetingStart);
  return { viewer, om, reports };
}

function recordJson(r: AttendanceRecordModel): AttendanceRecord {
  const intervals = r.intervals.map((iv) => ({
    joinDateTime: formatUtc(iv.join),
    leaveDateTime: formatUtc(iv.leave),
    durationInSeconds: Math.round((iv.leave - iv.join) / 1000),
  }));
  return {
    id: r.id,
    emailAddress: r.emailAddress,
    totalAttendanceInSeconds: intervals.reduce((s, iv) => s + iv.durationInSeconds, 0),
    role: r.role,
    identity: r.identity,
    attendanceIntervals: intervals,
  };
}

function reportJson(r: AttendanceReportModel): MeetingAttendanceReport {
  return {
    id: r.id,
    totalParticipantCount: r.records.length,
    meetingStartDateTime: formatUtc(r.meetingStart),
    meetingEndDateTime: formatUtc(r.meetingEnd),
  };
}

function reportsCollection(viewer: DirUser, om: OnlineMeetingModel): string {
  return `${userContext(viewer)}/onlineMeetings('${om.id}')/attendanceReports`;
}

function listReports(ctx: HandlerContext): GraphResult {
  const { viewer, om, reports } = organizerReports(ctx);
  return ok({
    '@odata.context': contextUrl(ctx.baseUrl, reportsCollection(viewer, om), null),
    value: reports.slice(0, MAX_LISTED_REPORTS).map((r) => ({ ...reportJson(r), attendanceRecords: [] })),
  });
}

function reportFor(ctx: HandlerContext) {
  const found = organizerReports(ctx);
  const report = found.reports.find((r) => r.id === ctx.params.reportId);
  if (!report) throw new GraphError(404, 'NotFound', 'The requested attendance report was not found.');
  return { ...found, report };
}

function getReport(ctx: HandlerContext): GraphResult {
  const { viewer, om, report } = reportFor(ctx);
  const expand = (queryParam(ctx.req.query, '$expand') ?? '').split(',').map((s) => s.trim().toLowerCase());
  const body: Record<string, unknown> = {
    '@odata.context': `${ctx.baseUrl}/$metadata#${reportsCollection(viewer, om)}('${report.id}')`,
    ...reportJson(report),
  };
  if (expand.includes('attendancerecords')) body.attendanceRecords = report.records.map(recordJson);
  return ok(body);
}

function listRecords(ctx: HandlerContext): GraphResult {
  const { viewer, om, report } = reportFor(ctx);
  const page = paginate(report.records, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: RECORDS_PAGE_SIZE, maxPageSize: 999, paging: 'skiptoken' });
  const context = `${ctx.baseUrl}/$metadata#${reportsCollection(viewer, om)}('${report.id}')/attendanceRecords`;
  return ok(collectionBody(context, page.items.map(recordJson), { nextLink: page.nextLink }));
}

export function registerOnlineMeetingRoutes(r: Router): void {
  r.addForUser('GET', '/onlineMeetings', listMeetings);
  r.addForUser('GET', '/onlineMeetings/{meetingId}', getMeeting);
  r.addForUser('GET', '/onlineMeetings/{meetingId}/attendanceReports', listReports);
  r.addForUser('GET', '/onlineMeetings/{meetingId}/attendanceReports/{reportId}', getReport);
  r.addForUser('GET', '/onlineMeetings/{meetingId}/attendanceReports/{reportId}/attendanceRecords', listRecords);
}
