import path from 'node:path';
import { readFileSync } from 'node:fs';
import { quickXorHash } from '../src/drives';
import { startEmulator, type RunningEmulator, type Scenario } from '../src/server';
import { call, CHAIR, MEMBER, NOW, SCENARIOS, SECRETARY, SECRETARY_ID, start, scenarioInfo, type Json } from './helpers';

const OUTSIDER = 'nils.ahl@regionostmark.se'; // in the directory, not in the team
const FOUR_MB = 4 * 1024 * 1024;

let emu: RunningEmulator;
let team: Json;
let driveId: string;
let folderId: string;
beforeAll(async () => {
  emu = await start();
  team = (await scenarioInfo(emu)).resolved.teams[0];
  driveId = team.driveId;
  folderId = team.channels[1].folderId; // Samordningsgrupp
});
afterEach(() => emu.clearFaults());
afterAll(() => emu.close());

const drive = (rest: string) => `/drives/${driveId}${rest}`;
/** "items/{folder}:/{name}:/content", each name segment encoded as a client must. */
const byPath = (name: string, suffix = '') => drive(`/items/${folderId}:/${name.split('/').map(encodeURIComponent).join('/')}:${suffix}`);

function put(user: string, url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return call(emu, user, url, { method: 'PUT', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
}

let n = 0;
const fresh = (stem: string) => `${stem}-${++n}.json`;

describe('the channel folder', () => {
  test('filesFolder is a driveItem in a documentLibrary, for members only', async () => {
    const channelId = encodeURIComponent(team.channels[1].id);
    const r = await call(emu, SECRETARY, `/teams/${team.id}/channels/${channelId}/filesFolder`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: folderId,
      name: 'Samordningsgrupp',
      webUrl: 'https://regionostmark.sharepoint.com/sites/Naravard/Shared%20Documents/Samordningsgrupp',
      parentReference: { driveId, driveType: 'documentLibrary' },
      folder: { childCount: expect.any(Number) },
    });
    expect(r.headers.get('etag')).toBe(r.body.eTag);
    expect((await call(emu, OUTSIDER, `/teams/${team.id}/channels/${channelId}/filesFolder`)).status).toBe(403);
    expect((await call(emu, SECRETARY, `/teams/00000000-0000-0000-0000-000000000000/channels/${channelId}/filesFolder`)).status).toBe(404);
    expect((await call(emu, SECRETARY, `/teams/${team.id}/channels/19%3Anope%40thread.tacv2/filesFolder`)).status).toBe(404);
  });

  test('the General channel has its own folder; the drive and its root answer too', async () => {
    const general = await call(emu, MEMBER, `/teams/${team.id}/channels/${encodeURIComponent(team.channels[0].id)}/filesFolder`);
    expect(general.body).toMatchObject({ name: 'General', id: team.channels[0].folderId });
    const d = await call(emu, MEMBER, drive(''));
    expect(d.body).toMatchObject({ id: driveId, driveType: 'documentLibrary', name: 'Documents', owner: { group: { id: team.id } } });
    const root = await call(emu, MEMBER, drive('/root'));
    expect(root.body).toMatchObject({ id: team.rootId, root: {}, folder: {} });
    const children = await call(emu, MEMBER, drive(`/items/${team.rootId}/children`));
    expect(children.body.value.map((c: Json) => c.name)).toEqual(['General', 'Samordningsgrupp']);
  });
});

describe('simple upload and download', () => {
  test('a new file by path: 201, createdBy from the token, hashes, download through the 302', async () => {
    const name = fresh('Möte');
    const text = JSON.stringify({ createdBy: { user: { id: 'someone-else', displayName: 'Fake Person' } }, rubrik: 'Samordningsgrupp' });
    const r = await put(SECRETARY, byPath(name, '/content'), text);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      name,
      size: Buffer.byteLength(text),
      createdBy: { user: { id: SECRETARY_ID, displayName: 'Ahmed Yilmaz', email: SECRETARY } },
      lastModifiedBy: { user: { id: SECRETARY_ID } },
      file: { mimeType: 'application/json', hashes: { quickXorHash: quickXorHash(Buffer.from(text)) } },
      parentReference: { driveId, id: folderId, driveType: 'documentLibrary', path: `/drives/${driveId}/root:/Samordningsgrupp` },
      createdDateTime: NOW.toISOString().replace('.000', ''),
    });
    expect(r.body.eTag).toMatch(/^"\{[0-9A-F-]{36}\},\d+"$/);
    expect(r.body.cTag).toMatch(/^"c:\{[0-9A-F-]{36}\},\d+"$/);
    expect(r.headers.get('etag')).toBe(r.body.eTag);

    const content = await fetch(`${emu.graphBaseUrl}${drive(`/items/${r.body.id}/content`)}`, {
      headers: { Authorization: `Bearer ${emu.tokenFor(SECRETARY)}` },
      redirect: 'manual',
    });
    expect(content.status).toBe(302);
    const location = content.headers.get('location') as string;
    expect(location).toBe(r.body['@microsoft.graph.downloadUrl']);
    // The download URL is pre-authenticated: no token.
    const bytes = await fetch(location);
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('etag')).toBe(r.body.eTag);
    expect(await bytes.text()).toBe(text);
  });

  test('a raw body that is not JSON is stored byte for byte (UTF-8, Swedish, an emoji, CR LF)', async () => {
    const text = 'Protokoll §1 – Åsa Öberg bjöd på fika 🎉\r\n{ inte json: "ändå"\u00a0\n';
    const r = await put(CHAIR, byPath(fresh('anteckning').replace('.json', '.txt'), '/content'), Buffer.from(text, 'utf8'), { 'Content-Type': 'text/plain; charset=utf-8' });
    expect(r.status).toBe(201);
    expect(r.body.size).toBe(Buffer.byteLength(text, 'utf8'));
    expect(r.body.file.mimeType).toBe('text/plain');
    const got = Buffer.from(await (await fetch(r.body['@microsoft.graph.downloadUrl'])).arrayBuffer());
    expect(got.equals(Buffer.from(text, 'utf8'))).toBe(true);
    // Any Content-Type: even application/json with a body that is not JSON is not parsed.
    const odd = await put(CHAIR, byPath(fresh('odd'), '/content'), 'not { json');
    expect(odd.status).toBe(201);
  });

  test('intermediate folders on a path are created; GET by path finds the item, 404 when missing', async () => {
    const r = await put(SECRETARY, byPath('2025/höst/Möte 12.json', '/content'), '{}');
    expect(r.status).toBe(201);
    expect(r.body.parentReference.path).toBe(`/drives/${driveId}/root:/Samordningsgrupp/2025/höst`);
    const got = await call(emu, MEMBER, byPath('2025/höst/Möte 12.json'));
    expect(got.body).toMatchObject({ id: r.body.id, name: 'Möte 12.json' });
    const folder = await call(emu, MEMBER, byPath('2025'));
    expect(folder.body).toMatchObject({ folder: { childCount: 1 }, size: 2, createdBy: { user: { id: SECRETARY_ID } } });
    // The closing colon may be left out at the end; /root: paths work too.
    expect((await call(emu, MEMBER, drive(`/items/${folderId}:/2025/h%C3%B6st`))).body.name).toBe('höst');
    expect((await call(emu, MEMBER, drive('/root:/Samordningsgrupp/2025:'))).body.name).toBe('2025');
    const missing = await call(emu, MEMBER, byPath('2025/nej.json'));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('itemNotFound');
  });

  test('413 over 4 MB, exactly 4 MB is fine', async () => {
    const big = await put(SECRETARY, byPath(fresh('stor'), '/content'), Buffer.alloc(FOUR_MB + 1, 0x61));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('requestEntityTooLarge');
    const max = await put(SECRETARY, byPath(fresh('max'), '/content'), Buffer.alloc(FOUR_MB, 0x61));
    expect(max.status).toBe(201);
    expect(max.body.size).toBe(FOUR_MB);
  });
});

