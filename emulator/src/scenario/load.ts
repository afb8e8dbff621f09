/** Loading a scenario (object or JSON file) into the emulator's in-memory State. */

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ResolveContext } from './context';
import { loadDrives, loadPlans } from './loadDrives';
import { loadEvents } from './loadEvents';
import type { Scenario } from './types';
import { deliverFromOutside } from '../routes/mail';
import { findUser } from '../state';
import { ScenarioError, validateShape } from './validate';
import { OccurrenceIdIndex, mailboxCopyId } from '../ids';
import type { Chat, DirUser, External, MailboxItem, State, Team } from '../state';
import { isValidIanaZone } from '../timezones';


export function readScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError([`cannot read scenario file ${file}: ${(e as Error).message}`]);
  }
  try {
    return JSON.parse(text) as Scenario;
  } catch (e) {
    throw new ScenarioError([`${file} is not valid JSON: ${(e as Error).message}`]);
  }
}

function loadUsers(s: Scenario, ctx: ResolveContext): DirUser[] {
  const users: DirUser[] = [];
  const add = (u: DirUser, path: string): void => {
    for (const key of [u.id, u.userPrincipalName, u.mail]) {
      if (!key) continue;
      const k = key.toLowerCase();
      const prev = ctx.userIndex.get(k);
      if (prev && prev !== u) ctx.problem(path, `"${key}" is used by both ${prev.displayName} and ${u.displayName}`);
      else ctx.userIndex.set(k, u);
    }
    users.push(u);
  };
  s.users.forEach((u, i) => {
    add(
      {
        id: u.id,
        displayName: u.displayName,
        userPrincipalName: u.userPrincipalName,
        mail: u.mail ?? null,
        givenName: u.givenName ?? null,
        surname: u.surname ?? null,
        jobTitle: u.jobTitle ?? null,
        department: u.department ?? null,
        companyName: u.companyName ?? null,
        officeLocation: u.officeLocation ?? null,
        mobilePhone: u.mobilePhone ?? null,
        businessPhones: u.businessPhones ?? [],
        preferredLanguage: u.preferredLanguage ?? null,
        userType: u.userType ?? (u.userPrincipalName.includes('#EXT#') ? 'Guest' : 'Member'),
        isRoom: false,
      },
      `users[${i}]`,
    );
  });
  (s.rooms ?? []).forEach((r, i) => {
    add(
      {
        id: r.id,
        displayName: r.displayName,
        userPrincipalName: r.mail,
        mail: r.mail,
        givenName: null,
        surname: null,
        jobTitle: null,
        department: null,
        companyName: null,
        officeLocation: r.building ?? null,
        mobilePhone: null,
        businessPhones: [],
        preferredLanguage: null,
        userType: 'Member',
        isRoom: true,
      },
      `rooms[${i}]`,
    );
  });
  return users;
}

function loadTeams(s: Scenario, ctx: ResolveContext): Team[] {
  const channelIds = new Set<string>();
  return (s.teams ?? []).map((t, i) => {
    const path = `teams[${i}]`;
    const ids = (refs: string[] | undefined, field: string): Set<string> =>
      new Set(
        (refs ?? []).flatMap((r, j) => {
          const u = ctx.user(r, `${path}.${field}[${j}]`, { room: false });
          return u ? [u.id] : [];
        }),
      );
    const ownerIds = ids(t.owners, 'owners');
    const memberIds = ids(t.members, 'members');
    for (const o of ownerIds) memberIds.add(o);
    const created = t.createdDateTime ? ctx.instant(t.createdDateTime, `${path}.createdDateTime`) ?? ctx.now : ctx.now - 400 * 86_400_000;
    return {
      id: t.id,
      displayName: t.displayName,
      description: t.description ?? null,
      visibility: t.visibility ?? 'private',
      ownerIds,
      memberIds,
      createdDateTime: created,
      driveId: '', // set with the drive (loadDrives)
      channels: t.channels.map((c, j) => {
        if (channelIds.has(c.id)) ctx.problem(`${path}.channels[${j}].id`, `duplicate channel id ${c.id}`);
        channelIds.add(c.id);
        return {
          id: c.id,
          displayName: c.displayName,
          description: c.description ?? null,
          createdDateTime: c.createdDateTime ? ctx.instant(c.createdDateTime, `${path}.channels[${j}].createdDateTime`) ?? created : created,
          folderId: '', // set with the drive (loadDrives)
        };
      }),
    };
  });
}

