import type { RunningEmulator } from '../src/server';
import { call, CHAIR, SECRETARY, SECRETARY_ID, start, type Json } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const batch = (requests: unknown[], user = SECRETARY) =>
  call(emu, user, '/$batch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ requests }) });

describe('$batch', () => {
  test('more than 20 requests is a 400 for the whole batch', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    const r = await batch(requests);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BadRequest');
  });

  test('20 requests are fine', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me?$select=id' }));
    const r = await batch(requests);
    expect(r.status).toBe(200);
    expect(r.body.responses).toHaveLength(20);
  });

  test('duplicate ids are a 400', async () => {
    const r = await batch([{ id: 'a', method: 'GET', url: '/me' }, { id: 'A', method: 'GET', url: '/me' }]);
    expect(r.status).toBe(400);
  });

  test('each item has its own status, headers with Graph casing, and body; items run as the batch user', async () => {
    const r = await batch([
      { id: '1', method: 'GET', url: '/me?$select=id,displayName' },
      { id: '2', method: 'GET', url: 'users/nobody@regionostmark.se' },
      { id: '3', method: 'GET', url: `/users/${encodeURIComponent(CHAIR)}/calendarView?startDateTime=2026-11-01T00:00:00Z&endDateTime=2026-11-02T00:00:00Z` },
    ]);
    expect(r.status).toBe(200);
    const byId = Object.fromEntries(r.body.responses.map((x: Json) => [x.id, x]));
    expect(byId['1'].status).toBe(200);
    expect(byId['1'].body.id).toBe(SECRETARY_ID);
    expect(Object.keys(byId['1'].headers)).toContain('Content-Type');
    expect(Object.keys(byId['1'].headers)).not.toContain('content-type');
    expect(byId['2'].status).toBe(404);
    expect(byId['2'].body.error.code).toBe('Request_ResourceNotFound');
    expect(byId['2'].headers['Content-Type']).toMatch(/^application\/json/);
    expect(byId['3'].status).toBe(403);
  });

  test('dependsOn orders the items and a failed dependency gives 424', async () => {
    emu.resetStats();
    const r = await batch([
      { id: '3', method: 'GET', url: '/me/joinedTeams', dependsOn: ['2'] },
      { id: '2', method: 'GET', url: '/users/nobody@regionostmark.se', dependsOn: ['1'] },
      { id: '1', method: 'GET', url: '/me' },
      { id: '4', method: 'GET', url: '/me/joinedTeams', dependsOn: ['1'] },
    ]);
    const byId = Object.fromEntries(r.body.responses.map((x: Json) => [x.id, x]));
    expect(byId['1'].status).toBe(200);
    expect(byId['2'].status).toBe(404);
    expect(byId['3'].status).toBe(424);
    expect(byId['4'].status).toBe(200);
    const stats = emu.stats();
    expect(stats.requests).toBe(1);
    expect(stats.batchItems).toBe(4);
    expect(stats.byRoute['POST /$batch']).toBe(1);
    expect(stats.byRoute['GET /me/joinedTeams']).toBe(1);
  });

  test('a dependsOn naming no request of the batch is a 400', async () => {
    const r = await batch([{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }]);
    expect(r.status).toBe(400);
  });

  test('absolute item URLs and nested batches are refused per item', async () => {
    const r = await batch([
      { id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' },
      { id: '2', method: 'POST', url: '/$batch', headers: { 'Content-Type': 'application/json' }, body: { requests: [] } },
    ]);
    expect(r.status).toBe(200);
    expect(r.body.responses.map((x: Json) => x.status)).toEqual([400, 400]);
  });

  test('a batch needs a token like any Graph request', async () => {
    const r = await call(emu, null, '/$batch', { method: 'POST', body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me' }] }) });
    expect(r.status).toBe(401);
  });
});

describe('$batch with the Microsoft Graph JavaScript client', () => {
  test('BatchResponseContent reads the emulator answer, Content-Type included', async () => {
    const { BatchRequestContent, BatchResponseContent } = await import('@microsoft/microsoft-graph-client');
    const content = new BatchRequestContent([
      { id: '1', request: new Request(`${emu.graphBaseUrl}/me`, { method: 'GET' }) },
      { id: '2', request: new Request(`${emu.graphBaseUrl}/me/joinedTeams`, { method: 'GET' }), dependsOn: ['1'] },
    ]);
    const body = await content.getContent();
    const r = await call(emu, SECRETARY, '/$batch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const parsed = new BatchResponseContent(r.body);
    const one = parsed.getResponseById('1');
    expect(one.status).toBe(200);
    expect(one.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect((await one.json()).id).toBe(SECRETARY_ID);
    expect((await parsed.getResponseById('2').json()).value[0].displayName).toBe('Nära vård');
  });
});
