// Reads the Graph emulator's scenario (GET <emulator>/_emulator/scenario) into the few facts a
// Teams host knows: who the personas are, which team and channel the tab lives in, and which
// meetings the meeting frames can be in. All knowledge of the scenario's field names is here.
//
// The reader is deliberately tolerant: it looks for Graph-shaped objects (users, teams with
// channels, events, onlineMeetings) wherever they sit in the scenario, and uses the
// scenario's `teamsContext` only to choose among them. No DOM: the demo server uses it too.

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
  /** Teams' thread id ("19:...@thread.tacv2"): Teams context `teamId`. */
  internalId: string;
  displayName: string;
  siteUrl?: string;
}

export interface SimChannel {
  id: string;
  displayName: string;
  membershipType: string;
}

export interface SimMeeting {
  /** Calendar event id (the `event` URL parameter). */
  eventId: string;
  title: string;
  /** ISO 8601 UTC ("2026-11-24T09:00:00Z") when it could be worked out. */
  start: string;
  end: string;
  joinUrl: string;
  /** The emulator's onlineMeeting id (Graph `/onlineMeetings/{id}`), if it has one. */
  onlineMeetingId?: string;
  /** Meeting chat thread id ("19:meeting_...@thread.v2"). */
  chatThreadId: string;
  organizerId?: string;
  /** A series: start/end above are the series' first occurrence until looked up in Graph. */
  recurring: boolean;
}

export interface SimScenario {
  tenantId: string;
  tenantName: string;
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

function firstStr(o: Obj | undefined, ...keys: string[]): string | undefined {
  if (!o) return undefined;
  for (const k of keys) {
    const v = str(o[k]);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Every object in the tree (depth-first, each once), with the key it was found under. */
function walk(root: unknown, visit: (o: Obj, key: string) => void): void {
  const seen = new Set<unknown>();
  const go = (v: unknown, key: string): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const item of v) go(item, key);
      return;
    }
    const o = v as Obj;
    visit(o, key);
    for (const [k, child] of Object.entries(o)) go(child, k);
  };
  go(root, '');
}