/** Validate and resolve a scenario against "now". Throws ScenarioError naming every bad field. */
export function loadScenario(input: Scenario | string, now: number): State {
  const raw = typeof input === 'string' ? readScenarioFile(input) : input;
  const s = validateShape(raw);
  if (!isValidIanaZone(s.timeZone)) throw new ScenarioError([`timeZone: "${s.timeZone}" is not an IANA time zone`]);
  const ctx = new ResolveContext(now, s.timeZone);
  const users = loadUsers(s, ctx);
  const externals = new Map<string, External>();
  (s.externals ?? []).forEach((x, i) => {
    const key = x.mail.toLowerCase();
    if (ctx.userIndex.has(key)) ctx.problem(`externals[${i}].mail`, `${x.mail} belongs to a directory user; externals are people outside the directory`);
    externals.set(key, { mail: x.mail, displayName: x.displayName, companyName: x.companyName ?? null, tenantId: x.tenantId ?? null, objectId: x.objectId ?? null });
  });
  const tenant = { ...s.tenant };
  const teams = loadTeams(s, ctx);
  const drives = loadDrives(s, ctx, teams, tenant);
  const { plans, tasks: plannerTasks } = loadPlans(s, ctx, teams);
  const { events, onlineMeetings } = loadEvents(s, ctx, tenant, externals);

  const mailboxItems = new Map<string, MailboxItem>();
  const occurrenceIds = new OccurrenceIdIndex();
  for (const ev of events) {
    mailboxItems.set(ev.id, { event: ev, userId: ev.organizerId });
    if (ev.recurrence) occurrenceIds.add(ev.id);
    for (const a of ev.attendees) {
      if (!a.userId || a.userId === ev.organizerId) continue;
      const copy = mailboxCopyId(ev.id, a.userId);
      mailboxItems.set(copy, { event: ev, userId: a.userId });
      if (ev.recurrence) occurrenceIds.add(copy);
    }
  }

  const byId = new Map(users.map((u) => [u.id, u]));
  const chats: Chat[] = onlineMeetings.map((om) => {
    const ev = events.find((e) => e.id === om.eventId);
    const members = new Set<string>([om.organizerId]);
    for (const a of ev?.attendees ?? []) if (a.userId && !byId.get(a.userId)?.isRoom) members.add(a.userId);
    return {
      id: om.threadId,
      topic: om.subject,
      chatType: 'meeting',
      memberIds: members,
      onlineMeetingId: om.id,
      createdDateTime: om.createdDateTime,
      lastUpdatedDateTime: om.createdDateTime,
    };
  });

  const personas = new Map<string, DirUser>();
  for (const [role, ref] of Object.entries(s.personas ?? {})) {
    const u = ctx.user(ref, `personas.${role}`, { room: false });
    if (u) personas.set(role, u);
  }
  const tc = s.teamsContext;
  if (tc) {
    const team = tc.teamId ? teams.find((t) => t.id === tc.teamId) : undefined;
    if (tc.teamId && !team) ctx.problem('teamsContext.teamId', `no team ${tc.teamId}`);
    if (tc.channelId && !teams.some((t) => t.channels.some((c) => c.id === tc.channelId))) ctx.problem('teamsContext.channelId', `no channel ${tc.channelId}`);
    if (team && tc.channelId && !team.channels.some((c) => c.id === tc.channelId)) ctx.problem('teamsContext.channelId', `channel ${tc.channelId} is not in team ${tc.teamId}`);
    if (tc.meetingEventId && !events.some((e) => e.id === tc.meetingEventId)) ctx.problem('teamsContext.meetingEventId', `no event ${tc.meetingEventId}`);
  }
  const arrivals = (s.mailFromOutside ?? []).map((m, i) => {
    m.to.forEach((ref, j) => ctx.user(ref, `mailFromOutside[${i}].to[${j}]`, { room: false }));
    return m.received === undefined ? now : ctx.instant(m.received, `mailFromOutside[${i}].received`);
  });
  if (ctx.problems.length) throw new ScenarioError(ctx.problems);

  const state: State = {
    scenario: s,
    loadedAt: now,
    tenant,
    users,
    userIndex: ctx.userIndex,
    externals,
    teams,
    events,
    eventsById: new Map(events.map((e) => [e.id, e])),
    mailboxItems,
    onlineMeetings,
    chats,
    occurrenceIds,
    personas,
    drives,
    plans,
    channelMessages: [],
    plannerTasks,
    plannerCreated: 0,
    downloadSecret: randomBytes(32),
  };
  (s.mailFromOutside ?? []).forEach((m, i) => {
    try {
      deliverFromOutside(state, arrivals[i] ?? now, {
        from: { address: m.from, name: m.fromName },
        to: m.to.map((ref) => {
          const user = findUser(state, ref);
          return user?.mail ?? user?.userPrincipalName ?? ref;
        }),
        subject: m.subject,
        body: { contentType: 'html', content: m.bodyHtml ?? '' },
        headers: m.headers ?? [],
      });
    } catch (e) {
      throw new ScenarioError([`mailFromOutside[${i}]: ${(e as Error).message}`]);
    }
  });
  return state;
}
