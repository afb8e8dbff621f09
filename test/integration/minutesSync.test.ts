// Saving the minutes in the channel: nothing typed is ever lost. MinutesSync with the real graph
// port (channelMinutes.ts) against the emulator over HTTP: the first write makes the meeting's
// folder, two people editing at once are merged per section, a write whose answer was lost is not
// taken for someone else's, and a failing server leaves everything on the device until it answers.
// An open page (visible) takes in others' saves without a write of its own, keeps what was typed
// here, asks nothing while hidden, and waits as long as Microsoft 365 asks when a check is refused.

import type { RunningEmulator } from '../../emulator/src/server';
import { channelFolderOf, channelMinutesRemote, type ChannelFolder } from '../../src/app/channelMinutes';
import { MinutesSync } from '../../src/app/minutesSync';
import { isMeetingFolder, ROOT_FOLDER } from '../../src/domain/meetingFolder';
import type { AgendaItem, Minutes } from '../../src/domain/minutes';
import { sampleMinutes } from '../../src/domain/minutesFixtures';
import * as files from '../../src/graph/files';
import type { Graph } from '../../src/graph/graph';
import { keepVersion } from '../../src/domain/minutesEdits';
import { manualVisibility, type PageVisibility } from '../../src/host/pageVisibility';
import { memoryMinutes } from '../../src/store/localStore';
import { DEMO, emulatorWith, graphAs } from './harness';

const { SECRETARY, CHAIR, OUTSIDER, TEAM, CHANNEL } = DEMO;

const NOW = new Date('2026-11-23T09:00:00Z');

let emulator: RunningEmulator;
let folder: ChannelFolder;
let n = 0;
/** A meeting of its own for each test, so tests do not see each other's files. */
const meeting = () => ({ iCalUId: `040000008200E00074C5B7101A82E008000000000000000000000000000000${(n += 1)}`, start: '2026-12-04T07:00:00Z', timeZone: 'Europe/Stockholm', subject: 'Samordningsgrupp Nära vård' });

beforeAll(async () => {
  emulator = await emulatorWith('demo', NOW);
  folder = await channelFolderOf(graphAs(emulator, SECRETARY), TEAM, CHANNEL);
});
afterEach(() => emulator.clearFaults());
afterAll(() => emulator.close());

const quick = { delayMs: 0, retryMs: 10, maxRetryMs: 50, now: () => NOW };
const editItem = (id: string, change: (i: AgendaItem) => AgendaItem) => (m: Minutes): Minutes => ({ ...m, agenda: m.agenda.map((i) => (i.id === id ? change(i) : i)) });

function syncFor(graph: Graph, m: ReturnType<typeof meeting>, local = memoryMinutes()) {
  return { sync: new MinutesSync(channelMinutesRemote(graph, folder, m), local, quick), local };
}

const openPages: MinutesSync[] = [];
afterEach(() => openPages.splice(0).forEach((p) => p.close()));

/** A page left open (closed after the test): checks the file every few milliseconds while `visibility` says it is in sight. */
function openPage(graph: Graph, m: ReturnType<typeof meeting>, visibility: PageVisibility, options: { delayMs?: number } = {}) {
  const page = new MinutesSync(channelMinutesRemote(graph, folder, m), memoryMinutes(), { ...quick, checkEveryMs: 20, maxCheckMs: 40, visibility, ...options });
  openPages.push(page);
  return page;
}

