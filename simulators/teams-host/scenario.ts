// Reads the Graph emulator's scenario (GET <emulator>/_emulator/scenario) into what a Teams host
// knows: who the personas are, which team and channel the tab lives in, and which meeting (and
// occurrence) the meeting frames are in. All knowledge of the scenario's field names is here.
//
// The emulator answers with the scenario file ({name, timeZone, tenant, users, teams, events,
// personas, teamsContext}, see emulator/src/scenario/types.ts) plus `resolved`
// (emulator/src/summary.ts): relative dates and generated ids worked out (events in UTC with
// their occurrences and per-mailbox ids, onlineMeetings with chat thread ids, personas as users,
// teamsContext with names). Without `resolved`, events with absolute times still work.
// No DOM: the demo server uses this module too.

import type { Persona } from './params';

export interface SimUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  companyName?: string;
}

export interface SimTeam {
  /** Graph id of the team (= the Microsoft 365 group id): Teams context `groupId`. */
  groupId: string;
  /** Teams' thread id ("19:...@thread.tacv2"): Teams context `teamId`; from Graph GET /teams/{id} if absent. */
  internalId?: string;
  displayName: string;
}

export interface SimChannel {
  id: string;
  displayName: string;
}

export interface SimOccurrence {
  start: string;
  end: string;
  ended: boolean;
  cancelled: boolean;
  /** This occurrence's event ids, one per mailbox. */
  ids: string[];
}

export interface SimMeeting {
  /** The organiser's event id (a series master for recurring meetings). */
  eventId: string;
  /** The same event's ids in other mailboxes (attendees' copies). */
  aliases: string[];
  title: string;
  /** ISO 8601 UTC ("2026-11-24T08:00:00Z"); for a series, of the chosen occurrence (see pickMeeting). */
  start: string;
  end: string;
  joinUrl: string;
  /** The emulator's onlineMeeting id (Graph `/me/onlineMeetings/{id}`). */
  onlineMeetingId?: string;
  /** Meeting chat thread id ("19:meeting_...@thread.v2"). */
  chatThreadId: string;
  organizerId?: string;
  /** Empty for a single meeting. */
  occurrences: SimOccurrence[];
}

