// The minutes file of one meeting in the group's channel folder, as MinutesSync reads and writes it:
// `Justera/<date> <subject> (<key>)/minutes.json` (domain/meetingFolder.ts: the key comes from the
// meeting's iCalUId, the same in every attendee's calendar). The folder is found by listing
// "Justera" once and remembered; the first write makes it. Every read passes restoreMinutes. A file
// that is not minutes is never overwritten: starting again sets it aside, kept beside the new one.

import { ROOT_FOLDER, MINUTES_FILE, isMeetingFolder, meetingFolderName } from '../domain/meetingFolder';
import type { Minutes } from '../domain/minutes';
import { Problem } from '../domain/problems';
import { restoreMinutes } from '../domain/restoreMinutes';
import * as files from '../graph/files';
import type { Graph } from '../graph/graph';
import type { MinutesRemote } from './minutesSync';

/** The channel's files folder: where everything of the group lives. */
export interface ChannelFolder {
  driveId: string;
  folderId: string;
}

export async function channelFolderOf(graph: Graph, teamId: string, channelId: string): Promise<ChannelFolder> {
  const folder = await graph.get(files.channelFolder(teamId, channelId));
  return { driveId: folder.driveId, folderId: folder.id };
}

export interface MeetingIdentity {
  iCalUId: string;
  start: string;
  timeZone: string;
  subject: string;
}

/** Reads a minutes file's text: JSON, then the restore step; what is not minutes is said, not guessed. */
export function minutesFromText(text: string): Minutes {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Problem('bad-data', 'The minutes file is not valid JSON', { code: 'minutes-not-json', cause: e });
  }
  const restored = restoreMinutes(raw);
  if (!restored.ok) {
    throw new Problem('bad-data', `The minutes file cannot be read (${restored.reason}${restored.version ? ` ${restored.version}` : ''})`, { code: `minutes-${restored.reason}` });
  }
  if (restored.repairs.length) console.warn('Justera: the minutes file was repaired when read', restored.repairs);
  return restored.minutes;
}

/** The name an unreadable minutes file is kept under when the secretary starts again: "minutes (unreadable 2026-12-02T01-57-11Z).json". */
export function setAsideName(now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return MINUTES_FILE.replace(/(\.json)?$/, ` (unreadable ${stamp})$1`);
}

export interface ChannelMinutesRemote extends MinutesRemote {
  /**
   * Sets the meeting's minutes file aside so new minutes can be made in its place: its text is
   * kept beside it under setAsideName (Graph adds a number if that is taken), then the file itself
   * goes to the site's recycle bin, only as it was read (If-Match). Returns the kept file's name;
   * undefined when there was no file.
   */
  setAside(now: Date): Promise<string | undefined>;
  /** The meeting's folder (where sign-off keeps its files), once the minutes have been saved; undefined before. */
  meetingFolder(): Promise<{ driveId: string; folderId: string } | undefined>;
}

export function channelMinutesRemote(graph: Graph, folder: ChannelFolder, meeting: MeetingIdentity): ChannelMinutesRemote {
  let meetingFolderId: string | undefined;

  /** The meeting's folder, found by its key (whatever the subject was when it was made). */
  async function findMeetingFolder(): Promise<string | undefined> {
    if (meetingFolderId) return meetingFolderId;
    const root = await graph.get(files.itemByPath(folder.driveId, folder.folderId, ROOT_FOLDER));
    if (!root) return undefined;
    const all = await graph.all(files.children(folder.driveId, root.id));
    return (meetingFolderId = all.find((f) => f.isFolder && isMeetingFolder(f.name, meeting.iCalUId))?.id);
  }

  return {
    async read() {
      const id = await findMeetingFolder();
      if (!id) return undefined;
      const file = await files.downloadTextAt(graph, folder.driveId, id, MINUTES_FILE);
      if (!file) return undefined;
      return { minutes: minutesFromText(file.text), eTag: file.eTag };
    },
    async write(minutes, ifMatch) {
      const id = await findMeetingFolder();
      // The first write names the folders too: Graph makes "Justera/<meeting>/" on the way.
      const [parent, name] = id ? [id, MINUTES_FILE] : [folder.folderId, `${ROOT_FOLDER}/${meetingFolderName(meeting)}/${MINUTES_FILE}`];
      const written = await graph.send(
        files.uploadText(folder.driveId, parent, name, JSON.stringify(minutes, null, 2), {
          ifMatch,
          // Without an eTag this is the first write: it must not replace a file someone else made.
          conflictBehavior: ifMatch ? 'replace' : 'fail',
          contentType: 'application/json',
        }),
      );
      meetingFolderId ??= written.parentId;
      return { eTag: written.eTag };
    },
    async version() {
      // The driveItem alone (metadata, no download): its eTag changes with every save.
      const id = await findMeetingFolder();
      if (!id) return undefined;
      return (await graph.get(files.itemByPath(folder.driveId, id, MINUTES_FILE)))?.eTag;
    },
    async meetingFolder() {
      const id = await findMeetingFolder();
      return id ? { driveId: folder.driveId, folderId: id } : undefined;
    },
    async setAside(now) {
      const id = await findMeetingFolder();
      const file = id && (await files.downloadTextAt(graph, folder.driveId, id, MINUTES_FILE));
      if (!id || !file) return undefined;
      const kept = await graph.send(files.uploadText(folder.driveId, id, setAsideName(now), file.text, { conflictBehavior: 'rename', contentType: 'text/plain; charset=utf-8' }));
      await graph.send(files.deleteItem(folder.driveId, file.item.id, file.eTag));
      return kept.name;
    },
  };
}
