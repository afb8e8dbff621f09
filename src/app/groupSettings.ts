// The group's settings as a file in its channel's folder (Justera/justera-settings.json): read and
// restored, written with If-Match so nobody's save silently replaces another's, and a first version
// prefilled from the team, the directory and Planner when the group has none yet.
//
// Round trips:
// - load: (1) the channel's filesFolder (its drive and folder id); (2) the file by path, for its
//   eTag and download URL (a 404 is "no settings yet"); (3) its bytes from SharePoint. Each needs
//   the one before.
// - prefill: (1) the team's members and the group's Planner plans, in one $batch; (2) the members in
//   the directory (15 ids a request, 20 requests a $batch), for their organisations. (More only when
//   a team has more than one page of members.)
// - save: one PUT, with If-Match on the eTag the settings were read with (none: create only).

import { ROOT_FOLDER, SETTINGS_FILE } from '../domain/meetingFolder';
import type { PersonRef } from '../domain/minutes';
import { personKey } from '../domain/people';
import { Problem, toProblem } from '../domain/problems';
import {
  entryFromDirectory,
  newSettings,
  restoreSettings,
  rosterFromMembers,
  serialiseSettings,
  type GroupSettings,
  type RosterEntry,
} from '../domain/settings';
import type { Language } from '../domain/templates';
import { channelFolder, downloadTextAt, uploadText } from '../graph/files';
import type { Graph, GraphCall, Outcome, Page } from '../graph/graph';
import { teamMembers } from '../graph/members';
import { searchPeople } from '../graph/people';
import { groupPlans, planBuckets, type PlannerBucketRef, type PlannerPlanRef } from '../graph/planner';
import { usersById, type DirectoryUser } from '../graph/users';

/** Where the settings file is, below the channel's folder. */
export const SETTINGS_PATH = `${ROOT_FOLDER}/${SETTINGS_FILE}`;

/** Problem codes of a settings file Justera cannot use: the page says which, and leaves the file alone. */
export const SETTINGS_UNREADABLE = 'settingsUnreadable';
export const SETTINGS_NEWER = 'settingsNewerVersion';

/** The channel's folder in the team's document library: the settings file is below it. */
export interface SettingsFolder {
  driveId: string;
  folderId: string;
}

/** Who saved the file last and when, as SharePoint says (set from the token, never from the file). */
export interface SavedStamp {
  savedBy?: string;
  savedAt?: string;
}

export interface LoadedSettings extends SavedStamp {
  /** Undefined when the group has no settings file yet. */
  settings?: GroupSettings;
  /** What the next save sends as If-Match. */
  eTag?: string;
  folder: SettingsFolder;
  /** What restoreSettings had to repair, for the log. */
  repairs?: string[];
}

export interface SavedSettings extends SavedStamp {
  settings: GroupSettings;
  eTag: string;
}

/** Where the tab runs: the team (Graph's id), its channel, and who is signed in. */
export interface GroupContext {
  team: { id: string; name?: string; groupId?: string };
  channel: { id: string; name?: string };
  user?: { id?: string; displayName?: string; upn?: string };
  language: Language;
}

export interface PrefilledSettings {
  settings: GroupSettings;
  /** The group's Planner plans, for the picker (empty when there are none or they could not be read). */
  plans: PlannerPlanRef[];
  /** What could not be read: the settings are still usable, and the page says what is missing. */
  warnings: Problem[];
}

/** The text of a settings file as settings, or a 'bad-data' Problem that says what is wrong with it. */
export function parseSettings(text: string, where: { teamId: string; channelId: string }): { settings: GroupSettings; repairs: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Problem('bad-data', `The group's settings file ${SETTINGS_PATH} is not valid JSON; Justera left it as it is.`, { code: SETTINGS_UNREADABLE, cause: e });
  }
  const restored = restoreSettings(raw);
  if (!restored.ok && restored.reason === 'newer-version') {
    throw new Problem('bad-data', `The group's settings file ${SETTINGS_PATH} was written by a newer Justera (schema version ${restored.version}); Justera left it as it is.`, {
      code: SETTINGS_NEWER,
    });
  }
  if (!restored.ok) {
    throw new Problem('bad-data', `The group's settings file ${SETTINGS_PATH} holds no settings Justera can read; Justera left it as it is.`, { code: SETTINGS_UNREADABLE });
  }
  const { settings, repairs } = restored;
  // The file belongs to the channel whose folder holds it: a copy from another channel names that one.
  if (settings.group.teamId !== where.teamId || settings.group.channelId !== where.channelId) {
    repairs.push(`group named ${settings.group.teamId} / ${settings.group.channelId}, the file is in ${where.teamId} / ${where.channelId}`);
    settings.group = { ...settings.group, teamId: where.teamId, channelId: where.channelId };
  }
  return { settings, repairs };
}

/**
 * The group's settings from its channel's folder. No file yet: settings undefined (and the folder to
 * save in). A file Justera cannot read: a 'bad-data' Problem saying so, and the file is not touched.
 * Someone outside the team: 'forbidden'.
 */
