// The minutes as a document: the secretary previews them as the template renders them and
// downloads a Word file that a docx reader (mammoth) reads back with the same headings, names and
// decisions, and that LibreOffice (Debian's, headless) converts to PDF without error. Minutes full
// of script and markup show as text in the preview and come out as text in the Word file.

import { expect, test, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { named as namedAs, openInChannel as openSeries } from './pages/minutes';
import { MinutesDocumentView } from './pages/minutesEditor';
import { EMULATOR, emulatorAdmin, TeamsHost, type HostOptions, demoScenario } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';
const ITEM = 'Ekonomisk uppföljning';
const SOFFICE = '/usr/bin/soffice';

test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario({ configured: false })));
test.afterEach(async ({ page, request }) => {
  await emulatorAdmin.clearFaults(request);
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

const named = (before: string, name = ITEM) => namedAs(before, name);

async function openInChannel(page: Page, options: HostOptions = {}) {
  const { host, minutes } = await openSeries(page, options.persona ?? 'secretary', SERIES, options);
  return { host, minutes, view: new MinutesDocumentView(page, host.tab), item: minutes.agendaItem(ITEM) };
}

const savedStatus = (tab: FrameLocator) => tab.getByRole('status').filter({ hasText: /Sparat|Sparar|Ändringar väntar|Offline|Kunde inte sparas/ });

/** Nothing ran: no hostile value set its flag, in the tab's frame or the host page. */
async function expectNothingRan(page: Page) {
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes('/tab.html'));
  if (!frame) throw new Error('the tab frame is not there');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

test('the secretary previews the minutes and downloads a Word file that reads the same and converts to PDF', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { host, item, minutes, view } = await openInChannel(page);
  await item.getByRole('button', { name: named('Lägg till beslut i ') }).click();
  await item.getByRole('textbox', { name: /Beslut 1/ }).fill('Budgeten för 2026 fastställs.');
  const notes = item.getByRole('textbox', { name: named('Anteckningar: ') });
  await notes.click();
  await page.keyboard.type('Ca 2,4 mnkr finns för 2026. ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Fördelningen tas upp på nästa möte.');
  await minutes.statusOf('Närvaro för Olof Bergström').selectOption('present');
  await expect(savedStatus(host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });

  // The preview takes the editor's place, with the template's headings and words.
  await view.previewButton().click();
  await expect(view.previewButton()).toHaveAttribute('aria-pressed', 'true');
  const preview = view.preview();
  await expect(preview.getByRole('heading', { level: 2, name: /^Samordningsgrupp Nära vård, minnesanteckningar \d{4}-\d{2}-\d{2}$/ })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 3, name: ITEM })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 3, name: 'Länskonferensen 2026' })).toBeVisible();
  await expect(preview.getByText('Budgeten för 2026 fastställs.')).toBeVisible();
  await expect(preview.locator('p', { hasText: 'Budgeten för 2026 fastställs.' })).toHaveText('Beslut: Budgeten för 2026 fastställs.');
  await expect(preview.locator('strong', { hasText: 'Fördelningen tas upp på nästa möte.' })).toBeVisible();
  await expect(preview.locator('dt', { hasText: /^Deltagare$/ })).toBeVisible();
  await expect(preview.locator('dt', { hasText: /^Deltagare$/ }).locator('xpath=following-sibling::dd[1]')).toContainText('Olof Bergström');
  await expect(preview.locator('dt', { hasText: /^Ej närvarande$/ }).locator('xpath=following-sibling::dd[1]')).toContainText('Maja Holm');
  await expect(preview.getByText(/^Justerat av/)).toBeVisible();
  // The editor is back when the toggle is pressed again.
  await view.previewButton().click();
  await expect(item.getByRole('textbox', { name: /Beslut 1/ })).toHaveValue('Budgeten för 2026 fastställs.');

  // Narrow as Teams' side panel: the preview and its controls wrap, nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  await view.previewButton().click();
  await expect(view.preview()).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('/tab.html'))!;
  expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await view.previewButton().click();

  const dir = testInfo.outputPath('docx');
  mkdirSync(dir, { recursive: true });
  const { file, name } = await view.download(dir);
  expect(name).toMatch(/^\d{4}-\d{2}-\d{2} Samordningsgrupp Nära vård\.docx$/);
  await expect(host.tab.getByRole('status').filter({ hasText: 'Word-filen är nedladdad' })).toContainText(name);

  const buffer = readFileSync(file);
  const { value: text } = await mammoth.extractRawText({ buffer });
  for (const expected of [
    'Samordningsgrupp Nära vård, minnesanteckningar',
    'Datum: ',
    'Tid: kl. 08:00–09:00',
    'Plats: ',
    'Deltagare: ',
    'Ej närvarande: ',
    'Sekreterare: Ahmed Yilmaz',
    'Olof Bergström',
    'Maja Holm',
    ITEM,
    'Länskonferensen 2026',
    'Beslut: Budgeten för 2026 fastställs.',
    'Ca 2,4 mnkr finns för 2026. Fördelningen tas upp på nästa möte.',
    'Minnesanteckningar förda av: Ahmed Yilmaz',
    'Justerat av:',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).toMatch(/Deltagare: [^\n]*Olof Bergström/);
  expect(text).toMatch(/Ej närvarande: [^\n]*Maja Holm/);
  // Real headings and formatting: mammoth maps Word's Heading 1/2 styles to <h1>/<h2>.
  const { value: html } = await mammoth.convertToHtml({ buffer });
  expect(html).toMatch(/<h1>Samordningsgrupp Nära vård, minnesanteckningar \d{4}-\d{2}-\d{2}<\/h1>/);
  expect(html).toContain(`<h2>${ITEM}</h2>`);
  expect(html).toContain('<strong>Fördelningen tas upp på nästa möte.</strong>');

  await test.step('LibreOffice converts the Word file to PDF without error', async () => {
    if (!existsSync(SOFFICE)) {
      const message = `LibreOffice is not installed (${SOFFICE} is missing): the PDF conversion was not checked. scripts/ci.sh installs it.`;
      console.warn(message);
      testInfo.annotations.push({ type: 'skip', description: message });
      return;
    }
    // A profile of its own, so a LibreOffice already running elsewhere does not take the job.
    const profile = `file://${testInfo.outputPath('libreoffice-profile')}`;
    const { stdout, stderr } = await promisify(execFile)(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 90_000 });
    expect(stderr).not.toMatch(/error/i);
    expect(stdout).toContain('minutes.pdf');
    const pdf = path.join(dir, 'minutes.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(2_000);
  });
});

