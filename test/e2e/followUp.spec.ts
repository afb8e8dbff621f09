// The next meeting follows up the actions the group's last minutes published to Planner (issue 12):
// the secretary opens the series' latest past meeting in the channel tab; each follow-up shows its
// task's status in Planner (the demo's plan has one done, one in progress, one not started); a
// member completes a task in Planner (the emulator's progress endpoint, as they would in Planner's
// own app); when the tab is focused again it shows who completed it; "Ta över status från Planner"
// marks it done in the minutes, and the saved file says so.

import { expect, test } from '@playwright/test';
import { MeetingMinutes, MyMeetings } from './pages/minutes';
import { minutesWrites, readMinutesFile, saveStatus, SERIES, tabFrame } from './pages/minutesEditor';
import { EMULATOR, emulatorAdmin, TeamsHost, demoScenario, type HostOptions } from './pages/teamsHost';

const FOLLOW_UP = 'Uppföljning av uppdrag';
/** The demo's last monthly minutes' actions, as Planner has them (emulator/scenarios/demoYear.ts). */
const BOOK = 'Boka lokal för länskonferensen';
const SPEAKERS = 'Ta fram förslag på talare från kommunerna';
const RESULTS = 'Sammanställa resultaten från första mätningen';
/** Carried on from before and never published: no task, nothing from Planner. */
const CARRIED = 'Undersöka om kommunerna kan ta emot utskrivningar på lördagar';
const DAY = String.raw`\d{4}-\d{2}-\d{2}`;

test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));
test.afterEach(async ({ page }) => {
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

/** The task a follow-up reads, as the demo's plan holds it. */
function taskTitled(title: string): string {
  const task = (demoScenario().teams ?? []).flatMap((t) => t.plans ?? []).flatMap((p) => p.tasks ?? []).find((t) => t.title === title);
  if (!task?.id) throw new Error(`no task "${title}" in the demo's plan`);
  return task.id;
}

test("the follow-up shows each earlier action's status in Planner, and takes over what a member completed", async ({ page, request }, testInfo) => {
  const written = minutesWrites(page);
  const host = await new TeamsHost(page).open({ persona: 'secretary', tab: 'channel' } as HostOptions);
  await new MyMeetings(host.tab).meetings('Tidigare', SERIES).first().click();
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();

  const row = (what: string) => minutes.followUp(FOLLOW_UP, what);
  await expect(row(BOOK)).toContainText('I Planner: Ej påbörjad');
  await expect(row(RESULTS)).toContainText('I Planner: Pågår (50 %)');
  await expect(row(SPEAKERS)).toContainText(new RegExp(`I Planner: Klar – \u2068?Sara Lind\u2069? ${DAY}`));
  await expect(row(CARRIED)).toBeVisible();
  await expect(row(CARRIED)).not.toContainText('Planner');
  await expect(host.tab.getByText('Läser status från Planner…')).toHaveCount(0);
  await row(BOOK).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('follow-up-before.png') });

  // Sara completes her task in Planner while the tab is open; the secretary comes back to it.
  const results = taskTitled(RESULTS);
  const progress = await request.post(`${EMULATOR}/_emulator/planner/tasks/${encodeURIComponent(results)}/progress`, { data: { user: 'sara.lind@ekby.se', percentComplete: 100 } });
  expect(progress.ok()).toBe(true);
  await expect(row(RESULTS)).toContainText('Pågår (50 %)');
  await tabFrame(page).evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(row(RESULTS)).toContainText(new RegExp(`I Planner: Klar – \u2068?Sara Lind\u2069? ${DAY}`));

  await minutes.button('Ta över status från Planner').click();
  await expect(host.tab.getByRole('status').filter({ hasText: 'Markerade som klara enligt Planner: 2. Fortsätter till nästa möte: 1.' })).toBeVisible();
  await expect(minutes.statusOf(new RegExp(`^Läge för \u2068?${RESULTS}`))).toHaveValue('done');
  await expect(minutes.statusOf(new RegExp(`^Läge för \u2068?${SPEAKERS}`))).toHaveValue('done');
  await expect(minutes.statusOf(new RegExp(`^Läge för \u2068?${BOOK}`))).toHaveValue('open');
  await expect(minutes.statusOf(new RegExp(`^Läge för \u2068?Undersöka om kommunerna`))).toHaveValue('open');
  await expect(row(RESULTS).getByRole('textbox', { name: 'Kommentar' })).toHaveValue(new RegExp(`^Klar i Planner ${DAY} av Sara Lind$`));
  await page.screenshot({ path: testInfo.outputPath('follow-up-taken.png'), fullPage: true });

  // The saved minutes say so.
  await expect(saveStatus(host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });
  await expect.poll(() => written.length).toBeGreaterThan(0);
  const saved = await readMinutesFile<{ followUp: { what: string; state: string; taskId?: string; comment?: string }[] }>(request, written.at(-1)!);
  const byWhat = new Map(saved.followUp.map((f) => [f.what, f]));
  expect(byWhat.get(RESULTS)).toMatchObject({ state: 'done', taskId: results, comment: expect.stringMatching(/^Klar i Planner .* av Sara Lind$/) });
  expect(byWhat.get(SPEAKERS)?.state).toBe('done');
  expect(byWhat.get(BOOK)?.state).toBe('open');
});
