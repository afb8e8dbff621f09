// Use case "open the minutes" of a meeting whose group (team and channel) is known: the minutes
// file in the channel folder, kept by MinutesSync; when there is none yet, new minutes prefilled
// from what Microsoft 365 and the group's folder know:
//   - the agenda from the invitation's body (app/invitation.ts, loaded with this chunk);
//   - the follow-up: the open actions of the latest earlier minutes in the folder;
//   - for numbered paragraphs (Protokoll), where § numbering continues from those minutes;
//   - the next meeting: the series' next occurrence in the calendar.
// Round trips when there is a file: the channel folder, the "Justera" folder and its list, the
// file's item, its bytes (5). New minutes add the earlier minutes' file (2) and the calendar (1),
// sent at the same time.
// The group's settings (template, default chair, secretary and adjusters) come from the caller when
// it has them (a group found by meetingGroup.ts); else they are read from the channel folder (item,
// bytes) beside the minutes file, so they cost no extra sequential round trip.
// A minutes file that cannot be read stops the opening (the page says why); "start again" sets it
// aside (kept beside, channelMinutes.ts) and makes new minutes from the meeting. After opening, the
// people the minutes name (action owners, scribes) are looked up in the directory, in one request
// per 15 that the page does not wait for, so someone who has left the organisation is marked.
// Minutes made before the earlier ones were published have follow-ups without their Planner task:
// while no round was sent, the earlier minutes are read again after opening (not waited for) and
// the tasks they name are filled in as one edit (domain/followUpStatus.ts linkFollowUpTasks).

import type { AgendaDraftItem } from '../domain/agenda';
import { meetingKey, ROOT_FOLDER, MINUTES_FILE } from '../domain/meetingFolder';
import type { Meeting } from '../domain/meeting';
import { linkFollowUpTasks, mayLinkTasks } from '../domain/followUpStatus';
import { firstParagraphFor, followUpFrom, newMinutes, type Minutes, type NextMeeting, type PersonRef } from '../domain/minutes';
import { personKey } from '../domain/people';
import { toProblem } from '../domain/problems';
import { templateFor, type Language } from '../domain/templates';
import * as calendar from '../graph/calendar';
import * as files from '../graph/files';
import type { GroupSettings } from '../domain/settings';
import type { Graph } from '../graph/graph';
import type { PageVisibility } from '../host/pageVisibility';
import { usersById } from '../graph/users';
import type { MinutesLocal } from '../store/localStore';
import { channelFolderOf, channelMinutesRemote, minutesFromText, type ChannelFolder } from './channelMinutes';
import { parseSettings, SETTINGS_PATH } from './groupSettings';
import { agendaFromInvitation } from './invitation';
import { MinutesSync } from './minutesSync';
import type { Prefill } from './prefill';

export interface MinutesGroup {
  teamId: string;
  channelId: string;
}

export interface MinutesDeps {
  graph: Graph;
  now: () => Date;
  newId: () => string;
  /** The device's copy of a meeting's minutes, by the meeting's key. */
  local: (key: string) => MinutesLocal;
  /** The host's zone, for calendar answers. */
  timeZone: string;
  /** Whether the page is in sight: while it is, the open minutes take in others' changes (MinutesSync). */
  visibility?: PageVisibility;
}

export interface OpenedMinutes {
  sync: MinutesSync;
  folder: ChannelFolder;
  /** The group's settings (its templates and roster), when it has a file Justera could read. */
  settings?: GroupSettings;
  /** The name the unreadable file was kept under, when these minutes started again (FreshInput.startAgain). */
  setAside?: string;
  /**
   * The keys of people the minutes name (action owners, scribes, follow-up owners) whom the
   * directory no longer has; none when it cannot tell (refused, offline).
   */
  goneFromDirectory: Promise<ReadonlySet<string>>;
  /** The meeting's folder in the group's drive, once the minutes are saved (sign-off's files live there). */
  meetingFolder(): Promise<{ driveId: string; folderId: string } | undefined>;
  /**
   * Follow-ups given the Planner task their earlier minutes were published with after these were
   * made (how many; 0 when none was missing or could be found). The page does not wait for it.
   */
  tasksLinked: Promise<number>;
}

const DAY = 86_400_000;

function asRef(p: { displayName: string; email?: string; organisation?: string; directoryId?: string }): PersonRef {
  return { key: personKey(p), displayName: p.displayName, email: p.email, organisation: p.organisation };
}

/** The key of a meeting's minutes: its iCalUId (the same for everyone); its event id only where Graph gave none. */
function keyOf(meeting: Meeting): string {
  return meeting.iCalUId ?? meeting.eventId;
}

