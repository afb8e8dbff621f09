// The baseline for bench/year.ts: the group's year read one request at a time, as code that does not
// think about round trips would: the "Justera" listing, then each meeting folder's children, then
// each minutes file's item and its bytes, then each published task with its own GET.

import { channelFolderOf, minutesFromText } from '../src/app/channelMinutes';
import { folderDate, type YearPeriod } from '../src/app/groupYear';
import type { MinutesGroup } from '../src/app/openMinutes';
import { MINUTES_FILE, ROOT_FOLDER } from '../src/domain/meetingFolder';
import type { Minutes } from '../src/domain/minutes';
import * as files from '../src/graph/files';
import type { Graph } from '../src/graph/graph';
import * as planner from '../src/graph/planner';

export interface NaiveYear {
  /** The period's minutes, oldest first. */
  minutes: Minutes[];
  /** percentComplete of each published task, by task id. */
  percent: Map<string, number>;
}

export async function naiveYear(graph: Graph, group: MinutesGroup, period: YearPeriod): Promise<NaiveYear> {
  const { driveId, folderId } = await channelFolderOf(graph, group.teamId, group.channelId);
  const root = await graph.get(files.itemByPath(driveId, folderId, ROOT_FOLDER));
  if (!root) return { minutes: [], percent: new Map() };
  const folders = (await graph.all(files.children(driveId, root.id)))
    .filter((f) => {
      const date = f.isFolder ? folderDate(f.name) : undefined;
      return date !== undefined && date >= period.from && date <= period.to;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const minutes: Minutes[] = [];
  for (const folder of folders) {
    const file = (await graph.all(files.children(driveId, folder.id))).find((f) => f.name === MINUTES_FILE);
    if (file) minutes.push(minutesFromText((await files.downloadText(graph, driveId, file.id)).text));
  }
  const percent = new Map<string, number>();
  for (const { taskId } of minutes.flatMap((m) => m.publication?.tasks ?? [])) {
    const task = await graph.get(planner.task(taskId));
    if (task) percent.set(taskId, task.percentComplete);
  }
  return { minutes, percent };
}
