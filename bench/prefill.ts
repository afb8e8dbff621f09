// `npm run bench`: what opening a meeting costs in Graph traffic, with the emulator adding latency
// to every HTTP request. For the demo meeting and meetings with 100 and 300 invitees: requests,
// $batch items, sequential round trips and wall time, beside a naive one-request-at-a-time
// version run in the same process against the same tenant. Also the same for "My meetings".

import path from 'node:path';
import { startEmulator } from '../emulator/src/server';
import { initialWindow } from '../src/domain/dateWindow';
import { listMyMeetings } from '../src/app/myMeetings';
import { prefill } from '../src/app/prefill';
import { emulatorTokenProvider } from '../src/auth/emulatorTokenProvider';
import { groupAttendance, type Attendance, type AttendanceEntry } from '../src/domain/attendance';
import { createGraphClient } from '../src/graph/client';
import { Graph } from '../src/graph/graph';
import { memoryStore } from '../src/store/localStore';
import { naivePrefill } from './naive';
import { requestLog } from './roundTrips';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const scenarios = [
  { name: 'demo', file: 'demo.json', user: 'karin.ekstrom@regionostmark.se', subject: 'Samordningsgrupp Nära vård' },
  { name: '100 invitees', file: 'attendees-100.json', user: 'ahmed.yilmaz@regionostmark.se', subject: 'Regionalt dialogmöte' },
  { name: '300 invitees', file: 'attendees-300.json', user: 'ahmed.yilmaz@regionostmark.se', subject: 'Regionalt dialogmöte' },
];

const lists = (a: Attendance) => {
  const groups: Record<string, AttendanceEntry[]> = { ...groupAttendance(a) };
  return JSON.stringify(Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.map((e) => e.person.displayName).sort()])));
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  scenario: string;
  invitees: number;
  variant: string;
  requests: number;
  batchItems: number;
  roundTrips: number;
  ms: number;
}

async function main() {
  const rows: Row[] = [];
  const now = new Date();
  for (const s of scenarios) {
    const emulator = await startEmulator({ port: 0, scenario: path.resolve(__dirname, '../emulator/scenarios', s.file) });
    try {
      const log = requestLog();
      const { client, version } = createGraphClient({ endpoint: { baseUrl: emulator.graphBaseUrl }, tokens: emulatorTokenProvider(emulator.url, s.user), observer: log });
      const graph = new Graph(client, version);
      // Find the meeting (latest ended occurrence) before latency is switched on; not measured.
      const meetings = await listMyMeetings(graph, initialWindow(now), 'Europe/Stockholm');
      const target = meetings.filter((m) => m.subject.startsWith(s.subject) && Date.parse(m.end) < now.getTime()).at(-1);
      if (!target) throw new Error(`No ended meeting "${s.subject}" in ${s.file}`);
      const deps = { graph, now: () => now, timeZone: 'Europe/Stockholm', store: memoryStore() };
      const joinUrl = (await prefill(deps, { kind: 'event', eventId: target.eventId })).meeting.joinUrl!;
      emulator.setFaults({ latencyMs: LATENCY_MS });

      const variants = {
        'Justera (batched)': async () => (await prefill(deps, { kind: 'event', eventId: target.eventId })).attendance,
        'Justera, inside the meeting': async () => (await prefill(deps, { kind: 'meeting', joinUrl, start: target.start, end: target.end })).attendance,
        'naive (one at a time)': () => naivePrefill(graph, target.eventId, now),
        'My meetings list': async () => (await listMyMeetings(graph, initialWindow(now), 'Europe/Stockholm'), undefined),
      };
      const results: Record<string, string> = {};
      for (const [variant, run] of Object.entries(variants)) {
        const samples: Row[] = [];
        for (let i = 0; i < RUNS; i += 1) {
          log.reset();
          emulator.resetStats();
          const started = performance.now();
          const attendance = await run();
          const ms = performance.now() - started;
          if (attendance) results[variant] = lists(attendance);
          const invitees = attendance?.entries.filter((e) => e.invited).length ?? 0;
          samples.push({ scenario: s.name, invitees, variant, requests: log.requests.length, batchItems: emulator.stats().batchItems, roundTrips: log.roundTrips(), ms });
        }
        rows.push({ ...samples[0]!, ms: median(samples.map((r) => r.ms)) });
      }
      for (const variant of ['naive (one at a time)', 'Justera, inside the meeting']) {
        if (results['Justera (batched)'] !== results[variant]) throw new Error(`${s.name}: "${variant}" disagrees on who was there`);
      }
    } finally {
      await emulator.close();
    }
  }

  console.log(`Prefill of a meeting, emulator latency ${LATENCY_MS} ms per HTTP request, median of ${RUNS} runs`);
  console.log('(requests = HTTP requests incl. retries; batch items = requests inside $batch; every prefill gave the same lists)');
  console.log('("inside the meeting" starts from what Teams tells the side panel or meeting tab: the join link and times)\n');
  const header = ['scenario', 'invitees', 'variant', 'requests', 'batch items', 'round trips', 'wall ms'];
  const table = rows.map((r) => [r.scenario, r.variant === 'My meetings list' ? '' : String(r.invitees), r.variant, String(r.requests), String(r.batchItems), String(r.roundTrips), r.ms.toFixed(0)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  table.forEach((row) => console.log(line(row)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
