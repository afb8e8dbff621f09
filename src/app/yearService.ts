// The contract between the "Året" view and the app layer (issue 13): what the view asks for and what
// it gets back. The view computes the registers and attendance with the domain (domain/year.ts); the
// app reads the group's folder and Planner (groupYear.ts) and writes an attendance-only meeting.

import { dayIn, type FollowUpStatus } from '../domain/followUpStatus';
import { meetingFolderName, ROOT_FOLDER } from '../domain/meetingFolder';
import type { Minutes, PersonRef } from '../domain/minutes';
import { personKey } from '../domain/people';
import { Problem } from '../domain/problems';
import { refFromEntry, type GroupSettings, type RosterEntry } from '../domain/settings';
import { roundStatus, type AnswerFile } from '../domain/signOff';
import { currentRound, earlierVersions } from '../domain/signOffState';
import type { Template } from '../domain/templates';
import { attendanceRecordFile, folderMeeting, foldForSearch, restoreAttendanceRecord, type AttendanceOnlyMeeting, type Period, type YearMeeting } from '../domain/year';
import * as files from '../graph/files';
import type { Graph } from '../graph/graph';
import * as people from '../graph/people';
import type { YearCache } from '../store/yearCache';
import { contentVersion, documentVersion } from './documentVersion';
import type { KnownNames } from './followUpStatus';
import { ATTENDANCE_RECORD_FILE, DOWNLOADS_AT_ONCE, eachLimited, readGroupYear, textOf, type FolderMeeting, type YearProgress } from './groupYear';
import { parseSettings, SETTINGS_PATH } from './groupSettings';
import type { MeetingGroup } from './meetingGroup';
import { SIGN_OFF_FOLDER, VERSION_KIND, versionFileName, type VersionSnapshot } from './signOffStore';

export type { YearProgress };

/** What the view shows for one group and period. */
export interface YearData {
  /** The group's name (its settings), for headings and the appendix's title. */
  groupName: string;
  period: Period;
  /**
   * Every meeting folder in the period: minutes (with `approved` from the answers beside them, for
   * minutes sent and not yet published), attendance-only records, and files that cannot be read.
   */
  meetings: YearMeeting[];
  /** The Planner status of each published task, by task id (what actionsRegister takes). */
  statuses: Map<string, Pick<FollowUpStatus, 'state' | 'completedAt' | 'completedBy'>>;
  /** The group's roster and templates from its settings (empty when it has none). */
  roster: RosterEntry[];
  templates: Template[];
  /** Where each meeting's minutes can be opened: the meeting folder's web URL in the channel's files, by folder name. */
  folderUrls: Map<string, string>;
  /** The group's zone, for "today" and dates: its latest minutes' (the settings hold none), else the browser's. */
  timeZone: string;
  /** When this was read (ISO instant), and whether some files came from the device's copy. */
  readAt: string;
}

/** A meeting to add with its date and attendance only (held before the group used Justera). */
export type AttendanceOnlyInput = AttendanceOnlyMeeting;

export interface YearService {
  /** The group the view is for. */
  group: Pick<MeetingGroup, 'teamId' | 'channelId'> & { name?: string };
  /** Reads the group's meetings in the period: listings batched, files in parallel, the device's copy by eTag. */
  read(period: Period, onProgress: (p: YearProgress) => void): Promise<YearData>;
  /**
   * Writes an attendance-only meeting into the group's folder ("Justera/<date> <subject> (<key>)/
   * justera-attendance-record.json"); refuses (Problem code 'meeting-exists') a date on which the
   * folder already holds minutes or a record with the same subject.
   */
  addAttendanceOnly(input: AttendanceOnlyInput): Promise<void>;
  /** People for the form's picker: the roster first, then the directory. */
  searchPeople(text: string): Promise<PersonRef[]>;
}

// ---------------------------------------------------------------------------------------------
// The app layer behind the contract.
//
// Round trips of read(): the group's settings (channel folder, file, bytes) side by side with
// groupYear.ts's read (channel folder, "Justera" listing, the meeting folders' listings in $batch, the
// files' bytes, the Planner tasks); then, for minutes sent and not published only, the "justering"
// listings of their folders in one $batch and the answer files' bytes (the device's copy by eTag, as
// for the minutes). No request per meeting in a row.

