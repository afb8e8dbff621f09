// `npm run bench` (third part): what publishing approved minutes costs in Graph traffic, with the
// emulator adding latency to every HTTP request (SharePoint's download URLs included). For minutes
// with 5, 20 and 60 actions (owners a mix of members, a guest, someone outside the team, someone who
// has left, none; test/publishFixture.ts): requests, $batch items, sequential round trips and wall
// time of src/app/publish.ts, beside the same publish done one request at a time (naivePublish.ts),
// each on a fresh tenant; both must leave the tenant the same, or the bench fails.
// BENCH_TRACE=1 also prints Justera's requests by their place in the longest chain.

import { isDeepStrictEqual } from 'node:util';
import { publish } from '../src/app/publish';
import { approvedMinutes, publishDeps, tenantState, world, type TenantState } from '../test/publishFixture';
import { naivePublish } from './naivePublish';
import { longestChain, requestLog } from './roundTrips';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const SIZES = [5, 20, 60];
/**
 * The fewest sequential round trips the data dependencies allow on a first publish: nothing may be
 * written before the answers say every approver approved this version, and the answers are files:
 * (1) the answers' and the version's listings, (2) their bytes from the download URLs (everything
 * else read meanwhile: buckets, members, messages, the meeting's folder, then the bucket's tasks and
 * the outsiders' userType); then the longest chain of writes: (3) the meeting's bucket created,
 * (4) the tasks created in it, (5) their details read for the eTags Planner requires, (6) written
 * with If-Match, (7) the record saved in the minutes. The .docx upload and the message it is
 * attached to (3-4) go beside it. $batch holds 20 items, and the chunks go out at once, so 60 tasks
 * are still one round trip.
 */
const FEWEST = 7;

const variants = {
  'Justera (batched)': publish,
  'naive (one at a time)': naivePublish,
} as const;

interface Row {
  actions: number;
  variant: string;
  requests: number;
  batchItems: number;
  roundTrips: number;
  chain: number;
  ms: number;
}

async function measure(actions: number, variant: keyof typeof variants): Promise<{ row: Row; state: TenantState; levels: string[] }> {
  const log = requestLog();
  const w = await world({ observer: log });
  try {
    const { opened, request } = await approvedMinutes(w, actions);
    const deps = publishDeps(w, opened);
    w.emulator.setFaults({ latencyMs: LATENCY_MS, paths: '.' });
    log.reset();
    w.emulator.resetStats();
    const started = performance.now();
    await variants[variant](deps, request);
    const ms = performance.now() - started;
    const { length, levels } = longestChain(log);
    const row = { actions, variant, requests: log.requests.length, batchItems: w.emulator.stats().batchItems, roundTrips: log.roundTrips(), chain: length, ms };
    w.emulator.clearFaults();
    const state = await tenantState(w, opened);
    if (state.tasks.length !== actions || state.messages.length !== 1) throw new Error(`${variant}, ${actions} actions: ${state.tasks.length} tasks and ${state.messages.length} messages`);
    return { row, state, levels };
  } finally {
    await w.emulator.close();
  }
}

async function main() {
  const rows: Row[] = [];
  const traces: string[] = [];
  for (const actions of SIZES) {
    const states: TenantState[] = [];
    for (const variant of Object.keys(variants) as (keyof typeof variants)[]) {
      const { row, state, levels } = await measure(actions, variant);
      rows.push(row);
      states.push(state);
      if (variant === 'Justera (batched)') traces.push(`Justera's chain of requests, ${actions} actions (requests at the same depth):`, ...levels);
    }
    if (!isDeepStrictEqual(states[0], states[1])) {
      console.error(JSON.stringify(states, null, 2));
      throw new Error(`${actions} actions: the naive publish left the tenant different from Justera's (both printed above)`);
    }
  }

  console.log(`\nPublishing approved minutes, emulator latency ${LATENCY_MS} ms per HTTP request, one run each on a fresh tenant`);
  console.log('(requests = HTTP requests incl. retries and the downloads of the approved version and the answers;');
  console.log(' batch items = requests inside $batch; round trips = groups of requests in flight together (bench/roundTrips.ts);');
  console.log(' longest chain = requests each sent after the one before it had its answer; both variants left the same tenant)\n');
  const header = ['scenario', 'actions', 'variant', 'requests', 'batch items', 'round trips', 'longest chain', 'wall ms'];
  const table = rows.map((r) => ['publish', String(r.actions), r.variant, String(r.requests), String(r.batchItems), String(r.roundTrips), String(r.chain), r.ms.toFixed(0)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 || i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  table.forEach((row) => console.log(line(row)));
  const ours = rows.filter((r) => r.variant === 'Justera (batched)');
  const counts = (key: 'roundTrips' | 'chain') => [...new Set(ours.map((r) => r[key]))].join('/');
  const longest = Math.max(...ours.map((r) => r.chain));
  const verdict =
    longest <= FEWEST
      ? `Justera meets it (${counts('roundTrips')} round trips, longest chain ${counts('chain')})`
      : `Justera: ${counts('roundTrips')} round trips as counted above, but a longest chain of ${counts('chain')}, ${longest - FEWEST} more than needed (BENCH_TRACE=1 shows where)`;
  console.log(
    `\nFewest sequential round trips the data dependencies allow, at any number of actions: ${FEWEST}` +
      ' (the answers and the version: listings, then bytes, with everything else read meanwhile; nothing is written before' +
      ' they say it is approved; then the bucket, the tasks in it, their details read for their eTags, written with If-Match,' +
      ` the record saved; the .docx and the message beside; a $batch holds 20 items and the chunks go out together). ${verdict}.`,
  );
  if (process.env.BENCH_TRACE) console.log(`\n${traces.join('\n')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
