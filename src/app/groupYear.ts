// Use case "read the group's year" (issue 13): every meeting folder under "Justera/" in the channel
// folder whose date (the name starts with YYYY-MM-DD) is in the period, with its minutes file and,
// for a meeting added with attendance only, its attendance record; then the Planner status of the
// tasks the year's minutes were published with. The registers and attendance are the domain's.
//
// Never one request per file in a row. Round trips: the channel folder; the "Justera" listing (and
// its further pages); the meeting folders' listings (eTag and download URL of each file) in $batch,
// 20 per batch, all batches at once; the bytes from the download URLs, DOWNLOADS_AT_ONCE at a time,
// each next download starting as one ends; the Planner tasks in $batch (and the names of who
// completed them). A file whose eTag is the one kept on the device (YearCache) is not downloaded.
//
// One file that cannot be read (not JSON, a newer schema, refused, gone meanwhile) is reported as
// unreadable with why, and the rest is still read; only a failure of the listing itself fails.

import type { FollowUpStatus } from '../domain/followUpStatus';
import { MINUTES_FILE, ROOT_FOLDER } from '../domain/meetingFolder';
import type { Minutes } from '../domain/minutes';
import { Problem, toProblem } from '../domain/problems';
import * as files from '../graph/files';
import type { Graph } from '../graph/graph';
import type { CachedFile, YearCache } from '../store/yearCache';
import { channelFolderOf, minutesFromText, type ChannelFolder } from './channelMinutes';
import { taskStatuses, type KnownNames } from './followUpStatus';
import type { MinutesGroup } from './openMinutes';

/** A meeting added with its date and attendance only (held before the group used Justera). */
export const ATTENDANCE_RECORD_FILE = 'justera-attendance-record.json';

/** Downloads in flight at once: browsers allow 6 connections per host, SharePoint's included. */
export const DOWNLOADS_AT_ONCE = 6;

/** Dates as YYYY-MM-DD, both included. */
export interface YearPeriod {
  from: string;
  to: string;
}

export interface YearProgress {
  /** Files read so far (downloaded, or taken from the device's copy). */
  done: number;
  /** Files to read; known once the meeting folders are listed. */
  of: number;
}

/** One file as read: its value, or why it cannot be read. */
export type FileRead<T> = { ok: true; eTag: string; value: T } | { ok: false; eTag?: string; unreadable: string; message: string };

/** One meeting folder as read (domain/year.ts YearMeeting is what the view counts, made from it by yearService.ts). */
export interface FolderMeeting {
  /** "2026-09-04 Samordningsgrupp Nära vård (0g5huo9)". */
  folderName: string;
  folderId: string;
  /** Where the folder opens in the channel's files (the listing's webUrl). */
  webUrl?: string;
  /** YYYY-MM-DD, from the folder's name. */
  date: string;
  /** Absent when the folder holds no minutes file. */
  minutes?: FileRead<Minutes>;
  /** The attendance record's JSON, as written (the domain restores it); absent when there is none. */
  attendanceRecord?: FileRead<unknown>;
}

export interface GroupYear {
  folder: ChannelFolder;
  /** Oldest first. */
  meetings: FolderMeeting[];
  /** The status of each task the period's minutes were published with (publication.tasks), by task id. */
  tasks: Map<string, FollowUpStatus>;
}

export interface GroupYearDeps {
  graph: Graph;
  cache: YearCache;
  /** Names of those who completed tasks, kept between reads by the caller. */
  names?: KnownNames;
}

const DATED = /^(\d{4}-\d{2}-\d{2})(?:\s|$)/;

/** The date a meeting folder's name starts with, if it is one. */
export function folderDate(name: string): string | undefined {
  return DATED.exec(name)?.[1];
}

/** Runs `work` over `items`, at most `limit` at a time, each next one starting as one ends. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** What a read file failed with, as FileRead says it: the Problem's code (minutes-not-json, minutes-newer-schema), else its kind. */
function unreadable(e: unknown, eTag?: string): FileRead<never> {
  const problem = toProblem(e);
  return { ok: false, ...(eTag !== undefined && { eTag }), unreadable: problem.code ?? problem.kind, message: problem.message };
}

