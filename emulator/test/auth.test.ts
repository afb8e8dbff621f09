import type { RunningEmulator } from '../src/server';
import { call, NOW, SECRETARY, SECRETARY_ID, start, type Json } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

function expectGraphError(body: Json, code: string) {
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.innerError).toEqual({
    date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
    'request-id': expect.any(String),
    'client-request-id': expect.any(String),
  });
}

describe('authentication', () => {
  test('a request without a token gets 401 InvalidAuthenticationToken', async () => {
    const r = await call(emu, null, '/me', { headers: { 'client-request-id': 'abc-123' } });
    expect(r.status).toBe(401);
    expectGraphError(r.body, 'InvalidAuthenticationToken');
    expect(r.headers.get('client-request-id')).toBe('abc-123');
    expect(r.body.error.innerError['client-request-id']).toBe('abc-123');
    expect(r.headers.get('request-id')).toBe(r.body.error.innerError['request-id']);
  });

  test('a garbled token gets 401', async () => {
    const r = await call(emu, null, '/me', { headers: { Authorization: 'Bearer not-a-jwt' } });
    expect(r.status).toBe(401);
    expectGraphError(r.body, 'InvalidAuthenticationToken');
  });

  test('an expired token gets 401 with the lifetime message', async () => {
    const token = emu.tokenFor(SECRETARY, { expiresInSeconds: -60 });
    const r = await call(emu, null, '/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(r.status).toBe(401);
    expectGraphError(r.body, 'InvalidAuthenticationToken');
    expect(r.body.error.message).toBe('Lifetime validation failed, the token is expired.');
  });

  test('a token for a user the tenant does not have gets 401', async () => {
    const tid = (await (await fetch(`${emu.url}/_emulator/scenario`)).json()).tenant.id;
    const exp = Math.floor(NOW.getTime() / 1000) + 600;
    const token = `${b64({ alg: 'none' })}.${b64({ aud: 'https://graph.microsoft.com', tid, oid: '00000000-0000-4000-8000-000000000000', exp })}.`;
    const r = await call(emu, null, '/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(r.status).toBe(401);
    expectGraphError(r.body, 'InvalidAuthenticationToken');
  });

  test('POST /_emulator/token issues an unsigned JWT naming the user', async () => {
    const res = await fetch(`${emu.url}/_emulator/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: SECRETARY, expiresInSeconds: 600 }) });
    expect(res.status).toBe(200);
    const t = await res.json();
    expect(t).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 600 });
    const [header, payload, sig] = t.access_token.split('.');
    expect(sig).toBe('');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'none' });
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ oid: SECRETARY_ID, upn: SECRETARY, name: 'Ahmed Yilmaz', aud: 'https://graph.microsoft.com', exp: claims.iat + 600 });
    const me = await call(emu, null, '/me', { headers: { Authorization: `Bearer ${t.access_token}` } });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(SECRETARY_ID);
  });

  test('the token endpoint refuses unknown users and rooms', async () => {
    for (const user of ['nobody@example.com', 'sal.linnea@regionostmark.se']) {
      const res = await fetch(`${emu.url}/_emulator/token`, { method: 'POST', body: JSON.stringify({ user }) });
      expect(res.status).toBe(400);
    }
  });
});

describe('CORS', () => {
  test('preflight allows the graph client headers and methods', async () => {
    const res = await fetch(`${emu.graphBaseUrl}/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:4000', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,prefer' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4000');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'if-match', 'prefer', 'retry-attempt', 'sdkversion', 'client-request-id', 'consistencylevel']) {
      expect(allowed).toContain(h);
    }
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  test('responses expose Retry-After, ETag, request-id, client-request-id and Location', async () => {
    const r = await call(emu, SECRETARY, '/me', { headers: { Origin: 'http://localhost:4000' } });
    const exposed = r.headers.get('access-control-expose-headers') ?? '';
    for (const h of ['Retry-After', 'ETag', 'request-id', 'client-request-id', 'Location']) expect(exposed).toContain(h);
  });
});