export interface YearServiceDeps {
  graph: Graph;
  /** The device's copy of the files read (store/yearCache.ts). */
  cache: YearCache;
  now: () => Date;
  /** The browser's zone: a group without minutes has no zone of its own. */
  timeZone: string;
  /** Names of those who completed tasks, kept between reads. */
  names?: KnownNames;
}

/** The meeting key a folder's name ends with ("... (1x2y3z4)"): what answer files name (meetingFolder.ts meetingKey). */
const folderKey = (name: string) => /\(([0-9a-z]+)\)$/.exec(name)?.[1];

/** The domain's meeting for one folder as read; undefined for a folder with neither minutes nor a record (not a meeting). */
export function yearMeetingOf(m: FolderMeeting): YearMeeting | undefined {
  const folder = m.folderName;
  if (m.minutes) return m.minutes.ok ? { folder, kind: 'minutes', minutes: m.minutes.value } : { folder, kind: 'unreadable', reason: m.minutes.unreadable };
  if (!m.attendanceRecord) return undefined;
  if (!m.attendanceRecord.ok) return { folder, kind: 'unreadable', reason: m.attendanceRecord.unreadable };
  const restored = restoreAttendanceRecord(m.attendanceRecord.value);
  return restored.ok ? { folder, kind: 'attendance-only', record: restored.record } : { folder, kind: 'unreadable', reason: restored.reason };
}

/** Whether a zone name is one Intl knows (a hand-edited file may name anything). */
function knownZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

type Listed = { item: files.DriveItemRef; downloadUrl?: string };

/** The minutes as sent, from the round's stored version (signOffStore.ts readVersion's checks), or undefined when it cannot be trusted. */
async function sentMinutes(text: string, file: Listed, version: string): Promise<Minutes | undefined> {
  let snapshot: Partial<VersionSnapshot> | undefined;
  try {
    snapshot = JSON.parse(text) as Partial<VersionSnapshot>;
  } catch {
    return undefined;
  }
  const { createdBy, lastModifiedBy } = file.item;
  if (snapshot?.kind !== VERSION_KIND || snapshot.version !== version || typeof snapshot.minutes !== 'object' || typeof snapshot.document !== 'object') return undefined;
  if (lastModifiedBy?.id && createdBy?.id && lastModifiedBy.id.toLowerCase() !== createdBy.id.toLowerCase()) return undefined;
  return (await documentVersion(snapshot.document)) === version ? snapshot.minutes : undefined;
}

/**
 * Whether the current round of each minutes sent and not published is approved by everyone, by the
 * folder's name: true only when roundStatus says so over the answer files beside them, counted as
 * publish.ts counts them (the round's version while the minutes' content is as sent, else void).
 * A round recorded without the content's hash is compared through the version stored when it was
 * sent (one more file, kept on the device like the rest). Minutes whose answers cannot be listed are
 * left out (they stay 'sent'); so are those whose stored version cannot be read or trusted.
 */
