// Minutes kept in the channel: the graph port's file operations with the real Graph client against
// the emulator over HTTP: the channel folder, a JSON round trip, If-Match and conflictBehavior,
// paging, throttling, rights, and what a retried write with If-Match can answer.

import type { RunningEmulator } from '../../emulator/src/server';
import {
  channelFolder,
  children,
  createFolder,
  deleteItem,
  downloadText,
  downloadTextAt,
  item,
  itemByPath,
  replaceText,
  uploadText,
  type DriveItemRef,
} from '../../src/graph/files';
import type { Graph } from '../../src/graph/graph';
import { DEMO, emulatorWith, graphAs, failure } from './harness';

const { SECRETARY, CHAIR, OUTSIDER, TEAM, CHANNEL } = DEMO;

const NOW = new Date('2026-11-23T09:00:00Z');

const MINUTES = {
  schemaVersion: 1,
  rubrik: 'Samordningsgrupp Nära vård',
  punkter: [{ nr: '§1', text: 'Länskonferensen 2026: Åsa Öberg återkommer om lokalen. Fika 🎉', beslut: 'Gruppen beslöt att …' }],
};

let emulator: RunningEmulator;
let secretary: Graph;
let chair: Graph;
let folder: DriveItemRef;
beforeAll(async () => {
  emulator = await emulatorWith('demo', NOW);
  secretary = graphAs(emulator, SECRETARY);
  chair = graphAs(emulator, CHAIR);
  folder = await secretary.get(channelFolder(TEAM, CHANNEL));
});
afterEach(() => emulator.clearFaults());
afterAll(() => emulator.close());

let n = 0;
const fresh = (stem: string) => `${stem} ${++n}.json`;

describe('the channel folder', () => {
  it('is a folder in the team drive', () => {
    expect(folder).toMatchObject({ name: 'Samordningsgrupp', isFolder: true, webUrl: expect.stringContaining('/Shared%20Documents/Samordningsgrupp') });
    expect(folder.driveId).toMatch(/^b!/);
  });
});

describe('a minutes file round trip', () => {
  it('writes JSON with Swedish text and reads back the same text and eTag, with Graph saying who wrote it', async () => {
    const name = fresh('Möte 2026-11-20');
    const text = JSON.stringify(MINUTES, null, 2);
    const written = await secretary.send(uploadText(folder.driveId, folder.id, name, text, { conflictBehavior: 'fail' }));
    expect(written).toMatchObject({ name, size: Buffer.byteLength(text), isFolder: false, parentId: folder.id });
    expect(written.createdBy).toEqual({ id: '833c93fb-31e7-44fc-b510-de063426e461', displayName: 'Ahmed Yilmaz', email: SECRETARY });
    expect(written.quickXorHash).toEqual(expect.any(String));

    const read = await downloadText(chair, folder.driveId, written.id);
    expect(read.text).toBe(text);
    expect(JSON.parse(read.text)).toEqual(MINUTES);
    expect(read.eTag).toBe(written.eTag);

    const byPath = await downloadTextAt(chair, folder.driveId, folder.id, name);
    expect(byPath?.text).toBe(text);
    expect(await downloadTextAt(chair, folder.driveId, folder.id, 'finns inte.json')).toBeUndefined();
    expect(await chair.get(itemByPath(folder.driveId, folder.id, 'finns inte.json'))).toBeUndefined();
    expect((await chair.get(itemByPath(folder.driveId, folder.id, name)))?.id).toBe(written.id);
    // In a $batch too, a missing file is an answer (undefined), not a failure.
    const [missing, found] = await chair.batch([itemByPath(folder.driveId, folder.id, 'finns inte.json'), itemByPath(folder.driveId, folder.id, name)] as const);
    expect(missing).toEqual({ ok: true, value: undefined });
    expect(found.ok && found.value?.id).toBe(written.id);
  });

  it('a path below the folder creates the folders it names; createFolder makes one explicitly', async () => {
    const written = await secretary.send(uploadText(folder.driveId, folder.id, '2026/november/Möte.json', '{}'));
    const year = await secretary.get(itemByPath(folder.driveId, folder.id, '2026'));
    expect(year).toMatchObject({ isFolder: true, createdBy: { displayName: 'Ahmed Yilmaz' } });
    expect(written.parentId).toBe((await secretary.get(itemByPath(folder.driveId, folder.id, '2026/november')))?.id);
    const made = await secretary.send(createFolder(folder.driveId, folder.id, 'Godkännanden'));
    expect(made).toMatchObject({ name: 'Godkännanden', isFolder: true });
    expect((await failure(secretary.send(createFolder(folder.driveId, folder.id, 'Godkännanden')))).kind).toBe('conflict');
  });
});

