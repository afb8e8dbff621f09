// The group, set up once: the secretary configures the demo group on the tab's configuration page
// (through the Teams host simulator's settings frame), Teams' Save writes the settings file in the
// channel and then saves the tab; a successor secretary who opens the page later sees all of it; a
// save the channel refuses says so and keeps the form.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { GroupSettingsPage } from './pages/settings';
import { EMULATOR, emulatorAdmin, TeamsHost, type HostOptions, demoScenario } from './pages/teamsHost';

const TEAM = '4c536162-c681-4515-a05c-293d7178a85d';
const CHANNEL = '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2';

/** Removes the group's settings file, whatever the scenario seeds, so the page starts from a prefill. */
async function removeSettingsFile(request: APIRequestContext) {
  const token = (await (await request.post(`${EMULATOR}/_emulator/token`, { data: { user: 'ahmed.yilmaz@regionostmark.se', expiresInSeconds: 600 } })).json()).access_token as string;
  const headers = { Authorization: `Bearer ${token}` };
  const folder = await (await request.get(`${EMULATOR}/v1.0/teams/${TEAM}/channels/${encodeURIComponent(CHANNEL)}/filesFolder`, { headers })).json();
  const gone = await request.delete(`${EMULATOR}/v1.0/drives/${folder.parentReference.driveId}/items/${folder.id}:/Justera/justera-settings.json:`, { headers });
  expect([204, 404]).toContain(gone.status());
}

