// Page model of the minutes as the secretary writes them in the group's channel tab: opening a
// meeting there, the save status, the preview and the Word download; and, beside it, the minutes
// file in the channel as the emulator's Graph serves it (to put bad data there, and to look at what
// the app left). Built on the role locators of minutes.ts and the host of teamsHost.ts.

import { expect, type APIRequestContext, type Browser, type FrameLocator, type Page } from '@playwright/test';
import path from 'node:path';
import { MeetingMinutes, MyMeetings } from './minutes';
import { EMULATOR, TeamsHost, type HostOptions } from './teamsHost';

export const SERIES = 'Samordningsgrupp Nära vård';
export const ITEM = 'Ekonomisk uppföljning';
export const SECRETARY = 'ahmed.yilmaz@regionostmark.se';

/** The preview and the Word download, as the secretary finds them above the minutes. */
export class MinutesDocumentView {
  constructor(
    private readonly page: Page,
    readonly tab: FrameLocator,
  ) {}
  previewButton() {
    return this.tab.getByRole('button', { name: /^(Förhandsgranska|Preview)$/ });
  }
  preview() {
    return this.tab.getByRole('article');
  }
  /** "Ladda ned Word": the file as Playwright saved it, and the name the app gave it. */
  async download(dir: string): Promise<{ file: string; name: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.tab.getByRole('button', { name: /^(Ladda ned Word|Download Word)$/ }).click()]);
    const name = download.suggestedFilename();
    const file = path.join(dir, 'minutes.docx');
    await download.saveAs(file);
    return { file, name };
  }
}

/** The save status line below the minutes. */
export const saveStatus = (tab: FrameLocator) => tab.getByRole('status').filter({ hasText: /Sparat|Sparar|Ändringar väntar|Offline|Kunde inte sparas/ });

/**
 * Opens one of the series' past meetings in the group's channel tab (the latest, or `earlier` ones
 * before it), as the secretary or another persona.
 */
export async function openInChannel(page: Page, options: HostOptions & { earlier?: number } = {}) {
  const { earlier = 0, ...hostOptions } = options;
  const host = await new TeamsHost(page).open({ persona: 'secretary', ...hostOptions, tab: 'channel' } as HostOptions);
  await new MyMeetings(host.tab).meetings(/Tidigare|Recent/, SERIES).nth(earlier).click();
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(SERIES)).toBeVisible();
  return { host, minutes, view: new MinutesDocumentView(page, host.tab), item: agendaItem(host.tab, ITEM) };
}

/** Waits for the agenda: the editor is there. */
export async function editorShown(tab: FrameLocator) {
  await expect(tab.getByRole('heading', { name: /^Dagordning|^Agenda/ })).toBeVisible();
}

/** One agenda item of the editor, by its heading. */
export const agendaItem = (tab: FrameLocator, title: string) => tab.getByRole('listitem').filter({ has: tab.getByRole('heading', { name: title, exact: true }) });

/** The tab's frame, for what only the DOM can tell (scroll width, script flags). */
export function tabFrame(page: Page) {
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes('/tab.html'));
  if (!frame) throw new Error('the tab frame is not there');
  return frame;
}

/** Nothing ran: no hostile value set its flag, in the tab's frame or the host page (see hostile.ts). */
export async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await tabFrame(page).evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

/** Nothing in the tab scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page) {
  expect(await tabFrame(page).evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** The emulator's Graph as one user sees it, for what is in the channel's files. */
export async function graphAs(request: APIRequestContext, user = SECRETARY) {
  const token = await request.post(`${EMULATOR}/_emulator/token`, { data: { user } });
  expect(token.ok()).toBe(true);
  const { access_token } = (await token.json()) as { access_token: string };
  return { Authorization: `Bearer ${access_token}` };
}

/** Where the app keeps a meeting's minutes: the file, and the meeting's folder in the channel. */
export interface MinutesFileRef {
  driveId: string;
  itemId: string;
  folderId: string;
}

/** Where the page wrote minutes files (each successful PUT of a minutes file's content), as it goes. */
export function minutesWrites(page: Page): MinutesFileRef[] {
  const written: MinutesFileRef[] = [];
  page.on('response', async (response) => {
    const req = response.request();
    if (req.method() !== 'PUT' || !/\/content(\?|$)/.test(req.url()) || !(req.postData() ?? '').includes('"schemaVersion"') || !response.ok()) return;
    const item = (await response.json()) as { id: string; parentReference: { driveId: string; id: string } };
    written.push({ driveId: item.parentReference.driveId, itemId: item.id, folderId: item.parentReference.id });
  });
  return written;
}

/**
 * The meeting's minutes file, as the secretary's other device makes it (a context without this
 * page's local copy): opened there until the channel has it.
 */
export async function minutesFileFromAnotherDevice(browser: Browser): Promise<MinutesFileRef> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const written = minutesWrites(page);
  const { host } = await openInChannel(page);
  await expect(saveStatus(host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });
  await expect.poll(() => written.length).toBeGreaterThan(0);
  await context.close();
  return written.at(-1)!;
}

/** The files in the meeting's folder, by name, with their text. */
export async function meetingFolderFiles(request: APIRequestContext, ref: MinutesFileRef): Promise<Map<string, string>> {
  const auth = await graphAs(request);
  const list = await request.get(`${EMULATOR}/v1.0/drives/${ref.driveId}/items/${ref.folderId}/children`, { headers: auth });
  expect(list.ok()).toBe(true);
  const out = new Map<string, string>();
  for (const f of ((await list.json()) as { value: { name: string; '@microsoft.graph.downloadUrl'?: string }[] }).value) {
    if (f['@microsoft.graph.downloadUrl']) out.set(f.name, await (await request.get(f['@microsoft.graph.downloadUrl'], { headers: auth })).text());
  }
  return out;
}

/** The minutes file's JSON, as stored. */
export async function readMinutesFile<T = Record<string, unknown>>(request: APIRequestContext, ref: MinutesFileRef): Promise<T> {
  const auth = await graphAs(request);
  const meta = await request.get(`${EMULATOR}/v1.0/drives/${ref.driveId}/items/${ref.itemId}`, { headers: auth });
  const downloadUrl = ((await meta.json()) as { '@microsoft.graph.downloadUrl': string })['@microsoft.graph.downloadUrl'];
  return (await (await request.get(downloadUrl, { headers: auth })).json()) as T;
}

/** Puts this text in the minutes file, as someone else (or another program) might. */
export async function writeMinutesFile(request: APIRequestContext, ref: MinutesFileRef, text: string) {
  const auth = await graphAs(request);
  const put = await request.put(`${EMULATOR}/v1.0/drives/${ref.driveId}/items/${ref.itemId}/content`, { headers: { ...auth, 'Content-Type': 'application/json' }, data: Buffer.from(text) });
  expect(put.ok()).toBe(true);
}
