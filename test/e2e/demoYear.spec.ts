// The demo group is set up and has a year of minutes in its channel folder: the secretary opens the
// series' latest past meeting in the channel tab, and its new minutes (the group's Protokoll)
// continue the § numbers from the last earlier minutes and follow up their open actions, though
// the newest file in the folder cannot be read. What to expect is read from the scenario file.

import { expect, test } from '@playwright/test';
import { continuation, demoYear } from '../demoYear';
import { MeetingMinutes, MyMeetings, named } from './pages/minutes';
import { EMULATOR, emulatorAdmin, TeamsHost, demoScenario, type HostOptions } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';
/** Outside text in a name pattern (named() takes a pattern): "?" and the like stand for themselves. */
const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The agenda of the series' invitation: five items. */
const ITEMS = ['Inledning och föregående minnesanteckningar', 'Länskonferensen 2026', 'Uppföljning av färdplanen – hur mäter vi förflyttningar?', 'Ekonomisk uppföljning', 'Övriga frågor och nästa möte'];

test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));
test.afterEach(async ({ page }) => {
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

test("the latest past meeting's minutes continue the group's § numbers and follow up the last minutes' open actions", async ({ page, request }) => {
  // The series' latest ended occurrence, as the emulator resolved it now.
  const resolved = (await (await request.get(`${EMULATOR}/_emulator/scenario`)).json()) as { resolved: { events: { subject: string; occurrences?: { start: string; ended: boolean; cancelled: boolean }[] }[] } };
  const series = resolved.resolved.events.find((e) => e.subject === SERIES)!;
  const latest = series.occurrences!.filter((o) => o.ended && !o.cancelled).at(-1)!;
  const year = demoYear(Date.now());
  const expected = continuation(year, latest.start);
  // What the folder holds: the newest minutes file is one that cannot be read.
  expect(year.unreadable).toHaveLength(1);
  expect(year.unreadable[0]! > expected.previous.folder).toBe(true);

  const host = await new TeamsHost(page).open({ persona: 'secretary', tab: 'channel' } as HostOptions);
  await new MyMeetings(host.tab).meetings('Tidigare', SERIES).first().click();
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();

  // The group's template numbers the items, on from the last readable minutes (§ 1 in a new year).
  for (const [i, title] of ITEMS.entries()) {
    await expect(minutes.item(named(`§ ${expected.firstParagraph + i} `, literally(title)))).toBeVisible();
  }
  // Their actions, and those carried on from before, come back open, in order.
  const rows = minutes.followUps('Uppföljning av uppdrag');
  await expect(rows).toHaveCount(expected.followUp.length);
  for (const [i, f] of expected.followUp.entries()) {
    await expect(rows.nth(i)).toContainText(f.what);
    if (f.owner) await expect(rows.nth(i)).toContainText(f.owner);
    await expect(minutes.statusOf(named('Läge för ', literally(f.what)))).toHaveValue('open');
  }
});
