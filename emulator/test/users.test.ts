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
    expect(seen.size).toBe(15); // 13 people and 2 rooms
  });
});

describe('OData string literals', () => {
  let edge: RunningEmulator;
  beforeAll(async () => {
    edge = await start(path.join(SCENARIOS, 'edge-cases.json'));
  });
  afterAll(() => edge.close());

  test("a quote in a literal is written twice ('')", async () => {
    const r = await call(edge, SECRETARY, `/users?${filter("mail eq 'conor.o''brien@regionostmark.se'")}&$select=displayName`);
    expect(r.status).toBe(200);
    expect(r.body.value).toEqual([{ displayName: "Conor O'Brien" }]);
    const broken = await call(edge, SECRETARY, `/users?${filter("mail eq 'conor.o'brien@regionostmark.se'")}`);
    expect(broken.status).toBe(400);
  });
});