describe('If-Match and conflictBehavior', () => {
  test('a stale If-Match is 412 resourceModified; the fresh one replaces, and eTag and cTag change', async () => {
    const name = fresh('protokoll');
    const v1 = await put(SECRETARY, byPath(name, '/content'), '{"v":1}');
    const v2 = await put(CHAIR, drive(`/items/${v1.body.id}/content`), '{"v":2}', { 'If-Match': v1.body.eTag });
    expect(v2.status).toBe(200);
    expect(v2.body.id).toBe(v1.body.id);
    expect(v2.body.eTag).not.toBe(v1.body.eTag);
    expect(v2.body.cTag).not.toBe(v1.body.cTag);
    expect(v2.body).toMatchObject({ createdBy: { user: { id: SECRETARY_ID } }, lastModifiedBy: { user: { displayName: 'Karin Ekström' } } });

    const stale = await put(SECRETARY, drive(`/items/${v1.body.id}/content`), '{"v":"mine"}', { 'If-Match': v1.body.eTag });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'resourceModified', message: expect.stringContaining('ETag does not match') });
    // The same by path; and the file still holds v2.
    expect((await put(SECRETARY, byPath(name, '/content'), '{}', { 'If-Match': v1.body.eTag })).status).toBe(412);
    expect(await (await fetch((await call(emu, SECRETARY, byPath(name))).body['@microsoft.graph.downloadUrl'])).text()).toBe('{"v":2}');
    // The cTag works as an If-Match too (driveitem-update: "eTag (or cTag)").
    expect((await put(SECRETARY, byPath(name, '/content'), '{"v":3}', { 'If-Match': v2.body.cTag })).status).toBe(200);
    // If-Match on a file that does not exist fails; If-None-Match: * refuses to overwrite one that does.
    expect((await put(SECRETARY, byPath(fresh('saknas'), '/content'), '{}', { 'If-Match': v1.body.eTag })).status).toBe(412);
    expect((await put(SECRETARY, byPath(name, '/content'), '{}', { 'If-None-Match': '*' })).status).toBe(412);
  });

  test('fail gives 409 nameAlreadyExists, rename "name 1.json", replace (the default) keeps the item', async () => {
    const name = fresh('Möte');
    const first = await put(SECRETARY, byPath(name, '/content'), '{"first":true}');
    const failed = await put(SECRETARY, `${byPath(name, '/content')}?@microsoft.graph.conflictBehavior=fail`, '{}');
    expect(failed.status).toBe(409);
    expect(failed.body.error.code).toBe('nameAlreadyExists');
    const renamed = await put(SECRETARY, `${byPath(name, '/content')}?@microsoft.graph.conflictBehavior=rename`, '{}');
    expect(renamed.status).toBe(201);
    expect(renamed.body.name).toBe(name.replace('.json', ' 1.json'));
    const again = await put(SECRETARY, `${byPath(name, '/content')}?@microsoft.graph.conflictBehavior=rename`, '{}');
    expect(again.body.name).toBe(name.replace('.json', ' 2.json'));
    const replaced = await put(CHAIR, `${byPath(name, '/content')}?@microsoft.graph.conflictBehavior=replace`, '{"second":true}');
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(first.body.id);
    const byDefault = await put(CHAIR, byPath(name, '/content'), '{"third":true}');
    expect(byDefault.body.id).toBe(first.body.id);
    // Names are unique regardless of case, as in SharePoint.
    expect((await put(SECRETARY, `${byPath(name.toUpperCase(), '/content')}?@microsoft.graph.conflictBehavior=fail`, '{}')).status).toBe(409);
    expect((await put(SECRETARY, `${byPath(name, '/content')}?@microsoft.graph.conflictBehavior=later`, '{}')).status).toBe(400);
  });

  test('folders: POST children, conflictBehavior fail by default, rename; createdBy from the token', async () => {
    const url = drive(`/items/${folderId}/children`);
    const body = (extra: Json = {}) => JSON.stringify({ name: 'Underlag', folder: {}, createdBy: { user: { id: 'x', displayName: 'Fake' } }, ...extra });
    const created = await call(emu, MEMBER, url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Underlag', folder: { childCount: 0 }, createdBy: { user: { displayName: 'Olof Bergström' } } });
    const dup = await call(emu, MEMBER, url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body() });
    expect(dup.status).toBe(409);
    const renamed = await call(emu, MEMBER, url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body({ '@microsoft.graph.conflictBehavior': 'rename' }) });
    expect(renamed.body.name).toBe('Underlag 1');
    const bad = await call(emu, MEMBER, url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'a:b', folder: {} }) });
    expect(bad.status).toBe(400);
  });

  test('DELETE honours If-Match', async () => {
    const r = await put(SECRETARY, byPath(fresh('radera'), '/content'), '{}');
    const updated = await put(SECRETARY, drive(`/items/${r.body.id}/content`), '{"x":1}');
    const stale = await call(emu, SECRETARY, drive(`/items/${r.body.id}`), { method: 'DELETE', headers: { 'If-Match': r.body.eTag } });
    expect(stale.status).toBe(412);
    const gone = await call(emu, SECRETARY, drive(`/items/${r.body.id}`), { method: 'DELETE', headers: { 'If-Match': updated.body.eTag } });
    expect(gone.status).toBe(204);
    expect((await call(emu, SECRETARY, drive(`/items/${r.body.id}`))).status).toBe(404);
    expect((await call(emu, SECRETARY, drive(`/items/${team.rootId}`), { method: 'DELETE' })).status).toBe(403);
  });

  test('If-None-Match with the current eTag answers 304', async () => {
    const r = await put(SECRETARY, byPath(fresh('cache'), '/content'), '{}');
    const same = await fetch(`${emu.graphBaseUrl}${drive(`/items/${r.body.id}`)}`, { headers: { Authorization: `Bearer ${emu.tokenFor(SECRETARY)}`, 'If-None-Match': r.body.eTag } });
    expect(same.status).toBe(304);
  });
});