const XSS = {
  title: '<img src=x onerror="window.__pwned=1">Rubrik <svg onload="window.__pwned=1">',
  decision: '<script>window.__pwned=1</script>',
  decision2: '<a href="javascript:window.__pwned=1">Klicka här</a>',
  action: '<iframe src="javascript:parent.window.__pwned=1"></iframe>',
  owner: '<img src=x onerror=window.__pwned=1>',
  notes:
    '<p>Före <script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"><svg onload="window.__pwned=1"></svg>' +
    '<a href="javascript:window.__pwned=1">Klicka här</a> <strong onclick="window.__pwned=1" style="color:red" class="x">fet</strong></p>' +
    '<iframe srcdoc="<script>parent.window.__pwned=1</script>"></iframe><details open ontoggle="window.__pwned=1"><summary>Mer</summary></details>' +
    '<p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p><ul><li><a href="https://example.se/">säker länk</a></li></ul>',
  next: '"><img src=x onerror="window.__pwned=1">',
};

/** The minutes file the app wrote, as the emulator's Graph serves it to the secretary. */
async function graphAs(request: APIRequestContext, user: string) {
  const token = await request.post(`${EMULATOR}/_emulator/token`, { data: { user } });
  expect(token.ok()).toBe(true);
  const { access_token } = (await token.json()) as { access_token: string };
  return { Authorization: `Bearer ${access_token}` };
}