/** The latest minutes in the folder from before this meeting (folders are named by date first). */
async function previousMinutes(graph: Graph, folder: ChannelFolder, meeting: Meeting): Promise<Minutes | undefined> {
  const root = await graph.get(files.itemByPath(folder.driveId, folder.folderId, ROOT_FOLDER));
  if (!root) return undefined;
  const key = meetingKey(keyOf(meeting));
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: meeting.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(meeting.start));
  const earlier = (await graph.all(files.children(folder.driveId, root.id)))
    .filter((f) => f.isFolder && !f.name.endsWith(`(${key})`) && f.name.slice(0, 10) <= day)
    .sort((a, b) => b.name.localeCompare(a.name));
  for (const candidate of earlier.slice(0, 3)) {
    const file = await files.downloadTextAt(graph, folder.driveId, candidate.id, MINUTES_FILE).catch(() => undefined);
    if (!file) continue;
    try {
      const minutes = minutesFromText(file.text);
      if (Date.parse(minutes.meeting.start) < Date.parse(meeting.start)) return minutes;
    } catch {
      // An earlier file that cannot be read is passed over here; opening it says why.
    }
  }
  return undefined;
}

/** The series' next occurrence after this one, from the calendar. */
/** The series' next occurrence, as the minutes' "Nästa möte" starts from it: its start, end and place. */
async function nextOccurrence(graph: Graph, meeting: Meeting, timeZone: string): Promise<Omit<NextMeeting, 'text'> | undefined> {
  if (!meeting.seriesId) return undefined;
  const from = new Date(Date.parse(meeting.end) + 60_000).toISOString();
  const to = new Date(Date.parse(meeting.end) + 62 * DAY).toISOString();
  const items = await graph.all(calendar.calendarView(from, to, timeZone));
  const next = items.find((m) => m.seriesId === meeting.seriesId && !m.isCancelled);
  if (!next) return undefined;
  const place = next.place.rooms.join(', ');
  return { start: next.start, end: next.end, ...(place ? { place } : {}) };
}

export interface FreshInput {
  prefill: Prefill;
  language: Language;
  /** A template chosen for these minutes; else the group's (settings.templateId), else the language's default. */
  templateId?: string;
  /** The group's settings, when the caller has read them; else openMinutes reads them from the folder. */
  settings?: GroupSettings;
  /** Set an unreadable minutes file aside (kept beside, under another name) and start again from the meeting. */
  startAgain?: boolean;
}

/**
 * The invitation's body as the agenda reader should take it: HTML, or text where Graph says so, or
 * where a client put plain text in an HTML body (no markup between <body> and </body>, only lines,
 * which HTML would run together).
 */