export interface SimScenario {
  name: string;
  tenantId: string;
  tenantName: string;
  /** IANA zone of the scenario, for showing times. */
  timeZone?: string;
  users: SimUser[];
  personas: Partial<Record<Persona, SimUser>>;
  team?: SimTeam;
  channel?: SimChannel;
  meetings: SimMeeting[];
  defaultEventId?: string;
  /** teamsContext.locale: the locale when the URL names none. */
  defaultLocale?: string;
  /** Things the reader had to guess or could not find; shown on the simulator page. */
  warnings: string[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function objs(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter(isObj) : [];
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

function isoUtc(t: number): string {
  return new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}

/** UTC milliseconds of a wall-clock time in an IANA zone. */
function zonedToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsetAt = (t: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(t));
    const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - t;
  };
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

/**
 * An instant as ISO 8601 UTC, from an ISO string with offset, a Graph dateTimeTimeZone
 * ({dateTime, timeZone}), or a local "2025-10-03T08:00" in `zone`. Relative scenario
 * expressions ("today-7d 08:00") give undefined.
 */
export function toUtcIso(v: unknown, zone = 'UTC'): string | undefined {
  let local: string | undefined;
  let tz = zone;
  if (typeof v === 'string') {
    if (INSTANT.test(v)) {
      const t = Date.parse(v);
      return Number.isNaN(t) ? undefined : isoUtc(t);
    }
    local = v;
  } else if (isObj(v)) {
    local = str(v.dateTime);
    tz = str(v.timeZone) ?? zone;
  }
  const m = local ? LOCAL.exec(local) : null;
  if (!m) return undefined;
  const [y, mo, d] = (m[1] ?? '').split('-').map(Number) as [number, number, number];
  const h = Number(m[2]);
  const mi = Number(m[3]);
  const s = Math.floor(Number(m[4] ?? 0));
  if (/^(UTC|Etc\/UTC|GMT|Coordinated Universal Time)$/i.test(tz)) return isoUtc(Date.UTC(y, mo - 1, d, h, mi, s));
  try {
    return isoUtc(zonedToUtc(y, mo, d, h, mi, s, tz));
  } catch {
    return undefined; // not an IANA zone this browser knows
  }
}

function toUser(o: Obj): SimUser | undefined {
  const id = str(o.id);
  const upn = str(o.userPrincipalName);
  if (!id || !upn) return undefined;
  const user: SimUser = { id, displayName: str(o.displayName) ?? upn, userPrincipalName: upn, mail: str(o.mail) ?? upn };
  const company = str(o.companyName);
  if (company) user.companyName = company;
  return user;
}

function findUser(users: SimUser[], ref: unknown): SimUser | undefined {
  const key = isObj(ref) ? (str(ref.id) ?? str(ref.userPrincipalName) ?? str(ref.mail)) : str(ref);
  if (!key) return undefined;
  const k = key.toLowerCase();
  return users.find(
    (u) => u.id.toLowerCase() === k || u.userPrincipalName.toLowerCase() === k || u.mail.toLowerCase() === k,
  );
}

/** "19:meeting_...@thread.v2" from a Teams join URL (/l/meetup-join/19%3ameeting_...%40thread.v2/...). */
export function threadIdFromJoinUrl(joinUrl: string): string | undefined {
  const m = /meetup-join\/([^/?#]+)/.exec(joinUrl);
  if (!m?.[1]) return undefined;
  try {
    const id = decodeURIComponent(m[1]);
    return id.startsWith('19:') ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Teams' meeting id in the tab context: base64("0#<chat thread id>#0"). */
export function teamsMeetingId(chatThreadId: string): string {
  const bytes = new TextEncoder().encode(`0#${chatThreadId}#0`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Meetings from `resolved.events` + `resolved.onlineMeetings`. */
function resolvedMeetings(resolved: Obj): SimMeeting[] {
  const onlineMeetings = objs(resolved.onlineMeetings);
  const out: SimMeeting[] = [];
  for (const ev of objs(resolved.events)) {
    const eventId = str(ev.id);
    const om = onlineMeetings.find((m) => str(m.eventId) === eventId);
    const joinUrl = (isObj(ev.onlineMeeting) ? str(ev.onlineMeeting.joinUrl) : undefined) ?? str(om?.joinWebUrl);
    if (!eventId || !joinUrl) continue; // not a Teams meeting
    const chatInfo = isObj(om?.chatInfo) ? om.chatInfo : undefined;
    const mailboxIds = isObj(ev.mailboxIds) ? Object.values(ev.mailboxIds).filter((v): v is string => typeof v === 'string') : [];
    const meeting: SimMeeting = {
      eventId,
      aliases: mailboxIds.filter((id) => id !== eventId),
      title: str(ev.subject) ?? str(om?.subject) ?? 'Meeting',
      start: toUtcIso(ev.start) ?? '',
      end: toUtcIso(ev.end) ?? '',
      joinUrl,
      chatThreadId: str(chatInfo?.threadId) ?? threadIdFromJoinUrl(joinUrl) ?? `19:meeting_${eventId}@thread.v2`,
      occurrences: objs(ev.occurrences).map((o) => ({
        start: toUtcIso(o.start) ?? '',
        end: toUtcIso(o.end) ?? '',
        ended: o.ended === true,
        cancelled: o.cancelled === true,
        ids: isObj(o.ids) ? Object.values(o.ids).filter((v): v is string => typeof v === 'string') : [],
      })),
    };
    const omId = str(om?.id);
    if (omId) meeting.onlineMeetingId = omId;
    const organizerId = str(ev.organizerId);
    if (organizerId) meeting.organizerId = organizerId;
    out.push(meeting);
  }
  return out;
}

/** Meetings from the scenario file's own events (only absolute or local times resolve). */
function fileMeetings(root: Obj, users: SimUser[], zone: string, warnings: string[]): SimMeeting[] {
  const out: SimMeeting[] = [];
  for (const ev of objs(root.events)) {
    const eventId = str(ev.id);
    const om = isObj(ev.onlineMeeting) ? ev.onlineMeeting : undefined;
    const joinUrl = str(om?.joinWebUrl) ?? str(om?.joinUrl);
    if (!eventId || !joinUrl) continue;
    const evZone = str(ev.timeZone) ?? zone;
    const start = toUtcIso(ev.start, evZone) ?? '';
    if (!start) warnings.push(`Event ${eventId} starts at "${String(ev.start)}", which only the emulator can resolve.`);
    const meeting: SimMeeting = {
      eventId,
      aliases: [],
      title: str(ev.subject) ?? 'Meeting',
      start,
      end: toUtcIso(ev.end, evZone) ?? '',
      joinUrl,
      chatThreadId: str(om?.threadId) ?? threadIdFromJoinUrl(joinUrl) ?? `19:meeting_${eventId}@thread.v2`,
      occurrences: [],
    };
    const omId = str(om?.id);
    if (omId) meeting.onlineMeetingId = omId;
    const organizerId = findUser(users, ev.organizer)?.id;
    if (organizerId) meeting.organizerId = organizerId;
    out.push(meeting);
  }
  return out;
}

export function normalizeScenario(raw: unknown): SimScenario {
  const warnings: string[] = [];
  const root: Obj = isObj(raw) ? raw : {};
  const resolved: Obj | undefined = isObj(root.resolved) ? root.resolved : undefined;
  if (!resolved && Object.keys(root).length) {
    warnings.push('The scenario has no "resolved" part; only meetings with absolute times can be used.');
  }

  const users: SimUser[] = [];
  for (const u of objs(root.users)) {
    const user = toUser(u);
    if (user) users.push(user);
  }

  const tenant = isObj(resolved?.tenant) ? resolved.tenant : isObj(root.tenant) ? root.tenant : {};
  const tenantId = str(tenant.id) ?? '';
  if (!tenantId && Object.keys(root).length) warnings.push('The scenario names no tenant id.');

  const personas: Partial<Record<Persona, SimUser>> = {};
  const resolvedPersonas = isObj(resolved?.personas) ? resolved.personas : {};
  const filePersonas = isObj(root.personas) ? root.personas : {};
  for (const p of ['secretary', 'chair', 'member'] as const) {
    const rp = resolvedPersonas[p];
    const user = findUser(users, rp) ?? (isObj(rp) ? toUser(rp) : undefined) ?? findUser(users, filePersonas[p]);
    if (user) personas[p] = user;
    else if (Object.keys(root).length) warnings.push(`The scenario has no persona "${p}".`);
  }

  const ctx = isObj(resolved?.teamsContext) ? resolved.teamsContext : isObj(root.teamsContext) ? root.teamsContext : {};

  // Team and channel the channel tab lives in.
  const teams = objs(root.teams);
  const teamRef = str(ctx.teamId);
  const rawTeam = (teamRef ? teams.find((t) => str(t.id) === teamRef) : undefined) ?? teams[0];
  let team: SimTeam | undefined;
  let channel: SimChannel | undefined;
  if (rawTeam && str(rawTeam.id)) {
    team = { groupId: str(rawTeam.id) as string, displayName: str(rawTeam.displayName) ?? 'Team' };
    const internalId = str(rawTeam.internalId);
    if (internalId) team.internalId = internalId;
    const channels = objs(rawTeam.channels);
    const channelRef = str(ctx.channelId);
    const rawChannel = (channelRef ? channels.find((c) => str(c.id) === channelRef) : undefined) ?? channels[0];
    if (rawChannel && str(rawChannel.id)) {
      channel = { id: str(rawChannel.id) as string, displayName: str(rawChannel.displayName) ?? 'Channel' };
    }
  } else if (Object.keys(root).length) {
    warnings.push('The scenario has no team; channel tabs get no team context.');
  }

  const zone = str(root.timeZone) ?? 'UTC';
  const meetings = resolved ? resolvedMeetings(resolved) : fileMeetings(root, users, zone, warnings);
  const eventRef = str(ctx.meetingEventId);
  let defaultEventId = eventRef && meetings.some((m) => m.eventId === eventRef) ? eventRef : undefined;
  if (!defaultEventId && meetings[0]) {
    defaultEventId = meetings[0].eventId;
    warnings.push(
      eventRef
        ? `teamsContext.meetingEventId ${eventRef} is not an online meeting; using ${meetings[0].eventId}.`
        : `The scenario's teamsContext names no meeting; using the first online meeting (${meetings[0].eventId}).`,
    );
  }

  const result: SimScenario = {
    name: str(root.name) ?? '',
    tenantId,
    tenantName: str(tenant.displayName) ?? '',
    users,
    personas,
    meetings,
    warnings,
  };
  if (zone.includes('/')) result.timeZone = zone;
  if (team) result.team = team;
  if (channel) result.channel = channel;
  if (defaultEventId) result.defaultEventId = defaultEventId;
  const locale = str(ctx.locale);
  if (locale) result.defaultLocale = locale;
  return result;
}

/**
 * The meeting the meeting frames are in, for an `event` reference (default: the scenario's):
 * a series, any mailbox's copy of it, or one occurrence's id. For a series the occurrence is
 * the one named, else the first that has not ended (the current or next one), else the last.
 */
export function pickMeeting(s: SimScenario, eventRef: string | undefined): SimMeeting | undefined {
  const ref = eventRef ?? s.defaultEventId;
  if (!ref) return undefined;
  for (const m of s.meetings) {
    const named = m.occurrences.find((o) => o.ids.includes(ref));
    if (!named && m.eventId !== ref && !m.aliases.includes(ref)) continue;
    const live = m.occurrences.filter((o) => !o.cancelled && o.start);
    const occ = named ?? live.find((o) => !o.ended) ?? live[live.length - 1];
    return occ ? { ...m, start: occ.start, end: occ.end } : m;
  }
  return undefined;
}

export async function loadScenario(emulatorUrl: string, fetchFn: typeof fetch = fetch): Promise<SimScenario> {
  const url = new URL('/_emulator/scenario', emulatorUrl).href;
  const res = await fetchFn(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return normalizeScenario(await res.json());
}

/** POST <emulator>/_emulator/token for a user; negative lifetimes give an already expired token. */
export async function requestToken(
  emulatorUrl: string,
  user: string,
  expiresInSeconds: number,
  fetchFn: typeof fetch = fetch,
): Promise<string> {
  const url = new URL('/_emulator/token', emulatorUrl).href;
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, expiresInSeconds }),
  });
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}`);
  const body: unknown = await res.json();
  const token = isObj(body) ? str(body.access_token) : undefined;
  if (!token) throw new Error(`POST ${url} gave no access_token`);
  return token;
}

/**
 * Teams' thread id of a team ("19:...@thread.tacv2"), as Graph GET /teams/{id} gives it
 * (`internalId`), read with a member's token.
 */
export async function lookUpTeamInternalId(
  graphBaseUrl: string,
  token: string,
  groupId: string,
  fetchFn: typeof fetch = fetch,
): Promise<string> {
  const url = `${graphBaseUrl.replace(/\/+$/, '')}/teams/${encodeURIComponent(groupId)}?$select=id,internalId`;
  const res = await fetchFn(url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /teams/${groupId} answered ${res.status}`);
  const body: unknown = await res.json();
  const id = isObj(body) ? str(body.internalId) : undefined;
  if (!id) throw new Error(`GET /teams/${groupId} gave no internalId`);
  return id;
}
