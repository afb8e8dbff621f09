// Saving when others write too and the channel misbehaves: two people with the same minutes open see
// each other's edits without a reload, and settle the one text both changed side by side; the
// organiser's copy of the attendance fills in the secretary's open page; and a write refused with
// 412 (someone saved first), 429 (Microsoft 365 asks to wait) or 503 (the channel is not answering)
// says so in words, loses nothing, and ends saved with every word, as the channel's file shows.

import { expect, test, type Browser, type Page } from '@playwright/test';
import { ChannelFiles, PEOPLE } from './pages/channelFiles';
import { AgendaItemModel, openInChannel } from './pages/minutes';
import { demoScenario, emulatorAdmin, TeamsHost, type HostOptions } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';
const BUDGET = 'Ekonomisk uppföljning';
const CONFERENCE = 'Länskonferensen 2026';
/** An open page checks for others' saves every 20 s (MinutesSync): what "without a reload" may take. */
const LIVE = { timeout: 45_000 };
const SAVED = /^Sparat$/;

// Several waits for a 20 s check in one test: more than the default 30 s, never a timing assertion.
test.describe.configure({ timeout: 240_000 });
// Each test starts from the demo tenant without minutes files.
// Started from the group's empty folder: the next spec gets the demo as it is.
test.afterAll(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));

