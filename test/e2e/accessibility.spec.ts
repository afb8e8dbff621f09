// Accessibility as axe-core checks it (WCAG 2.1 A and AA) on the tab's own pages, in the themes
// Teams offers: what a screen reader user or someone with low vision meets.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { MeetingMinutes, MyMeetings } from './pages/minutes';
import { TeamsHost, type HostOptions } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';

async function violations(page: Page) {
  // Only the tab (inside the simulator's iframe), not the simulator around it.
  const result = await new AxeBuilder({ page }).include(['iframe', '#root']).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

for (const options of [{ theme: 'default' }, { theme: 'dark', locale: 'en-US' }, { theme: 'contrast' }] as HostOptions[]) {
  test(`My meetings and a meeting have no WCAG A/AA violations (${options.theme})`, async ({ page }) => {
    const host = await new TeamsHost(page).open({ persona: 'chair', ...options });
    const list = new MyMeetings(host.tab);
    await expect(list.heading(/Mina möten|My meetings/)).toBeVisible();
    await expect(host.tab.getByRole('button', { name: new RegExp(SERIES) }).first()).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await host.tab.getByRole('region', { name: /Tidigare|Recent/ }).getByRole('button', { name: new RegExp(SERIES) }).first().click();
    await expect(new MeetingMinutes(host.tab).heading(SERIES)).toBeVisible();
    await expect(host.tab.getByRole('combobox').nth(2)).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test('the side panel has no WCAG A/AA violations', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary', frame: 'sidePanel' });
  await expect(new MeetingMinutes(host.tab).heading(SERIES)).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the attendance can be marked with the keyboard alone', async ({ page }) => {
  const host = await new TeamsHost(page).open({ persona: 'secretary', frame: 'sidePanel' });
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();
  const select = minutes.statusOf('Närvaro för Olof Bergström');
  await select.focus();
  await page.keyboard.press('ArrowUp'); // Ej närvarande -> Närvarande: native select, no mouse
  await expect(minutes.row('Olof Bergström')).toContainText('ändrat för hand');
  expect(await minutes.names('Närvarande')).toContain('Olof Bergström');
});
