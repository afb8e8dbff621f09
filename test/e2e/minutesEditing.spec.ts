// The secretary writes the minutes in the group's channel tab, and never loses a word: the agenda
// comes from the invitation, decisions, notes and attendance marks are saved in the channel's
// folder within seconds, come back after a reload, are seen by another member, and survive a
// server that does not answer.

import { expect, test, type Page } from '@playwright/test';
import { MyMeetings, named as namedAs, openInChannel as openSeries } from './pages/minutes';
import { EMULATOR, emulatorAdmin, TeamsHost, type HostOptions, demoScenario } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';
const ITEM = 'Ekonomisk uppföljning';

// Each test starts from the demo tenant without minutes files.
test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario({ configured: false })));
test.afterEach(async ({ page, request }) => {
  await emulatorAdmin.clearFaults(request);
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

async function openInChannel(page: Page, options: HostOptions = {}) {
  const { host, minutes } = await openSeries(page, options.persona ?? 'secretary', SERIES, options);
  return { host, minutes, item: minutes.agendaItem(ITEM) };
}

const named = (before: string, name = ITEM) => namedAs(before, name);

const status = (page: Page) => new TeamsHost(page).tab.getByRole('status').filter({ hasText: /Sparat|Sparar|Ändringar väntar|Offline|Kunde inte sparas/ });

test('the agenda comes from the invitation, and what is written is saved in the channel and back after a reload', async ({ page }) => {
  const { host, item, minutes } = await openInChannel(page);
  for (const title of ['Inledning och föregående minnesanteckningar', 'Länskonferensen 2026', 'Uppföljning av färdplanen – hur mäter vi förflyttningar?', ITEM, 'Övriga frågor och nästa möte']) {
    await expect(host.tab.getByRole('heading', { name: title })).toBeVisible();
  }
  await item.getByRole('button', { name: named('Lägg till beslut i ') }).click();
  await item.getByRole('textbox', { name: /Beslut 1/ }).fill('Budgeten för 2026 fastställs.');
  const notes = item.getByRole('textbox', { name: named('Anteckningar: ') });
  await notes.click();
  await page.keyboard.type('Ca 2,4 mnkr finns för 2026. ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Fördelningen tas upp på nästa möte.');
  await minutes.statusOf('Närvaro för Olof Bergström').selectOption('present');
  // Someone who sat in the room, in no invitation and no report.
  await host.tab.getByRole('button', { name: 'Lägg till någon som deltog' }).click();
  await host.tab.getByRole('textbox', { name: 'Namn' }).fill('Olle Rumsson');
  await host.tab.getByRole('textbox', { name: 'Organisation' }).fill('Ekby kommun');
  await host.tab.getByRole('button', { name: 'Lägg till som närvarande' }).click();
  expect(await minutes.names('Övriga närvarande (ej inbjudna)')).toEqual(['Olle Rumsson']);
  await expect(status(page)).toHaveText(/Sparat/, { timeout: 15_000 });

  await page.reload();
  const again = await openInChannel(page);
  await expect(again.item.getByRole('textbox', { name: /Beslut 1/ })).toHaveValue('Budgeten för 2026 fastställs.');
  await expect(again.item.getByRole('textbox', { name: named('Anteckningar: ') })).toContainText('Fördelningen tas upp på nästa möte.');
  await expect(again.item.locator('strong, b, .notes-bold').filter({ hasText: 'Fördelningen' }).first()).toBeVisible();
  expect(await again.minutes.names('Närvarande')).toContain('Olof Bergström');
  expect(await again.minutes.names('Övriga närvarande (ej inbjudna)')).toEqual(['Olle Rumsson']);
  await expect(again.minutes.row('Olle Rumsson')).toContainText('Ekby kommun');
});

test('another member opening the meeting in the channel sees what the secretary wrote', async ({ page, browser }) => {
  const { item } = await openInChannel(page);
  await item.getByRole('button', { name: named('Lägg till beslut i ') }).click();
  await item.getByRole('textbox', { name: /Beslut 1/ }).fill('Kriterierna för ansökan tas fram till nästa möte.');
  await expect(status(page)).toHaveText(/Sparat/, { timeout: 15_000 });

  const other = await browser.newPage();
  const host = await new TeamsHost(other).open({ persona: 'chair', tab: 'channel' } as HostOptions);
  await new MyMeetings(host.tab).meetings('Tidigare', SERIES).first().click();
  const region = host.tab.getByRole('listitem').filter({ has: host.tab.getByRole('heading', { name: ITEM, exact: true }) });
  await expect(region.getByRole('textbox', { name: /Beslut 1/ })).toHaveValue('Kriterierna för ansökan tas fram till nästa möte.');
  await other.close();
});

test('with the channel out of reach, every word stays on the device, through a reload, until it can be saved', async ({ page }) => {
  const { item } = await openInChannel(page);
  await expect(status(page)).toHaveText(/Sparat/, { timeout: 15_000 });
  // The channel's files stop answering writes.
  await page.route(`${EMULATOR}/v1.0/drives/**/content*`, (route) => (route.request().method() === 'PUT' ? route.abort('connectionrefused') : route.fallback()));
  await item.getByRole('button', { name: named('Lägg till beslut i ') }).click();
  await item.getByRole('textbox', { name: /Beslut 1/ }).fill('Skrivet utan nät.');
  await expect(status(page)).toHaveText(/Offline – sparat på den här enheten/, { timeout: 15_000 });

  await page.reload();
  const again = await openInChannel(page);
  await expect(again.item.getByRole('textbox', { name: /Beslut 1/ })).toHaveValue('Skrivet utan nät.');
  await page.unroute(`${EMULATOR}/v1.0/drives/**/content*`);
  await again.item.getByRole('textbox', { name: /Beslut 1/ }).press('End');
  await expect(status(page)).toHaveText(/Sparat/, { timeout: 30_000 });
});

test('an action can be given to someone from the directory who was not at the meeting', async ({ page }) => {
  const { host, item } = await openInChannel(page);
  await item.getByRole('button', { name: named('Lägg till uppdrag i ') }).click();
  const row = item.getByRole('group', { name: named('Uppdrag 1, ') });
  await row.getByRole('textbox', { name: 'Vad ska göras' }).fill('Ta fram lokalförslag');
  const owner = row.getByRole('combobox', { name: 'Ansvarig' });
  await owner.click();
  // Nils Ahl is neither invited nor in the roster: only the directory knows him.
  await owner.pressSequentially('Nils');
  await host.tab.getByRole('listbox').getByRole('option', { name: /^Nils Ahl/ }).click();
  await expect(owner).toHaveValue('Nils Ahl');
  await expect(status(page)).toHaveText(/Sparat/, { timeout: 15_000 });
  await page.reload();
  const again = await openInChannel(page);
  await expect(again.item.getByRole('group', { name: named('Uppdrag 1, ') }).getByRole('combobox', { name: 'Ansvarig' })).toHaveValue('Nils Ahl');
});

test('outside a channel, the page says where the minutes can be written', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary' });
  await new MyMeetings(host.tab).meetings('Tidigare', SERIES).first().click();
  await expect(host.tab.getByText(/Justera vet ännu inte vilken grupp det här mötet hör till/)).toBeVisible();
});
