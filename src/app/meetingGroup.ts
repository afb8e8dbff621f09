// Which group a meeting belongs to when it is opened outside a channel (the personal tab "My
// meetings", the meeting's side panel or tab): the group whose settings file lists the meeting's
// series; else the groups with Justera set up, for the person to pick from, and the pick is written
// into that group's settings ("a recurring series is remembered as belonging to its group").
//
// The series key is the series part of the meeting's iCalUId (domain/series.ts): the same for every
// attendee, so the secretary's pick in "My meetings" lets the chair's side panel find the group too.
// Where Graph gives an iCalUId in another format, the seriesMasterId with the organiser's address
// stands in; that one is per mailbox (event ids are), so it finds the group only from this calendar.
//
// Round trips of findGroup, each needing the one before (Graph has no query across channels' files):
//   (1) GET /me/joinedTeams;
//   (2) $batch: each team's channels (20 a batch, the batches sent at once);
//   (3) $batch: each channel's filesFolder (its drive and folder id);
//   (4) $batch: each folder's Justera/justera-settings.json by path, with its download URL (404: not set up);
//   (5) the settings files' bytes from SharePoint, all at once (pre-authenticated URLs; no batch).
// So 4 Graph round trips and one download, whatever the number of teams (more only for a second
// page of teams or channels). Not taken: the group drive's path "<channel name>/Justera/..." would
// skip (3), but a renamed channel keeps its old folder and private channels have sites of their own;
// Microsoft Search finds files in one request, but its index lags minutes to hours behind a save.
// When the device remembers the series' group: no round trip here (openMinutes reads the settings
// beside the minutes, with no extra sequential round trip).
//
// chooseGroup: one PUT of the settings with If-Match on the eTag read in (4); on 412 the file is
// read again (item, bytes) and written once more; the device remembers the pick either way.

import { Problem, toProblem } from '../domain/problems';
import type { Meeting } from '../domain/meeting';
import { listsSeries, seriesKeys } from '../domain/series';
import { rememberSeries, type GroupSettings } from '../domain/settings';
import { channelFolder, downloadTextAt } from '../graph/files';
import type { Graph, Outcome } from '../graph/graph';
import { channelFile, joinedTeams, teamChannels, type ChannelRef, type TeamRef } from '../graph/teams';
import type { GroupMemory, RememberedGroup } from '../store/localStore';
import { parseSettings, saveSettings, SETTINGS_PATH, type SettingsFolder } from './groupSettings';

/** A group with Justera set up, as the picker lists it and openMinutes opens it. */
export interface MeetingGroup {
  teamId: string;
  channelId: string;
  teamName: string;
  channelName: string;
  /** The group's own name, from its settings. */
  name: string;
  /** Present when read in this search; a group remembered on the device is opened without them. */
  settings?: GroupSettings;
  eTag?: string;
  folder?: SettingsFolder;
}

export type GroupSearch =
  /** The group is known: from the device, or the one group whose settings list the series. */
  | { kind: 'found'; group: MeetingGroup; from: 'device' | 'settings'; warnings: Problem[] }
  /** None lists the series (or several do: `several`): the person picks. No candidates: none is set up. */
  | { kind: 'choose'; candidates: MeetingGroup[]; several: boolean; warnings: Problem[] };

export interface ChosenGroup {
  group: MeetingGroup;
  /** The series could not be written into the group's settings (the device still remembers it). */
  notRemembered?: Problem;
}

export interface GroupSearchOptions {
  memory?: GroupMemory;
  now?: () => Date;
  /** Search even when the device remembers a group ("pick another group"). */
  ignoreDevice?: boolean;
}

const collator = new Intl.Collator('sv', { sensitivity: 'base' });
const byShownName = (a: MeetingGroup, b: MeetingGroup) => collator.compare(a.teamName, b.teamName) || collator.compare(a.channelName, b.channelName);

function remembered(group: MeetingGroup, now: Date): RememberedGroup {
  return { teamId: group.teamId, channelId: group.channelId, teamName: group.teamName, channelName: group.channelName, name: group.name, savedAt: now.toISOString() };
}

/**
 * The values of a batch's outcomes; the failed ones become warnings (what did answer is used, and
 * the page says some groups could not be read). A 'not-found' is no warning where `quietNotFound`:
 * a private channel whose site was never opened has no folder yet, which is no fault.
 */
function split<T>(outcomes: readonly (Outcome<T> | undefined)[], warnings: Problem[], quietNotFound = false): (T | undefined)[] {
  return outcomes.map((o) => {
    if (!o) return undefined;
    if (o.ok) return o.value;
    if (!(quietNotFound && o.problem.kind === 'not-found')) warnings.push(o.problem);
    return undefined;
  });
}

