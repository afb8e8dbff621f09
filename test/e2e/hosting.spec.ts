// How the tab is hosted: it works under its Content-Security-Policy, only the host may frame it, a
// host that stays silent gets a clear message in seconds (not teams-js's 60), and the source maps
// stay with the developer.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { MeetingMinutes, MyMeetings } from './pages/minutes';
import { TeamsHost } from './pages/teamsHost';
import config, { PORTS } from '../../playwright.config';

const APP = `http://127.0.0.1:${PORTS.app}`;
const HOST = `http://127.0.0.1:${PORTS.host}`;
const SERIES = 'Samordningsgrupp Nära vård';

// Chromium's Local Network Access check treats a page fulfilled by page.route as public (it came from
// no address), and refuses to let it frame anything on 127.0.0.1 before CSP is even asked. The pages
// these tests route stand for pages on the open web or on the host's own origin, so that check is
// turned off here, and only here, to let frame-ancestors decide.
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), '--disable-features=LocalNetworkAccessChecks'],
  },
});

/**
 * Every CSP violation in the page and its frames: Chromium's own console errors ("Refused to ...
 * because it violates the following Content Security Policy directive") and each
 * `securitypolicyviolation` event, reported to the console by a script Playwright puts in every frame.
 */
async function cspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI}`),
    );
  });
  page.on('console', (message) => {
    if (/Content Security Policy|securitypolicyviolation/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** teams-js fetches Microsoft's list of valid domains at load; answered here, as the TeamsHost page model does. */
async function answerValidDomains(page: Page) {
  await page.route('https://res.cdn.office.net/**', (route) => route.fulfill({ json: { validOrigins: ['teams.microsoft.com'] } }));
}

/** A page of our own at `url` that frames the tab and does nothing else (it never answers teams-js). */
async function framingPage(page: Page, url: string, title: string) {
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><title>${title}</title><h1>${title}</h1><iframe title="Justera" src="${APP}/tab.html" style="width: 100%; height: 480px"></iframe></html>`,
    }),
  );
}

/** The Content-Security-Policy of a response, as directive -> sources. */
function policy(header: string | undefined): Map<string, string[]> {
  expect(header, 'a Content-Security-Policy header').toBeTruthy();
  return new Map(
    header!.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

async function tabScript(request: APIRequestContext): Promise<string> {
  const html = await (await request.get(`${APP}/tab.html`)).text();
  const src = html.match(/<script[^>]*\ssrc="?([^"\s>]+\.js)/)?.[1];
  expect(src, 'tab.html loads a script').toBeTruthy();
  return new URL(src!, `${APP}/tab.html`).href;
}

test.describe('under its Content-Security-Policy', () => {
  test('the secretary lists her meetings and opens one, and the browser blocks nothing', async ({ page }) => {
    const violations = await cspViolations(page);
    const host = await new TeamsHost(page).open({ persona: 'secretary' });
    const list = new MyMeetings(host.tab);
    await expect(list.heading('Mina möten')).toBeVisible();
    await expect(list.meetings('Kommande', SERIES).first()).toBeVisible();
    await list.meetings('Tidigare', SERIES).first().click();

    const minutes = new MeetingMinutes(host.tab);
    await expect(minutes.heading(SERIES)).toBeVisible();
    await expect(minutes.headerValue('Grupp')).toHaveText(SERIES);
    expect(await minutes.names('Närvarande')).toContain('Ahmed Yilmaz');
    expect(violations).toEqual([]);
    expect(await host.unhandledCalls()).toEqual([]);
  });

  test("the app's pages name the host simulator as the only one that may frame them, and allow no plugins, base URL or eval", async ({ request }) => {
    for (const url of [`${APP}/tab.html`, `${APP}/config.json`, await tabScript(request)]) {
      const response = await request.get(url);
      expect(response.ok(), url).toBe(true);
      const headers = response.headers();
      const csp = policy(headers['content-security-policy']);
      expect(csp.get('frame-ancestors'), url).toEqual([HOST]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('base-uri'), url).toEqual(["'none'"]);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(headers['content-security-policy'], url).not.toContain('unsafe-eval');
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
      // X-Frame-Options would stop the host simulator (and Teams) from framing the tab at all.
      expect(headers['x-frame-options'], url).toBeUndefined();
    }
  });
});

