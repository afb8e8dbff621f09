// The Outlook pane in the Outlook host simulator, which answers the real office.js: the chair opens
// the mail the secretary sent through Graph (with Justera's x- headers) or a meeting of their own, and
// the pane says what it is. Every test also fails on any office.js call the simulator did not answer.

import { expect, test } from '@playwright/test';
import { chairsMeeting, mailChair, OutlookHost, PANE, PEOPLE } from './pages/outlookHost';
import { TeamsHost } from './pages/teamsHost';

// The simulator and the pane are https://localhost with a certificate made when the demo starts.
test.use({ ignoreHTTPSErrors: true, timezoneId: 'Europe/Stockholm' });

const tag = (minutes: string, version: string) => [
  { name: 'x-justera-minutes', value: minutes },
  { name: 'x-justera-version', value: version },
];
const unique = (subject: string) => `${subject} ${test.info().testId.slice(0, 6)}-${test.info().retry}`;

test.describe('in the Outlook simulator', () => {
  let outlook: OutlookHost;
  test.beforeEach(({ page }) => {
    outlook = new OutlookHost(page);
  });
  test.afterEach(async () => {
    expect(await outlook.unhandledCalls()).toEqual([]);
  });

  test("the chair opens the secretary's approval mail: the pane shows its subject, sender and Justera's tag", async ({ request }) => {
    const subject = unique('Protokoll för justering: Samordningsgrupp Nära vård');
    const id = await mailChair(request, { subject, headers: tag('minutes-2026-11-24', 'sha256-5f0c1a') });

    await outlook.open({ persona: 'chair', item: `message:${id}` });

    await expect(outlook.pane.getByRole('heading', { level: 1, name: 'Justera' })).toBeVisible();
    const mail = outlook.item('Mejlet');
    await expect(mail.getByText(subject, { exact: true })).toBeVisible();
    await expect(mail.getByText(`Från ${PEOPLE.secretary.name}`)).toBeVisible();
    await expect(mail.getByText('Skickat från Justera för justering.')).toBeVisible();
  });

  test('a mail without the tag says it does not come from Justera', async ({ request }) => {
    const subject = unique('Lunch på fredag?');
    const id = await mailChair(request, { subject, headers: [{ name: 'x-justera-minutes', value: 'only-one-of-the-two' }] });

    await outlook.open({ persona: 'chair', item: `message:${id}` });

    const mail = outlook.item('Mejlet');
    await expect(mail.getByText(subject, { exact: true })).toBeVisible();
    await expect(mail.getByText('Det här mejlet kommer inte från Justera')).toBeVisible();
    await expect(mail.getByText(/Skickat från Justera/)).toHaveCount(0);
  });

  test("a meeting from the chair's calendar shows its subject and when it starts", async ({ request }) => {
    const meeting = await chairsMeeting(request);

    await outlook.open({ persona: 'chair', item: `event:${meeting.id}` });

    const section = outlook.item('Mötet');
    await expect(section.getByText(meeting.subject, { exact: true })).toBeVisible();
    const at = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(new Date(meeting.start));
    await expect(section.getByText(new RegExp(`^Börjar .* kl\\. ${at}$`))).toBeVisible();
  });

  test('in English when Outlook is in English', async ({ request }) => {
    const subject = unique('Minutes for approval');
    const id = await mailChair(request, { subject, headers: tag('minutes-42', 'v-7') });

    await outlook.open({ persona: 'chair', item: `message:${id}`, locale: 'en-US' });

    const mail = outlook.item('The mail');
    await expect(mail.getByText(subject, { exact: true })).toBeVisible();
    await expect(mail.getByText(`From ${PEOPLE.secretary.name}`)).toBeVisible();
    await expect(mail.getByText('Sent from Justera for approval.')).toBeVisible();
    await expect(outlook.pane.locator('html')).toHaveAttribute('lang', 'en');
  });

  test("the demo's start page opens the chair's view in Outlook", async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Ordförandens vy i Outlook' }).click();
    await expect(page).toHaveURL(/^https:\/\/localhost:\d+\/outlook\.html\?persona=chair/);
    await expect(outlook.pane.getByRole('heading', { level: 1, name: 'Justera' })).toBeVisible();
    // The chair's newest mail, or a meeting of theirs when the inbox is empty.
    await expect(outlook.pane.getByRole('heading', { level: 2, name: /^(Mejlet|Mötet)$/ })).toBeVisible();
  });
});

test.describe('outside Outlook', () => {
  // The browser's language decides when there is no Outlook to ask.
  test.use({ locale: 'sv-SE' });

  test('the pane opened by itself in a browser (the link a Mac or phone user follows) says it runs outside Outlook', async ({ page }) => {
    await page.goto(`${PANE}/pane.html`);
    await expect(page.getByRole('heading', { level: 1, name: 'Justera' })).toBeVisible();
    await expect(page.getByText(/^Det här är Justeras tillägg för Outlook, och här är sidan öppnad utanför Outlook\./)).toBeVisible();
  });

  test('a Teams tab never loads office.js (framed outside Office, it would blank the tab)', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    const teams = await new TeamsHost(page).open({ persona: 'secretary' });
    await expect(teams.tab.getByRole('heading', { level: 1, name: 'Mina möten' })).toBeVisible();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((u) => /\/office\/|office(\.debug)?\.js|MicrosoftAjax/i.test(u))).toEqual([]);
  });
});