describe('If-Match', () => {
  it("a stale eTag is a 'conflict' Problem, and the current eTag can be read after", async () => {
    const first = await secretary.send(uploadText(folder.driveId, folder.id, fresh('Protokoll'), '{"v":1}', { conflictBehavior: 'fail' }));
    const theirs = await chair.send(replaceText(folder.driveId, first.id, '{"v":"chair"}', { ifMatch: first.eTag }));
    expect(theirs.eTag).not.toBe(first.eTag);
    expect(theirs.lastModifiedBy?.displayName).toBe('Karin Ekström');

    const problem = await failure(secretary.send(replaceText(folder.driveId, first.id, '{"v":"mine"}', { ifMatch: first.eTag })));
    expect(problem).toMatchObject({ kind: 'conflict', status: 412, code: 'resourceModified' });
    // By name the same.
    expect((await failure(secretary.send(uploadText(folder.driveId, folder.id, first.name, '{}', { ifMatch: first.eTag })))).kind).toBe('conflict');

    const current = await secretary.get(item(folder.driveId, first.id));
    expect(current.eTag).toBe(theirs.eTag);
    const theirText = await downloadText(secretary, folder.driveId, first.id);
    expect(theirText).toMatchObject({ text: '{"v":"chair"}', eTag: theirs.eTag });
    const merged = await secretary.send(replaceText(folder.driveId, first.id, '{"v":"merged"}', { ifMatch: theirText.eTag }));
    expect(merged.lastModifiedBy?.displayName).toBe('Ahmed Yilmaz');
  });

  it('deleteItem honours If-Match too', async () => {
    const f = await secretary.send(uploadText(folder.driveId, folder.id, fresh('radera'), '{}'));
    const g = await secretary.send(replaceText(folder.driveId, f.id, '{"x":1}'));
    expect((await failure(secretary.send(deleteItem(folder.driveId, f.id, f.eTag)))).kind).toBe('conflict');
    await secretary.send(deleteItem(folder.driveId, f.id, g.eTag));
    expect(await secretary.get(itemByPath(folder.driveId, folder.id, f.name))).toBeUndefined();
  });
});

describe('conflictBehavior', () => {
  it("fail is a 'conflict' (409), rename picks \"name 1.json\", replace keeps the file", async () => {
    const name = fresh('Inställningar');
    const first = await secretary.send(uploadText(folder.driveId, folder.id, name, '{"a":1}', { conflictBehavior: 'fail' }));
    expect(await failure(secretary.send(uploadText(folder.driveId, folder.id, name, '{}', { conflictBehavior: 'fail' })))).toMatchObject({
      kind: 'conflict',
      status: 409,
      code: 'nameAlreadyExists',
    });
    const renamed = await secretary.send(uploadText(folder.driveId, folder.id, name, '{"b":2}', { conflictBehavior: 'rename' }));
    expect(renamed.name).toBe(name.replace(/\.json$/, ' 1.json'));
    const replaced = await secretary.send(uploadText(folder.driveId, folder.id, name, '{"c":3}', { conflictBehavior: 'replace' }));
    expect(replaced.id).toBe(first.id);
    expect((await downloadText(secretary, folder.driveId, first.id)).text).toBe('{"c":3}');
  });
});

