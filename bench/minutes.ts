// `npm run bench` (second part): what keeping the minutes costs in Graph traffic, with the emulator
// adding latency to every HTTP request:
//   - opening minutes with 60 agenda items from the channel folder (Graph requests, round trips,
//     time; the bytes come from SharePoint's download URL, one request more, not counted here);
//   - a burst of typing (40 keystrokes, 120 ms apart) saved by MinutesSync, which coalesces edits
//     into few writes, beside a save-per-keystroke baseline run in the same process.

import path from 'node:path';
import { startEmulator } from '../emulator/src/server';
import { channelFolderOf, channelMinutesRemote } from '../src/app/channelMinutes';
import { MinutesSync } from '../src/app/minutesSync';
import { emulatorTokenProvider } from '../src/auth/emulatorTokenProvider';
import { agendaItem, type Minutes } from '../src/domain/minutes';
import { sampleMinutes } from '../src/domain/minutesFixtures';
import { createGraphClient } from '../src/graph/client';
import { Graph } from '../src/graph/graph';
import { memoryMinutes } from '../src/store/localStore';
import { requestLog } from './roundTrips';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const USER = 'ahmed.yilmaz@regionostmark.se';
const GROUP = { teamId: '4c536162-c681-4515-a05c-293d7178a85d', channelId: '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2' };
const KEYSTROKES = 40;
const TYPING_MS = 120;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sixtyItems(): Minutes {
  return sampleMinutes({
    agenda: Array.from({ length: 60 }, (_, i) => ({
      ...agendaItem(`item-${i}`, { title: `Punkt ${i + 1}: ${'uppföljning av färdplanen '.repeat(3)}` }),
      notes: [{ id: `n-${i}`, html: `<p>${'Dialog om konferensen och kommunernas deltagande. '.repeat(20)}</p>` }],
      decisions: [{ id: `d-${i}`, text: 'Samordningsgruppen ställer sig bakom förslaget.' }],
      actions: [{ id: `a-${i}`, what: 'Återkommer med tidplan', due: '2027-01-16' }],
    })),
  });
}

async function main() {
  const emulator = await startEmulator({ port: 0, scenario: path.resolve(__dirname, '../emulator/scenarios/demo.json') });
  try {
    const log = requestLog();
    const { client, version } = createGraphClient({ endpoint: { baseUrl: emulator.graphBaseUrl }, tokens: emulatorTokenProvider(emulator.url, USER), observer: log });
    const graph = new Graph(client, version);
    const folder = await channelFolderOf(graph, GROUP.teamId, GROUP.channelId);
    const meeting = { iCalUId: 'bench-60-items', start: '2026-12-04T07:00:00Z', timeZone: 'Europe/Stockholm', subject: 'Samordningsgrupp Nära vård' };
    const seed = new MinutesSync(channelMinutesRemote(graph, folder, meeting), memoryMinutes(), { delayMs: 0 });
    await seed.open(sixtyItems);
    await seed.flush();
    const bytes = JSON.stringify(seed.minutes, null, 2).length;
    emulator.setFaults({ latencyMs: LATENCY_MS });

    const rows: string[][] = [];
    const measure = async (what: string, run: () => Promise<number | void>) => {
      log.reset();
      const started = performance.now();
      const writes = await run();
      const ms = performance.now() - started;
      const puts = log.requests.filter((r) => r.method === 'PUT').length;
      rows.push([what, String(log.requests.length), String(puts || writes || 0), String(log.roundTrips()), ms.toFixed(0)]);
    };

    await measure(`open minutes with 60 items (${(bytes / 1024).toFixed(0)} KB)`, async () => {
      const sync = new MinutesSync(channelMinutesRemote(graph, folder, meeting), memoryMinutes());
      await sync.open(sixtyItems);
      if (sync.minutes.agenda.length !== 60) throw new Error('the 60 items did not come back');
    });

    const typing = async (save: (sync: MinutesSync) => Promise<void>) => {
      const sync = new MinutesSync(channelMinutesRemote(graph, folder, meeting), memoryMinutes());
      await sync.open(sixtyItems);
      log.reset();
      for (let k = 0; k < KEYSTROKES; k += 1) {
        sync.update((m) => ({ ...m, agenda: m.agenda.map((i, n) => (n === 0 ? { ...i, decisions: [{ id: 'd-0', text: `${i.decisions[0]!.text}x` }] } : i)) }));
        await save(sync);
        await sleep(TYPING_MS);
      }
      await sync.flush();
      if (sync.saveStatus.kind !== 'saved') throw new Error(`not saved: ${sync.saveStatus.kind}`);
    };
    await measure(`${KEYSTROKES} keystrokes, Justera (coalesced)`, () => typing(async () => undefined));
    await measure(`${KEYSTROKES} keystrokes, save per keystroke`, () => typing((sync) => sync.flush()));

    console.log(`\nKeeping the minutes, emulator latency ${LATENCY_MS} ms per HTTP request (typing: one keystroke every ${TYPING_MS} ms)\n`);
    const header = ['what', 'requests', 'writes', 'round trips', 'wall ms'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i >= 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    rows.forEach((r) => console.log(line(r)));
  } finally {
    await emulator.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
