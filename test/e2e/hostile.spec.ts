// Hostile data through every Graph text field the tab shows, in every surface: script and markup,
// bidi controls, zero-width and combining characters, 10,000-character strings, prototype names
// (test/e2e/hostile.ts). A person would notice three things, each asserted on every surface:
// nothing ran, no page went blank, nothing overflowed its frame. And our own words are never
// turned around by a right-to-left override in a name: every bidi control from outside sits in
// an isolate.

import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { HOSTILE_VALUES, hostileScenario } from './hostile';
import { MeetingMinutes, MyMeetings } from './pages/minutes';
import { EMULATOR, emulatorAdmin, TeamsHost, demoScenario } from './pages/teamsHost';


test.beforeAll(async ({ request }) => {
  expect(HOSTILE_VALUES.length).toBeGreaterThanOrEqual(50);
  await emulatorAdmin.scenario(request, hostileScenario());
});
test.afterAll(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
});

test.afterEach(async ({ page }) => {
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

/** What a person would notice, checked in the tab's frame and the host page. */
async function expectSafe(page: Page, tab: FrameLocator) {
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes('/tab.html'));
  if (!frame) throw new Error('the tab frame is not there');
  // Nothing ran: no hostile value set its flag, here or in the host page.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const report = await frame.evaluate(() => {
    const doc = document.documentElement;
    // Bidi controls from outside must sit inside an isolate: a <bdi>, an element isolated by CSS,
    // or (where only a string can go) between U+2068 and U+2069.
    const controls = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
    const exposed: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!controls.test(text)) continue;
      const parent = node.parentElement;
      if (!parent) continue;
      if (parent.closest('bdi')) continue;
      if (parent.closest('option') && /^\u2068/.test(parent.closest('option')!.textContent ?? '')) continue;
      if (parent.closest('script, style, code')) continue;
      let isolated = false;
      for (let el: Element | null = parent; el && !isolated; el = el.parentElement) {
        isolated = /isolate|plaintext/.test(getComputedStyle(el).unicodeBidi);
      }
      if (!isolated) exposed.push(text.slice(0, 60));
    }
    // Elements wider than the page: the frame would scroll sideways.
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1 && getComputedStyle(el).position !== 'fixed')
      .filter((el) => !el.closest('[style*="overflow"]'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
    return {
      scrollWidth: doc.scrollWidth,
      clientWidth: doc.clientWidth,
      textLength: document.body.innerText.trim().length,
      exposed,
      wide,
    };
  });
  // No page went blank, and no part of it gave up.
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
  expect(report.textLength).toBeGreaterThan(100);
  await expect(tab.getByText(/kunde inte visas|could not be shown/)).toHaveCount(0);
  // Nothing overflowed its frame.
  expect(report.scrollWidth, `wider than the frame: ${report.wide.join(', ')}`).toBeLessThanOrEqual(report.clientWidth);
  expect(report.exposed).toEqual([]);
}

test('"Mina möten" lists a meeting for every hostile subject, safely', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary' });
  const list = new MyMeetings(host.tab);
  await expect(list.heading('Mina möten')).toBeVisible();
  await expect.poll(async () => (await host.tab.getByRole('listitem').count()) >= 50).toBe(true);
  await expectSafe(page, host.tab);
  // And on to a meeting with a hostile subject, organiser, place and invitees.
  await list.section('Tidigare').getByRole('button').nth(3).click();
  await expect(new MeetingMinutes(host.tab).button('Tillbaka till Mina möten')).toBeVisible();
  await expect(host.tab.getByRole('heading', { name: 'Närvaro' })).toBeVisible();
  await expectSafe(page, host.tab);
});

test('the side panel (320 px) shows the meeting with hostile names without overflowing', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary', frame: 'sidePanel' });
  await expect(host.tab.getByRole('heading', { name: 'Närvaro' })).toBeVisible();
  const width = await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual(330);
  await expectSafe(page, host.tab);
});

test('the meeting stage shows the same meeting safely', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary', frame: 'meetingStage' });
  await expect(host.tab.getByRole('heading', { name: 'Närvaro' })).toBeVisible();
  await expectSafe(page, host.tab);
});

test('the organiser sees the report with hostile phone and anonymous names, and the change summary stays readable', async ({ page, request }) => {
  // The meeting tab of the series' last ended occurrence (the organiser's copy), which has a report.
  const { resolved } = await (await request.get(`${EMULATOR}/_emulator/scenario`)).json();
  const series = resolved.events.find((e: { occurrences?: unknown[] }) => Array.isArray(e.occurrences));
  const ended = series.occurrences.filter((o: { ended: boolean; cancelled: boolean }) => o.ended && !o.cancelled).at(-1);
  const host = await new TeamsHost(page).open({ persona: 'chair', frame: 'meetingDetails', event: ended.ids[series.organizerId], locale: 'en-US' });
  const minutes = new MeetingMinutes(host.tab);
  await expect(host.tab.getByRole('heading', { name: 'Attendance' })).toBeVisible();
  await expect(minutes.text(/Attendance comes from the meeting's attendance report/)).toBeVisible();
  await expectSafe(page, host.tab);
  // A hand mark on everyone listed as present, then an update: every name comes back in a sentence.
  const selects = host.tab.getByRole('list', { name: 'Present', exact: true }).getByRole('combobox');
  const count = await selects.count();
  for (let i = 0; i < Math.min(count, 6); i += 1) await selects.nth(0).selectOption('absent');
  await minutes.button('Update from attendance report').click();
  await expect(host.tab.getByRole('status').filter({ hasText: 'Updated from the attendance report' })).toBeVisible();
  await expectSafe(page, host.tab);
});

test('the same in English, in the personal tab', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'member', locale: 'en-US' });
  await expect(new MyMeetings(host.tab).heading('My meetings')).toBeVisible();
  await expect.poll(async () => (await host.tab.getByRole('listitem').count()) > 0).toBe(true);
  await expectSafe(page, host.tab);
});
