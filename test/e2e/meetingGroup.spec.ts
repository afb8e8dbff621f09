// The group, set up once, and a meeting opened outside its channel: the secretary sets up the group
// in the channel tab's settings page, then opens the series' meeting from the personal tab "Mina
// möten"; Justera asks which group it belongs to, she picks it and the minutes open there; the side
// panel of the same series (the chair's, in her own browser) then finds the group by itself.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { MeetingMinutes, MyMeetings } from './pages/minutes';
import { GroupSettingsPage } from './pages/settings';
import { EMULATOR, emulatorAdmin, TeamsHost, type HostOptions, demoScenario } from './pages/teamsHost';

const TEAM = '4c536162-c681-4515-a05c-293d7178a85d';
const CHANNEL = '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2';
const SERIES = 'Samordningsgrupp Nära vård';

/** The group's settings file as Graph gives it to the secretary, or undefined when there is none. */
async function settingsFile(request: APIRequestContext, remove = false): Promise<{ series: string[] } | undefined> {
  const token = (await (await request.post(`${EMULATOR}/_emulator/token`, { data: { user: 'ahmed.yilmaz@regionostmark.se', expiresInSeconds: 600 } })).json()).access_token as string;
  const headers = { Authorization: `Bearer ${token}` };
  const folder = await (await request.get(`${EMULATOR}/v1.0/teams/${TEAM}/channels/${encodeURIComponent(CHANNEL)}/filesFolder`, { headers })).json();
  const file = `${EMULATOR}/v1.0/drives/${folder.parentReference.driveId}/items/${folder.id}:/Justera/justera-settings.json:`;
  if (remove) {
    expect([204, 404]).toContain((await request.delete(file, { headers })).status());
    return undefined;
  }
  const item = await request.get(file, { headers });
  if (item.status() === 404) return undefined;
  return (await request.get((await item.json())['@microsoft.graph.downloadUrl'])).json();
}

/** The picker, on role locators. */
class GroupPickerView {
  constructor(private readonly tab: FrameLocator) {}
  question() {
    return this.tab.getByRole('heading', { name: /^(Vilken grupp hör mötet till\?|Which group does this meeting belong to\?)$/ });
  }
  group(name: string) {
    return this.tab.getByRole('radio', { name });
  }
  choose() {
    return this.tab.getByRole('button', { name: /^(Välj gruppen|Choose the group)$/ });
  }
  savedIn() {
    return this.tab.getByText(/^(Protokollet sparas i|The minutes are saved in) /);
  }
}

/** The secretary sets up the group on the channel tab's configuration page, and Teams saves it. */
async function setUpGroup(page: Page) {
  const host = await new TeamsHost(page).open({ frame: 'settings', persona: 'secretary' });
  const settings = await new GroupSettingsPage(host.tab, page).loaded();
  await expect(settings.teamsSave()).toBeEnabled();
  await settings.teamsSave().click();
  await expect(settings.teamsNote()).toContainText('Saved: ');
}

async function openFromMyMeetings(page: Page, options: HostOptions = {}) {
  const host = await new TeamsHost(page).open({ persona: 'secretary', ...options });
  await new MyMeetings(host.tab).meetings(/Tidigare|Recent/, SERIES).first().click();
  await expect(new MeetingMinutes(host.tab).heading(SERIES)).toBeVisible();
  return host;
}

/** The tab's content is no wider than its frame: nothing to scroll sideways in the 320 px side panel. */
async function overflowsSideways(page: Page): Promise<boolean> {
  const frame = page.frames().find((f) => f.url().includes('/tab.html'))!;
  return frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

// Each test starts from the demo tenant, with no settings file in the group's channel.
test.beforeEach(async ({ request }) => {
  await emulatorAdmin.scenario(request, demoScenario({ configured: false }));
  await settingsFile(request, true);
});
test.afterAll(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));
test.afterEach(async ({ page, request }) => {
  await emulatorAdmin.clearFaults(request);
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

test('the secretary picks the group of a series in My meetings, and the side panel of the series then finds it by itself', async ({ page, browser, request }) => {
  await setUpGroup(page);
  expect((await settingsFile(request))?.series).toEqual([]);

  // From the personal tab, Justera does not know the group yet: it asks, offering the one set up.
  const host = await openFromMyMeetings(page);
  const picker = new GroupPickerView(host.tab);
  await expect(picker.question()).toBeVisible();
  await expect(host.tab.getByText(/Lägg till Justera som flik i gruppens kanal och ställ in gruppen där/)).toBeVisible();
  await picker.group('Nära vård › Samordningsgrupp').check();
  await picker.choose().click();

  // The minutes open in that group's channel, and the page says where they are saved.
  await expect(picker.savedIn()).toHaveText('Protokollet sparas i Nära vård › Samordningsgrupp');
  await expect(host.tab.getByRole('heading', { name: /^Dagordning|^Agenda/ })).toBeVisible();
  await expect(picker.question()).toHaveCount(0);
  // The group remembers the series, in its settings file in the channel.
  await expect.poll(async () => (await settingsFile(request))?.series.length).toBe(1);

  // The chair, in her own browser (nothing on this device), opens the meeting's side panel.
  const context = await browser.newContext();
  const other = await context.newPage();
  const panel = await new TeamsHost(other).open({ persona: 'chair', frame: 'sidePanel' });
  await expect(new MeetingMinutes(panel.tab).heading(SERIES)).toBeVisible();
  await expect(new GroupPickerView(panel.tab).savedIn()).toHaveText('Protokollet sparas i Nära vård › Samordningsgrupp');
  await expect(panel.tab.getByRole('heading', { name: /^Dagordning|^Agenda/ })).toBeVisible();
  await expect(new GroupPickerView(panel.tab).question()).toHaveCount(0);
  expect(await overflowsSideways(other)).toBe(false);
  expect(await new TeamsHost(other).unhandledCalls()).toEqual([]);
  await context.close();

  // Back in My meetings, the device remembers: no question, and the group can still be changed.
  const again = await openFromMyMeetings(page);
  await expect(new GroupPickerView(again.tab).savedIn()).toBeVisible();
  await again.tab.getByRole('button', { name: 'Välj en annan grupp' }).click();
  await expect(new GroupPickerView(again.tab).question()).toBeVisible();
});

test('in the side panel, the question fits 320 px, reads well to a screen reader, and is in English in an English Teams', async ({ page }) => {
  await setUpGroup(page);
  const host = await new TeamsHost(page).open({ persona: 'secretary', frame: 'sidePanel', locale: 'en-US' });
  const picker = new GroupPickerView(host.tab);
  await expect(picker.question()).toBeVisible();
  await expect(host.tab.getByText("The minutes are saved in the group's channel, and the group remembers the meeting series: next time Justera finds it by itself.")).toBeVisible();
  // One group set up: it is chosen already, and the button says what it does.
  await expect(picker.group('Nära vård › Samordningsgrupp')).toBeChecked();
  await expect(picker.choose()).toBeEnabled();
  expect(await overflowsSideways(page)).toBe(false);
  const result = await new AxeBuilder({ page }).include(['iframe', '#root']).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);

  await picker.choose().click();
  await expect(picker.savedIn()).toHaveText('The minutes are saved in Nära vård › Samordningsgrupp');
});

test('with no group set up, the page says what to do', async ({ page }) => {
  const host = await openFromMyMeetings(page);
  await expect(host.tab.getByText(/Lägg till Justera som flik i gruppens kanal och ställ in gruppen där, och öppna sedan mötet igen/)).toBeVisible();
  await expect(new GroupPickerView(host.tab).question()).toHaveCount(0);
});