async function approvals(deps: YearServiceDeps, driveId: string, folders: readonly FolderMeeting[]): Promise<Map<string, boolean>> {
  const { graph, cache } = deps;
  const sent = folders.flatMap((f) => {
    const minutes = f.minutes?.ok ? f.minutes.value : undefined;
    const round = minutes && !minutes.publication ? currentRound(minutes) : undefined;
    const key = folderKey(f.folderName);
    return minutes && round && key ? [{ f, minutes, round, key }] : [];
  });
  const out = new Map<string, boolean>();
  if (sent.length === 0) return out;
  const calls = sent.map(({ f }) => files.childrenAt(driveId, f.folderId, SIGN_OFF_FOLDER));
  const outcomes = await graph.batch(calls);
  const listings = await Promise.all(
    sent.map(async (_, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) return undefined;
      return graph.rest(outcome.value, calls[i]!).catch(() => undefined);
    }),
  );
  const wanted = listings.flatMap((listed, i) =>
    (listed ?? [])
      .filter(({ item }) => !item.isFolder && (item.name.startsWith('svar-') || (sent[i]!.round.content === undefined && item.name === versionFileName(sent[i]!.round.version))))
      .map((file) => ({ i, file })),
  );
  const answers = sent.map((): AnswerFile[] => []);
  const sentContent = sent.map(({ round }): Promise<string | undefined> | string | undefined => round.content);
  await eachLimited(wanted, DOWNLOADS_AT_ONCE, async ({ i, file }: { i: number; file: Listed }) => {
    const { item } = file;
    let text: string | undefined;
    try {
      text = await textOf(graph, cache, `${sent[i]!.f.folderId}/${SIGN_OFF_FOLDER}/${item.name}`, file);
    } catch {
      // Not counted: an answer that cannot be read is flagged by roundStatus, and the minutes stay 'sent'.
    }
    if (!item.name.startsWith('svar-')) {
      sentContent[i] = text === undefined ? undefined : sentMinutes(text, file, sent[i]!.round.version).then((m) => m && contentVersion(m)).catch(() => undefined);
      return;
    }
    let content: unknown;
    try {
      content = text === undefined ? undefined : JSON.parse(text);
    } catch {
      content = undefined;
    }
    answers[i]!.push({ name: item.name, createdBy: item.createdBy, lastModifiedBy: item.lastModifiedBy, createdDateTime: item.created ?? item.lastModified, content });
  });
  await Promise.all(
    sent.map(async ({ f, minutes, round, key }, i) => {
      const asSent = await sentContent[i];
      if (!listings[i] || asSent === undefined) return;
      const content = await contentVersion(minutes);
      out.set(f.folderName, roundStatus(round, key, content === asSent ? round.version : content, answers[i]!, earlierVersions(minutes)).state === 'approved');
    }),
  );
  return out;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date (no 2026-02-30). */
