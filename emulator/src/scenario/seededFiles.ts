/**
 * The files a scenario seeds in its channel folders, for tests: a copy of a scenario without them
 * (a group that has not set Justera up yet), and the files as the emulator serves them once
 * loaded (their placeholders resolved against "now"), to compute what a test expects.
 */

import { loadScenario } from './load';
import type { Scenario } from './types';
import type { DriveItemModel } from '../state';

/** The scenario with no seeded files in any channel. */
export function withoutSeededFiles(s: Scenario): Scenario {
  const copy: Scenario = JSON.parse(JSON.stringify(s));
  for (const team of copy.teams ?? []) for (const channel of team.channels) delete channel.files;
  return copy;
}

export interface SeededFile {
  /** Below the channel's folder: "Justera/2026-09-04 Samordningsgrupp Nära vård (0g5huo9)/minutes.json". */
  path: string;
  text: string;
}

/** The files in one channel's folder as the emulator holds them at "now", by path. */
export function seededFiles(s: Scenario, now: number, channelId: string): SeededFile[] {
  const state = loadScenario(s, now);
  const team = state.teams.find((t) => t.channels.some((c) => c.id === channelId));
  const drive = team && state.drives.get(team.driveId);
  const folderId = team?.channels.find((c) => c.id === channelId)?.folderId;
  if (!drive || !folderId) return [];
  const out: SeededFile[] = [];
  const walk = (parentId: string, prefix: string): void => {
    for (const item of drive.items.values() as Iterable<DriveItemModel>) {
      if (item.parentId !== parentId) continue;
      const path = `${prefix}${item.name}`;
      if (item.isFolder) walk(item.id, `${path}/`);
      else out.push({ path, text: item.content.toString('utf8') });
    }
  };
  walk(folderId, '');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