function parseRecord(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Problem('bad-data', 'The attendance record is not valid JSON', { code: 'record-not-json', cause: e });
  }
}

type Listed = { item: files.DriveItemRef; downloadUrl?: string };

interface Wanted {
  meeting: FolderMeeting;
  file: Listed;
  kind: 'minutes' | 'attendanceRecord';
}

/** The meeting folders in the period, oldest first; a failure here fails the whole read. */
async function meetingFolders(graph: Graph, folder: ChannelFolder, period: YearPeriod): Promise<FolderMeeting[]> {
  const call = files.childrenAt(folder.driveId, folder.folderId, ROOT_FOLDER);
  const listed = await graph.rest(await graph.get(call), call);
  return listed
    .flatMap(({ item }) => {
      const date = item.isFolder ? folderDate(item.name) : undefined;
      return date && date >= period.from && date <= period.to ? [{ folderName: item.name, folderId: item.id, webUrl: item.webUrl, date }] : [];
    })
    .sort((a, b) => a.folderName.localeCompare(b.folderName));
}

/** The files to read in each meeting folder: their listings in $batch; a folder that cannot be listed is unreadable. */
async function filesOf(graph: Graph, folder: ChannelFolder, meetings: FolderMeeting[]): Promise<Wanted[]> {
  const calls = meetings.map((m) => files.childrenListed(folder.driveId, m.folderId));
  const outcomes = await graph.batch(calls);
  const wanted: Wanted[] = [];
  await Promise.all(
    meetings.map(async (meeting, i) => {
      const outcome = outcomes[i]!;
      let listed: Listed[];
      try {
        if (!outcome.ok) throw outcome.problem;
        listed = await graph.rest(outcome.value, calls[i]!);
      } catch (e) {
        meeting.minutes = unreadable(e);
        return;
      }
      for (const file of listed) {
        if (file.item.isFolder) continue;
        if (file.item.name === MINUTES_FILE) wanted.push({ meeting, file, kind: 'minutes' });
        else if (file.item.name === ATTENDANCE_RECORD_FILE) wanted.push({ meeting, file, kind: 'attendanceRecord' });
      }
    }),
  );
  return wanted;
}

/** A file's text: the device's copy when its eTag is the listed one, else downloaded (and kept). */
export async function textOf(graph: Graph, cache: YearCache, key: string, file: Listed): Promise<string> {
  const kept: CachedFile | undefined = await cache.get(key).catch(() => undefined);
  if (kept?.eTag === file.item.eTag) return kept.text;
  const { text } = await files.downloadListed(graph, file);
  await cache.put(key, { eTag: file.item.eTag, text }).catch((e: unknown) => console.warn('Justera: a file of the year could not be kept on this device', e));
  return text;
}

/**
 * The group's meetings in the period, each with its minutes (or why they cannot be read) and
 * attendance record, and the Planner status of the tasks they were published with.
 */
export async function readGroupYear(deps: GroupYearDeps, group: MinutesGroup, period: YearPeriod, onProgress: (p: YearProgress) => void = () => {}): Promise<GroupYear> {
  const { graph, cache } = deps;
  const folder = await channelFolderOf(graph, group.teamId, group.channelId);
  const meetings = await meetingFolders(graph, folder, period);
  const wanted = await filesOf(graph, folder, meetings);
  const progress = { done: 0, of: wanted.length };
  onProgress({ ...progress });
  await eachLimited(wanted, DOWNLOADS_AT_ONCE, async ({ meeting, file, kind }) => {
    const { eTag } = file.item;
    try {
      const text = await textOf(graph, cache, `${meeting.folderId}/${file.item.name}`, file);
      if (kind === 'minutes') meeting.minutes = { ok: true, eTag, value: minutesFromText(text) };
      else meeting.attendanceRecord = { ok: true, eTag, value: parseRecord(text) };
    } catch (e) {
      meeting[kind] = unreadable(e, eTag);
    }
    progress.done += 1;
    onProgress({ ...progress });
  });
  const taskIds = meetings.flatMap((m) => (m.minutes?.ok ? (m.minutes.value.publication?.tasks ?? []).map((t) => t.taskId) : []));
  const tasks = await taskStatuses(graph, taskIds, deps.names);
  return { folder, meetings, tasks };
}