export async function loadSettings(graph: Graph, teamId: string, channelId: string): Promise<LoadedSettings> {
  const root = await graph.get(channelFolder(teamId, channelId));
  const folder: SettingsFolder = { driveId: root.driveId, folderId: root.id };
  const file = await downloadTextAt(graph, folder.driveId, folder.folderId, SETTINGS_PATH);
  if (!file) return { folder };
  const { settings, repairs } = parseSettings(file.text, { teamId, channelId });
  return { settings, eTag: file.eTag, folder, repairs, savedBy: file.item.lastModifiedBy?.displayName, savedAt: file.item.lastModified };
}

/**
 * Writes the settings with If-Match on the eTag they were read with, or, for a group that had none,
 * only if nobody created the file meanwhile. Either way a newer file is a 'conflict' Problem (412 or
 * 409): read it again and show it; never a blind overwrite.
 */
export async function saveSettings(graph: Graph, folder: SettingsFolder, settings: GroupSettings, eTag?: string, now: () => Date = () => new Date()): Promise<SavedSettings> {
  const stamped: GroupSettings = { ...settings, updatedAt: now().toISOString() };
  const item = await graph.send(
    uploadText(folder.driveId, folder.folderId, SETTINGS_PATH, serialiseSettings(stamped), eTag ? { ifMatch: eTag } : { conflictBehavior: 'fail' }),
  );
  return { settings: stamped, eTag: item.eTag, savedBy: item.lastModifiedBy?.displayName, savedAt: item.lastModified };
}

/** Every item, from a first page fetched in a batch. */
async function allPages<T>(graph: Graph, outcome: Outcome<Page<T>>, call: GraphCall<Page<T>>): Promise<T[]> {
  if (!outcome.ok) throw outcome.problem;
  return graph.rest(outcome.value, call);
}

/**
 * Settings for a group that has none yet: the roster from the team's members and the directory
 * (organisation from companyName, else department, else officeLocation; everyone a member), the
 * group's plan when it has exactly one, the informal template of the language, and the one setting it
 * up as the default secretary. The directory and Planner are optional: without them the roster has
 * names only, or there is no plan, and the warnings say so.
 */
export async function prefillSettings(graph: Graph, context: GroupContext, now: () => Date = () => new Date()): Promise<PrefilledSettings> {
  const warnings: Problem[] = [];
  const planCall = context.team.groupId ? groupPlans(context.team.groupId) : undefined;
  const [membersOutcome, plansOutcome] = await graph.batch([teamMembers(context.team.id), planCall] as const);
  const members = await allPages(graph, membersOutcome, teamMembers(context.team.id));
  let plans: PlannerPlanRef[] = [];
  if (plansOutcome && planCall) {
    try {
      plans = await allPages(graph, plansOutcome, planCall);
    } catch (e) {
      warnings.push(toProblem(e));
    }
  }
  const directory: DirectoryUser[] = [];
  for (const outcome of await graph.batch(usersById(members.map((m) => m.userId)))) {
    if (outcome.ok) directory.push(...outcome.value);
    else warnings.push(outcome.problem);
  }
  const roster = rosterFromMembers(members, directory);
  const user = context.user;
  const secretary: Pick<PersonRef, 'key' | 'displayName' | 'email'> | undefined = user?.id
    ? { key: personKey({ directoryId: user.id, displayName: user.displayName ?? '' }), displayName: user.displayName ?? '', email: user.upn }
    : undefined;
  const settings = newSettings({
    team: context.team,
    channel: context.channel,
    roster,
    language: context.language,
    planId: plans.length === 1 ? plans[0]!.id : undefined,
    secretary,
    now: now(),
  });
  return { settings, plans, warnings };
}

/** The group's Planner plans, for the picker. */
export const listPlans = (graph: Graph, groupId: string): Promise<PlannerPlanRef[]> => graph.all(groupPlans(groupId));

/** A plan's buckets, for "always this bucket". */
export const listBuckets = (graph: Graph, planId: string): Promise<PlannerBucketRef[]> => graph.all(planBuckets(planId));

/** People in the directory by what someone typed, as roster entries (to add to the roster). */
export async function findPeople(graph: Graph, text: string): Promise<RosterEntry[]> {
  if (!text.trim()) return [];
  return (await graph.get(searchPeople(text))).map((u) => entryFromDirectory(u));
}

/** What the UI gets for the group's settings (Services.settings): data and callbacks, no Graph. */
export interface GroupSettingsService {
  /** The settings in the channel's folder; `teamId` is Graph's team id (the group id Teams gives). */
  load(teamId: string, channelId: string): Promise<LoadedSettings>;
  save(folder: SettingsFolder, settings: GroupSettings, eTag?: string): Promise<SavedSettings>;
  prefill(context: GroupContext): Promise<PrefilledSettings>;
  plans(groupId: string): Promise<PlannerPlanRef[]>;
  buckets(planId: string): Promise<PlannerBucketRef[]>;
  findPeople(text: string): Promise<RosterEntry[]>;
}

export function groupSettingsService(graph: Graph, now: () => Date = () => new Date()): GroupSettingsService {
  return {
    load: (teamId, channelId) => loadSettings(graph, teamId, channelId),
    save: (folder, settings, eTag) => saveSettings(graph, folder, settings, eTag, now),
    prefill: (context) => prefillSettings(graph, context, now),
    plans: (groupId) => listPlans(graph, groupId),
    buckets: (planId) => listBuckets(graph, planId),
    findPeople: (text) => findPeople(graph, text),
  };
}

export type { PlannerBucketRef, PlannerPlanRef };