test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario({ configured: false })));
test.afterEach(async ({ page, request }) => {
  await emulatorAdmin.clearFaults(request);
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

/** The same minutes opened by someone else, on their own device (a browser context of its own). */
async function otherDevice(browser: Browser, persona: HostOptions['persona']) {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, context, ...(await openInChannel(page, persona, SERIES)) };
}

async function secretaryPage(page: Page) {
  const opened = await openInChannel(page, 'secretary', SERIES);
  await expect(opened.minutes.saveStatus()).toHaveText(SAVED, { timeout: 15_000 });
  return opened;
}

test('two people editing the same minutes see each other\'s edits, and settle the text both changed', async ({ page, browser }) => {
  const secretary = await secretaryPage(page);
  const chair = await otherDevice(browser, 'chair');
  const hers = { budget: new AgendaItemModel(secretary.minutes.agendaItem(BUDGET)), conference: new AgendaItemModel(secretary.minutes.agendaItem(CONFERENCE)) };
  const his = { budget: new AgendaItemModel(chair.minutes.agendaItem(BUDGET)), conference: new AgendaItemModel(chair.minutes.agendaItem(CONFERENCE)) };

  // Different agenda items at once: each page shows both, without a reload, and nothing is lost.
  await hers.budget.addDecision(1, 'Budgeten för 2026 fastställs.');
  await his.conference.addDecision(1, 'Gruppen anmäler fyra deltagare till länskonferensen.');
  await expect(his.budget.decision(1)).toHaveValue('Budgeten för 2026 fastställs.', LIVE);
  await expect(hers.conference.decision(1)).toHaveValue('Gruppen anmäler fyra deltagare till länskonferensen.', LIVE);
  await expect(secretary.minutes.saveStatus()).toHaveText(SAVED, { timeout: 15_000 });
  await expect(chair.minutes.saveStatus()).toHaveText(SAVED, { timeout: 15_000 });

  // The same decision, changed on both pages before either is saved: both versions, side by side.
  await Promise.all([hers.budget.decision(1).fill('Budgeten för 2026 fastställs med ett tillägg om länskonferensen.'), his.budget.decision(1).fill('Budgeten för 2026 fastställs utan ändringar.')]);
  await expect(hers.budget.conflict(1)).toBeVisible(LIVE);
  await expect(hers.budget.conflict(1)).toContainText('Budgeten för 2026 fastställs med ett tillägg om länskonferensen.');
  await expect(hers.budget.conflict(1)).toContainText('Budgeten för 2026 fastställs utan ändringar.');
  await expect(his.budget.conflict(1)).toBeVisible(LIVE);

  // The secretary keeps the chair's wording: saved, and the chair's page shows it, settled.
  await hers.budget.keep(1, 'utan ändringar');
  await expect(hers.budget.conflict(1)).toHaveCount(0);
  await expect(hers.budget.decision(1)).toHaveValue('Budgeten för 2026 fastställs utan ändringar.');
  await expect(secretary.minutes.saveStatus()).toHaveText(SAVED, { timeout: 15_000 });
  await expect(his.budget.conflict(1)).toHaveCount(0, LIVE);
  await expect(his.budget.decision(1)).toHaveValue('Budgeten för 2026 fastställs utan ändringar.');
  await expect(hers.conference.decision(1)).toHaveValue('Gruppen anmäler fyra deltagare till länskonferensen.');
  expect(await new TeamsHost(chair.page).unhandledCalls()).toEqual([]);
  await chair.context.close();
});

test("the organiser's copy of the attendance fills in the secretary's open page, without a reload", async ({ page, browser }) => {
  const secretary = await secretaryPage(page);
  await expect(secretary.minutes.text(/Bara mötets organisatör kan läsa närvarorapporten/)).toBeVisible();
  expect(await secretary.minutes.names('Ej närvarande')).toContain('Maja Holm');

  // The organiser (the chair) opens the meeting on her device: her Justera keeps the report's lists in the minutes.
  const organiser = await otherDevice(browser, 'chair');
  await expect(organiser.minutes.text(/Du är mötets organisatör: närvaron du ser här sparas i protokollet/)).toBeVisible();
  await expect(organiser.minutes.saveStatus()).toHaveText(SAVED, { timeout: 15_000 });
  await organiser.context.close();

  // The secretary's page, still open, takes the report's lists.
  await expect(secretary.minutes.text(/Närvaron hämtades av \u2068?Karin Ekström\u2069? \S+ \d+ \S+ \d{2}:\d{2} från mötets närvarorapport/)).toBeVisible(LIVE);
  await expect.poll(() => secretary.minutes.names('Anmält förhinder')).toEqual(['Maja Holm']);
  expect(await secretary.minutes.names('Ej närvarande')).toEqual(['Lars Öberg']);
  expect(await secretary.minutes.names('Övriga närvarande (ej inbjudna)')).toEqual(['Emma Nyberg']);
  await expect(secretary.minutes.row('Olof Bergström')).toContainText('enligt organisatörens närvarorapport');
  await expect(secretary.minutes.button('Be organisatören om närvaron')).toHaveCount(0);
});

test('writes refused with 412, 429 and 503 say what is happening, lose nothing, and end saved with every word', async ({ page, request }) => {
  const { minutes } = await secretaryPage(page);
  const budget = new AgendaItemModel(minutes.agendaItem(BUDGET));
  const conference = new AgendaItemModel(minutes.agendaItem(CONFERENCE));
  const chair = await ChannelFiles.as(request, PEOPLE.chair);

  // 412: the chair saves just before the secretary's write lands; reading the chair's copy is slow,
  // so the merge can be seen.
  let first = true;
  await page.route('**/minutes.json:/content*', async (route) => {
    if (route.request().method() === 'PUT' && first) {
      first = false;
      await chair.change((m) => m.agenda.find((i) => i.title === CONFERENCE)!.decisions.push({ id: 'chair-1', text: 'Karin anmäler gruppen till länskonferensen.' }));
      await emulatorAdmin.faults(request, { latencyMs: 3000, paths: 'minutes\\.json:$' });
    }
    await route.fallback();
  });
  await budget.addDecision(1, 'Budgeten för 2026 fastställs.');
  await expect(minutes.saveStatus()).toHaveText(/Någon annan sparade samtidigt – lägger ihop ändringarna/, { timeout: 15_000 });
  await expect(minutes.saveStatus()).toHaveText(SAVED, { timeout: 20_000 });
  await emulatorAdmin.clearFaults(request);
  await page.unroute('**/minutes.json:/content*');
  await expect(conference.decision(1)).toHaveValue('Karin anmäler gruppen till länskonferensen.');

  // 429 with Retry-After: the wait, in words, then saved by itself.
  await emulatorAdmin.faults(request, { throttle: { count: 1, retryAfterSeconds: 8 }, paths: '/content' });
  await budget.addDecision(2, 'Kriterierna för ansökan tas fram till nästa möte.');
  await expect(minutes.saveStatus()).toHaveText(/Microsoft 365 ber oss vänta – sparat på den här enheten, försöker igen om \d+ s/, { timeout: 15_000 });
  await expect(minutes.saveStatus()).toHaveText(SAVED, { timeout: 30_000 });

  // 503, past the Graph client's own retries: the channel is not answering, tried again, saved.
  await emulatorAdmin.faults(request, { serverError: { count: 4, status: 503 }, paths: '/content' });
  await budget.addDecision(3, 'Uppföljningen redovisas kvartalsvis.');
  await expect(minutes.saveStatus()).toHaveText(/Kanalen svarar inte just nu – sparat på den här enheten, försöker igen om \d+ s/, { timeout: 45_000 });
  await expect(minutes.saveStatus()).toHaveText(SAVED, { timeout: 30_000 });

  // What the channel has: every word, from both writers, and no conflict.
  const file = (await ChannelFiles.as(request, PEOPLE.secretary)).read();
  const agenda = (await file).minutes.agenda;
  expect(agenda.find((i) => i.title === BUDGET)!.decisions.map((d) => d.text)).toEqual([
    'Budgeten för 2026 fastställs.',
    'Kriterierna för ansökan tas fram till nästa möte.',
    'Uppföljningen redovisas kvartalsvis.',
  ]);
  expect(agenda.find((i) => i.title === CONFERENCE)!.decisions.map((d) => d.text)).toEqual(['Karin anmäler gruppen till länskonferensen.']);
  expect((await file).minutes.conflicts).toEqual([]);
});
