import { CANCELLED, emulatorSignIn, takeSignInAnswer, type BrowserPage } from './browserTokenProvider';

const PANE = 'https://localhost:4404/pane.html?minutes=d%2Ff&version=abc';
const EMULATOR = 'http://127.0.0.1:4401';
// An emulator token as the sign-in page gives it (unsigned JWT) for Karin.
const TOKEN = `e30.${Buffer.from(JSON.stringify({ name: 'Karin Ekström', upn: 'karin.ekstrom@regionostmark.se' })).toString('base64url')}.`;

function browserPage(href: string, now = 1_000_000): BrowserPage & { assigned: string[]; items: Map<string, string>; clock: { now: number } } {
  const items = new Map<string, string>();
  const assigned: string[] = [];
  const clock = { now };
  const page = {
    location: { href, assign: (url: string | URL) => void assigned.push(String(url)) },
    history: { replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => void (page.location.href = String(url)) },
    storage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) },
    randomState: () => 'state-1',
    now: () => clock.now,
    assigned,
    items,
    clock,
  };
  return page;
}

describe("the emulator's sign-in, as the pane's page in a browser uses it", () => {
  it('goes to the sign-in page with this address to come back to and a state it keeps', async () => {
    const page = browserPage(PANE);
    await emulatorSignIn(EMULATOR, undefined, page).signIn();
    const target = new URL(page.assigned[0]!);
    expect(`${target.origin}${target.pathname}`).toBe(`${EMULATOR}/_emulator/authorize`);
    expect(target.searchParams.get('redirect_uri')).toBe(PANE);
    expect(target.searchParams.get('state')).toBe('state-1');
  });

  it("takes the answer out of the address, and signs in with a token whose state is the page's own", async () => {
    const page = browserPage(`${PANE}#access_token=${TOKEN}&token_type=Bearer&expires_in=3600&state=state-1`);
    page.items.set('justera.browserSignIn.state', 'state-1');
    const answer = takeSignInAnswer(page);
    expect(page.location.href).toBe(PANE);

    const session = await emulatorSignIn(EMULATOR, answer, page).resume();
    expect(session?.account.name).toBe('Karin Ekström');
    expect(await session!.tokens.getToken()).toBe(TOKEN);
    // The same tab, later: still signed in, until the token expires.
    expect(await (await emulatorSignIn(EMULATOR, undefined, page).resume())!.tokens.getToken()).toBe(TOKEN);
    page.clock.now += 3600_000;
    expect(await emulatorSignIn(EMULATOR, undefined, page).resume()).toBeUndefined();
    await expect(session!.tokens.getToken()).rejects.toMatchObject({ kind: 'signed-out' });
  });

  it('refuses a token with another state, or when this page started no sign-in', async () => {
    for (const kept of ['state-1', undefined]) {
      const page = browserPage(`${PANE}#access_token=${TOKEN}&state=forged`);
      if (kept) page.items.set('justera.browserSignIn.state', kept);
      await expect(emulatorSignIn(EMULATOR, takeSignInAnswer(page), page).resume()).rejects.toMatchObject({ kind: 'sign-in-failed', code: 'state' });
      expect(page.items.has('justera.browserSignIn.session')).toBe(false);
    }
  });

  it('says a cancelled sign-in was cancelled', async () => {
    const page = browserPage(`${PANE}#error=access_denied&state=state-1`);
    page.items.set('justera.browserSignIn.state', 'state-1');
    await expect(emulatorSignIn(EMULATOR, takeSignInAnswer(page), page).resume()).rejects.toMatchObject({ kind: 'sign-in-failed', code: CANCELLED });
  });

  it('leaves a fragment that is no sign-in answer alone, and nobody is signed in', async () => {
    const page = browserPage(`${PANE}#section-2`);
    expect(takeSignInAnswer(page)).toBeUndefined();
    expect(page.location.href).toBe(`${PANE}#section-2`);
    expect(await emulatorSignIn(EMULATOR, undefined, page).resume()).toBeUndefined();
  });
});
