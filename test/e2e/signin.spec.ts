// Sign-in is configuration: the demo's host tokens, or MSAL's Nested App Authentication, loaded
// only when configured (it is 67 KB gzip). Outside a NAA host, offline, it must fail with a message.

import { expect, test } from '@playwright/test';
import { PORTS } from '../../playwright.config';
import { MyMeetings } from './pages/minutes';
import { TeamsHost } from './pages/teamsHost';

const APP = `http://127.0.0.1:${PORTS.app}`;

test('with host tokens, MSAL is never downloaded', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  const host = await new TeamsHost(page).open({ persona: 'secretary' });
  await expect(new MyMeetings(host.tab).section('Kommande').getByRole('button').first()).toBeVisible();
  expect(scripts.filter((u) => u.startsWith(APP) && /msal/.test(u))).toEqual([]);
});

test('configured for Nested App Authentication outside a NAA host, it loads MSAL lazily and says sign-in failed', async ({ page }) => {
  test.setTimeout(60_000);
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  // Microsoft's login is out of reach here, as it would be on a closed network.
  await page.route('https://login.microsoftonline.com/**', (route) => route.abort('connectionrefused'));
  await page.route(`${APP}/config.json`, async (route) => {
    const demo = await (await route.fetch()).json();
    await route.fulfill({ json: { ...demo, tokenProvider: 'naa', clientId: '6f1d3c2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f' } });
  });
  const host = await new TeamsHost(page).open({ persona: 'secretary', locale: 'en-US' });
  await expect(host.tab.getByRole('alert')).toContainText('Justera got no sign-in from Teams', { timeout: 30_000 });
  expect(scripts.some((u) => u.startsWith(APP) && /msal/.test(u))).toBe(true);
});