describe('listing', () => {
  test('children are paged with $top and @odata.nextLink, sorted by name', async () => {
    const folder = await put(SECRETARY, byPath('Lista/a.json', '/content'), '{}');
    for (const name of ['c.json', 'b.json', 'e.json', 'd.json']) await put(SECRETARY, byPath(`Lista/${name}`, '/content'), '{}');
    const listId = folder.body.parentReference.id;
    let page = await call(emu, MEMBER, drive(`/items/${listId}/children?$top=2`));
    const names: string[] = page.body.value.map((c: Json) => c.name);
    while (page.body['@odata.nextLink']) {
      expect(page.body.value).toHaveLength(2);
      page = await call(emu, MEMBER, page.body['@odata.nextLink']);
      names.push(...page.body.value.map((c: Json) => c.name));
    }
    expect(names).toEqual(['a.json', 'b.json', 'c.json', 'd.json', 'e.json']);
    const selected = await call(emu, MEMBER, drive(`/items/${listId}/children?$select=name,eTag&$orderby=name desc&$top=1`));
    expect(selected.body.value).toEqual([{ name: 'e.json', eTag: expect.any(String) }]);
    // Children by path.
    expect((await call(emu, MEMBER, byPath('Lista', '/children'))).body.value).toHaveLength(5);
  });
});

