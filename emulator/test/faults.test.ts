import type { RunningEmulator } from '../src/server';
import { call, SECRETARY, start, type Json } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterEach(() => emu.clearFaults());
afterAll(() => emu.close());

const batchOf = (n: number) =>
  call(emu, SECRETARY, '/$batch', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ requests: Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me?$select=id' })) }),
  });

describe('fault injection', () => {
  test('throttle.count: the next N requests get 429 with Retry-After and the Graph body', async () => {
    emu.setFaults({ throttle: { count: 2, retryAfterSeconds: 3 } });
    for (let i = 0; i < 2; i++) {
      const r = await call(emu, SECRETARY, '/me');
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('3');
      expect(r.body.error).toMatchObject({ code: 'TooManyRequests', innerError: { code: '429', status: '429' } });
    }
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
  });

  test('clientError: the next N matching requests get the 4xx Graph error, then normal answers', async () => {
    emu.setFaults({ clientError: { count: 1, status: 403 }, paths: '^/me$' });
    expect((await call(emu, SECRETARY, '/me/calendarView?startDateTime=2026-11-01T00:00:00Z&endDateTime=2026-11-02T00:00:00Z')).status).toBe(200);
    const r = await call(emu, SECRETARY, '/me');
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'Forbidden' });
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
  });

  test('throttle.every: every Nth request gets 429', async () => {
    emu.setFaults({ throttle: { every: 3, retryAfterSeconds: 1 } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(emu, SECRETARY, '/me')).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
  });

  test('throttle.inBatchItems: items get 429 with Retry-After in their headers, the batch 200', async () => {
    emu.setFaults({ throttle: { count: 1, retryAfterSeconds: 2, inBatchItems: true } });
    const r = await batchOf(3);
    expect(r.status).toBe(200);
    const throttled = r.body.responses.filter((x: Json) => x.status === 429);
    expect(throttled).toHaveLength(1);
    expect(throttled[0].headers['Retry-After']).toBe('2');
    expect(throttled[0].body.error.code).toBe('TooManyRequests');
    expect(r.body.responses.filter((x: Json) => x.status === 200)).toHaveLength(2);
  });

  test('without inBatchItems the whole $batch POST is throttled', async () => {
    emu.setFaults({ throttle: { count: 1, retryAfterSeconds: 2 } });
    expect((await batchOf(3)).status).toBe(429);
    expect((await batchOf(3)).status).toBe(200);
  });

  test('latency applies once per HTTP request, so a $batch costs one', async () => {
    emu.setFaults({ latencyMs: 250 });
    let t = Date.now();
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(240);
    t = Date.now();
    expect((await batchOf(10)).status).toBe(200);
    const took = Date.now() - t;
    expect(took).toBeGreaterThanOrEqual(240);
    expect(took).toBeLessThan(1500);
  });

  test('serverError and drop', async () => {
    emu.setFaults({ serverError: { count: 1, status: 503 } });
    const r = await call(emu, SECRETARY, '/me');
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('ServiceUnavailable');
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
    emu.setFaults({ drop: { count: 1 } });
    await expect(call(emu, SECRETARY, '/me')).rejects.toThrow();
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
  });

  test('paths limits faults to matching Graph paths; admin endpoints never fail', async () => {
    emu.setFaults({ throttle: { every: 1, retryAfterSeconds: 1 }, paths: '^/me/joinedTeams' });
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
    expect((await call(emu, SECRETARY, '/me/joinedTeams')).status).toBe(429);
    emu.setFaults({ drop: { count: 5 }, serverError: { count: 5 } });
    expect((await fetch(`${emu.url}/_emulator/health`)).status).toBe(200);
  });

  test('faults can be set and cleared over HTTP; stats count requests and batch items', async () => {
    const set = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ throttle: { count: 1, retryAfterSeconds: 5 } }) });
    expect(set.status).toBe(200);
    const bad = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ throttle: { count: 1 } }) });
    expect(bad.status).toBe(400);
    await fetch(`${emu.url}/_emulator/faults`, { method: 'DELETE' });
    await fetch(`${emu.url}/_emulator/stats/reset`, { method: 'POST' });
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
    await batchOf(4);
    const stats = await (await fetch(`${emu.url}/_emulator/stats`)).json();
    expect(stats).toEqual({ requests: 2, batchItems: 4, byRoute: { 'GET /me': 5, 'POST /$batch': 1 } });
  });

  test('skip fails exactly the Nth request from now, whichever it is', async () => {
    for (let n = 1; n <= 3; n++) {
      emu.setFaults({ serverError: { skip: n - 1, count: 1, status: 500 } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(emu, SECRETARY, '/me')).status);
      expect(statuses).toEqual([200, 200, 200, 200].map((s, i) => (i === n - 1 ? 500 : s)));
    }
  });

  test('skip with drop and throttle: the Nth request loses its connection, or gets 429 with Retry-After', async () => {
    emu.setFaults({ drop: { skip: 1, count: 1 } });
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
    await expect(call(emu, SECRETARY, '/me')).rejects.toThrow();
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
    emu.setFaults({ throttle: { skip: 2, count: 1, retryAfterSeconds: 4 } });
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await call(emu, SECRETARY, '/me'));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 429, 200]);
    expect(replies[2]?.headers.get('retry-after')).toBe('4');
  });

  test('skip counts only requests that match paths; GET /_emulator/faults says what is left to skip', async () => {
    emu.setFaults({ serverError: { skip: 1, count: 1, status: 503 }, paths: '^/me/joinedTeams' });
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
    expect((await call(emu, SECRETARY, '/me/joinedTeams')).status).toBe(200);
    const left = await (await fetch(`${emu.url}/_emulator/faults`)).json();
    expect(left).toMatchObject({ remaining: { serverError: 1 }, toSkip: { serverError: 0 } });
    expect((await call(emu, SECRETARY, '/me')).status).toBe(200);
    expect((await call(emu, SECRETARY, '/me/joinedTeams')).status).toBe(503);
    expect((await call(emu, SECRETARY, '/me/joinedTeams')).status).toBe(200);
  });

  test('a bad skip is refused over HTTP', async () => {
    const bad = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ drop: { count: 1, skip: -1 } }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/drop.skip/);
  });
});
