// `npm run bench` (fourth part): what opening the group's year costs (issue 13), with the emulator
// adding latency to every HTTP request, SharePoint's download URLs included. The demo tenant with 50
// weekly meetings' minutes files seeded in one year and 300 Planner tasks published from them (6 per
// meeting, a third done, a third half-way): src/app/groupYear.ts readGroupYear with an empty device
// copy (cold), then again with the copy the cold read filled (warm), beside the same year read one
// request at a time (naiveYear.ts) in the same run. All three must read the same minutes and task
// statuses, or the bench fails. BENCH_TRACE=1 also prints the cold read's requests by their place in
// the longest chain.

import { createHash } from 'node:crypto';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/src/server';
import { channelFolderOf } from '../src/app/channelMinutes';
import type { YearPeriod } from '../src/app/groupYear';
import { yearService } from '../src/app/yearService';
import { emulatorTokenProvider } from '../src/auth/emulatorTokenProvider';
import { meetingFolderName, MINUTES_FILE, ROOT_FOLDER } from '../src/domain/meetingFolder';
import { agendaItem, type Minutes, type PublishedTask } from '../src/domain/minutes';
import { sampleMinutes } from '../src/domain/minutesFixtures';
import { createDownloadChain, createGraphClient } from '../src/graph/client';
import * as files from '../src/graph/files';
import { Graph } from '../src/graph/graph';
import * as planner from '../src/graph/planner';
import { memoryYearCache } from '../src/store/yearCache';
import { naiveYear } from './naiveYear';
import { longestChain, printTable, requestLog, type RequestLog } from './roundTrips';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const SECRETARY = 'ahmed.yilmaz@regionostmark.se';
const GROUP = { teamId: '4c536162-c681-4515-a05c-293d7178a85d', channelId: '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2' };
const SUBJECT = 'Samordningsgrupp Nära vård';
const MEETINGS = 50;
const ACTIONS_PER_MEETING = 6;
/** A year before the demo's own year of minutes, so the period holds the seeded meetings only. */
const PERIOD: YearPeriod = { from: '2024-01-01', to: '2024-12-31' };
const FIRST_MEETING = Date.parse('2024-01-05T07:00:00Z');
const WEEK_MS = 7 * 24 * 3600 * 1000;

function loggedGraph(emulator: RunningEmulator): { graph: Graph; log: RequestLog } {
  const log = requestLog();
  const { client, version } = createGraphClient({ endpoint: { baseUrl: emulator.graphBaseUrl }, tokens: emulatorTokenProvider(emulator.url, SECRETARY), observer: log });
  return { graph: new Graph(client, version, createDownloadChain({ observer: log })), log };
}

/** Meeting n's minutes: three agenda items with decisions and six actions, published as `tasks`. */
function meetingMinutes(n: number, planId: string, tasks: planner.PlannerTaskRef[]): Minutes {
  const start = new Date(FIRST_MEETING + n * WEEK_MS);
  const actions = tasks.map((t, a) => ({ id: `m${n}-a${a}`, what: t.title, due: new Date(start.getTime() + 2 * WEEK_MS).toISOString().slice(0, 10) }));
  const item = (i: number, title: string, acts: typeof actions) => ({
    ...agendaItem(`m${n}-i${i}`, { title }),
    notes: [{ id: `m${n}-n${i}`, html: `<p>${'Dialog om färdplanen och kommunernas deltagande. '.repeat(8)}</p>` }],
    decisions: [{ id: `m${n}-d${i}`, text: `Samordningsgruppen ställer sig bakom förslaget i punkt ${i + 1}.` }],
    actions: acts,
  });
  const published: PublishedTask[] = tasks.map((t, a) => ({ actionId: actions[a]!.id, taskId: t.id, title: t.title, assigneeIds: [] }));
  return sampleMinutes({
    meeting: { eventId: `bench-year-${n}`, subject: SUBJECT, start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString(), timeZone: 'Europe/Stockholm', place: 'Via Teams' },
    agenda: [item(0, 'Inledning', []), item(1, 'Ekonomisk uppföljning', actions.slice(0, 3)), item(2, 'Länskonferensen', actions.slice(3))],
    publication: {
      version: createHash('sha256').update(`bench-year-${n}`).digest('hex'),
      publishedAt: new Date(start.getTime() + 2 * 24 * 3600_000).toISOString(),
      publishedBy: { key: 'id:ahmed', displayName: 'Ahmed Yilmaz' },
      document: { id: `doc-${n}`, name: 'Protokoll.docx', webUrl: 'https://example.invalid/doc' },
      message: { id: `msg-${n}` },
      planId,
      tasks: published,
    },
  });
}

/** Every result of a batch, or a failure naming what could not be seeded. */
function values<T>(outcomes: ({ ok: true; value: T } | { ok: false; problem: Error } | undefined)[], what: string): T[] {
  return outcomes.map((o, i) => {
    if (!o?.ok) throw new Error(`Seeding ${what} ${i} failed: ${o?.problem.message ?? 'no answer'}`);
    return o.value;
  });
}