/** Waits until `seen` holds (each open page checks on its own timer); fails after a few seconds. */
async function until(seen: () => boolean, what: string) {
  for (let i = 0; i < 250; i += 1) {
    if (seen()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never happened: ${what}`);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function serverCopy(m: ReturnType<typeof meeting>) {
  const copy = await channelMinutesRemote(graphAs(emulator, SECRETARY), folder, m).read();
  if (!copy) throw new Error('no minutes file');
  return copy.minutes;
}

describe('the minutes file in the channel', () => {
  it('is made on the first save, in the meeting\'s own folder, and read back exactly', async () => {
    const m = meeting();
    const { sync } = syncFor(graphAs(emulator, SECRETARY), m);
    await sync.open(() => sampleMinutes());
    await sync.flush();
    expect(sync.saveStatus).toEqual({ kind: 'saved' });
    expect(await serverCopy(m)).toEqual(sync.minutes);
    const graph = graphAs(emulator, SECRETARY);
    const root = await graph.get(files.itemByPath(folder.driveId, folder.folderId, ROOT_FOLDER));
    const names = (await graph.all(files.children(folder.driveId, root!.id))).map((f) => f.name);
    expect(names.some((name) => name.startsWith('2026-12-04 Samordningsgrupp Nära vård ('))).toBe(true);
  });

  it('coalesces a burst of edits into one write', async () => {
    const m = meeting();
    const { sync } = syncFor(graphAs(emulator, SECRETARY), m);
    await sync.open(() => sampleMinutes());
    await sync.flush();
    emulator.resetStats();
    for (const word of 'Ca 2,4 mnkr finns för 2026 och fördelas på nästa möte'.split(' ')) {
      sync.update(editItem('i2', (i) => ({ ...i, notes: [{ id: 'n1', html: `${i.notes[0]!.html} ${word}` }] })));
    }
    await sync.flush();
    const puts = Object.entries(emulator.stats().byRoute).filter(([route]) => route.startsWith('PUT')).reduce((sum, [, count]) => sum + (count as number), 0);
    expect(puts).toBe(1);
    expect((await serverCopy(m)).agenda[1]!.notes[0]!.html).toContain('fördelas på nästa möte');
  });

  it('merges two people editing different items at once', async () => {
    const m = meeting();
    const a = syncFor(graphAs(emulator, SECRETARY), m).sync;
    await a.open(() => sampleMinutes());
    await a.flush();
    const b = syncFor(graphAs(emulator, CHAIR), m).sync;
    await b.open(() => sampleMinutes());
    a.update(editItem('i1', (i) => ({ ...i, title: 'Inledning och föregående minnesanteckningar' })));
    b.update(editItem('i2', (i) => ({ ...i, decisions: [{ id: 'd9', text: 'Budgeten fastställs.' }] })));
    await a.flush();
    await b.flush(); // 412: merged with the secretary's, written again
    const server = await serverCopy(m);
    expect(server.agenda[0]!.title).toBe('Inledning och föregående minnesanteckningar');
    expect(server.agenda[1]!.decisions).toEqual([{ id: 'd9', text: 'Budgeten fastställs.' }]);
    expect(server.conflicts).toEqual([]);
    expect(b.minutes.agenda[0]!.title).toBe('Inledning och föregående minnesanteckningar');
  });

  it('keeps both versions when both changed the same text', async () => {
    const m = meeting();
    const a = syncFor(graphAs(emulator, SECRETARY), m).sync;
    await a.open(() => sampleMinutes());
    await a.flush();
    const b = syncFor(graphAs(emulator, CHAIR), m).sync;
    await b.open(() => sampleMinutes());
    a.update(editItem('i1', (i) => ({ ...i, decisions: [{ id: 'd1', text: 'Dagordningen godkänns med ett tillägg.' }] })));
    b.update(editItem('i1', (i) => ({ ...i, decisions: [{ id: 'd1', text: 'Dagordningen godkänns utan ändringar.' }] })));
    await a.flush();
    await b.flush();
    const server = await serverCopy(m);
    expect(server.conflicts).toEqual([
      { path: '/agenda/i1/decisions/d1/text', base: 'Dagordningen godkänns.', ours: 'Dagordningen godkänns utan ändringar.', theirs: 'Dagordningen godkänns med ett tillägg.' },
    ]);
  });

  it('does not take its own write, whose answer was lost, for someone else\'s', async () => {
    const m = meeting();
    const { sync } = syncFor(graphAs(emulator, SECRETARY), m);
    await sync.open(() => sampleMinutes());
    await sync.flush();
    sync.update(editItem('i1', (i) => ({ ...i, title: 'Välkommen' })));
    emulator.setFaults({ drop: { count: 1, afterHandling: true }, paths: '/content' });
    await sync.flush();
    expect(sync.saveStatus.kind).toBe('offline');
    await sync.flush(); // 412 against its own write: the server has exactly this copy
    expect(sync.saveStatus).toEqual({ kind: 'saved' });
    expect((await serverCopy(m)).agenda[0]!.title).toBe('Välkommen');
    expect(sync.minutes.conflicts).toEqual([]);
  });

  it('keeps everything on the device while the server fails, and sends it when it answers', async () => {
    const m = meeting();
    const local = memoryMinutes();
    const { sync } = syncFor(graphAs(emulator, SECRETARY), m, local);
    await sync.open(() => sampleMinutes());
    await sync.flush();
    emulator.setFaults({ serverError: { count: 1000, status: 500 }, paths: '/content' });
    sync.update(editItem('i2', (i) => ({ ...i, actions: [...i.actions, { id: 'a2', what: 'Boka lokal', due: '2026-12-10' }] })));
    await sync.flush();
    expect(sync.saveStatus).toMatchObject({ kind: 'offline', problem: { kind: 'server' } });
    expect(local.copy?.dirty).toBe(true);
    expect(local.copy?.minutes.agenda[1]!.actions.map((a) => a.what)).toEqual(['Skicka underlaget', 'Boka lokal']);

    // The tab is reloaded while the server still fails, and again once it answers.
    sync.close();
    const again = syncFor(graphAs(emulator, SECRETARY), m, local).sync;
    expect((await again.open(() => sampleMinutes())).agenda[1]!.actions).toHaveLength(2);
    emulator.clearFaults();
    await again.flush();
    expect(again.saveStatus).toEqual({ kind: 'saved' });
    expect((await serverCopy(m)).agenda[1]!.actions.map((a) => a.what)).toEqual(['Skicka underlaget', 'Boka lokal']);
    expect(local.copy).toBeUndefined(); // the server has it: the device keeps nothing
  });

  it('merges what the device kept with what others saved meanwhile, when reopened', async () => {
    const m = meeting();
    const local = memoryMinutes();
    const a = syncFor(graphAs(emulator, SECRETARY), m, local).sync;
    await a.open(() => sampleMinutes());
    await a.flush();
    emulator.setFaults({ drop: { count: 1000 }, paths: '/content' });
    a.update((x) => ({ ...x, nextMeeting: { text: 'Fredag 11/12 kl. 08–09, sal Linnéa' } }));
    await a.flush();
    a.close();
    emulator.clearFaults();
    const b = syncFor(graphAs(emulator, CHAIR), m).sync;
    await b.open(() => sampleMinutes());
    b.update(editItem('i1', (i) => ({ ...i, title: 'Inledning' + ' och dagordning' })));
    await b.flush();
    const reopened = syncFor(graphAs(emulator, SECRETARY), m, local).sync;
    const merged = await reopened.open(() => sampleMinutes());
    expect(merged.nextMeeting.text).toBe('Fredag 11/12 kl. 08–09, sal Linnéa');
    expect(merged.agenda[0]!.title).toBe('Inledning och dagordning');
    await reopened.flush();
    expect((await serverCopy(m)).nextMeeting.text).toBe('Fredag 11/12 kl. 08–09, sal Linnéa');
  });

  it('says so when the user may not read the channel\'s files', async () => {
    const m = meeting();
    const sync = new MinutesSync(channelMinutesRemote(graphAs(emulator, OUTSIDER), folder, m), memoryMinutes(), quick);
    await expect(sync.open(() => sampleMinutes())).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('says so when the file is not minutes, and leaves it as it is', async () => {
    const m = meeting();
    const { sync } = syncFor(graphAs(emulator, SECRETARY), m);
    await sync.open(() => sampleMinutes());
    await sync.flush();
    const graph = graphAs(emulator, SECRETARY);
    const root = await graph.get(files.itemByPath(folder.driveId, folder.folderId, ROOT_FOLDER));
    const meetingFolder = (await graph.all(files.children(folder.driveId, root!.id))).find((f) => isMeetingFolder(f.name, m.iCalUId))!;
    await graph.send(files.uploadText(folder.driveId, meetingFolder.id, 'minutes.json', '{ not json', { conflictBehavior: 'replace' }));
    const reader = syncFor(graphAs(emulator, CHAIR), { ...m }).sync;
    await expect(reader.open(() => sampleMinutes())).rejects.toMatchObject({ kind: 'bad-data', code: 'minutes-not-json' });
  });
});

describe('an open page', () => {
  const TITLE = 'Inledning och föregående minnesanteckningar';

  async function twoPages(visibleB = true, optionsB: { delayMs?: number } = {}) {
    const m = meeting();
    const a = syncFor(graphAs(emulator, SECRETARY), m).sync;
    await a.open(() => sampleMinutes());
    await a.flush();
    const shown = manualVisibility(visibleB);
    const b = openPage(graphAs(emulator, CHAIR), m, shown, optionsB);
    await b.open(() => sampleMinutes());
    return { m, a, b, shown };
  }

  it("shows someone else's saved edits without a reload or a write of its own", async () => {
    const { a, b } = await twoPages();
    let renders = 0;
    b.subscribe(() => (renders += 1));
    a.update(editItem('i1', (i) => ({ ...i, title: TITLE })));
    await a.flush();
    await until(() => b.minutes.agenda[0]!.title === TITLE, "the secretary's title on the chair's page");
    expect(renders).toBeGreaterThan(0);
    expect(b.saveStatus).toEqual({ kind: 'saved' });
  });

  it('keeps what was typed here and not yet sent, and sends both', async () => {
    const { m, a, b } = await twoPages(true, { delayMs: 60_000 });
    b.update(editItem('i2', (i) => ({ ...i, decisions: [{ id: 'd9', text: 'Budgeten fastställs.' }] })));
    a.update(editItem('i1', (i) => ({ ...i, title: TITLE })));
    await a.flush();
    await until(() => b.minutes.agenda[0]!.title === TITLE, "the secretary's title on the chair's page");
    expect(b.minutes.agenda[1]!.decisions).toEqual([{ id: 'd9', text: 'Budgeten fastställs.' }]);
    expect(b.saveStatus).toEqual({ kind: 'pending' });
    await b.flush(); // over the secretary's version: no 412, no second merge
    const server = await serverCopy(m);
    expect(server.agenda[0]!.title).toBe(TITLE);
    expect(server.agenda[1]!.decisions).toEqual([{ id: 'd9', text: 'Budgeten fastställs.' }]);
  });

  it('asks nothing while hidden, and looks at once when shown again', async () => {
    const { a, b, shown } = await twoPages(false);
    a.update(editItem('i1', (i) => ({ ...i, title: TITLE })));
    await a.flush();
    emulator.resetStats();
    await pause(200); // ten check intervals
    expect(emulator.stats().requests).toBe(0);
    expect(b.minutes.agenda[0]!.title).not.toBe(TITLE);
    shown.set(true);
    await until(() => b.minutes.agenda[0]!.title === TITLE, 'the title once the page is in sight');
    shown.set(false);
    await pause(60); // a check under way ends
    emulator.resetStats();
    await pause(200);
    expect(emulator.stats().requests).toBe(0);
  });

  it('waits as long as Microsoft 365 asks when a check is throttled', async () => {
    const { a, b, shown } = await twoPages(false);
    a.update(editItem('i1', (i) => ({ ...i, title: TITLE })));
    await a.flush();
    emulator.setFaults({ throttle: { count: 1, retryAfterSeconds: 30 }, paths: 'minutes\\.json:$' });
    emulator.resetStats();
    shown.set(true); // checks at once, and is asked to wait 30 s
    await until(() => emulator.stats().requests > 0, 'the check');
    emulator.clearFaults();
    emulator.resetStats();
    // In sight, the page would check every 20 ms; Microsoft 365 asked for 30 s: nothing is asked meanwhile.
    await pause(200);
    expect(emulator.stats().requests).toBe(0);
    expect(b.minutes.agenda[0]!.title).not.toBe(TITLE);
    // Hidden and shown again (another tab, and back): no reason to ask sooner.
    shown.set(false);
    shown.set(true);
    await pause(200);
    expect(emulator.stats().requests).toBe(0);
  });

  it('takes in a conflict settled by the other person, and it does not come back', async () => {
    const { m, a, b } = await twoPages(true, { delayMs: 60_000 });
    b.update(editItem('i1', (i) => ({ ...i, decisions: [{ id: 'd1', text: 'Dagordningen godkänns utan ändringar.' }] })));
    a.update(editItem('i1', (i) => ({ ...i, decisions: [{ id: 'd1', text: 'Dagordningen godkänns med ett tillägg.' }] })));
    await a.flush();
    await until(() => b.minutes.conflicts.length === 1, 'the conflict on the chair\'s page');
    await b.flush();
    await a.flush();
    await a.check();
    expect(a.minutes.conflicts).toHaveLength(1);
    a.update((x) => keepVersion(x, '/agenda/i1/decisions/d1/text', 'theirs'));
    await a.flush();
    await until(() => b.minutes.conflicts.length === 0, 'the settled conflict on the chair\'s page');
    expect(b.minutes.agenda[0]!.decisions[0]!.text).toBe(a.minutes.agenda[0]!.decisions[0]!.text);
    await b.flush();
    expect((await serverCopy(m)).conflicts).toEqual([]);
  });
});