/** Every group the user can see that has Justera set up: a settings file Justera can read in a channel folder. */
export async function groupsWithJustera(graph: Graph): Promise<{ groups: MeetingGroup[]; warnings: Problem[] }> {
  const warnings: Problem[] = [];
  const teams: TeamRef[] = await graph.all(joinedTeams());

  const channelPages = split(await graph.batch(teams.map((t) => teamChannels(t.id))), warnings);
  const channels: { team: TeamRef; channel: ChannelRef }[] = [];
  await Promise.all(
    channelPages.map(async (first, i) => {
      if (!first) return;
      const team = teams[i]!;
      try {
        for (const channel of await graph.rest(first, teamChannels(team.id))) channels.push({ team, channel });
      } catch (e) {
        warnings.push(toProblem(e));
      }
    }),
  );

  const folders = split(await graph.batch(channels.map(({ team, channel }) => channelFolder(team.id, channel.id))), warnings, true);
  const files = split(await graph.batch(folders.map((f) => (f ? channelFile(f.driveId, f.id, SETTINGS_PATH) : undefined))), warnings);

  const groups = await Promise.all(
    files.map(async (file, i): Promise<MeetingGroup | undefined> => {
      const folder = folders[i];
      if (!file || !folder) return undefined;
      const { team, channel } = channels[i]!;
      try {
        if (!file.downloadUrl) throw new Problem('bad-data', `${SETTINGS_PATH} in ${team.displayName} / ${channel.displayName} has no content to read`);
        const { settings } = parseSettings(await graph.download(file.downloadUrl), { teamId: team.id, channelId: channel.id });
        return {
          teamId: team.id,
          channelId: channel.id,
          teamName: team.displayName,
          channelName: channel.displayName,
          name: settings.group.name || `${team.displayName} – ${channel.displayName}`,
          settings,
          eTag: file.item.eTag,
          folder: { driveId: folder.driveId, folderId: folder.id },
        };
      } catch (e) {
        // A settings file Justera cannot read is that group's problem, not the search's.
        warnings.push(toProblem(e));
        return undefined;
      }
    }),
  );
  return { groups: groups.filter((g): g is MeetingGroup => g !== undefined).sort(byShownName), warnings };
}

/**
 * The group a meeting belongs to: the one the device remembers for its series, else the one group
 * whose settings list the series; else the groups with Justera set up, to pick from (only those that
 * list it, when several do).
 */
export async function findGroup(graph: Graph, meeting: Pick<Meeting, 'iCalUId' | 'seriesId' | 'eventId' | 'organiser'>, opts: GroupSearchOptions = {}): Promise<GroupSearch> {
  const keys = seriesKeys(meeting);
  const now = opts.now ?? (() => new Date());
  if (opts.memory && !opts.ignoreDevice) {
    // A device that refuses IndexedDB just searches.
    const known = await opts.memory.get(keys.key).catch(() => undefined);
    if (known) return { kind: 'found', group: { ...known }, from: 'device', warnings: [] };
  }
  const { groups, warnings } = await groupsWithJustera(graph);
  const listing = groups.filter((g) => g.settings && listsSeries(g.settings.series, keys));
  if (listing.length === 1 && !opts.ignoreDevice) {
    const group = listing[0]!;
    await opts.memory?.set(keys.key, remembered(group, now())).catch(() => undefined);
    return { kind: 'found', group, from: 'settings', warnings };
  }
  return listing.length > 1 ? { kind: 'choose', candidates: listing, several: true, warnings } : { kind: 'choose', candidates: groups, several: false, warnings };
}

/** The settings as they are in the file now, for a second try after someone else's save. */
async function reread(graph: Graph, group: MeetingGroup & { folder: SettingsFolder }): Promise<{ settings: GroupSettings; eTag: string }> {
  const file = await downloadTextAt(graph, group.folder.driveId, group.folder.folderId, SETTINGS_PATH);
  if (!file) throw new Problem('not-found', `The settings of ${group.teamName} / ${group.channelName} are gone`);
  return { settings: parseSettings(file.text, group).settings, eTag: file.eTag };
}

/**
 * The person picked the meeting's group: a recurring series is added to the group's settings
 * (If-Match; a 412 reads the file again and tries once more), and the device remembers the pick.
 * Where the settings cannot be written (no right to the channel's files, a second conflict), the
 * pick still holds on this device, and notRemembered says why the group does not know it.
 */
export async function chooseGroup(graph: Graph, group: MeetingGroup, meeting: Pick<Meeting, 'iCalUId' | 'seriesId' | 'eventId' | 'organiser'>, opts: GroupSearchOptions = {}): Promise<ChosenGroup> {
  const keys = seriesKeys(meeting);
  const now = opts.now ?? (() => new Date());
  let chosen: MeetingGroup = group;
  let notRemembered: Problem | undefined;
  const { settings, eTag, folder } = group;
  if (keys.recurring && settings && folder && !listsSeries(settings.series, keys)) {
    try {
      const saved = await saveSettings(graph, folder, rememberSeries(settings, keys.key), eTag, now).catch(async (e: unknown) => {
        if (!(e instanceof Problem) || e.kind !== 'conflict') throw e;
        const fresh = await reread(graph, { ...group, folder });
        if (listsSeries(fresh.settings.series, keys)) return fresh;
        return saveSettings(graph, folder, rememberSeries(fresh.settings, keys.key), fresh.eTag, now);
      });
      chosen = { ...group, settings: saved.settings, eTag: saved.eTag };
    } catch (e) {
      notRemembered = toProblem(e);
    }
  }
  await opts.memory?.set(keys.key, remembered(chosen, now())).catch(() => undefined);
  return notRemembered ? { group: chosen, notRemembered } : { group: chosen };
}