describe('only members of the team reach its drive', () => {
  test('403 accessDenied for reading and writing; 404 for a drive that does not exist', async () => {
    const r = await put(SECRETARY, byPath(fresh('hemlig'), '/content'), '{}');
    for (const res of [
      await call(emu, OUTSIDER, drive(`/items/${r.body.id}`)),
      await call(emu, OUTSIDER, drive(`/items/${folderId}/children`)),
      await call(emu, OUTSIDER, drive(`/items/${r.body.id}/content`)),
      await put(OUTSIDER, drive(`/items/${r.body.id}/content`), '{}'),
      await put(OUTSIDER, byPath(fresh('intrång'), '/content'), '{}'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('accessDenied');
    }
    expect((await call(emu, SECRETARY, `/drives/b!nope/items/${r.body.id}`)).status).toBe(404);
  });
});

describe('the download URL', () => {
  test('answers a simple cross-origin GET but no preflight (as SharePoint), and refuses a tampered token', async () => {
    const r = await put(SECRETARY, byPath(fresh('cors'), '/content'), '{"ok":true}');
    const url = r.body['@microsoft.graph.downloadUrl'] as string;
    const simple = await fetch(url, { headers: { Origin: 'http://localhost:3000' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${url.slice(0, -2)}xx`)).status).toBe(401);
  });

  test('expires after an hour of the emulator clock', async () => {
    let now = NOW.getTime();
    const clocked = await startEmulator({ port: 0, scenario: path.join(SCENARIOS, 'demo.json'), now: () => new Date(now) });
    try {
      const info = (await scenarioInfo(clocked)).resolved.teams[0];
      const res = await call(clocked, SECRETARY, `/drives/${info.driveId}/items/${info.channels[1].folderId}:/x.json:/content`, { method: 'PUT', body: '{}' });
      now += 61 * 60 * 1000;
      expect((await fetch(res.body['@microsoft.graph.downloadUrl'])).status).toBe(401);
    } finally {
      await clocked.close();
    }
  });
});

describe('CORS and faults on the new routes', () => {
  test('preflights allow If-Match and If-None-Match; ETag is exposed', async () => {
    const res = await fetch(`${emu.graphBaseUrl}${drive(`/items/${folderId}`)}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'if-match,content-type' },
    });
    expect(res.headers.get('access-control-allow-headers')).toMatch(/If-Match/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/PUT/);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag/);
  });

  test('429 with Retry-After, 5xx and paths apply to uploads', async () => {
    emu.setFaults({ throttle: { count: 1, retryAfterSeconds: 1 }, paths: '^/drives/' });
    const throttled = await put(SECRETARY, byPath(fresh('strypt'), '/content'), '{}');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    emu.setFaults({ serverError: { count: 1, status: 503 }, paths: '^/drives/' });
    expect((await put(SECRETARY, byPath(fresh('fel'), '/content'), '{}')).status).toBe(503);
    emu.setFaults({ serverError: { count: 1 }, paths: '^/teams/' });
    expect((await put(SECRETARY, byPath(fresh('ok'), '/content'), '{}')).status).toBe(201);
  });

  test('download URLs get faults only when paths names them', async () => {
    const r = await put(SECRETARY, byPath(fresh('hämtning'), '/content'), '{}');
    const url = r.body['@microsoft.graph.downloadUrl'] as string;
    emu.setFaults({ serverError: { count: 1 } });
    expect((await fetch(url)).status).toBe(200);
    emu.setFaults({ throttle: { count: 1, retryAfterSeconds: 2 }, paths: '^/_download/' });
    const throttled = await fetch(url);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(throttled.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(url)).status).toBe(200);
  });

  test('a fault after handling: the write lands, the answer is lost (drop) or replaced (504)', async () => {
    const name = fresh('tappad');
    emu.setFaults({ drop: { count: 1, afterHandling: true }, paths: '^/drives/' });
    await expect(put(SECRETARY, byPath(name, '/content'), '{"landed":1}')).rejects.toThrow();
    const landed = await call(emu, SECRETARY, byPath(name));
    expect(landed.status).toBe(200);
    emu.setFaults({ serverError: { count: 1, status: 504, afterHandling: true }, paths: '^/drives/' });
    const timedOut = await put(SECRETARY, drive(`/items/${landed.body.id}/content`), '{"landed":2}', { 'If-Match': landed.body.eTag });
    expect(timedOut.status).toBe(504);
    // Sending the same write again now meets its own change: a 412 that is no one else's edit.
    const retried = await put(SECRETARY, drive(`/items/${landed.body.id}/content`), '{"landed":2}', { 'If-Match': landed.body.eTag });
    expect(retried.status).toBe(412);
  });
});

