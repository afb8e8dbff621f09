// Bad input and failures as the secretary meets them: a clear message, a way on, and no crash.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { MeetingMinutes, MyMeetings } from './pages/minutes';
import { EMULATOR, emulatorAdmin, TeamsHost } from './pages/teamsHost';
import { PORTS } from '../../playwright.config';

const scenario = (name: string) => JSON.parse(readFileSync(path.resolve(__dirname, '../../emulator/scenarios', `${name}.json`), 'utf8'));

test.afterEach(async ({ page, request }) => {
  await emulatorAdmin.clearFaults(request);
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

test.describe('failures', () => {
  test('an expired sign-in says so and offers to try again', async ({ page }) => {
    const host = await new TeamsHost(page).open({ persona: 'secretary', token: 'expired' });
    await expect(host.tab.getByRole('alert')).toContainText('Din inloggning har gått ut');
    await expect(host.tab.getByRole('button', { name: 'Försök igen' })).toBeVisible();
  });

  test('a sign-in Teams refuses says what to check', async ({ page }) => {
    const host = await new TeamsHost(page).open({ persona: 'secretary', token: 'denied', locale: 'en-US' });
    await expect(host.tab.getByRole('alert')).toContainText('Justera got no sign-in from Teams');
  });

  test('a 429 storm says Microsoft 365 is busy, and "try again" works once it passes', async ({ page, request }) => {
    await emulatorAdmin.faults(request, { throttle: { every: 1, retryAfterSeconds: 0 } });
    const host = await new TeamsHost(page).open({ persona: 'secretary' });
    await expect(host.tab.getByRole('alert')).toContainText('Microsoft 365 är hårt belastat');
    await emulatorAdmin.clearFaults(request);
    await host.tab.getByRole('button', { name: 'Försök igen' }).click();
    await expect(new MyMeetings(host.tab).heading('Mina möten')).toBeVisible();
    await expect(host.tab.getByRole('alert')).toHaveCount(0);
    await expect(new MyMeetings(host.tab).section('Kommande').getByRole('button').first()).toBeVisible();
  });

  test('the tab opened outside Teams says where it belongs, at once, in the browser language', async ({ browser }) => {
    for (const [locale, text] of [
      ['sv-SE', 'Justera är en flik i Microsoft Teams'],
      ['en-GB', 'Justera is a tab in Microsoft Teams'],
    ]) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORTS.app}/tab.html`);
      await expect(page.getByRole('alert')).toContainText(text!, { timeout: 5_000 });
      await context.close();
    }
  });

  test('Graph out of reach says so', async ({ page }) => {
    const host = new TeamsHost(page);
    await page.route(`${EMULATOR}/v1.0/**`, (route) => route.abort('connectionrefused'));
    await host.open({ persona: 'secretary', locale: 'en-US' });
    await expect(host.tab.getByRole('alert')).toContainText('Justera cannot reach Microsoft 365');
  });
});

test.describe('bad or missing data', () => {
  test.beforeAll(async ({ request }) => emulatorAdmin.scenario(request, scenario('edge-cases')));
  test.afterAll(async ({ request }) => emulatorAdmin.scenario(request, scenario('demo')));

  async function open(page: import('@playwright/test').Page, subject: string) {
    const host = await new TeamsHost(page).open({ persona: 'secretary' });
    await new MyMeetings(host.tab).meetings('Tidigare', subject).first().click();
    const minutes = new MeetingMinutes(host.tab);
    await expect(minutes.heading(subject)).toBeVisible();
    return minutes;
  }

  test('a meeting without attendees says so', async ({ page }) => {
    const minutes = await open(page, 'Avstämning utan deltagare');
    await expect(minutes.text(/Mötet har inga inbjudna deltagare/)).toBeVisible();
  });

  test('invitees unknown to the directory are named, listed and marked', async ({ page }) => {
    const minutes = await open(page, 'Dialogmöte med anhörigföreningar');
    await expect(minutes.text(/inbjudna finns inte i katalogen: .*okand\.person@example\.org/)).toBeVisible();
    await expect(minutes.row('okand.person@example.org')).toContainText('ej i katalogen');
    await expect(minutes.row('okand.person@example.org')).toContainText('example.org');
    await expect(minutes.row('Karin Ekström')).not.toContainText('ej i katalogen');
  });

  test('a meeting without a Teams link is prefilled from the RSVPs, saying why', async ({ page }) => {
    const minutes = await open(page, 'Planeringsmöte (utan Teams)');
    await expect(minutes.text(/Mötet har ingen Teams-länk/)).toBeVisible();
    expect(await minutes.names('Anmält förhinder')).toEqual(['Olof Bergström']);
  });

  test('a report Graph refuses (403) is explained, and the RSVPs prefill the list', async ({ page, request }) => {
    await emulatorAdmin.faults(request, { clientError: { count: 50, status: 403 }, paths: 'attendanceReports' });
    const minutes = await open(page, 'Dialogmöte med anhörigföreningar');
    await expect(minutes.text(/Microsoft 365 nekade Justera att läsa närvarorapporten/)).toBeVisible();
  });

  test('a report not there (404) is explained', async ({ page, request }) => {
    await emulatorAdmin.faults(request, { clientError: { count: 50, status: 404 }, paths: 'attendanceReports' });
    const minutes = await open(page, 'Dialogmöte med anhörigföreningar');
    await expect(minutes.text(/Ingen närvarorapport hittades för det här mötestillfället/)).toBeVisible();
  });
});
