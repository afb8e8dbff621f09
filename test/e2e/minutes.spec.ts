// The secretary opens a meeting in Teams and finds who was there already written down.

import { expect, test } from '@playwright/test';
import { MeetingMinutes, MyMeetings } from './pages/minutes';
import { EMULATOR, TeamsHost, demoScenario, emulatorAdmin } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';

// The attendance as it comes from Microsoft 365, before any group is set up: no minutes in a channel
// keep what one test did for the next.
test.beforeAll(async ({ request }) => emulatorAdmin.scenario(request, demoScenario({ configured: false })));
test.afterAll(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));

test.afterEach(async ({ page }) => {
  // No teams-js call may go unanswered by the simulator: that would be a call real Teams answers differently.
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

test('the secretary sees her meetings in "Mina möten" and opens the latest one, prefilled', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary' });
  const list = new MyMeetings(host.tab);
  await expect(list.heading('Mina möten')).toBeVisible();
  await expect(list.meetings('Kommande', SERIES).first()).toBeVisible();
  const recent = list.meetings('Tidigare', SERIES);
  await expect(recent.first()).toBeVisible();
  await recent.first().click();

  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();
  await expect(minutes.headerValue('Grupp')).toHaveText(SERIES);
  await expect(minutes.headerValue('Tid')).toContainText(/fredag \d+ \w+ \d{4}, 08:00–09:00/);
  await expect(minutes.headerValue('Plats')).toContainText('Via Teams');
  await expect(minutes.headerValue('Organisatör')).toHaveText('Karin Ekström (Region Östmark)');
  await expect(minutes.headerValue('Sekreterare')).toHaveText(/^Ahmed Yilmaz/);
  await expect(minutes.chair('Ordförande')).toHaveValue(/.+/);
  await expect(minutes.chair('Ordförande').locator('option:checked')).toHaveText(/Karin Ekström/);

  // Not the organiser: the RSVPs prefill the list and the page says why.
  await expect(minutes.text(/Bara mötets organisatör kan läsa närvarorapporten/)).toBeVisible();
  await expect(minutes.text(/visar svaren på inbjudan bara för organisatören/)).toBeVisible();
  expect(await minutes.names('Närvarande')).toEqual(['Ahmed Yilmaz', 'Karin Ekström']);
  expect(await minutes.names('Ej närvarande')).toContain('Maja Holm');
  // Only the organiser can read the report, so the secretary is not offered an update from it.
  await expect(minutes.button('Uppdatera från närvarorapporten')).toHaveCount(0);
});

test('the organiser opens the meeting in English: the attendance report decides', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'chair', locale: 'en-US' });
  const list = new MyMeetings(host.tab);
  await expect(list.heading('My meetings')).toBeVisible();
  await list.meetings('Recent', SERIES).first().click();
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.text(/Attendance comes from the meeting's attendance report/)).toBeVisible();
  await expect(minutes.headerValue('Time')).toContainText(/Friday, \d+ \w+ \d{4}, 08:00–09:00/);
  expect(await minutes.names('Absent with notice')).toEqual(['Maja Holm']);
  expect(await minutes.names('Absent')).toEqual(['Lars Öberg']);
  expect(await minutes.names('Also present (not invited)')).toEqual(['Emma Nyberg']);
  const present = await minutes.names('Present');
  expect(present).toEqual(expect.arrayContaining(['Karin Ekström', 'Ahmed Yilmaz', 'Olof Bergström', 'Petra Andersson', 'Sara Lind']));
  expect(present).toHaveLength(10);
  await expect(minutes.text(/joined through the meeting room .*Linnéa/i)).toBeVisible();
  // Organisations from the directory, and the e-mail domain for people outside it.
  await expect(minutes.people('Present').filter({ hasText: 'Olof Bergström' })).toContainText('Region Östmark');
  // Each status says where it came from, in words that are true.
  await expect(minutes.row('Olof Bergström')).toContainText('in the attendance report');
  await expect(minutes.row('Maja Holm')).toContainText('declined the invitation');
  await expect(minutes.row('Maja Holm')).not.toContainText('attendance report');
  await expect(minutes.row('Lars Öberg')).toContainText('not in the attendance report');
  await expect(minutes.text(/or in it with no time in the meeting \(only in the lobby, say\), counts as absent/)).toBeVisible();
});

test('"Mina möten" reaches further back and forward without leaving the page', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary' });
  const list = new MyMeetings(host.tab);
  const recent = list.meetings('Tidigare', SERIES);
  await expect(recent.first()).toBeVisible();
  const before = await recent.count();
  // The weekly series began eight weeks ago: its first occurrences are older than 30 days.
  await host.tab.getByRole('button', { name: 'Visa 30 dagar tidigare' }).click();
  await expect.poll(() => recent.count()).toBeGreaterThan(before);
  await expect(host.tab.getByText(/Möten i din kalender från \S+ \d+ oktober 2026/)).toBeVisible();
  const upcoming = list.meetings('Kommande', SERIES);
  const ahead = await upcoming.count();
  await host.tab.getByRole('button', { name: 'Visa 30 dagar senare' }).click();
  await expect.poll(() => upcoming.count()).toBeGreaterThan(ahead);
  // What was listed stays listed, and each meeting is listed once.
  const names = await list.section('Tidigare').getByRole('button').allTextContents();
  expect(new Set(names).size).toBe(names.length);
});