/** The 50 meetings' folders and minutes files, and their 300 tasks in the group's plan (a third done, a third at 50 %). */
async function seed(graph: Graph): Promise<void> {
  const plan = (await graph.all(planner.groupPlans(GROUP.teamId))).find((p) => p.title === SUBJECT);
  if (!plan) throw new Error(`The demo group has no plan "${SUBJECT}"`);
  const created = values(
    await graph.batchWrites(Array.from({ length: MEETINGS * ACTIONS_PER_MEETING }, (_, i) => planner.createTask({ planId: plan.id, title: `Åtgärd ${i + 1}` }))),
    'task',
  );
  const percentOf = (i: number) => [0, 50, 100][i % 3]!;
  values(
    await graph.batchWrites(created.map((t, i) => (percentOf(i) ? planner.patchTask(t.id, t.eTag, { percentComplete: percentOf(i) }) : undefined)).filter((w) => w !== undefined)),
    'task status',
  );
  const { driveId, folderId } = await channelFolderOf(graph, GROUP.teamId, GROUP.channelId);
  await Promise.all(
    Array.from({ length: MEETINGS }, (_, n) => {
      const minutes = meetingMinutes(n, plan.id, created.slice(n * ACTIONS_PER_MEETING, (n + 1) * ACTIONS_PER_MEETING));
      const folder = meetingFolderName({ ...minutes.meeting, iCalUId: minutes.meeting.eventId });
      return graph.send(files.uploadText(driveId, folderId, `${ROOT_FOLDER}/${folder}/${MINUTES_FILE}`, JSON.stringify(minutes, null, 2)));
    }),
  );
}

/** What both ways of reading must agree on: meetings, actions, and each task's percentComplete. */
interface Read {
  meetings: number;
  actions: number;
  percent: string;
}

/** Planner's percentComplete as the state the year view shows. */
const stateOf = (percent: number) => (percent >= 100 ? 'done' : percent > 0 ? 'in-progress' : 'not-started');

const readOf = (minutes: Minutes[], states: Map<string, string>): Read => ({
  meetings: minutes.length,
  actions: minutes.reduce((n, m) => n + m.agenda.reduce((k, i) => k + i.actions.length, 0), 0),
  percent: JSON.stringify([...states].sort(([a], [b]) => a.localeCompare(b))),
});

async function main() {
  const emulator = await startEmulator({ port: 0, scenario: path.resolve(__dirname, '../emulator/scenarios/demo.json') });
  try {
    const { graph, log } = loggedGraph(emulator);
    await seed(graph);
    emulator.setFaults({ latencyMs: LATENCY_MS, paths: '.' });
    const cache = memoryYearCache();

    // What the year view does on opening: the group's settings, the folder's files and the tasks' statuses.
    const year = yearService({ graph, cache, now: () => new Date(), timeZone: 'Europe/Stockholm' }, GROUP);
    const justera = async (): Promise<Read> => {
      const data = await year.read(PERIOD, () => {});
      const unreadable = data.meetings.filter((m) => m.kind !== 'minutes');
      if (unreadable.length) throw new Error(`the year view could not read ${unreadable.map((m) => m.folder).join(', ')}`);
      return readOf(
        data.meetings.flatMap((m) => (m.kind === 'minutes' ? [m.minutes] : [])),
        new Map([...data.statuses].map(([id, s]) => [id, s.state])),
      );
    };
    const variants: [string, () => Promise<Read>][] = [
      ['Justera, cold (empty device copy)', justera],
      ['Justera, warm (device copy by eTag)', justera],
      ['naive (one file at a time)', async () => {
        const { minutes, percent } = await naiveYear(graph, GROUP, PERIOD);
        return readOf(minutes, new Map([...percent].map(([id, p]) => [id, stateOf(p)])));
      }],
    ];
    const rows: string[][] = [];
    const reads: Read[] = [];
    let trace: string[] = [];
    for (const [variant, run] of variants) {
      log.reset();
      emulator.resetStats();
      const started = performance.now();
      const read = await run();
      const ms = performance.now() - started;
      const { length, levels } = longestChain(log);
      if (!trace.length) trace = levels;
      reads.push(read);
      const downloads = log.requests.filter((r) => !new URL(r.url).pathname.startsWith('/v1.0/')).length;
      rows.push([variant, String(log.requests.length), String(downloads), String(emulator.stats().batchItems), String(log.roundTrips()), String(length), ms.toFixed(0)]);
    }
    emulator.clearFaults();

    const want: Omit<Read, 'percent'> = { meetings: MEETINGS, actions: MEETINGS * ACTIONS_PER_MEETING };
    reads.forEach((r, i) => {
      const tasks = (JSON.parse(r.percent) as unknown[]).length;
      if (r.meetings !== want.meetings || r.actions !== want.actions || tasks !== want.actions) {
        throw new Error(`${variants[i]![0]} read ${r.meetings} meetings, ${r.actions} actions and ${tasks} tasks; the seed has ${want.meetings}, ${want.actions} and ${want.actions}`);
      }
      if (r.percent !== reads[0]!.percent) throw new Error(`${variants[i]![0]} read the tasks' percentComplete differently from ${variants[0]![0]}`);
    });

    console.log(`\nOpening the group's year: ${MEETINGS} minutes files and ${MEETINGS * ACTIONS_PER_MEETING} Planner tasks, emulator latency ${LATENCY_MS} ms per HTTP request, one run each`);
    console.log('(requests = HTTP requests incl. retries and downloads; downloads = of them, bytes from the download URLs;');
    console.log(' batch items = requests inside $batch; round trips = groups of requests in flight together (bench/roundTrips.ts);');
    console.log(' longest chain = requests each sent after the one before it had its answer; all three read the same meetings, actions and task statuses)\n');
    printTable(['variant', 'requests', 'downloads', 'batch items', 'round trips', 'longest chain', 'wall ms'], rows, 1);
    if (process.env.BENCH_TRACE) console.log(`\nJustera's chain of requests, cold (requests at the same depth):\n${trace.join('\n')}`);
  } finally {
    await emulator.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