describe('QuickXorHash and names from outside', () => {
  test("the hash matches rclone's published QuickXorHash vectors", () => {
    const vectors: [string, string][] = [
      ['', 'AAAAAAAAAAAAAAAAAAAAAAAAAAA='],
      ['Sg==', 'SgAAAAAAAAAAAAAAAQAAAAAAAAA='],
      ['jRRDVA==', 'jaDAEKgAAAAAAAAABAAAAAAAAAA='],
      ['qaApEj66lw==', 'qQBFCiTgA11cAgAABwAAAAAAAAA='],
      ['/aNzzCFPS/A=', '/RjFHJgRgicsAR4ACAAAAAAAAAA='],
    ];
    for (const [input, hash] of vectors) expect(quickXorHash(Buffer.from(input, 'base64'))).toBe(hash);
  });

  test.each(['constructor', '__proto__', 'toString'])('%s as a drive, item, plan or path is just an unknown name', async (name) => {
    expect((await call(emu, SECRETARY, `/drives/${name}/items/${folderId}`)).status).toBe(404);
    expect((await call(emu, SECRETARY, drive(`/items/${name}`))).status).toBe(404);
    expect((await call(emu, SECRETARY, `/planner/plans/${name}/buckets`)).status).toBe(404);
    expect((await call(emu, SECRETARY, byPath(name))).status).toBe(404);
    const made = await put(SECRETARY, byPath(`${name}.json`, '/content'), '{}');
    expect(made.status).toBe(201);
    expect((await call(emu, SECRETARY, byPath(`${name}.json`))).body.id).toBe(made.body.id);
  });

  test('methods a target does not take are 405', async () => {
    expect((await call(emu, SECRETARY, drive(`/items/${folderId}/children`), { method: 'PUT', body: '{}' })).status).toBe(405);
    expect((await call(emu, SECRETARY, drive(`/items/${folderId}`), { method: 'PATCH', body: '{}', headers: { 'Content-Type': 'application/json' } })).status).toBe(405);
  });
});

