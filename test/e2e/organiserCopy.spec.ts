// Attendance when the secretary is not the organiser: she sees the lists from the replies and asks
// the organiser in one action; once the organiser has opened the meeting in Justera, the report's
// lists are in the minutes in the channel, and the secretary's page shows them, saying who fetched
// them and when.

import { expect, test, type Page } from '@playwright/test';
import { openInChannel as openSeries } from './pages/minutes';
import { EMULATOR, emulatorAdmin, TeamsHost, type HostOptions, demoScenario } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';

// Each test starts from the demo tenant without minutes files or mail.
test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario({ configured: false })));
test.afterEach(async ({ page }) => {
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

const openInChannel = (page: Page, persona: HostOptions['persona']) => openSeries(page, persona, SERIES);

const saved = (page: Page) => new TeamsHost(page).tab.getByRole('status').filter({ hasText: /Sparat|Sparar|Ändringar väntar/ });

test("the secretary asks the organiser, and gets the report's lists once the organiser has opened the meeting", async ({ page, browser, request }) => {
  const secretary = await openInChannel(page, 'secretary');
  // Not the organiser: the replies decide, and she can ask for the report in one action.
  await expect(secretary.minutes.text(/Bara mötets organisatör kan läsa närvarorapporten/)).toBeVisible();
  expect(await secretary.minutes.names('Ej närvarande')).toContain('Maja Holm');
  await secretary.minutes.button('Be organisatören om närvaron').click();
  await expect(secretary.host.tab.getByRole('status').filter({ hasText: 'Förfrågan skickad till' })).toHaveText(/Förfrågan skickad till \u2068?Karin Ekström/);
  // Sent, and not offered a second time.
  await expect(secretary.minutes.button('Be organisatören om närvaron')).toHaveCount(0);
  const mail = (await (await request.get(`${EMULATOR}/_emulator/mail`)).json()).value;
  expect(mail).toHaveLength(1);
  expect(mail[0].toRecipients).toEqual([{ emailAddress: { address: 'karin.ekstrom@regionostmark.se', name: 'Karin Ekström' } }]);
  expect(mail[0].body.content).toContain('Bara organisatören kan läsa närvarorapporten');
  expect(mail[0].body.content).toContain('https://teams.microsoft.com/l/entity/');

  // The organiser opens the same meeting in the channel: her Justera keeps the report's lists in the minutes.
  const other = await browser.newPage();
  const chair = await openInChannel(other, 'chair');
  await expect(chair.minutes.text(/Du är mötets organisatör: närvaron du ser här sparas i protokollet/)).toBeVisible();
  await expect(saved(other)).toHaveText(/Sparat/, { timeout: 15_000 });
  await other.close();

  // The secretary reloads: the report's lists, from the organiser.
  await page.reload();
  const again = await openInChannel(page, 'secretary');
  await expect(again.minutes.text(/Närvaron hämtades av \u2068?Karin Ekström\u2069? \S+ \d+ \S+ \d{2}:\d{2} från mötets närvarorapport/)).toBeVisible();
  expect(await again.minutes.names('Anmält förhinder')).toEqual(['Maja Holm']);
  expect(await again.minutes.names('Ej närvarande')).toEqual(['Lars Öberg']);
  expect(await again.minutes.names('Övriga närvarande (ej inbjudna)')).toEqual(['Emma Nyberg']);
  await expect(again.minutes.row('Olof Bergström')).toContainText('enligt organisatörens närvarorapport');
  await expect(again.minutes.row('Maja Holm')).toContainText('tackade nej till inbjudan');
  // The report is there: nothing left to ask for.
  await expect(again.minutes.button('Be organisatören om närvaron')).toHaveCount(0);
});