describe('listing', () => {
  it('follows @odata.nextLink when the folder has more than one page', async () => {
    const list = await secretary.send(createFolder(folder.driveId, folder.id, 'Tidigare år'));
    const names = ['Möte 2025-12-12.json', 'Möte 2025-10-03.json', 'Möte 2025-11-07.json', 'Möte 2025-09-05.json', 'Möte 2026-01-16.json'];
    for (const name of names) await secretary.send(uploadText(folder.driveId, list.id, name, '{}'));
    emulator.resetStats();
    const all = await secretary.all(children(folder.driveId, list.id, 2));
    expect(all.map((i) => i.name)).toEqual([...names].sort());
    expect(emulator.stats().byRoute['GET /drives/{driveId}/items/{itemId}/children']).toBe(3);
  });
});

describe('Microsoft 365 asking to wait, and rights', () => {
  it('a 429 with Retry-After 1 on an upload is waited out and sent again by the SDK', async () => {
    emulator.setFaults({ throttle: { count: 1, retryAfterSeconds: 1 }, paths: '^/drives/' });
    emulator.resetStats();
    const started = Date.now();
    const written = await secretary.send(uploadText(folder.driveId, folder.id, fresh('strypt'), JSON.stringify(MINUTES)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(emulator.stats().byRoute['PUT /drives/{driveId}/items/{*address}']).toBe(2);
    expect((await downloadText(secretary, folder.driveId, written.id)).text).toBe(JSON.stringify(MINUTES));
  });

  it('a 429 from the download URL (SharePoint) is waited out too', async () => {
    const written = await secretary.send(uploadText(folder.driveId, folder.id, fresh('nedladdning'), '{"å":1}'));
    emulator.setFaults({ throttle: { count: 1, retryAfterSeconds: 1 }, paths: '^/_download/' });
    expect((await downloadText(secretary, folder.driveId, written.id)).text).toBe('{"å":1}');
    expect(emulator.stats().byRoute).not.toHaveProperty('GET /_download');
  });

  it("someone outside the team gets 'forbidden' for the folder, reading and writing", async () => {
    const outsider = graphAs(emulator, OUTSIDER);
    expect((await failure(outsider.get(channelFolder(TEAM, CHANNEL)))).kind).toBe('forbidden');
    expect((await failure(outsider.send(uploadText(folder.driveId, folder.id, fresh('intrång'), '{}')))).kind).toBe('forbidden');
    expect((await failure(downloadText(outsider, folder.driveId, folder.id))).kind).toBe('forbidden');
  });

  it('over 4 MB is refused (413) and said as a problem', async () => {
    const problem = await failure(secretary.send(uploadText(folder.driveId, folder.id, fresh('stor'), 'x'.repeat(4 * 1024 * 1024 + 1))));
    expect(problem).toMatchObject({ status: 413, code: 'requestEntityTooLarge' });
  });
});

describe('a write with If-Match whose answer was lost meets itself', () => {
  it('504 after the write landed: the SDK sends it again and gets 412, though the file holds our text', async () => {
    const f = await secretary.send(uploadText(folder.driveId, folder.id, fresh('gateway'), '{"v":1}'));
    emulator.setFaults({ serverError: { count: 1, status: 504, afterHandling: true }, paths: '^/drives/' });
    const problem = await failure(secretary.send(replaceText(folder.driveId, f.id, '{"v":"ours"}', { ifMatch: f.eTag })));
    expect(problem.kind).toBe('conflict');
    const now = await downloadText(secretary, folder.driveId, f.id);
    expect(now.text).toBe('{"v":"ours"}');
    expect(now.item.lastModifiedBy?.displayName).toBe('Ahmed Yilmaz');
  }, 15_000);

  it("a dropped answer is 'offline'; sending the same write again is 412 with our own text in the file", async () => {
    const f = await secretary.send(uploadText(folder.driveId, folder.id, fresh('tappad'), '{"v":1}'));
    emulator.setFaults({ drop: { count: 1, afterHandling: true }, paths: '^/drives/' });
    expect((await failure(secretary.send(replaceText(folder.driveId, f.id, '{"v":"ours"}', { ifMatch: f.eTag })))).kind).toBe('offline');
    expect((await failure(secretary.send(replaceText(folder.driveId, f.id, '{"v":"ours"}', { ifMatch: f.eTag })))).kind).toBe('conflict');
    expect((await downloadText(secretary, folder.driveId, f.id)).text).toBe('{"v":"ours"}');
  });
});
