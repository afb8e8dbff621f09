import type { RunningEmulator } from '../src/server';
import { call, CHAIR, CHAIR_ID, start, type Json } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const PANE = 'https://localhost:4404/pane.html?minutes=d%2Ff&version=abc';
const authorize = (params: Record<string, string>, path = '/_emulator/authorize') => fetch(`${emu.url}${path}?${new URLSearchParams(params)}`, { redirect: 'manual' });
const fragment = (r: Response) => new URLSearchParams(new URL(r.headers.get('location')!).hash.slice(1));

describe('the sign-in page (GET /_emulator/authorize)', () => {
  test('lists the personas as buttons, keeps redirect_uri and state in the form, and may not be framed', async () => {
    const r = await authorize({ redirect_uri: PANE, state: 's-1' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // The form's redirect goes back to the page: form-action must allow its origin, and only it.
    expect(r.headers.get('content-security-policy')).toContain("form-action 'self' https://localhost:4404;");
    const html = await r.text();
    expect(html).toContain(`name="user" value="${CHAIR_ID}"`);
    expect(html).toContain('Karin Ekström');
    expect(html).toContain('name="state" value="s-1"');
    expect(html).toContain(`value="${PANE.replace(/&/g, '&#38;')}"`);
  });

  test('choosing a person redirects back with a token for them and the same state in the fragment', async () => {
    const r = await authorize({ redirect_uri: PANE, state: 's-2', user: CHAIR_ID }, '/_emulator/authorize/grant');
    expect(r.status).toBe(302);
    const location = new URL(r.headers.get('location')!);
    expect(`${location.origin}${location.pathname}${location.search}`).toBe(PANE);
    const f = fragment(r);
    expect(f.get('state')).toBe('s-2');
    expect(f.get('token_type')).toBe('Bearer');
    const me = await call(emu, null, '/me', { headers: { Authorization: `Bearer ${f.get('access_token')}` } });
    expect(me.status).toBe(200);
    expect((me.body as Json).id).toBe(CHAIR_ID);
  });

  test('a user named by mail in the field signs in too; an unknown one gets the page again with the reason', async () => {
    const ok = await authorize({ redirect_uri: PANE, state: 's', login: CHAIR }, '/_emulator/authorize/grant');
    expect(ok.status).toBe(302);
    expect(fragment(ok).get('access_token')).toBeTruthy();
    const unknown = await authorize({ redirect_uri: PANE, state: 's', login: 'nobody@example.org' }, '/_emulator/authorize/grant');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Ingen användare &#34;nobody@example.org&#34;');
  });

  test('cancelling redirects back with error=access_denied and no token', async () => {
    const r = await authorize({ redirect_uri: PANE, state: 's-3', error: 'access_denied' }, '/_emulator/authorize/grant');
    expect(r.status).toBe(302);
    const f = fragment(r);
    expect(f.get('error')).toBe('access_denied');
    expect(f.get('state')).toBe('s-3');
    expect(f.get('access_token')).toBeNull();
  });

  test('never redirects a token to another origin, a non-http scheme or a URI with a fragment', async () => {
    for (const redirect_uri of ['https://evil.example/pane.html', 'javascript:alert(1)', 'https://localhost:4404/pane.html#x', 'pane.html', '']) {
      const r = await authorize({ redirect_uri, state: 's', user: CHAIR_ID }, '/_emulator/authorize/grant');
      expect(r.status).toBe(400);
      expect(r.headers.get('location')).toBeNull();
    }
  });

  test('with signInRedirectOrigins, only those origins', async () => {
    const strict = await start(undefined, undefined, { signInRedirectOrigins: ['https://justera.example'] });
    try {
      const grant = (redirect_uri: string) => fetch(`${strict.url}/_emulator/authorize/grant?${new URLSearchParams({ redirect_uri, user: CHAIR_ID })}`, { redirect: 'manual' });
      expect((await grant('https://justera.example/pane.html')).status).toBe(302);
      expect((await grant(PANE)).status).toBe(400);
    } finally {
      await strict.close();
    }
  });
});