export function invitationBody(meeting: Pick<Meeting, 'bodyHtml' | 'bodyIsText'>): { text: string; kind: 'html' | 'text' } | undefined {
  const body = meeting.bodyHtml;
  if (!body) return undefined;
  if (meeting.bodyIsText) return { text: body, kind: 'text' };
  const inner = /<body[^>]*>([\s\S]*)<\/body>/i.exec(body)?.[1] ?? body;
  return /<[a-z!/]/i.test(inner) || !/\n/.test(inner) ? { text: body, kind: 'html' } : { text: decodeEntities(inner), kind: 'text' };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references in text taken out of HTML: named (the common ones) and numeric; others stay as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const DIRECTORY_KEY = 'id:';

/**
 * The directory people the minutes name whom the directory no longer has (they left the
 * organisation): looked up by id, 15 per request in one batch. People known only by e-mail or name
 * (guests, phone participants) were never in it and are not looked up. When any look-up fails,
 * no one is said to be gone.
 */
export async function goneFromDirectory(graph: Graph, minutes: Minutes): Promise<ReadonlySet<string>> {
  const named = new Map<string, string>();
  const add = (p: PersonRef | undefined) => {
    if (p?.key.startsWith(DIRECTORY_KEY)) named.set(p.key.slice(DIRECTORY_KEY.length), p.key);
  };
  for (const item of minutes.agenda) {
    item.actions.forEach((a) => add(a.owner));
    item.notes.forEach((n) => add(n.scribe));
  }
  minutes.followUp.forEach((f) => add(f.owner));
  if (!named.size) return new Set();
  const found = new Set<string>();
  for (const outcome of await graph.batch(usersById([...named.keys()]))) {
    if (!outcome.ok) return new Set();
    outcome.value.forEach((u) => found.add(u.directoryId.toLowerCase()));
  }
  return new Set([...named].filter(([id]) => !found.has(id)).map(([, key]) => key));
}

/** The group's settings in the channel folder; none (or unreadable: the settings page says why) is no settings. */
async function settingsIn(graph: Graph, folder: ChannelFolder, group: MinutesGroup): Promise<GroupSettings | undefined> {
  try {
    const file = await files.downloadTextAt(graph, folder.driveId, folder.folderId, SETTINGS_PATH);
    return file ? parseSettings(file.text, group).settings : undefined;
  } catch (e) {
    console.warn("Justera: the group's settings could not be read; the minutes open without them", e);
    return undefined;
  }
}

/** The header of new minutes from the group's settings: the secretary and chair they name, else the prefill's. */
export function headerFrom(settings: GroupSettings | undefined, prefill: Pick<Prefill, 'secretary' | 'chairKey'>): { secretary: PersonRef; chairKey?: string; adjusters: PersonRef[] } {
  const defaults = settings?.defaults;
  return {
    secretary: defaults?.secretary ? { ...defaults.secretary } : asRef(prefill.secretary),
    chairKey: defaults?.chair?.key ?? prefill.chairKey,
    adjusters: (defaults?.adjusters ?? []).map((p) => ({ ...p })),
  };
}

export async function openMinutes(deps: MinutesDeps, group: MinutesGroup, input: FreshInput): Promise<OpenedMinutes> {
  const { graph } = deps;
  const meeting = input.prefill.meeting;
  const folder = await channelFolderOf(graph, group.teamId, group.channelId);
  const identity = { iCalUId: keyOf(meeting), start: meeting.start, timeZone: meeting.timeZone, subject: meeting.subject };
  const remote = channelMinutesRemote(graph, folder, identity);
  const setAside = input.startAgain ? await remote.setAside(deps.now()) : undefined;
  const sync = new MinutesSync(remote, deps.local(meetingKey(identity.iCalUId)), { now: deps.now, visibility: deps.visibility });
  // Read while the minutes are: needed for new minutes, and for the group's own templates and roster.
  const settingsRead = input.settings ? Promise.resolve(input.settings) : settingsIn(graph, folder, group);

  let madeNow = false;
  const fresh = async (): Promise<Minutes> => {
    madeNow = true;
    const settings = await settingsRead;
    const template = templateFor(input.templateId ?? settings?.templateId, settings?.templates ?? [], input.language);
    const header = headerFrom(settings, input.prefill);
    // What is not there (no earlier minutes, no calendar answer) leaves that part empty, never the minutes.
    const [previous, next] = await Promise.all([
      previousMinutes(graph, folder, meeting).catch(() => undefined),
      nextOccurrence(graph, meeting, deps.timeZone).catch(() => undefined),
    ]);
    let agenda: AgendaDraftItem[] = [];
    try {
      const body = invitationBody(meeting);
      agenda = body ? agendaFromInvitation(body.text, body.kind) : [];
    } catch (e) {
      console.warn('Justera: the agenda could not be read from the invitation', e);
    }
    return newMinutes({
      meeting: {
        eventId: meeting.eventId,
        seriesId: meeting.seriesId,
        subject: meeting.subject,
        start: meeting.start,
        end: meeting.end,
        timeZone: meeting.timeZone,
        place: meeting.place.rooms.join(', '),
      },
      templateId: template.id,
      // The group's template is in its own language: a Swedish group's minutes stay Swedish in an English Teams.
      language: settings && !input.templateId ? template.language : input.language,
      agenda,
      secretary: header.secretary,
      chairKey: header.chairKey,
      adjusters: header.adjusters,
      nextMeeting: { ...next, text: '' },
      // Kept whatever the template: minutes switched to "Protokoll" later continue the year's § numbers.
      firstParagraph: firstParagraphFor(meeting.start, previous?.firstParagraph ? [{ start: previous.meeting.start, firstParagraph: previous.firstParagraph, items: previous.agenda.length }] : []),
      followUp: previous ? followUpFrom(previous, deps.newId) : [],
      newId: deps.newId,
      now: deps.now(),
    });
  };
  await sync.open(fresh);
  const settings = await settingsRead;
  const gone = goneFromDirectory(graph, sync.minutes).catch((e: unknown) => {
    console.warn('Justera: could not tell who has left the directory', e);
    return new Set<string>();
  });
  const tasksLinked = madeNow ? Promise.resolve(0) : linkTasks(graph, folder, meeting, sync).catch((e: unknown) => {
    // Offline is no news (the next opening tries again); anything else is worth the log.
    if (toProblem(e).kind !== 'offline') console.warn("Justera: the earlier minutes' Planner tasks could not be read", e);
    return 0;
  });
  return { sync, folder, goneFromDirectory: gone, meetingFolder: () => remote.meetingFolder(), tasksLinked, ...(settings && { settings }), ...(setAside !== undefined && { setAside }) };
}

/** Fills in follow-ups' Planner tasks from the earlier minutes, when some have none and no round was sent. */
async function linkTasks(graph: Graph, folder: ChannelFolder, meeting: Meeting, sync: MinutesSync): Promise<number> {
  const missing = (m: Minutes) => mayLinkTasks(m) && m.followUp.some((f) => f.taskId === undefined);
  if (!missing(sync.minutes)) return 0;
  const previous = await previousMinutes(graph, folder, meeting);
  if (!previous || !missing(sync.minutes)) return 0;
  // Against the minutes as they are by then (the page may have changed them meanwhile), synchronously.
  const before = sync.minutes.followUp;
  const linked = linkFollowUpTasks(before, [previous]);
  if (linked === before) return 0;
  sync.update((m) => ({ ...m, followUp: [...linked] }));
  return linked.filter((f, i) => f !== before[i]).length;
}