test('a hand mark survives a reload and an update from the report, which says what it kept', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'chair', locale: 'en-US' });
  await new MyMeetings(host.tab).meetings('Recent', SERIES).first().click();
  const minutes = new MeetingMinutes(host.tab);
  // Lars sat in the room, so the report cannot see him.
  await minutes.statusOf('Attendance of Lars Öberg').selectOption('present');
  expect(await minutes.names('Present')).toContain('Lars Öberg');
  await host.page.reload();
  await new TeamsHost(page).open({ persona: 'chair', locale: 'en-US' });
  await new MyMeetings(host.tab).meetings('Recent', SERIES).first().click();
  await expect(minutes.heading(SERIES)).toBeVisible();
  expect(await minutes.names('Present')).toContain('Lars Öberg');
  await expect(minutes.people('Present').filter({ hasText: 'Lars Öberg' })).toContainText('changed by hand');

  await minutes.button('Update from attendance report').click();
  await expect(minutes.text(/Lars Öberg: your mark “Present” was kept \(the report says “Absent”\)/)).toBeVisible();
  expect(await minutes.names('Present')).toContain('Lars Öberg');
});

test('the device keeps only the hand marks, never the prefilled names and addresses', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary', frame: 'sidePanel' });
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();
  await minutes.statusOf('Närvaro för Olof Bergström').selectOption('present');
  const frame = page.frames().find((f) => f.url().includes('/tab.html'))!;
  const kept = async () =>
    frame.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('justera');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('local').objectStore('local').getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
          };
        }),
    );
  await expect.poll(kept).toContain('present');
  const stored = await kept();
  // The mark and the chair, by person key; no one else's name or address.
  for (const other of ['Hanna Virtanen', 'Lina Karlsson', 'Maja Holm', 'Region Östmark', 'hanna.virtanen@']) expect(stored).not.toContain(other);
});

test('inside the meeting, the side panel opens that meeting directly and says the report comes afterwards', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary', frame: 'sidePanel' });
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();
  await expect(minutes.text(/Mötet har inte avslutats ännu/)).toBeVisible();
  expect(await minutes.names('Närvarande')).toContain('Ahmed Yilmaz');
});

test('the organiser updating before the meeting has ended is told there is no report yet', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'chair', frame: 'sidePanel', locale: 'en-US' });
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();
  await minutes.button('Update from attendance report').click();
  await expect(host.tab.getByRole('status').filter({ hasText: 'No attendance report to update from yet' })).toContainText('The meeting has not ended yet');
});

test('the theme follows Teams: dark and high contrast at start, and a change without reload', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary', theme: 'dark' });
  const root = host.tab.locator('[data-theme]');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  const darkBg = await root.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await host.setTheme('default')).toBe(true);
  await expect(root).toHaveAttribute('data-theme', 'light');
  expect(await root.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(darkBg);
  expect(await host.setTheme('contrast')).toBe(true);
  await expect(root).toHaveAttribute('data-theme', 'contrast');
});

test('the chair chosen for one meeting is suggested for the rest of the series', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary' });
  const list = new MyMeetings(host.tab);
  await list.meetings('Tidigare', SERIES).nth(1).click();
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();
  await minutes.chooseChair('Ordförande', 'Sara Lind (Ekby kommun)');
  await expect(minutes.row('Sara Lind')).toContainText('ordförande');
  await minutes.button('Tillbaka till Mina möten').click();
  await list.meetings('Kommande', SERIES).first().click();
  await expect(minutes.heading(SERIES)).toBeVisible();
  await expect.poll(() => minutes.chosenChair('Ordförande')).toBe('Sara Lind (Ekby kommun)');
  await expect(minutes.row('Karin Ekström')).not.toContainText('ordförande');
});

test('after the meeting, the meeting tab opens that occurrence with its attendance report', async ({ page, request }) => {
  // The simulator puts the meeting tab in the occurrence named by its id (the organiser's copy here).
  const { resolved } = await (await request.get(`${EMULATOR}/_emulator/scenario`)).json();
  const series = resolved.events.find((e: { subject: string }) => e.subject === SERIES);
  const ended = series.occurrences.filter((o: { ended: boolean; cancelled: boolean }) => o.ended && !o.cancelled).at(-1);
  const host = await new TeamsHost(page).open({ persona: 'chair', frame: 'meetingDetails', event: ended.ids[series.organizerId], locale: 'en-US' });
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();
  await expect(minutes.text(/Attendance comes from the meeting's attendance report/)).toBeVisible();
  expect(await minutes.names('Absent with notice')).toEqual(['Maja Holm']);
  await expect(minutes.button('Back to My meetings')).toHaveCount(0);
});

test('a browser that refuses storage still opens the meeting and says the marks are not kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('Storage is blocked', 'SecurityError');
      },
    });
  });
  const host = await new TeamsHost(page).open({ persona: 'secretary', frame: 'sidePanel' });
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();
  await minutes.statusOf('Närvaro för Olof Bergström').selectOption('present');
  await expect(minutes.text(/Den här enheten kunde inte spara dina markeringar/)).toBeVisible();
  expect(await minutes.names('Närvarande')).toContain('Olof Bergström');
});
