// Bad input in the channel folder, at the use case: a minutes file that is not minutes (not JSON,
// an unknown schema version) is refused with a reason, and "start again" keeps it beside new
// minutes made from the meeting; people the minutes name who have left the directory are found,
// and no one else. The real Graph client and port, the emulator over HTTP, with the demo group's
// folder empty (its year of minutes would be found by the folder search below).

import type { RunningEmulator } from '../../emulator/src/server';
import { channelFolderOf } from '../../src/app/channelMinutes';
import { goneFromDirectory, openMinutes, type MinutesDeps } from '../../src/app/openMinutes';
import { MINUTES_FILE, ROOT_FOLDER } from '../../src/domain/meetingFolder';
import { sampleMinutes } from '../../src/domain/minutesFixtures';
import * as files from '../../src/graph/files';
import { memoryMinutes } from '../../src/store/localStore';
import { DEMO, demoScenario, emulatorWith, graphAs, useCases } from './harness';

const { SECRETARY, SERIES, TEAM, CHANNEL } = DEMO;
const NOW = new Date('2026-11-23T09:00:00Z');
const GROUP = { teamId: TEAM, channelId: CHANNEL };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith(demoScenario({ configured: false }), NOW);
});
afterAll(() => emulator.close());

const graph = () => graphAs(emulator, SECRETARY);

function deps(): MinutesDeps {
  let n = 0;
  return { graph: graph(), now: () => NOW, newId: () => `id-${(n += 1)}`, local: () => memoryMinutes(), timeZone: 'Europe/Stockholm' };
}

async function openSeries(startAgain = false) {
  const uc = useCases(graph(), NOW);
  const meeting = (await uc.list()).find((m) => m.subject === SERIES && !m.isCancelled)!;
  const prefill = await uc.prefill({ kind: 'event', eventId: meeting.eventId });
  return openMinutes(deps(), GROUP, { prefill, language: 'sv', startAgain });
}

/** The meeting's folder in the channel's files (made by the first save). */
async function meetingFolder() {
  const g = graph();
  const folder = await channelFolderOf(g, TEAM, CHANNEL);
  const root = (await g.get(files.itemByPath(folder.driveId, folder.folderId, ROOT_FOLDER)))!;
  const found = (await g.all(files.children(folder.driveId, root.id))).find((f) => f.isFolder && f.name.includes(SERIES))!;
  return { g, driveId: folder.driveId, id: found.id };
}

/** The files in the meeting's folder, with their text. */
async function meetingFolderFiles(): Promise<Map<string, string>> {
  const { g, driveId, id } = await meetingFolder();
  const out = new Map<string, string>();
  for (const f of await g.all(files.children(driveId, id))) out.set(f.name, (await files.downloadText(g, driveId, f.id)).text);
  return out;
}

/** Puts this text in place of the meeting's minutes file, as a hand or another program might. */
async function spoil(text: string) {
  const { g, driveId, id } = await meetingFolder();
  const file = (await files.downloadTextAt(g, driveId, id, MINUTES_FILE))!;
  await g.send(files.replaceText(driveId, file.item.id, text));
}

describe('a minutes file that is not minutes', () => {
  beforeAll(async () => {
    const first = await openSeries();
    await first.sync.flush();
    first.sync.close();
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "meeting": {', 'minutes-not-json'],
    ['an unknown schema version', JSON.stringify({ schemaVersion: 0, meeting: { eventId: 'x' }, agenda: 'gammalt format' }), 'minutes-not-minutes'],
    ['a newer schema version', JSON.stringify({ schemaVersion: 99, meeting: { eventId: 'x' } }), 'minutes-newer-version'],
  ])('(%s) is refused with a reason, and starting again keeps it beside new minutes from the meeting', async (_, bad, code) => {
    await spoil(bad);
    await expect(openSeries()).rejects.toMatchObject({ kind: 'bad-data', code });
    // Refusing changed nothing in the folder.
    expect((await meetingFolderFiles()).get(MINUTES_FILE)).toBe(bad);

    const again = await openSeries(true);
    expect(again.setAside).toMatch(/^minutes \(unreadable 2026-11-23T09-00-00Z\)( \d+)?\.json$/);
    expect(again.sync.minutes.agenda.map((i) => i.title)).toContain('Ekonomisk uppföljning');
    await again.sync.flush();
    expect(again.sync.saveStatus).toEqual({ kind: 'saved' });
    again.sync.close();

    const after = await meetingFolderFiles();
    expect(after.get(again.setAside!)).toBe(bad);
    expect(JSON.parse(after.get(MINUTES_FILE)!)).toMatchObject({ schemaVersion: 1, meeting: { subject: SERIES } });
    // And the new minutes open as they are.
    const reopened = await openSeries();
    expect(reopened.setAside).toBeUndefined();
    expect(reopened.sync.minutes.agenda.map((i) => i.title)).toContain('Ekonomisk uppföljning');
  });
});

describe('people who have left the directory', () => {
  it('are the ones the minutes name by a directory id the directory no longer has; guests are not looked up', async () => {
    const me = await graph().get({ path: '/me?$select=id', parse: (b) => (b as { id: string }).id });
    const gone = { key: 'id:0b5e0b5e-dead-4bad-8bad-00000000beef', displayName: 'Gunnel Gammal', email: 'gunnel.gammal@regionostmark.se' };
    const here = { key: `id:${me.toLowerCase()}`, displayName: 'Ahmed Yilmaz' };
    const guest = { key: 'mail:kjell.nowak@gmail.com', displayName: 'Kjell Nowak' };
    const m = sampleMinutes();
    const item = m.agenda[0]!;
    const minutes = {
      ...m,
      followUp: [],
      agenda: [
        {
          ...item,
          actions: [
            { id: 'a1', what: 'Gammalt uppdrag', owner: gone },
            { id: 'a2', what: 'Eget uppdrag', owner: here },
            { id: 'a3', what: 'Gästens uppdrag', owner: guest },
          ],
          notes: [{ id: 'n1', group: 'Grupp 1', scribe: gone, html: '' }],
        },
      ],
    };
    expect([...(await goneFromDirectory(graph(), minutes))]).toEqual([gone.key]);
  });

  it('is no one when the minutes name no directory people, without asking the directory', async () => {
    const m = sampleMinutes();
    const stripped = { ...m, agenda: m.agenda.map((i) => ({ ...i, actions: [], notes: [] })), followUp: [] };
    expect((await goneFromDirectory(graph(), stripped)).size).toBe(0);
  });

  it('is no one when the directory cannot be asked', async () => {
    emulator.setFaults({ clientError: { count: 1, status: 403 }, paths: '\\$batch|users' });
    const gone = { key: 'id:0b5e0b5e-dead-4bad-8bad-00000000beef', displayName: 'Gunnel Gammal' };
    const m = sampleMinutes();
    const minutes = { ...m, agenda: [{ ...m.agenda[0]!, actions: [{ id: 'a1', what: 'x', owner: gone }] }] };
    expect((await goneFromDirectory(graph(), minutes)).size).toBe(0);
    emulator.clearFaults();
  });
});
