import path from 'node:path';
import type { RunningEmulator } from '../src/server';
import { call, SCENARIOS, SECRETARY, SECRETARY_ID, start, type Json } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const filter = (f: string) => `$filter=${encodeURIComponent(f)}`;

describe('users', () => {
  test('/me returns the default property set; companyName and department need $select', async () => {
    const me = await call(emu, SECRETARY, '/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: SECRETARY_ID, displayName: 'Ahmed Yilmaz', mail: SECRETARY, userPrincipalName: SECRETARY, jobTitle: 'Utredare' });
    expect(me.body['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#users/$entity`);
    expect(me.body).not.toHaveProperty('companyName');
    const sel = await call(emu, SECRETARY, '/me?$select=displayName,companyName,department');
    expect(sel.body).toEqual({
      '@odata.context': `${emu.graphBaseUrl}/$metadata#users(displayName,companyName,department)/$entity`,
      displayName: 'Ahmed Yilmaz',
      companyName: 'Region Östmark',
      department: 'Hälso- och sjukvårdsförvaltningen',
    });
  });

  test('an unknown $select property is a 400', async () => {
    const r = await call(emu, SECRETARY, '/me?$select=displayName,nonsense');
    expect(r.status).toBe(400);
  });

  test('/users/{id | userPrincipalName}, not by mail; unknown is 404 Request_ResourceNotFound', async () => {
    const guestUpn = 'sara.lind_ekby.se#EXT#@regionostmark.onmicrosoft.com';
    const byUpn = await call(emu, SECRETARY, `/users/${encodeURIComponent(guestUpn)}?$select=id,mail,companyName,userType`);
    expect(byUpn.status).toBe(200);
    expect(byUpn.body).toMatchObject({ mail: 'sara.lind@ekby.se', companyName: 'Ekby kommun', userType: 'Guest' });
    const byMail = await call(emu, SECRETARY, '/users/sara.lind@ekby.se');
    expect(byMail.status).toBe(404);
    expect(byMail.body.error.code).toBe('Request_ResourceNotFound');
  });

  test('mail in (...) matches case-insensitively and ignores unknown addresses', async () => {
    const r = await call(emu, SECRETARY, `/users?${filter("mail in ('SARA.LIND@ekby.se','lars.oberg@stromsby.se','nobody@example.com')")}&$select=id,displayName,mail`);
    expect(r.status).toBe(200);
    expect(r.body.value.map((u: Json) => u.displayName).sort()).toEqual(['Lars Öberg', 'Sara Lind']);
  });

  test('userPrincipalName in, id in, and or-combinations work', async () => {
    const r = await call(emu, SECRETARY, `/users?${filter(`userPrincipalName in ('karin.ekstrom@regionostmark.se') or id in ('${SECRETARY_ID}')`)}&$select=displayName`);
    expect(r.body.value.map((u: Json) => u.displayName).sort()).toEqual(['Ahmed Yilmaz', 'Karin Ekström']);
  });

  test('more than 15 expressions is refused unless it is an advanced query', async () => {
    const mails = Array.from({ length: 16 }, (_, i) => `'person${i}@example.com'`).join(',');
    const r = await call(emu, SECRETARY, `/users?${filter(`mail in (${mails})`)}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('Request_UnsupportedQuery');
    const adv = await call(emu, SECRETARY, `/users?${filter(`mail in (${mails})`)}&$count=true`, { headers: { ConsistencyLevel: 'eventual' } });
    expect(adv.status).toBe(200);
    expect(adv.body['@odata.count']).toBe(0);
  });

  test('unsupported filter syntax is a 400', async () => {
    const r = await call(emu, SECRETARY, `/users?${filter("mail eq sara.lind@ekby.se")}`);
    expect(r.status).toBe(400);
  });

  test('users are paged with an absolute nextLink on the emulator origin', async () => {
    const first = await call(emu, SECRETARY, '/users?$top=6&$select=id');
    expect(first.body.value).toHaveLength(6);
    const next: string = first.body['@odata.nextLink'];
    expect(next.startsWith(`${emu.graphBaseUrl}/users?`)).toBe(true);
    const seen = new Set(first.body.value.map((u: Json) => u.id));
    let link: string | undefined = next;
    while (link) {
      const page = await call(emu, SECRETARY, link);
      for (const u of page.body.value) seen.add(u.id);
      link = page.body['@odata.nextLink'];
    }
    expect(seen.size).toBe(18); // 16 people and 2 rooms
  });
});

describe('OData string literals', () => {
  let edge: RunningEmulator;
  beforeAll(async () => {
    edge = await start(path.join(SCENARIOS, 'edge-cases.json'));
  });
  afterAll(() => edge.close());

  /** The app's look-up of invitees: the same OData literals against mail and userPrincipalName. */
  const byMailOrUpn = (addresses: string[]) => {
    const list = addresses.map((a) => `'${a.replace(/'/g, "''")}'`).join(',');
    return `/users?${filter(`mail in (${list}) or userPrincipalName in (${list})`)}&$select=id,displayName,mail,userPrincipalName,companyName,department&$top=15`;
  };
  const invitees = ['elin.sjoberg@regionostmark.se', "conor.o'brien@regionostmark.se", 'anna.berg@regionostmark.se', 'tomas.lind@regionostmark.se', 'bo.ek@regionostmark.se'];

  test('a user without mail is answered with mail: null, and found by userPrincipalName', async () => {
    const r = await call(edge, SECRETARY, `/users/${encodeURIComponent('elin.sjoberg@regionostmark.se')}?$select=displayName,mail,userPrincipalName,companyName`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ displayName: 'Elin Sjöberg', mail: null, userPrincipalName: 'Elin.Sjoberg@regionostmark.se', companyName: 'Anhörigcentrum Östmark' });
    const all = await call(edge, SECRETARY, '/users?$top=999');
    const elin = all.body.value.find((u: Json) => u.displayName === 'Elin Sjöberg');
    expect(elin).toHaveProperty('mail', null);
  });

  test("mail in (...) or userPrincipalName in (...) finds users by either, case-insensitively, with '' for quotes", async () => {
    const r = await call(edge, SECRETARY, byMailOrUpn(invitees));
    expect(r.status).toBe(200);
    const found = Object.fromEntries(r.body.value.map((u: Json) => [u.displayName, u]));
    expect(Object.keys(found).sort()).toEqual(['Anna Berg', "Conor O'Brien", 'Elin Sjöberg', 'Tomas Lind']);
    expect(found['Elin Sjöberg']).toMatchObject({ mail: null, userPrincipalName: 'Elin.Sjoberg@regionostmark.se', companyName: 'Anhörigcentrum Östmark' });
    expect(found['Tomas Lind']).toMatchObject({ mail: null, userPrincipalName: 'tomas.lind@regionostmark.se' });
    expect(found['Anna Berg'].mail).toBe('Anna.Berg@regionostmark.se');
  });

  test('each value counts once per in: 7 addresses on two properties is 14 expressions, 8 is too many', async () => {
    const more = [...invitees, 'a@example.org', 'b@example.org'];
    expect((await call(edge, SECRETARY, byMailOrUpn(more.slice(0, 7)))).status).toBe(200);
    const r = await call(edge, SECRETARY, byMailOrUpn([...more, 'c@example.org']));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('Request_UnsupportedQuery');
    expect(r.body.error.message).toContain('16. Max allowed: 15.');
  });

  test('the same look-up inside $batch', async () => {
    const url = byMailOrUpn(invitees);
    const r = await call(edge, SECRETARY, '/$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url }, { id: '2', method: 'GET', url: byMailOrUpn(['ELIN.SJOBERG@REGIONOSTMARK.SE']) }] }),
    });
    expect(r.status).toBe(200);
    const byId = Object.fromEntries(r.body.responses.map((x: Json) => [x.id, x]));
    expect(byId['1'].status).toBe(200);
    expect(byId['1'].body.value.map((u: Json) => u.displayName).sort()).toEqual(['Anna Berg', "Conor O'Brien", 'Elin Sjöberg', 'Tomas Lind']);
    expect(byId['2'].body.value).toEqual([expect.objectContaining({ displayName: 'Elin Sjöberg', mail: null })]);
  });

  test("a quote in a literal is written twice ('')", async () => {
    const r = await call(edge, SECRETARY, `/users?${filter("mail eq 'conor.o''brien@regionostmark.se'")}&$select=displayName`);
    expect(r.status).toBe(200);
    expect(r.body.value).toEqual([{ displayName: "Conor O'Brien" }]);
    const broken = await call(edge, SECRETARY, `/users?${filter("mail eq 'conor.o'brien@regionostmark.se'")}`);
    expect(broken.status).toBe(400);
  });
});