const isCalendarDate = (d: string) => ISO_DAY.test(d) && !Number.isNaN(Date.parse(d)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Subjects compared as people read them: case, accents and spacing aside. */
const sameSubject = (a: string, b: string) => foldForSearch(a.trim()) === foldForSearch(b.trim());

/** The subject a meeting of the folder goes by: its minutes', its record's, else its folder's name. */
function subjectOf(m: YearMeeting): string {
  if (m.kind === 'minutes') return m.minutes.meeting.subject;
  if (m.kind === 'attendance-only') return m.record.subject;
  return folderMeeting(m.folder).subject;
}

/** Whether a roster entry answers the text: every word of it in the name, address or organisation. */
function rosterMatches(entry: RosterEntry, text: string): boolean {
  const words = foldForSearch(text).split(' ').filter(Boolean);
  const haystack = foldForSearch([entry.person.displayName, entry.person.email, entry.organisation ?? entry.person.organisation].filter(Boolean).join(' '));
  return words.length > 0 && words.every((w) => haystack.includes(w));
}

/**
 * The group's settings as loadSettings reads them (parseSettings), through the device's copy like the
 * year's files: the next visit does not download an unchanged file. Undefined for a group without.
 */
async function readSettings(deps: YearServiceDeps, group: YearService['group']): Promise<GroupSettings | undefined> {
  const { graph, cache } = deps;
  const root = await graph.get(files.channelFolder(group.teamId, group.channelId));
  const found = await graph.get(files.itemListedAt(root.driveId, root.id, SETTINGS_PATH));
  if (!found) return undefined;
  const text = await textOf(graph, cache, `${root.id}/${SETTINGS_PATH}`, found);
  return parseSettings(text, group).settings;
}

export function yearService(deps: YearServiceDeps, group: YearService['group']): YearService {
  const { graph } = deps;
  // The settings as last read: the picker's roster between reads of the year.
  let settings: Promise<GroupSettings | undefined> | undefined;
  const loadGroupSettings = () =>
    (settings = readSettings(deps, group).catch((e: unknown) => {
      // A group whose settings cannot be read still has its year: counted without a roster.
      console.warn("Justera: the group's settings could not be read for the year view", e);
      return undefined;
    }));

  return {
    group,
    async read(period, onProgress) {
      const [read, groupSettings] = await Promise.all([readGroupYear({ graph: deps.graph, cache: deps.cache, names: deps.names }, group, period, onProgress), loadGroupSettings()]);
      const approved = await approvals(deps, read.folder.driveId, read.meetings);
      const meetings = read.meetings.flatMap((f): YearMeeting[] => {
        const m = yearMeetingOf(f);
        if (!m) return [];
        const verdict = approved.get(f.folderName);
        return m.kind === 'minutes' && verdict !== undefined ? [{ ...m, approved: verdict }] : [m];
      });
      const latest = read.meetings
        .flatMap((f) => (f.minutes?.ok ? [f.minutes.value.meeting] : []))
        .filter((m) => knownZone(m.timeZone))
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
        .at(-1);
      return {
        groupName: groupSettings?.group.name ?? group.name ?? '',
        period,
        meetings,
        statuses: read.tasks,
        roster: groupSettings?.roster ?? [],
        templates: groupSettings?.templates ?? [],
        folderUrls: new Map(read.meetings.flatMap((f) => (f.webUrl ? [[f.folderName, f.webUrl] as const] : []))),
        timeZone: latest?.timeZone ?? deps.timeZone,
        readAt: deps.now().toISOString(),
      };
    },

    async addAttendanceOnly(input) {
      const date = input.date.trim();
      const subject = input.subject.replace(/\s+/gu, ' ').trim();
      const today = dayIn(deps.now().toISOString(), deps.timeZone);
      if (!isCalendarDate(date)) throw new Problem('bad-data', `Not a date: ${input.date}`, { code: 'bad-date' });
      if (date > today) throw new Problem('bad-data', `The meeting of ${date} has not been held yet`, { code: 'bad-date' });
      const restored = restoreAttendanceRecord(attendanceRecordFile({ date, subject, attendance: input.attendance }));
      if (!restored.ok || restored.repairs.length > 0) {
        throw new Problem('bad-data', `The attendance cannot be written as it is${restored.ok ? `: ${restored.repairs.join('; ')}` : ''}`, { code: 'bad-attendance' });
      }
      // The meetings of that day as the folder has them (the device's copy spares the downloads).
      const day = await readGroupYear({ graph, cache: deps.cache, names: deps.names }, group, { from: date, to: date });
      const taken = day.meetings.flatMap((f) => yearMeetingOf(f) ?? []).find((m) => sameSubject(subjectOf(m), subject));
      const exists = () => new Problem('conflict', `The group's folder already holds a meeting on ${date} named "${subject}"`, { code: 'meeting-exists' });
      if (taken) throw exists();
      // No iCalUId for a meeting held before Justera: the folder's key is a hash of its date and subject.
      const folderName = meetingFolderName({ start: `${date}T12:00:00Z`, timeZone: 'UTC', subject, iCalUId: `attendance-only\n${date}\n${foldForSearch(subject)}` });
      const text = JSON.stringify(attendanceRecordFile(restored.record), null, 2);
      try {
        await graph.send(files.uploadText(day.folder.driveId, day.folder.folderId, `${ROOT_FOLDER}/${folderName}/${ATTENDANCE_RECORD_FILE}`, text, { conflictBehavior: 'fail', contentType: 'application/json' }));
      } catch (e) {
        // Someone added the same meeting meanwhile: the name is taken and nothing was overwritten.
        if (e instanceof Problem && e.kind === 'conflict') throw exists();
        throw e;
      }
    },

    async searchPeople(text) {
      const typed = text.replace(/\s+/gu, ' ').trim();
      if (!typed) return [];
      const [groupSettings, directory] = await Promise.all([settings ?? loadGroupSettings(), graph.get(people.searchPeople(typed))]);
      const fromRoster = (groupSettings?.roster ?? []).filter((e) => rosterMatches(e, typed)).map(refFromEntry);
      const fromDirectory = directory.map((u): PersonRef => ({ key: personKey(u), displayName: u.displayName, ...(u.email && { email: u.email }), ...(u.organisation && { organisation: u.organisation }) }));
      const seen = new Set<string>();
      return [...fromRoster, ...fromDirectory].filter((p) => {
        const key = p.key.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
  };
}