describe('a scenario seeds files in a channel folder', () => {
  const demo = () => JSON.parse(readFileSync(path.join(SCENARIOS, 'demo.json'), 'utf8')) as Scenario;

  test('JSON and text files with their authors and dates, in folders', async () => {
    const s = demo();
    s.teams![0]!.channels[1]!.files = [
      { name: 'Protokoll 2025-11-21.json', json: { schemaVersion: 1, rubrik: 'Möte' }, createdBy: SECRETARY, lastModifiedBy: CHAIR, createdDateTime: 'fri-52w 10:00', lastModifiedDateTime: 'fri-51w 09:00' },
      { name: '2024/Gammalt.txt', text: 'Åäö', createdBy: CHAIR, createdDateTime: '2024-03-01T10:00:00Z' },
      { name: 'Tom.txt' },
    ];
    const seeded = await start(s);
    try {
      const info = (await scenarioInfo(seeded)).resolved.teams[0];
      const base = `/drives/${info.driveId}/items/${info.channels[1].folderId}`;
      const list = await call(seeded, MEMBER, `${base}/children`);
      expect(list.body.value.map((c: Json) => c.name)).toEqual(['2024', 'Protokoll 2025-11-21.json', 'Tom.txt']);
      const minutes = list.body.value[1];
      expect(minutes).toMatchObject({
        createdBy: { user: { id: SECRETARY_ID } },
        lastModifiedBy: { user: { displayName: 'Karin Ekström' } },
        createdDateTime: '2025-11-21T09:00:00Z',
        lastModifiedDateTime: '2025-11-28T08:00:00Z',
      });
      expect(JSON.parse(await (await fetch(minutes['@microsoft.graph.downloadUrl'])).text())).toEqual({ schemaVersion: 1, rubrik: 'Möte' });
      const old = await call(seeded, MEMBER, `${base}:/2024/Gammalt.txt:`);
      expect(old.body).toMatchObject({ size: 6, createdBy: { user: { displayName: 'Karin Ekström' } }, createdDateTime: '2024-03-01T10:00:00Z' });
      expect(list.body.value[2]).toMatchObject({ size: 0, createdBy: { user: { displayName: 'SharePoint App' } } });
    } finally {
      await seeded.close();
    }
  });

  test('bad files are reported with their path', async () => {
    const s = demo();
    s.teams![0]!.channels[1]!.files = [{ name: 'a:b.json', text: 'x' }, { name: 'ok.json', text: 'x', json: {} }, { name: 'c.json', createdBy: 'nobody@nowhere' }];
    await expect(start(s)).rejects.toThrow(/teams\[0\]\.channels\[1\]\.files\[0\]\.name[\s\S]*files\[1\]: give json or text[\s\S]*files\[2\]\.createdBy/);
  });
});
