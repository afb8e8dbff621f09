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

  test('a meeting whose calendar names an unknown time zone ("constructor") opens, in the user\'s zone, saying so', async ({ page }) => {
    const host = await new TeamsHost(page).open({ persona: 'secretary' });
    const item = new MyMeetings(host.tab).meetings('Tidigare', 'Möte med konstig tidszon');
    await expect(item).toContainText('okänd tidszon i kalendern, visas i din');
    await item.click();
    const minutes = new MeetingMinutes(host.tab);
    await expect(minutes.heading('Möte med konstig tidszon')).toBeVisible();
    await expect(minutes.headerValue('Tid')).toContainText(/Kalendern anger tidszonen constructor, som Justera inte känner igen\. Tiderna visas i din egen tidszon/);
  });

  test('a directory user without mail is found by their UPN, and a record of 0 seconds is not presence', async ({ page }) => {
    const minutes = await open(page, 'Dialogmöte med anhörigföreningar');
    expect(await minutes.names('Närvarande')).toContain('Elin Sjöberg');
    await expect(minutes.row('Elin Sjöberg')).toContainText('Anhörigcentrum Östmark');
    await expect(minutes.row('Elin Sjöberg')).not.toContainText('ej i katalogen');
    expect(await minutes.names('Ej närvarande')).toContain('Lisa Holmberg');
    await expect(minutes.row('Lisa Holmberg')).toContainText('i närvarorapporten men utan tid i mötet');
    await expect(minutes.text(/I rapporten utan tid i mötet, och därför inte räknade som närvarande: .*Maria Lund/)).toBeVisible();
    expect(await minutes.names('Övriga närvarande (ej inbjudna)')).not.toContain('Maria Lund');
  });

  test('a report not there (404) is explained', async ({ page, request }) => {
    await emulatorAdmin.faults(request, { clientError: { count: 50, status: 404 }, paths: 'attendanceReports' });
    const minutes = await open(page, 'Dialogmöte med anhörigföreningar');
    await expect(minutes.text(/Ingen närvarorapport hittades för det här mötestillfället/)).toBeVisible();
  });
});

test.describe('long waits', () => {
  test('a long wait asked by Microsoft 365 is said with the time left, and the secretary can stop waiting', async ({ page, request }) => {
    await emulatorAdmin.faults(request, { throttle: { count: 1000, retryAfterSeconds: 120 }, paths: '^/me/calendarView' });
    const host = await new TeamsHost(page).open({ persona: 'secretary' });
    const waiting = host.tab.getByRole('status').filter({ hasText: 'Microsoft 365 bad oss vänta' });
    await expect(waiting).toContainText(/försöker igen av sig självt om (2:00|1:[0-5]\d)/, { timeout: 5_000 });
    await waiting.getByRole('button', { name: 'Sluta vänta' }).click();
    await expect(waiting).toContainText('Justera väntar inte längre');
    await emulatorAdmin.clearFaults(request);
    await waiting.getByRole('button', { name: 'Försök igen' }).click();
    await expect(new MyMeetings(host.tab).section('Kommande').getByRole('button').first()).toBeVisible();
  });

  test('waiting for the report never hides the list already shown', async ({ page, request }) => {
    const host = await new TeamsHost(page).open({ persona: 'chair', locale: 'en-US' });
    await new MyMeetings(host.tab).meetings('Recent', 'Samordningsgrupp Nära vård').first().click();
    const minutes = new MeetingMinutes(host.tab);
    await expect(minutes.text(/Attendance comes from the meeting's attendance report/)).toBeVisible();
    const present = await minutes.names('Present');
    await emulatorAdmin.faults(request, { throttle: { count: 1000, retryAfterSeconds: 120 }, paths: 'attendanceReports' });
    await minutes.button('Update from attendance report').click();
    const waiting = host.tab.getByRole('status').filter({ hasText: 'Microsoft 365 asked us to wait' });
    await expect(waiting).toContainText(/try again by itself in (2:00|1:[0-5]\d)/);
    // The report's list stays as it was, not replaced by the replies to the invitation.
    expect(await minutes.names('Present')).toEqual(present);
    await expect(minutes.text(/Attendance comes from the meeting's attendance report/)).toBeVisible();
    await waiting.getByRole('button', { name: 'Stop waiting' }).click();
    await expect(waiting).toContainText('Justera is no longer waiting');
  });

  test('a dropped connection on the report alone still opens the meeting, from the replies, with a warning', async ({ page, request }) => {
    await emulatorAdmin.faults(request, { drop: { count: 1000 }, paths: 'attendanceReports' });
    const host = await new TeamsHost(page).open({ persona: 'chair', locale: 'en-US' });
    await new MyMeetings(host.tab).meetings('Recent', 'Samordningsgrupp Nära vård').first().click();
    const minutes = new MeetingMinutes(host.tab);
    await expect(minutes.heading('Samordningsgrupp Nära vård')).toBeVisible();
    await expect(minutes.text(/The attendance report could not be read just now/)).toBeVisible();
    await expect(minutes.text(/Justera cannot reach Microsoft 365/)).toBeVisible();
    expect((await minutes.names('Present')).length).toBeGreaterThan(0);
  });
});