/** Graph dateTimeTimeZone ({dateTime, timeZone}) or an ISO string to ISO 8601 UTC. */
export function toUtcIso(v: unknown, defaultZone = 'UTC'): string | undefined {
  if (typeof v === 'string') {
    // An instant ("...Z", "...+02:00"), or a local time "2025-10-03T08:00" / "2025-10-03 08:00" in
    // defaultZone. Relative expressions ("today-7d 08:00") cannot be resolved here: undefined.
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace(/\.000Z$/, 'Z');
    }
    const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v);
    if (!local) return undefined;
    const hh = (local[2] ?? '0').padStart(2, '0');
    return toUtcIso({ dateTime: `${local[1]}T${hh}:${local[3]}:${local[4] ?? '00'}`, timeZone: defaultZone });
  }
  if (!isObj(v)) return undefined;
  const dateTime = str(v.dateTime);
  if (!dateTime) return undefined;
  const tz = str(v.timeZone) ?? defaultZone;
  const bare = dateTime.replace(/(\.\d{3})\d*$/, '$1').replace(/Z$/, '');
  if (/^(UTC|Etc\/UTC|GMT|Coordinated Universal Time)$/i.test(tz)) return toUtcIso(`${bare}Z`);
  const iana = WINDOWS_ZONES[tz] ?? (tz.includes('/') ? tz : undefined);
  if (!iana) return toUtcIso(`${bare}Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(bare)) return undefined;
  // Local wall time in `iana` to UTC: guess, measure the zone's offset at the guess, correct.
  const asUtc = new Date(`${bare}Z`).getTime();
  if (Number.isNaN(asUtc)) return undefined;
  const offsetAt = (t: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
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
  try {
    let t = asUtc - offsetAt(asUtc);
    t = asUtc - offsetAt(t);
    return new Date(t).toISOString().replace(/\.000Z$/, 'Z');
  } catch {
    return toUtcIso(`${bare}Z`);
  }
}

const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Stockholm',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'FLE Standard Time': 'Europe/Helsinki',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Eastern Standard Time': 'America/New_York',
};

function toUser(o: Obj): SimUser | undefined {
  const id = str(o.id);
  const upn = str(o.userPrincipalName);
  if (!id || !upn) return undefined;
  const user: SimUser = {
    id,
    displayName: str(o.displayName) ?? upn,
    userPrincipalName: upn,
    mail: str(o.mail) ?? upn,
  };
  const company = str(o.companyName);
  if (company) user.companyName = company;
  return user;
}

function findUser(users: SimUser[], ref: unknown): SimUser | undefined {
  const key = isObj(ref) ? firstStr(ref, 'id', 'userPrincipalName', 'mail', 'upn') : str(ref);
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

interface RawOnlineMeeting {
  id: string;
  joinUrl?: string;
  threadId?: string;
  subject?: string;
  start?: string;
  end?: string;
  organizerId?: string;
  eventId?: string;
}

export function normalizeScenario(raw: unknown): SimScenario {
  const warnings: string[] = [];
  const root: Obj = isObj(raw) ? raw : {};

  // Users: prefer the top-level `users` array; otherwise anything user-shaped.
  const users: SimUser[] = [];
  const addUser = (u: SimUser | undefined): void => {
    if (u && !users.some((x) => x.id === u.id)) users.push(u);
  };
  if (Array.isArray(root.users)) for (const u of root.users) if (isObj(u)) addUser(toUser(u));
  if (users.length === 0) walk(root, (o) => addUser(toUser(o)));

  const scenarioZone = str(root.timeZone) ?? 'UTC';
  const tenant = isObj(root.tenant) ? root.tenant : undefined;
  const tenantId = firstStr(tenant, 'id', 'tenantId') ?? str(root.tenantId) ?? '';
  if (!tenantId) warnings.push('The scenario names no tenant id.');
  const tenantName = firstStr(tenant, 'displayName', 'name') ?? '';

  const personas: Partial<Record<Persona, SimUser>> = {};
  const personaRefs = isObj(root.personas) ? root.personas : {};
  for (const p of ['secretary', 'chair', 'member'] as const) {
    const user = findUser(users, personaRefs[p]);
    if (user) personas[p] = user;
    else warnings.push(`The scenario's personas.${p} (${JSON.stringify(personaRefs[p] ?? null)}) is not a known user.`);
  }

  // Teams (objects with a `channels` array), events (subject + start.dateTime), online meetings.
  const teams: Obj[] = [];
  const events: Obj[] = [];
  const onlineMeetings: RawOnlineMeeting[] = [];
  walk(root, (o, key) => {
    if (Array.isArray(o.channels) && str(o.id)) teams.push(o);
    const start = o.start;
    if (str(o.id) && str(o.subject) !== undefined && ((isObj(start) && str(start.dateTime)) || typeof start === 'string')) {
      events.push(o);
    }
    const joinWebUrl = str(o.joinWebUrl) ?? (key === 'onlineMeetings' ? str(o.joinUrl) : undefined);
    if (joinWebUrl && str(o.id)) {
      const chatInfo = isObj(o.chatInfo) ? o.chatInfo : undefined;
      const participants = isObj(o.participants) ? o.participants : undefined;
      const organizer = participants && isObj(participants.organizer) ? participants.organizer : undefined;
      const identity = organizer && isObj(organizer.identity) ? organizer.identity : undefined;
      const orgUser = identity && isObj(identity.user) ? identity.user : undefined;
      const om: RawOnlineMeeting = { id: str(o.id) as string, joinUrl: joinWebUrl };
      const threadId =
        firstStr(chatInfo, 'threadId') ?? str(o.threadId) ?? str(o.chatThreadId) ?? threadIdFromJoinUrl(joinWebUrl);
      if (threadId) om.threadId = threadId;
      const subject = str(o.subject);
      if (subject) om.subject = subject;
      const start = toUtcIso(o.startDateTime);
      if (start) om.start = start;
      const end = toUtcIso(o.endDateTime);
      if (end) om.end = end;
      const organizerId = firstStr(orgUser, 'id') ?? str(o.organizerId);
      if (organizerId) om.organizerId = organizerId;
      const eventId = str(o.eventId) ?? str(o.calendarEventId);
      if (eventId) om.eventId = eventId;
      onlineMeetings.push(om);
    }
  });

  const ctx = isObj(root.teamsContext) ? root.teamsContext : {};
  const refOf = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = ctx[k];
      const s = isObj(v) ? firstStr(v, 'id', 'eventId', 'displayName') : str(v);
      if (s) return s;
    }
    return undefined;
  };

  // Team and channel.
  const teamRef = refOf('teamId', 'team', 'groupId', 'teamName');
  const rawTeam =
    (teamRef && teams.find((t) => [t.id, t.internalId, t.displayName].includes(teamRef))) || teams[0];
  if (teamRef && rawTeam && ![rawTeam.id, rawTeam.internalId, rawTeam.displayName].includes(teamRef)) {
    warnings.push(`teamsContext names team ${teamRef}, which the scenario does not have; using the first team.`);
  }
  let team: SimTeam | undefined;
  let channel: SimChannel | undefined;
  if (rawTeam) {
    const groupId = str(rawTeam.id) as string;
    team = {
      groupId,
      internalId: str(rawTeam.internalId) ?? `19:${groupId.replace(/-/g, '')}@thread.tacv2`,
      displayName: str(rawTeam.displayName) ?? 'Team',
    };
    const siteUrl = str(rawTeam.webUrl) ?? str(rawTeam.siteUrl) ?? str(rawTeam.sharePointSiteUrl);
    if (siteUrl && !siteUrl.includes('teams.microsoft.com')) team.siteUrl = siteUrl;
    const channels = (rawTeam.channels as unknown[]).filter(isObj);
    const channelRef = refOf('channelId', 'channel', 'channelName');
    const rawChannel =
      (channelRef && channels.find((c) => [c.id, c.displayName].includes(channelRef))) ||
      channels.find((c) => str(c.displayName) !== 'General') ||
      channels[0];
    if (rawChannel) {
      channel = {
        id: str(rawChannel.id) ?? '',
        displayName: str(rawChannel.displayName) ?? 'Channel',
        membershipType: str(rawChannel.membershipType) ?? 'standard',
      };
    }
  } else {
    warnings.push('The scenario has no team with channels; channel tabs get no team context.');
  }

  // Meetings: online events joined to their onlineMeeting by join URL (or by an explicit event id).
  const meetings: SimMeeting[] = [];
  for (const ev of events) {
    const eventId = str(ev.id) as string;
    if (meetings.some((m) => m.eventId === eventId)) continue;
    const om = isObj(ev.onlineMeeting) ? ev.onlineMeeting : undefined;
    const joinUrl = firstStr(om, 'joinUrl', 'joinWebUrl') ?? str(ev.onlineMeetingUrl);
    const linked = onlineMeetings.find(
      (m) => m.eventId === eventId || (joinUrl !== undefined && m.joinUrl === joinUrl),
    );
    const url = joinUrl ?? linked?.joinUrl;
    if (!url) continue; // not a Teams meeting
    const chatThreadId = linked?.threadId ?? threadIdFromJoinUrl(url) ?? `19:meeting_${eventId}@thread.v2`;
    const organizerRef =
      isObj(ev.organizer) && isObj(ev.organizer.emailAddress) ? ev.organizer.emailAddress.address : ev.organizer;
    const organizerId = linked?.organizerId ?? findUser(users, organizerRef)?.id;
    const zone = str(ev.timeZone) ?? str(ev.originalStartTimeZone) ?? scenarioZone;
    const meeting: SimMeeting = {
      eventId,
      title: str(ev.subject) ?? linked?.subject ?? 'Meeting',
      start: toUtcIso(ev.start, zone) ?? linked?.start ?? '',
      end: toUtcIso(ev.end, zone) ?? linked?.end ?? '',
      joinUrl: url,
      chatThreadId,
      recurring: isObj(ev.recurrence) || str(ev.type) === 'seriesMaster',
    };
    if (linked) meeting.onlineMeetingId = linked.id;
    if (organizerId) meeting.organizerId = organizerId;
    meetings.push(meeting);
  }
  if (meetings.length === 0) warnings.push('The scenario has no online meeting events; meeting frames get no meeting.');

  const eventRef = refOf('eventId', 'meetingEventId', 'event', 'meeting', 'calendarEventId');
  let defaultEventId = eventRef && meetings.some((m) => m.eventId === eventRef) ? eventRef : undefined;
  if (!defaultEventId && eventRef) {
    // Perhaps it names the online meeting rather than the event.
    defaultEventId = meetings.find((m) => m.onlineMeetingId === eventRef)?.eventId;
  }
  if (!defaultEventId && meetings[0]) {
    defaultEventId = meetings[0].eventId;
    warnings.push(
      eventRef
        ? `teamsContext names meeting ${eventRef}, which is not an online event; using ${meetings[0].eventId}.`
        : `The scenario's teamsContext names no meeting; using the first online event (${meetings[0].eventId}).`,
    );
  }

  const result: SimScenario = { tenantId, tenantName, users, personas, meetings, warnings };
  if (team) result.team = team;
  if (channel) result.channel = channel;
  if (defaultEventId) result.defaultEventId = defaultEventId;
  const locale = str(ctx.locale);
  if (locale) result.defaultLocale = locale;
  return result;
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
