// Bad input, end to end, in the group's channel tab through the host simulator: script and markup
// typed and pasted into every text field of the minutes stay text (in the page, after a reload, in
// the preview and in the Word file) and never run; very long notes and a long agenda keep the page
// usable; an owner who has left the organisation is marked and can be reassigned; a due date in the
// past is marked without blocking; a minutes file that is not minutes is said so and can be started
// again, keeping the file; an invitation whose body is plain text still gives the agenda; and a
// channel the secretary may not write to is said so, with every word kept on the device.

import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { LONG_UNBROKEN, XSS_PAYLOADS } from './hostile';
import { MeetingMinutes, named as namedAs } from './pages/minutes';
import {
  agendaItem,
  editorShown,
  expectNothingRan,
  expectNoSidewaysScroll,
  ITEM,
  meetingFolderFiles,
  minutesFileFromAnotherDevice,
  openInChannel,
  readMinutesFile,
  saveStatus,
  tabFrame,
  writeMinutesFile,
} from './pages/minutesEditor';
import { demoScenario, emulatorAdmin, TeamsHost } from './pages/teamsHost';

const named = (before: string, name = ITEM) => namedAs(before, name);

// Each test opens the tab two or three times (another device, a reload, a second reader), each a
// full prefill: more than the default 30 s on a shared machine. The long ones set their own.
test.describe.configure({ timeout: 120_000 });

/** A dialog (alert, confirm, print) opened by anything on the page: a test fails on any. */
let dialogs: string[] = [];

// Started from the group's empty folder: the next spec gets the demo as it is.
test.afterAll(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));