test('minutes full of script and markup show as text in the preview and come out as text in the Word file', async ({ page, browser, request }, testInfo) => {
  test.setTimeout(90_000);
  // 1. Another device (the secretary's, without this page's local copy) makes the minutes file.
  const writer = await browser.newContext();
  const writerPage = await writer.newPage();
  const written: { driveId: string; itemId: string }[] = [];
  writerPage.on('response', async (response) => {
    const req = response.request();
    if (req.method() !== 'PUT' || !/\/content(\?|$)/.test(req.url()) || !(req.postData() ?? '').includes('"schemaVersion"') || !response.ok()) return;
    const item = (await response.json()) as { id: string; parentReference: { driveId: string } };
    written.push({ driveId: item.parentReference.driveId, itemId: item.id });
  });
  const first = await openInChannel(writerPage);
  await expect(savedStatus(first.host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });
  await expect.poll(() => written.length).toBeGreaterThan(0);
  await writer.close();

  // 2. Someone puts script and markup in every field of the file in the channel.
  const { driveId, itemId } = written.at(-1)!;
  const auth = await graphAs(request, 'ahmed.yilmaz@regionostmark.se');
  const meta = await request.get(`${EMULATOR}/v1.0/drives/${driveId}/items/${itemId}`, { headers: auth });
  const downloadUrl = ((await meta.json()) as { '@microsoft.graph.downloadUrl': string })['@microsoft.graph.downloadUrl'];
  const stored = (await (await request.get(downloadUrl, { headers: auth })).json()) as {
    agenda: { title: string; notes: unknown[]; decisions: unknown[]; actions: unknown[] }[];
    nextMeeting: { text: string };
  };
  const target = stored.agenda[0]!;
  target.title = XSS.title;
  target.notes = [{ id: 'xss-notes', html: XSS.notes }];
  target.decisions = [
    { id: 'xss-d1', text: XSS.decision },
    { id: 'xss-d2', text: XSS.decision2 },
  ];
  target.actions = [{ id: 'xss-a1', what: XSS.action, owner: { key: 'name:x', displayName: XSS.owner }, due: '2026-01-16' }];
  stored.nextMeeting = { text: XSS.next };
  const put = await request.put(`${EMULATOR}/v1.0/drives/${driveId}/items/${itemId}/content`, { headers: { ...auth, 'Content-Type': 'application/json' }, data: JSON.stringify(stored) });
  expect(put.ok()).toBe(true);

  // 3. The secretary opens the minutes here and previews them.
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  const { view } = await openInChannel(page);
  await view.previewButton().click();
  const preview = view.preview();
  await expect(preview.getByRole('heading', { level: 3, name: XSS.title })).toBeVisible();
  await expect(preview.getByText(`Beslut: ${XSS.decision}`)).toBeVisible();
  await expect(preview.getByText(`Beslut: ${XSS.decision2}`)).toBeVisible();
  // Escaped markup in the notes stays the text it was.
  await expect(preview.locator('p').filter({ hasText: /^<script>window\.__pwned=1<\/script>$/ })).toBeVisible();
  await expect(preview.getByText(XSS.next)).toBeVisible();
  await expect(preview.locator('strong', { hasText: /^fet$/ })).toBeVisible();
  await expect(preview.getByRole('link', { name: 'säker länk' })).toHaveAttribute('href', 'https://example.se/');
  // Nothing that can run or load made it into the page: only the one safe link, no handlers, styles or classes from the file.
  expect(await preview.locator('script, img, svg, iframe, details, object, embed, form').count()).toBe(0);
  expect(await preview.locator('a').count()).toBe(1);
  expect(await preview.locator('[onclick], [onerror], [onload], [ontoggle], [style]').count()).toBe(0);
  await expectNothingRan(page);

  // 4. The Word file holds the same text, as text.
  const dir = testInfo.outputPath('docx');
  mkdirSync(dir, { recursive: true });
  const { file } = await view.download(dir);
  const buffer = readFileSync(file);
  const { value: text } = await mammoth.extractRawText({ buffer });
  for (const expected of [XSS.title, `Beslut: ${XSS.decision}`, `Beslut: ${XSS.decision2}`, XSS.action, XSS.owner, XSS.next, 'Före Klicka här fet', '<script>window.__pwned=1</script>', 'säker länk']) {
    expect(text).toContain(expected);
  }
  const { value: html } = await mammoth.convertToHtml({ buffer });
  expect(html).not.toMatch(/<(script|img|svg|iframe|details|object)\b/i);
  // Markup from outside is escaped text in mammoth's HTML; the only real link is the safe one.
  expect(html).not.toMatch(/<a\b[^>]*href="(?!https:\/\/example\.se\/)/);
  expect(html).toContain('<a href="https://example.se/">säker länk</a>');
  await expectNothingRan(page);
});
