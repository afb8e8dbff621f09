// The link in the mail to the organiser opens that meeting in Justera: Teams hands the personal tab
// the link's subEntityId, and the tab finds the meeting in the organiser's own calendar (her copy
// has another event id than the secretary's). A link to a meeting the reader does not have says so.

import { expect, test } from '@playwright/test';
import { MeetingMinutes, openInChannel } from './pages/minutes';
import { EMULATOR, emulatorAdmin, TeamsHost, demoScenario } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';

test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));
test.afterEach(async ({ page }) => {
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

/** The link in the one mail the emulator delivered, as the organiser's mail client would open it. */
async function linkInMail(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const mail = (await (await request.get(`${EMULATOR}/_emulator/mail`)).json()).value as { body: { content: string } }[];
  expect(mail).toHaveLength(1);
  const href = /<a href="([^"]+)"/.exec(mail[0]!.body.content)?.[1];
  expect(href).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
  return href!.replace(/&amp;/g, '&');
}

test('the organiser opens the link in the mail and lands in that meeting, whose attendance her Justera keeps', async ({ page, browser, request }) => {
  const secretary = await openInChannel(page, 'secretary', SERIES);
  await secretary.minutes.button('Be organisatören om närvaron').click();
  await expect(secretary.host.tab.getByRole('status').filter({ hasText: 'Förfrågan skickad till' })).toBeVisible();
  const link = await linkInMail(request);

  const other = await browser.newPage();
  const chair = await new TeamsHost(other).open({ persona: 'chair', deepLink: link });
  const minutes = new MeetingMinutes(chair.tab);
  // Straight to the meeting, not the list, found in her own calendar (the same occurrence: her save
  // reaches the secretary's page, below).
  await expect(minutes.heading(SERIES)).toBeVisible();
  await expect(minutes.text(/Du är mötets organisatör: närvaron du ser här sparas i protokollet/)).toBeVisible();
  await expect(minutes.saveStatus()).toHaveText(/Sparat/, { timeout: 20_000 });
  // From there, "My meetings" is one step back.
  await minutes.button('Tillbaka till Mina möten').click();
  await expect(chair.tab.getByRole('heading', { level: 1, name: 'Mina möten' })).toBeVisible();
  expect(await new TeamsHost(other).unhandledCalls()).toEqual([]);
  await other.close();

  // The secretary's open page takes in the organiser's lists.
  await expect(secretary.minutes.text(/Närvaron hämtades av \u2068?Karin Ekström/)).toBeVisible({ timeout: 45_000 });
});

test('a link to a meeting that has moved since the mail was sent says so, and leads back to My meetings', async ({ page, request }) => {
  const secretary = await openInChannel(page, 'secretary', SERIES);
  await secretary.minutes.button('Be organisatören om närvaron').click();
  await expect(secretary.host.tab.getByRole('status').filter({ hasText: 'Förfrågan skickad till' })).toBeVisible();
  // The same link, but the occurrence now starts a day later than the link says.
  const url = new URL(await linkInMail(request));
  const { subEntityId } = JSON.parse(url.searchParams.get('context')!) as { subEntityId: string };
  const target = new URLSearchParams(subEntityId.replace(/^meeting\?/, ''));
  target.set('start', new Date(Date.parse(target.get('start')!) + 86_400_000).toISOString());
  url.searchParams.set('context', JSON.stringify({ subEntityId: `meeting?${target}` }));

  const other = await page.context().newPage();
  const chair = await new TeamsHost(other).open({ persona: 'chair', deepLink: url.toString() });
  await expect(chair.tab.getByText('Mötet hittades inte. Det kan ha tagits bort eller flyttats.')).toBeVisible();
  await chair.tab.getByRole('button', { name: 'Tillbaka till Mina möten' }).first().click();
  await expect(chair.tab.getByRole('heading', { level: 1, name: 'Mina möten' })).toBeVisible();
  expect(await new TeamsHost(other).unhandledCalls()).toEqual([]);
  await other.close();
});