test.beforeEach(async ({ page, request }) => {
  await emulatorAdmin.scenario(request, demoScenario({ configured: false }));
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
test.afterEach(async ({ page, request }) => {
  await emulatorAdmin.clearFaults(request);
  expect(dialogs).toEqual([]);
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

/** The items of the agenda, in order (each an <li> of the list named by the agenda's heading). */
const agendaItems = (tab: FrameLocator) => tab.getByRole('list', { name: /^Dagordning|^Agenda/ }).locator(':scope > li');

/** The text a person sees in the tab (inputs' values are not text: they are checked as values). */
const shownText = (page: Page) => tabFrame(page).evaluate(() => document.body.textContent ?? '');

/** Nothing that can run or load came from the text: no handlers, frames, objects or script URLs in the tab. */
async function expectNoActiveMarkup(page: Page) {
  const found = await tabFrame(page).evaluate(() =>
    [...document.body.querySelectorAll('script, iframe, object, embed, meta, base, math, marquee, video, audio, isindex, keygen, [onerror], [onload], [onfocus], [ontoggle], [onmouseover], [onbegin], [onblur], a[href^="javascript" i], [src^="javascript" i]')].map(
      (e) => e.outerHTML.slice(0, 120),
    ),
  );
  expect(found).toEqual([]);
}

/** Pastes into the focused rich-text notes as a browser does: a paste event with the clipboard's HTML and plain text. */
async function paste(page: Page, data: { html?: string; text: string }) {
  await tabFrame(page).evaluate(({ html, text }) => {
    const target = document.activeElement;
    if (!target) throw new Error('nothing has focus');
    const clipboardData = new DataTransfer();
    if (html !== undefined) clipboardData.setData('text/html', html);
    clipboardData.setData('text/plain', text);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, data);
}

test('script and markup typed and pasted into every field stay text: on the page, after a reload, in the preview and in the Word file', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const P = XSS_PAYLOADS;
  expect(new Set(P).size).toBeGreaterThanOrEqual(50);
  const take = (() => {
    let i = 0;
    return (n = 1) => P.slice(i, (i += n));
  })();
  const titles = take(2);
  const [presenter] = take(1) as [string];
  const subPoints = take(2);
  const typedNotes = take(2);
  const pastedHtml = take(4);
  const [pastedText] = take(1) as [string];
  const actions = take(6);
  const ownerTyped = take(2);
  const groupNames = take(2);
  const [scribeTyped] = take(1) as [string];
  const [groupNotes] = take(1) as [string];
  const [nextMeeting] = take(1) as [string];
  const handNames = take(3);
  const handOrganisations = take(3);
  const decisions = take(P.length); // the rest, each a decision of its own
  expect(decisions.length).toBeGreaterThanOrEqual(20);

  const { host, item, view } = await openInChannel(page);
  const tab = host.tab;
  await editorShown(tab);
  const items = agendaItems(tab);

  // Agenda item titles, presenter and sub-points (the first two items; ITEM keeps its title).
  for (const [k, title] of titles.entries()) {
    await items.nth(k).getByRole('button', { name: /^Ändra tid och rubrik för/ }).click();
    const fields = items.nth(k).getByRole('group', { name: /^Ändra tid och rubrik för/ });
    await fields.getByRole('textbox', { name: 'Rubrik', exact: true }).fill(title);
    if (k === 0) {
      await fields.getByRole('textbox', { name: 'Föredragande', exact: true }).fill(presenter);
      await fields.getByRole('textbox', { name: /^Underpunkter/ }).fill(subPoints.join('\n'));
    }
    await fields.getByRole('button', { name: 'Klar' }).click();
  }

  // Notes, typed key by key into the rich-text editor.
  const notes = item.getByRole('textbox', { name: named('Anteckningar: ') });
  await notes.click();
  for (const text of typedNotes) {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
  // ... and pasted: plain text as text, HTML as rich text with nothing that runs.
  await paste(page, { text: pastedText });
  await page.keyboard.press('Enter');
  await paste(page, { html: '<p><strong onclick="window.__pwned=1">fet</strong> <a href="javascript:window.__pwned=1">länk</a></p>', text: 'fet länk' });
  await page.keyboard.press('Enter');
  // Each on its own: an unclosed <style> or <math> swallows what follows it, as HTML does.
  for (const html of pastedHtml) {
    await paste(page, { html: `<p>Klistrat: ${html}</p>`, text: 'Klistrat' });
    await page.keyboard.press('Enter');
  }
  await expect(notes).toContainText('Klistrat:');

  // Decisions.
  for (const [k, text] of decisions.entries()) {
    await item.getByRole('button', { name: named('Lägg till beslut i ') }).click();
    await item.getByRole('textbox', { name: new RegExp(`^Beslut ${k + 1}$`) }).fill(text);
  }
  // Actions: what is to be done, and a name typed into the owner box (a search, not saved).
  for (const [k, text] of actions.entries()) {
    await item.getByRole('button', { name: named('Lägg till uppdrag i ') }).click();
    const row = item.getByRole('group', { name: named(`Uppdrag ${k + 1}, `) });
    await row.getByRole('textbox', { name: 'Vad ska göras' }).fill(text);
    const typed = ownerTyped[k];
    if (typed) {
      const owner = row.getByRole('combobox', { name: 'Ansvarig' });
      await owner.click();
      await owner.pressSequentially(typed);
      await expect(owner).toHaveValue(typed);
      await page.keyboard.press('Escape');
    }
  }
  // Breakout groups: name, scribe typed, notes.
  for (const [k, name] of groupNames.entries()) {
    await item.getByRole('button', { name: named('Lägg till grupp i ') }).click();
    const group = item.getByRole('region', { name: `Grupp ${k + 1}`, exact: true });
    await group.getByRole('textbox', { name: 'Gruppens namn' }).fill(name);
  }
  const firstGroup = item.getByRole('region', { name: groupNames[0]!.trim() });
  const scribe = firstGroup.getByRole('combobox', { name: 'Antecknat av' });
  await scribe.click();
  await scribe.pressSequentially(scribeTyped);
  await expect(scribe).toHaveValue(scribeTyped);
  await page.keyboard.press('Escape');
  await firstGroup.getByRole('textbox', { name: /^Anteckningar från/ }).click();
  await page.keyboard.type(groupNotes);

  // The next meeting, and people added by hand.
  await new MeetingMinutes(tab).nextMeeting().note.fill(nextMeeting);
  for (const [k, name] of handNames.entries()) {
    await tab.getByRole('button', { name: 'Lägg till någon som deltog' }).click();
    await tab.getByRole('textbox', { name: 'Namn', exact: true }).fill(name);
    await tab.getByRole('textbox', { name: 'Organisation', exact: true }).fill(handOrganisations[k]!);
    await tab.getByRole('button', { name: 'Lägg till som närvarande' }).click();
  }
  await expect(saveStatus(tab)).toHaveText(/Sparat/, { timeout: 30_000 });
  await expectNothingRan(page);
  await expectNoActiveMarkup(page);

  /** Every saved value, shown as the text it is: headings, names and notes as text, fields as values. */
  async function expectShownAsText(where: { item: typeof item }) {
    const text = await shownText(page);
    for (const v of [...titles, presenter, ...subPoints, ...typedNotes, pastedText, ...groupNames, groupNotes, ...handNames, ...handOrganisations]) expect(text).toContain(v.trim());
    for (const [k, v] of decisions.entries()) await expect(where.item.getByRole('textbox', { name: new RegExp(`^Beslut ${k + 1}$`) })).toHaveValue(v);
    for (const [k, v] of actions.entries()) await expect(where.item.getByRole('group', { name: named(`Uppdrag ${k + 1}, `) }).getByRole('textbox', { name: 'Vad ska göras' })).toHaveValue(v);
    await expect(new MeetingMinutes(tab).nextMeeting().note).toHaveValue(nextMeeting);
  }
  await expectShownAsText({ item });
  // The pasted HTML kept its words and its bold, not its handlers or its script link.
  await expect(notes.locator('strong, b, .notes-bold').filter({ hasText: 'fet' }).first()).toBeVisible();
  // Script links keep their words; Lexical points them nowhere (about:blank).
  for (const href of await notes.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) expect(href).toMatch(/^(https?:|mailto:|about:blank$)/);

  await test.step('after a reload, the same text comes back from the channel', async () => {
    await page.reload();
    const again = await openInChannel(page);
    await editorShown(again.host.tab);
    await expectShownAsText(again);
    await expectNothingRan(page);
    await expectNoActiveMarkup(page);
  });

  await test.step('the preview shows every value as text', async () => {
    await view.previewButton().click();
    const preview = view.preview();
    await expect(preview).toBeVisible();
    const text = (await preview.textContent()) ?? '';
    for (const v of [...titles, presenter, ...subPoints, ...typedNotes, pastedText, ...decisions, ...actions, ...groupNames, groupNotes, nextMeeting, ...handNames, ...handOrganisations]) expect(text).toContain(v.trim());
    expect(await preview.locator('script, img, svg, iframe, details, object, embed, form, video, audio, math, marquee, style, input, select, textarea').count()).toBe(0);
    expect(await preview.locator('[onclick], [onerror], [onload], [onfocus], [ontoggle], [onmouseover], [style]').count()).toBe(0);
    for (const href of await preview.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) expect(href).toMatch(/^(https?:|mailto:)/);
    await expectNothingRan(page);
  });

  await test.step('the Word file holds every value as text', async () => {
    const dir = testInfo.outputPath('docx');
    mkdirSync(dir, { recursive: true });
    const { file } = await view.download(dir);
    const buffer = readFileSync(file);
    const { value: text } = await mammoth.extractRawText({ buffer });
    for (const v of [...titles, ...typedNotes, pastedText, ...actions, ...groupNames, groupNotes, nextMeeting, ...handNames]) expect(text).toContain(v.trim());
    for (const v of decisions) expect(text).toContain(`Beslut: ${v.trim()}`);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).not.toMatch(/<(script|img|svg|iframe|details|object|embed|video|audio|math)\b/i);
    expect(html).not.toMatch(/<a\b/);
    await expectNothingRan(page);
  });
});

test("script and markup in the earlier minutes' actions and in the follow-up comments stay text, in the page, the preview and the Word file", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const [what, comments] = [XSS_PAYLOADS.slice(0, 3), XSS_PAYLOADS.slice(-3)];
  // The meeting before: actions left open.
  const earlier = await openInChannel(page, { earlier: 1 });
  await editorShown(earlier.host.tab);
  for (const [k, text] of what.entries()) {
    await earlier.item.getByRole('button', { name: named('Lägg till uppdrag i ') }).click();
    await earlier.item.getByRole('group', { name: named(`Uppdrag ${k + 1}, `) }).getByRole('textbox', { name: 'Vad ska göras' }).fill(text);
  }
  await expect(saveStatus(earlier.host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });

  // This meeting follows them up, with a comment on each.
  const { host, view } = await openInChannel(page);
  await editorShown(host.tab);
  const comment = host.tab.getByRole('textbox', { name: 'Kommentar', exact: true });
  await expect(comment).toHaveCount(3);
  for (const [k, text] of comments.entries()) await comment.nth(k).fill(text);
  await expect(saveStatus(host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });
  const text = await shownText(page);
  for (const v of what) expect(text).toContain(v.trim());
  await expectNothingRan(page);
  await expectNoActiveMarkup(page);

  await page.reload();
  const again = await openInChannel(page);
  await editorShown(again.host.tab);
  for (const [k, v] of comments.entries()) await expect(again.host.tab.getByRole('textbox', { name: 'Kommentar', exact: true }).nth(k)).toHaveValue(v);

  await view.previewButton().click();
  const previewText = (await view.preview().textContent()) ?? '';
  for (const v of [...what, ...comments]) expect(previewText).toContain(v.trim());
  const dir = testInfo.outputPath('docx');
  mkdirSync(dir, { recursive: true });
  const { value: docx } = await mammoth.extractRawText({ buffer: readFileSync((await view.download(dir)).file) });
  for (const v of [...what, ...comments]) expect(docx).toContain(v.trim());
  await expectNothingRan(page);
});

/** The demo tenant with the series' invitation body replaced. */
function demoWithInvitation(bodyHtml: string): object {
  const scenario = demoScenario({ configured: false }) as { events: { bodyHtml?: string }[] };
  scenario.events[0]!.bodyHtml = bodyHtml;
  return scenario;
}

test('10,000 characters of notes and 60 agenda items: the page stays usable, saves, and shows them again after a reload', async ({ page, request }) => {
  test.setTimeout(180_000);
  const titles = Array.from({ length: 60 }, (_, i) => `Punkt ${i + 1}: ${['Ekonomi', 'Remissvar', 'Rapporter', 'Länsgemensamt'][i % 4]} ${i + 1}`);
  titles[3] = ITEM;
  await emulatorAdmin.scenario(request, demoWithInvitation(`<html><body><p><b>Dagordning</b></p><ol>${titles.map((t) => `<li>${t}</li>`).join('')}</ol></body></html>`));
  const { host, item } = await openInChannel(page);
  await editorShown(host.tab);
  await expect(agendaItems(host.tab)).toHaveCount(60);
  const notes = item.getByRole('textbox', { name: named('Anteckningar: ') });
  await notes.fill(LONG_UNBROKEN);
  expect(LONG_UNBROKEN).toHaveLength(10_000);
  await expect(saveStatus(host.tab)).toHaveText(/Sparat/, { timeout: 30_000 });
  // Still usable: a decision in the last item, and nothing scrolls sideways, not even in the side panel's width.
  const last = agendaItem(host.tab, titles[59]!);
  await last.getByRole('button', { name: named('Lägg till beslut i ', titles[59]) }).click();
  await last.getByRole('textbox', { name: /^Beslut 1$/ }).fill('Sist men inte minst.');
  await expect(saveStatus(host.tab)).toHaveText(/Sparat/, { timeout: 30_000 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);

  await page.reload();
  const again = await openInChannel(page);
  await editorShown(again.host.tab);
  await expect(agendaItems(again.host.tab)).toHaveCount(60);
  for (const title of [titles[0]!, titles[29]!, titles[59]!]) await expect(again.host.tab.getByRole('heading', { name: title, exact: true })).toBeVisible();
  const notesAgain = again.item.getByRole('textbox', { name: named('Anteckningar: ') });
  await expect(notesAgain).toContainText(LONG_UNBROKEN.slice(0, 200));
  expect(((await notesAgain.textContent()) ?? '').length).toBe(10_000);
  await expect(agendaItem(again.host.tab, titles[59]!).getByRole('textbox', { name: /^Beslut 1$/ })).toHaveValue('Sist men inte minst.');
  await expectNoSidewaysScroll(page);
});

interface StoredMinutes {
  agenda: { title: string; actions: { id: string; what: string; owner?: { key: string; displayName: string; email?: string }; due?: string }[] }[];
}

/** The minutes in the channel, with these actions under ITEM, as another device left them. */
async function minutesWithActions(browser: import('@playwright/test').Browser, request: import('@playwright/test').APIRequestContext, actions: StoredMinutes['agenda'][number]['actions']) {
  const ref = await minutesFileFromAnotherDevice(browser);
  const stored = await readMinutesFile<StoredMinutes>(request, ref);
  stored.agenda.find((i) => i.title === ITEM)!.actions = actions;
  await writeMinutesFile(request, ref, JSON.stringify(stored));
  return ref;
}

const actionOf = async (request: import('@playwright/test').APIRequestContext, ref: Awaited<ReturnType<typeof minutesWithActions>>) =>
  (await readMinutesFile<StoredMinutes>(request, ref)).agenda.find((i) => i.title === ITEM)!.actions[0]!;

test('an owner who has left the organisation is marked, and the action can be given to someone else', async ({ page, browser, request }) => {
  const gone = { key: 'id:0b5e0b5e-dead-4bad-8bad-00000000beef', displayName: 'Gunnel Gammal', email: 'gunnel.gammal@regionostmark.se' };
  const ref = await minutesWithActions(browser, request, [{ id: 'gone-1', what: 'Sammanställa remissvaren', owner: gone, due: '2099-01-16' }]);
  const { host, item } = await openInChannel(page);
  await editorShown(host.tab);
  const row = item.getByRole('group', { name: named('Uppdrag 1, ') });
  const owner = row.getByRole('combobox', { name: 'Ansvarig' });
  await expect(owner).toHaveValue('Gunnel Gammal');
  await expect(row).toContainText('Gunnel Gammal finns inte längre i katalogen (har lämnat organisationen). Välj någon annan.');

  await owner.click();
  await host.tab.getByRole('listbox').getByRole('option', { name: /^Olof Bergström/ }).click();
  await expect(owner).toHaveValue('Olof Bergström');
  await expect(row).not.toContainText('finns inte längre i katalogen');
  await expect(saveStatus(host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });
  expect((await actionOf(request, ref)).owner?.displayName).toBe('Olof Bergström');
});

test('a due date in the past is marked beside the date, and blocks nothing', async ({ page, browser, request }) => {
  const ref = await minutesWithActions(browser, request, [
    { id: 'late-1', what: 'Skicka underlaget till länsgruppen', due: '2020-03-13' },
    { id: 'soon-1', what: 'Boka lokal', due: '2099-03-13' },
  ]);
  const { host, item } = await openInChannel(page);
  await editorShown(host.tab);
  const late = item.getByRole('group', { name: named('Uppdrag 1, ') });
  await expect(late).toContainText('Datumet har redan passerat.');
  await expect(item.getByRole('group', { name: named('Uppdrag 2, ') })).not.toContainText('passerat');
  await late.getByRole('textbox', { name: 'Vad ska göras' }).fill('Skicka underlaget till länsgruppen (försenat)');
  await expect(saveStatus(host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });
  expect(await actionOf(request, ref)).toMatchObject({ what: 'Skicka underlaget till länsgruppen (försenat)', due: '2020-03-13' });
});

for (const [kind, bad] of [
  ['is not JSON', '{"schemaVersion": 1, "meeting": { "eventId": '],
  ['has an unknown schema version', JSON.stringify({ schemaVersion: 0, meeting: { eventId: 'x' }, agenda: 'gammalt format' })],
] as const) {
  test(`a minutes file in the folder that ${kind} is said so, and starting again from the meeting keeps it beside`, async ({ page, browser, request }) => {
    const ref = await minutesFileFromAnotherDevice(browser);
    await writeMinutesFile(request, ref, bad);
    const { host } = await openInChannel(page);
    await expect(host.tab.getByRole('alert').filter({ hasText: 'Protokollfilen för mötet i kanalen kan inte läsas' })).toBeVisible();
    // Nothing was touched before the secretary chose.
    expect((await meetingFolderFiles(request, ref)).get('minutes.json')).toBe(bad);

    await host.tab.getByRole('button', { name: 'Börja om från mötet' }).click();
    await editorShown(host.tab);
    await expect(host.tab.getByRole('heading', { name: ITEM, exact: true })).toBeVisible();
    await expect(host.tab.getByText(/Filen som inte kunde läsas finns kvar i mötets mapp i kanalen som minutes \(unreadable [^)]+\)\.json/)).toBeVisible();
    await expect(saveStatus(host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });

    const after = await meetingFolderFiles(request, ref);
    const kept = [...after.keys()].filter((n) => /^minutes \(unreadable .+\)( \d+)?\.json$/.test(n));
    expect(kept).toHaveLength(1);
    expect(after.get(kept[0]!)).toBe(bad);
    expect(JSON.parse(after.get('minutes.json')!)).toMatchObject({ schemaVersion: 1, meeting: { subject: 'Samordningsgrupp Nära vård' } });

    await page.reload();
    const again = await openInChannel(page);
    await editorShown(again.host.tab);
    await expect(again.host.tab.getByRole('alert').filter({ hasText: 'kan inte läsas' })).toHaveCount(0);
  });
}

test('an invitation whose body is plain text, not HTML, still gives the agenda from its lines', async ({ page, request }) => {
  await emulatorAdmin.scenario(
    request,
    demoWithInvitation('Välkomna till samordningsgruppens möte.\n\nDagordning\n1. Inledning\n2. Budget 2027 (preliminär) & fördelning\n3. Övriga frågor\n\nUnderlag finns i kanalens filer.'),
  );
  const { host } = await openInChannel(page);
  await editorShown(host.tab);
  for (const title of ['Inledning', 'Budget 2027 (preliminär) & fördelning', 'Övriga frågor']) await expect(host.tab.getByRole('heading', { name: title, exact: true })).toBeVisible();
  await expect(agendaItems(host.tab)).toHaveCount(3);
  await expect(saveStatus(host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });
});

test('in a channel the secretary may not write to, the page says so in words and keeps every word on the device', async ({ page, browser, request }) => {
  // SharePoint refuses every upload to the channel's files: 403 accessDenied.
  await emulatorAdmin.faults(request, { clientError: { count: 1000, status: 403, code: 'accessDenied', message: 'Access denied' }, paths: ':/content' });
  const { host, item } = await openInChannel(page);
  await editorShown(host.tab);
  await item.getByRole('button', { name: named('Lägg till beslut i ') }).click();
  await item.getByRole('textbox', { name: /^Beslut 1$/ }).fill('Skrivet utan skrivrätt.');
  const status = saveStatus(host.tab);
  await expect(status).toContainText('Kunde inte sparas i kanalen: du saknar rätt att skriva i kanalens filer', { timeout: 15_000 });
  await expect(host.tab.getByText(/Allt du skrivit finns kvar på den här enheten/)).toBeVisible();

  await page.reload();
  const again = await openInChannel(page);
  await editorShown(again.host.tab);
  await expect(again.item.getByRole('textbox', { name: /^Beslut 1$/ })).toHaveValue('Skrivet utan skrivrätt.');
  await expect(saveStatus(again.host.tab)).toContainText('du saknar rätt att skriva', { timeout: 15_000 });

  // Given the right, "Försök igen" saves it all.
  await emulatorAdmin.clearFaults(request);
  await again.host.tab.getByRole('button', { name: 'Försök igen' }).click();
  await expect(saveStatus(again.host.tab)).toHaveText(/Sparat/, { timeout: 15_000 });
  const other = await browser.newPage();
  const reader = await openInChannel(other, { persona: 'chair' });
  await editorShown(reader.host.tab);
  await expect(reader.item.getByRole('textbox', { name: /^Beslut 1$/ })).toHaveValue('Skrivet utan skrivrätt.');
  await other.close();
});
