/**
 * The "resolved" part of GET /_emulator/scenario: what the scenario's relative dates and
 * generated ids came to, so tests and the host simulator need not recompute them.
 */

import { occurrencesBetween } from './calendar/recurrence';
import { copyIdFor } from './calendar/render';
import { occurrenceId } from './ids';
import { teamInternalId } from './routes/teams';
import type { CalendarEvent, DirUser, State } from './state';
import { formatGraphDateTime, formatUtc, toLocal } from './timezones';

const utc = (t: number) => ({ dateTime: formatGraphDateTime(toLocal(t, 'UTC')), timeZone: 'UTC' });

function person(u: DirUser) {
  return { id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, mail: u.mail };
}

/** The ids each mailbox uses for an event: organiser and every invited directory user. */
function mailboxIds(ev: CalendarEvent): Record<string, string> {
  const ids = new Map<string, string>([[ev.organizerId, ev.id]]);
  for (const a of ev.attendees) if (a.userId) ids.set(a.userId, copyIdFor(ev, a.userId));
  // fromEntries defines own properties, so a user id such as "__proto__" stays a key.
  return Object.fromEntries(ids);
}

function occurrences(state: State, ev: CalendarEvent, now: number) {
  if (!ev.recurrence) return undefined;
  const om = state.onlineMeetings.find((m) => m.id === ev.onlineMeetingId);
  const all = occurrencesBetween(ev, ev.start - 86_400_000, now + 5 * 7 * 86_400_000);
  const ended = all.filter((o) => o.scheduledEnd <= now);
  const upcoming = all.filter((o) => o.scheduledEnd > now).slice(0, 5);
  return [...ended.slice(-60), ...upcoming].map((o) => {
    const ids = mailboxIds(ev);
    return {
      date: o.date,
      start: formatUtc(o.start),
      end: formatUtc(o.end),
      ended: o.scheduledEnd <= now,
      cancelled: o.exception?.cancelled ?? false,
      ids: Object.fromEntries(Object.entries(ids).map(([userId, copy]) => [userId, occurrenceId(copy, o.date)])),
      reportIds: (om?.reports ?? []).filter((r) => r.occurrenceDate === o.date).map((r) => r.id),
    };
  });
}

export function resolvedSummary(state: State, now: number): Record<string, unknown> {
  const byId = new Map(state.users.map((u) => [u.id, u]));
  const events = state.events.map((ev) => {
    const organizer = byId.get(ev.organizerId);
    const om = state.onlineMeetings.find((m) => m.id === ev.onlineMeetingId);
    return {
      id: ev.id,
      subject: ev.subject,
      type: ev.recurrence ? 'seriesMaster' : 'singleInstance',
      organizerId: ev.organizerId,
      organizer: { emailAddress: { name: organizer?.displayName, address: organizer?.mail } },
      start: utc(ev.start),
      end: utc(ev.end),
      isOnlineMeeting: Boolean(om),
      onlineMeeting: om ? { joinUrl: om.joinWebUrl } : null,
      iCalUId: ev.iCalUId,
      mailboxIds: mailboxIds(ev),
      occurrences: occurrences(state, ev, now),
    };
  });
  const onlineMeetings = state.onlineMeetings.map((om) => ({
    id: om.id,
    eventId: om.eventId,
    subject: om.subject,
    joinWebUrl: om.joinWebUrl,
    startDateTime: formatUtc(om.start),
    endDateTime: formatUtc(om.end),
    chatInfo: { threadId: om.threadId },
    joinMeetingIdSettings: { joinMeetingId: om.joinMeetingId },
    participants: { organizer: { identity: { user: { id: om.organizerId } } } },
    attendanceReports: om.reports.map((r) => ({
      id: r.id,
      occurrenceDate: r.occurrenceDate,
      meetingStartDateTime: formatUtc(r.meetingStart),
      meetingEndDateTime: formatUtc(r.meetingEnd),
      totalParticipantCount: r.records.length,
      available: r.meetingEnd <= now,
    })),
  }));
  const tc = state.scenario.teamsContext ?? {};
  const team = state.teams.find((t) => t.id === tc.teamId);
  const channel = team?.channels.find((c) => c.id === tc.channelId);
  const meeting = state.onlineMeetings.find((m) => m.eventId === tc.meetingEventId);
  return {
    now: formatUtc(now),
    loadedAt: formatUtc(state.loadedAt),
    tenant: state.tenant,
    personas: Object.fromEntries([...state.personas].map(([k, u]) => [k, person(u)])),
    teamsContext: {
      teamId: team?.id ?? null,
      teamInternalId: team ? teamInternalId(team) : null,
      teamName: team?.displayName ?? null,
      channelId: channel?.id ?? null,
      channelName: channel?.displayName ?? null,
      meetingEventId: tc.meetingEventId ?? null,
      onlineMeetingId: meeting?.id ?? null,
      chatId: meeting?.threadId ?? null,
      joinWebUrl: meeting?.joinWebUrl ?? null,
      locale: tc.locale ?? null,
    },
    events,
    onlineMeetings,
    teams: state.teams.map((t) => ({
      id: t.id,
      displayName: t.displayName,
      driveId: t.driveId,
      rootId: state.drives.get(t.driveId)?.rootId ?? null,
      channels: t.channels.map((c) => ({ id: c.id, displayName: c.displayName, folderId: c.folderId })),
      plans: state.plans
        .filter((p) => p.groupId === t.id)
        .map((p) => ({ id: p.id, title: p.title, buckets: p.buckets.map((b) => ({ id: b.id, name: b.name })) })),
    })),
  };
}