/** Someone else saves the settings meanwhile (through Graph, as the chair would from her own tab). */
async function saveAsChair(request: APIRequestContext, change: (settings: Record<string, unknown>) => void) {
  const token = (await (await request.post(`${EMULATOR}/_emulator/token`, { data: { user: 'karin.ekstrom@regionostmark.se', expiresInSeconds: 600 } })).json()).access_token as string;
  const headers = { Authorization: `Bearer ${token}` };
  const folder = await (await request.get(`${EMULATOR}/v1.0/teams/${TEAM}/channels/${encodeURIComponent(CHANNEL)}/filesFolder`, { headers })).json();
  const file = `${EMULATOR}/v1.0/drives/${folder.parentReference.driveId}/items/${folder.id}:/Justera/justera-settings.json:`;
  const item = await (await request.get(file, { headers })).json();
  const settings = await (await request.get(item['@microsoft.graph.downloadUrl'])).json();
  change(settings);
  const put = await request.put(`${file}/content`, { headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': item.eTag }, data: JSON.stringify(settings) });
  expect(put.ok()).toBe(true);
}

async function openSettings(page: import('@playwright/test').Page, options: HostOptions = {}) {
  const host = await new TeamsHost(page).open({ frame: 'settings', ...options });
  return { host, settings: await new GroupSettingsPage(host.tab, page).loaded() };
}

test.beforeAll(async ({ request }) => {
  await emulatorAdmin.scenario(request, demoScenario({ configured: false }));
  await removeSettingsFile(request);
});
test.afterAll(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));
test.afterEach(async ({ page, request }) => {
  await emulatorAdmin.clearFaults(request);
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

test.describe.serial("the group's settings", () => {
  test('the secretary configures the group, and Teams saves the tab only after the settings file is written', async ({ page }) => {
    const { settings } = await openSettings(page, { persona: 'secretary' });
    await expect(settings.heading('Gruppens inställningar')).toBeVisible();

    // Where the group is comes from Teams: shown, not chosen.
    const group = settings.section('Gruppen');
    await expect(group).toContainText('Nära vård');
    await expect(group).toContainText('Samordningsgrupp');
    await expect(settings.field('Gruppens namn')).toHaveValue('Nära vård – Samordningsgrupp');
    await expect(settings.status()).toHaveText(/Inte sparat ännu/);

    // Prefilled: the team's members with their organisations, everyone "Ordinarie", the secretary.
    await expect(settings.roster().getByRole('row')).toHaveCount(15);
    await expect(settings.organisation('Sara Lind')).toHaveValue('Ekby kommun');
    await expect(settings.role('Sara Lind')).toHaveValue('member');
    expect(await settings.chosen('Sekreterare')).toBe('Ahmed Yilmaz (Region Östmark)');
    // The group has one plan: it is suggested.
    expect(await settings.chosen('Planner-plan för gruppens uppgifter')).toBe('Samordningsgrupp Nära vård');

    await settings.choose('Planner-plan för gruppens uppgifter', 'Ingen plan ännu');
    await settings.choose('Planner-plan för gruppens uppgifter', 'Samordningsgrupp Nära vård');
    await settings.section('Planner').getByRole('radio', { name: 'alltid samma bucket' }).check();
    await settings.choose('Bucket', 'Pågående');
    await settings.choose('Mall', 'Protokoll');
    await expect(settings.templateSections('Protokoll')).toHaveText(['Ärenden', 'Beslut', 'Uppföljning av uppdrag', 'Uppdrag', 'Nästa sammanträde', 'Vid protokollet', 'Justeras']);
    await expect(settings.section('Mall för protokollen')).toContainText('Paragraferna numreras');
    await settings.choose('Ordförande', 'Karin Ekström');
    await settings.pickMany('Justerare', ['Hanna Virtanen']);
    await expect(settings.select('Justerare')).toHaveText('Hanna Virtanen');

    await settings.organisation('Olof Bergström').fill('Vårdcentralen Ekby');
    await settings.county('Olof Bergström').fill('Östmarks län');
    await settings.role('Olof Bergström').selectOption({ label: 'Ersättare' });
    await settings.addPerson('sofia', 'Sofia Wik');
    await expect(settings.row('Sofia Wik')).toBeVisible();
    await expect(settings.organisation('Sofia Wik')).toHaveValue('Region Östmark');
    await expect(settings.status()).toHaveText(/Inte sparat ännu/);

    await expect(settings.teamsSave()).toBeEnabled();
    await settings.teamsSave().click();
    await expect(settings.teamsNote()).toContainText('Saved: ');
    expect(await settings.savedTabConfig()).toMatchObject({ entityId: 'justera-minutes', contentUrl: expect.stringMatching(/\/tab\.html$/) });
    await expect(settings.status()).toHaveText(/Sparat .* av Ahmed Yilmaz\./);

    await page.screenshot({ path: test.info().outputPath('settings-light.png'), fullPage: true });
    await host(page).tabScreenshot(test.info().outputPath('settings-light-tab.png'));
  });

  test('a successor secretary opening the page later sees all of it', async ({ page }) => {
    const { settings } = await openSettings(page, { persona: 'member' });
    await expect(settings.status()).toHaveText(/Sparat .* av Ahmed Yilmaz\./);
    await expect(settings.field('Gruppens namn')).toHaveValue('Nära vård – Samordningsgrupp');
    expect(await settings.chosen('Planner-plan för gruppens uppgifter')).toBe('Samordningsgrupp Nära vård');
    await expect(settings.section('Planner').getByRole('radio', { name: 'alltid samma bucket' })).toBeChecked();
    expect(await settings.chosen('Bucket')).toBe('Pågående');
    expect(await settings.chosen('Mall')).toBe('Protokoll');
    await expect(settings.templateSections('Protokoll').first()).toHaveText('Ärenden');
    expect(await settings.chosen('Ordförande')).toBe('Karin Ekström (Region Östmark)');
    expect(await settings.chosen('Sekreterare')).toBe('Ahmed Yilmaz (Region Östmark)');
    await expect(settings.select('Justerare')).toHaveText('Hanna Virtanen');
    await expect(settings.organisation('Olof Bergström')).toHaveValue('Vårdcentralen Ekby');
    await expect(settings.county('Olof Bergström')).toHaveValue('Östmarks län');
    await expect(settings.role('Olof Bergström')).toHaveValue('substitute');
    await expect(settings.row('Sofia Wik')).toBeVisible();
    await expect(settings.roster().getByRole('row')).toHaveCount(16);
  });

  test('in English, the same settings in English words', async ({ page }) => {
    const { settings } = await openSettings(page, { persona: 'chair', locale: 'en-US' });
    await expect(settings.heading("The group's settings")).toBeVisible();
    await expect(settings.status()).toHaveText(/Saved .* by Ahmed Yilmaz\./);
    await expect(settings.role('Olof Bergström')).toHaveValue('substitute');
    await expect(settings.role('Olof Bergström').locator('option:checked')).toHaveText('Substitute');
    await expect(settings.section('Roster')).toBeVisible();
  });

  test('a save the channel refuses (403) says so, keeps the form, and Teams does not save the tab', async ({ page, request }) => {
    const { settings } = await openSettings(page, { persona: 'secretary' });
    await emulatorAdmin.faults(request, { clientError: { count: 50, status: 403 }, paths: 'justera-settings\\.json:/content$' });
    await settings.organisation('Lars Öberg').fill('Socialförvaltningen, Strömsby');
    await settings.role('Lars Öberg').selectOption({ label: 'Adjungerad' });
    await expect(settings.status()).toHaveText(/ändringar som inte är sparade/);

    await settings.teamsSave().click();
    const alert = page.frameLocator('iframe').getByRole('alert');
    await expect(alert).toContainText('Inställningarna sparades inte');
    await expect(alert).toContainText('Microsoft 365 nekade Justera att spara i kanalens filer');
    await expect(settings.teamsNote()).toContainText('Gruppens inställningar sparades inte, så fliken lades inte till');
    expect(await settings.savedTabConfig()).toBeNull();
    await page.screenshot({ path: test.info().outputPath('settings-refused.png') });
    // Nothing typed is lost.
    await expect(settings.organisation('Lars Öberg')).toHaveValue('Socialförvaltningen, Strömsby');
    await expect(settings.role('Lars Öberg')).toHaveValue('coopted');
    await expect(settings.status()).toHaveText(/ändringar som inte är sparade/);

    // Once the channel lets us write again, the same form saves.
    await emulatorAdmin.clearFaults(request);
    await settings.saveButton().click();
    await expect(settings.status()).toHaveText(/Sparat .* av Ahmed Yilmaz\./);
    await expect(alert).toHaveCount(0);
  });

  test('offline while saving: the page says so and keeps the form', async ({ page }) => {
    const { settings } = await openSettings(page, { persona: 'secretary' });
    await page.route(/justera-settings\.json:\/content/, (route) => route.abort('internetdisconnected'));
    await settings.county('Sara Lind').fill('Östmarks län');
    await settings.saveButton().click();
    await expect(page.frameLocator('iframe').getByRole('alert')).toContainText('Justera når inte Microsoft 365 just nu');
    await expect(settings.county('Sara Lind')).toHaveValue('Östmarks län');
    await page.unroute(/justera-settings\.json:\/content/);
    await settings.saveButton().click();
    await expect(settings.status()).toHaveText(/Sparat .* av Ahmed Yilmaz\./);
  });

  test("when someone else saved first, their version is shown, and mine is one button away", async ({ page, request }) => {
    const { settings } = await openSettings(page, { persona: 'secretary' });
    await settings.field('Gruppens namn').fill('Samordningsgruppen för nära vård');
    await saveAsChair(request, (s) => {
      (s.group as Record<string, unknown>).name = 'Samordningsgrupp Nära vård (SNV)';
    });
    await settings.saveButton().click();
    const alert = page.frameLocator('iframe').getByRole('alert');
    await expect(alert).toContainText('Någon annan sparade samtidigt');
    await expect(alert).toContainText('Karin Ekström sparade gruppens inställningar');
    await expect(settings.field('Gruppens namn')).toHaveValue('Samordningsgrupp Nära vård (SNV)');
    await expect(settings.status()).toHaveText(/Sparat .* av Karin Ekström\./);

    await alert.getByRole('button', { name: 'Använd mina ändringar' }).click();
    await expect(settings.field('Gruppens namn')).toHaveValue('Samordningsgruppen för nära vård');
    await settings.saveButton().click();
    await expect(settings.status()).toHaveText(/Sparat .* av Ahmed Yilmaz\./);
    await expect(alert).toHaveCount(0);
  });

  test('the page has no WCAG A/AA violations', async ({ page }) => {
    await openSettings(page, { persona: 'secretary' });
    const result = await new AxeBuilder({ page }).include(['iframe', '#root']).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))).toEqual([]);
  });
});

test('a tab outside a channel (a meeting) is saved without group settings, and the page says why', async ({ page }) => {
  const host = new TeamsHost(page);
  await page.route('https://res.cdn.office.net/**', (route) => route.fulfill({ json: { validOrigins: ['teams.microsoft.com'] } }));
  await page.goto('/teams.html?frame=settings&tab=meeting');
  await expect(host.tab.getByRole('heading', { level: 1 })).toHaveText('Lägg till Justera');
  await expect(host.tab.getByText('Gruppens inställningar hör till en kanal i ett team')).toBeVisible();
  const settings = new GroupSettingsPage(host.tab, page);
  await settings.teamsSave().click();
  await expect(settings.teamsNote()).toContainText('Saved: ');
});

/** The whole configuration page, for a person to look at: the simulated dialog made tall enough to hold it. */
function host(page: import('@playwright/test').Page) {
  return {
    async tabScreenshot(file: string) {
      await page.setViewportSize({ width: 1280, height: 2400 });
      await page.addStyleTag({ content: '.dialog { height: 2300px !important; }' });
      await page.getByRole('dialog').screenshot({ path: file });
    },
  };
}