test.describe('framed by a page that is not its host', () => {
  test('a page on another origin that frames the tab shows no Justera: the browser refuses to frame it', async ({ page }) => {
    // localhost is another origin than the simulator's 127.0.0.1, though the same machine and port.
    const evil = `http://localhost:${PORTS.host}/evil.html`;
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    await answerValidDomains(page);
    await framingPage(page, evil, 'Another site');
    await page.goto(evil);
    await expect(page.getByRole('heading', { name: 'Another site' })).toBeVisible();
    // Chromium says why it shows an empty frame, and the frame never holds the tab.
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toContain(`frame-ancestors ${HOST}`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url()).not.toContain(`${APP}/tab.html`);
    await expect(page.frameLocator('iframe').getByText(/Justera|Startar|Starting/)).toHaveCount(0);
  });

  test('a page on the allowed origin that never answers teams-js gets a clear message within seconds, in the browser language', async ({ browser }) => {
    for (const [locale, title, body] of [
      ['en-GB', 'Teams has not answered', 'Justera only runs inside Microsoft Teams (or Outlook)'],
      ['sv-SE', 'Teams har inte svarat', 'Justera fungerar bara inuti Microsoft Teams (eller Outlook)'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      const violations = await cspViolations(page);
      await answerValidDomains(page);
      await framingPage(page, `${HOST}/silent.html`, 'A silent host');
      await page.goto(`${HOST}/silent.html`);
      const tab = page.frameLocator('iframe');
      // The expect timeout (10 s) is the point: teams-js alone would say nothing for 60 s.
      const message = tab.getByRole('status').filter({ hasText: title });
      await expect(message).toContainText(body);
      // It is still waiting for Teams, and says so.
      await expect(tab.getByRole('progressbar')).toBeVisible();
      await expect(message).toContainText(locale === 'en-GB' ? 'keeps waiting' : 'väntar en stund till');
      expect(violations).toEqual([]);
      await context.close();
    }
  });

  test('a host that answers late still starts the tab, after saying it had not answered', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    // The host simulator, made slow: the messages the tab posts reach it only after 7 seconds.
    await page.addInitScript((hostOrigin) => {
      if (location.origin !== hostOrigin) return;
      const wakeAt = Date.now() + 7_000;
      const add = window.addEventListener.bind(window);
      window.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
        if (type !== 'message') return add(type, listener, options);
        const late = (event: Event) => {
          const deliver = () => (typeof listener === 'function' ? listener.call(window, event) : listener.handleEvent(event));
          const wait = wakeAt - Date.now();
          if (wait > 0) setTimeout(deliver, wait);
          else deliver();
        };
        return add(type, late, options);
      }) as typeof window.addEventListener;
    }, HOST);
    await answerValidDomains(page);
    await page.goto(`${HOST}/teams.html?persona=secretary`);
    const tab = page.frameLocator('iframe');
    // Before Teams answers, the tab speaks the browser's language; after, the host's (Swedish).
    await expect(tab.getByRole('status').filter({ hasText: 'Teams has not answered' })).toBeVisible();
    await expect(new MyMeetings(tab).heading('Mina möten')).toBeVisible();
    await expect(tab.getByRole('status').filter({ hasText: /Teams (has not answered|har inte svarat)/ })).toHaveCount(0);
    await context.close();
  });
});

test.describe('source maps', () => {
  test('the tab script names no source map, the map is not served, and the developer keeps it', async ({ request }) => {
    const script = await tabScript(request);
    const js = await (await request.get(script)).text();
    expect(js).not.toContain('sourceMappingURL');
    expect((await request.get(`${script}.map`)).status()).toBe(404);
    const map = path.resolve(__dirname, '../../dist/sourcemaps/app', `${path.basename(new URL(script).pathname)}.map`);
    expect(existsSync(map), map).toBe(true);
  });
});
