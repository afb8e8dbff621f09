// The group's year (issue 13) in Chromium, against the demo's year of minutes in the channel folder:
// the registers and attendance per organisation and county show the figures a test computes from the
// scenario file on its own (test/demoYearFigures.ts), the file that cannot be read is listed and not
// counted, a member who moved is counted where he was, the appendix (.docx) and the registers (.xlsx)
// read back with a reader, a meeting held before Justera is added with its attendance and counted,
// and a year with no meetings says so.

import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { demoYearFigures } from '../demoYearFigures';
import { demoScenario, emulatorAdmin, TeamsHost, type HostOptions } from './pages/teamsHost';
import { openInChannel, SignOffPanel } from './pages/minutes';
import { PEOPLE } from './pages/outlookHost';
import { SignOffFolder } from './pages/signOffRound';
import { YearView } from './pages/year';

const GROUP = 'Samordningsgrupp Nära vård';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const LAST_YEAR = { from: '2025-01-01', to: '2025-12-31' };
const SARA = 'sara.lind@ekby.se';

test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));
test.afterEach(async ({ page }) => {
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

async function openYear(page: Page, options: HostOptions = {}) {
  const host = await new TeamsHost(page).open({ persona: 'secretary', tab: 'channel', ...options } as HostOptions);
  return new YearView(page, host.tab).open();
}

test("the group's year shows every decision, action and organisation's attendance as the scenario has them; the unreadable file is listed and not counted", async ({ page }) => {
  const figures = demoYearFigures(Date.now(), YEAR);
  const year = await openYear(page);
  await expect(year.heading(`Året – ${GROUP}`)).toBeVisible();
  await expect(year.tab.getByText('Period: 2026')).toBeVisible();

  // The meetings: every readable one, and the one cut off mid-write, said to be not counted.
  await expect(year.tab.getByText(`${figures.meetings + 1} möten i perioden, varav 1 inte kan läsas och inte räknas.`)).toBeVisible();
  const meetings = await year.rows('Möten');
  const unreadable = meetings.filter((r) => r[2]!.startsWith('Kan inte läsas'));
  expect(unreadable).toHaveLength(1);
  expect(unreadable[0]![1]).toBe(`${GROUP} – extra möte`);
  expect(unreadable[0]![2]).toContain('Filen är inte ett läsbart protokoll');
  expect(unreadable[0]![2]).toContain('Mötet räknas inte.');
  expect(meetings.filter((r) => r[2] === 'Publicerat')).toHaveLength(1);

  // The decisions register: each decision, in meeting order, with a link to its minutes.
  await expect(year.tab.getByText(`${figures.decisions} av ${figures.decisions} beslut`)).toBeVisible();
  const decisions = await year.rows('Beslut');
  const expected = Object.entries(figures.decisionsByDate).sort(([a], [b]) => a.localeCompare(b)).flatMap(([date, texts]) => texts.map((text) => [date, text]));
  expect(decisions.map((r) => [r[0]!.slice(0, 10), r[2]])).toEqual(expected);
  const links = year.tab.getByRole('link', { name: /^Öppna protokollet från / });
  await expect(links).toHaveCount(figures.decisions);
  for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) expect(href).toMatch(/^https?:\/\//);
  // Searching ignores case and accents.
  const [firstDate, firstText] = expected[0]!;
  await year.tab.getByRole('searchbox', { name: 'Sök bland besluten' }).or(year.tab.getByLabel('Sök bland besluten')).first().fill(firstText!.split(' ').slice(0, 3).join(' ').toUpperCase());
  await expect(year.tab.getByText(`1 av ${figures.decisions} beslut`)).toBeVisible();
  expect((await year.rows('Beslut')).map((r) => r[0]!.slice(0, 10))).toEqual([firstDate]);

  // The actions register: every action, those published with their status from Planner.
  await expect(year.tab.getByText(`${figures.actions} av ${figures.actions} uppdrag`)).toBeVisible();
  const actions = await year.rows('Uppdrag');
  expect(actions.some((r) => /Klart i tid .* av Sara Lind/.test(r[3]!))).toBe(true);
  expect(actions.some((r) => r[3]!.startsWith('Pågår i Planner'))).toBe(true);
  expect(actions.some((r) => r[3]!.startsWith('Ej påbörjat i Planner'))).toBe(true);
  await year.tab.getByRole('combobox', { name: 'Visa' }).selectOption({ label: 'Försenade' });
  const overdue = await year.rows('Uppdrag');
  expect(overdue.length).toBeGreaterThan(0);
  for (const r of overdue) expect(r[3]).toContain('Försenat');

  // Attendance per organisation and county, as the scenario's minutes have it.
  const counted = figures.meetings;
  await expect(year.tab.getByText(`${counted} möten räknas från`)).toBeVisible();
  await expect(year.tab.getByText(figures.neverRepresented.length ? `Aldrig representerade: ${figures.neverRepresented.join(', ')}` : 'Alla organisationer var representerade.')).toBeVisible();
  const organisations = await year.rows('Per organisation');
  for (const [organisation, n] of Object.entries(figures.organisations)) {
    expect(organisations.find((r) => r[0] === organisation)?.[1], organisation).toBe(`${n} av ${counted}`);
  }
  const counties = await year.rows('Per län');
  for (const [county, c] of Object.entries(figures.counties)) {
    const row = counties.find((r) => r[0] === county);
    expect(row?.[1], county).toBe(`${c.meetings} av ${counted}`);
    expect(row?.[3], county).toBe(c.neverRepresented.length ? c.neverRepresented.join(', ') : 'Inga');
  }
  // Daniel Lundgren moved from the hospital to the region mid-year: counted where he was each time.
  const daniel = (await year.rows('Per person')).find((r) => r[0] === 'Daniel Lundgren')!;
  expect(daniel[2]).toBe('Östmarks sjukhus, Region Östmark');
  expect(organisations.find((r) => r[0] === 'Östmarks sjukhus')?.[3]).toContain('Daniel Lundgren');
  expect(organisations.find((r) => r[0] === 'Region Östmark')?.[3]).toContain('Daniel Lundgren');

  // Each chart: a figure with its caption, drawn bars, and its text alternative.
  const chart = year.tab.getByRole('figure', { name: 'Diagram: möten representerade per organisation' });
  await expect(chart.locator('svg[aria-label="Diagram: möten representerade per organisation"]')).toBeVisible();
  expect(await chart.locator('svg rect').count()).toBeGreaterThanOrEqual(Object.keys(figures.organisations).length);
  for (const [organisation, n] of Object.entries(figures.organisations)) await expect(chart.getByText(`${organisation}: ${n} av ${counted} möten`)).toBeAttached();
});

test('the appendix (.docx) and the registers (.xlsx) hold what the page shows, with headings, table headers and the charts with their alternative text', async ({ page }) => {
  test.setTimeout(90_000);
  const figures = demoYearFigures(Date.now(), YEAR);
  const year = await openYear(page);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'justera-year-'));

  const docx = await year.download(/^Bilaga till årsrapporten/, dir, 'appendix.docx');
  expect(docx.name).toMatch(/^Samordningsgrupp Nära vård bilaga 2026-01-01–2026-12-31\.docx$/);
  const buffer = readFileSync(docx.file);
  const { value: html } = await mammoth.convertToHtml({ buffer });
  expect(html).toMatch(/<h1>[^<]*Samordningsgrupp Nära vård/);
  for (const h of ['Möten', 'Närvaro', 'Beslutsregister', 'Uppdragsregister']) expect(html).toMatch(new RegExp(`<h2>[^<]*${h}`, 'i'));
  const { value: text } = await mammoth.extractRawText({ buffer });
  for (const decision of Object.values(figures.decisionsByDate).flat()) expect(text).toContain(decision);
  // Per organisation: name, county, then the meetings it was represented at, in a table with headers.
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [organisation, n] of Object.entries(figures.organisations)) {
    expect(html).toMatch(new RegExp(`<tr><td><p>${escape(organisation)}</p></td><td>(?:<p>[^<]*</p>)?</td><td><p>${n} av ${figures.meetings}</p></td>`));
  }
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('<w:tblHeader/>');
  // Both charts are images in the file, each with its text alternative naming every organisation's figure.
  const images = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
  expect(images).toHaveLength(2);
  const png = await zip.file(images[0]!)!.async('uint8array');
  expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  const alts = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
  expect(alts).toHaveLength(2);
  for (const [organisation, n] of Object.entries(figures.organisations)) expect(alts[0]).toContain(`${organisation} var representerad vid ${n} av ${figures.meetings} möten`);
  const styles = await zip.file('word/styles.xml')!.async('string');
  expect(styles).toMatch(/w:lang w:val="sv-SE"/);

  const xlsx = await year.download(/^Registren/, dir, 'registers.xlsx');
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx.file);
  const names = book.worksheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['Möten', 'Beslut', 'Uppdrag']));
  const decisions = book.getWorksheet('Beslut')!;
  expect(decisions.rowCount).toBe(figures.decisions + 1);
  expect(decisions.getRow(1).font?.bold ?? decisions.getRow(1).getCell(1).font?.bold).toBe(true);
  expect(decisions.getRow(2).getCell(1).value).toBeInstanceOf(Date);
  expect(book.getWorksheet('Uppdrag')!.rowCount).toBe(figures.actions + 1);
});

test('a meeting held before the group used Justera is added with its attendance and counted; a year with no meetings says so', async ({ page }) => {
  const before = demoYearFigures(Date.now(), LAST_YEAR);
  const year = await openYear(page);
  await year.previousYear();
  await expect(year.tab.getByText('Period: 2025')).toBeVisible();
  await expect(year.tab.getByText(`${before.meetings} möten räknas från`)).toBeVisible();
  const bergsjo = (await year.rows('Per organisation')).find((r) => r[0] === 'Bergsjö kommun')!;
  const was = Number(/^(\d+) av/.exec(bergsjo[1]!)![1]);

  await year.tab.getByRole('button', { name: 'Lägg till ett möte utan protokoll' }).first().click();
  const form = year.tab.getByRole('form', { name: 'Lägg till ett möte utan protokoll' }).or(year.tab.locator('form'));
  const date = year.tab.getByRole('combobox', { name: 'Datum' }).or(year.tab.getByRole('textbox', { name: 'Datum' })).first();
  await date.fill('2025-03-14');
  await date.press('Tab');
  await year.tab.getByRole('textbox', { name: 'Ämne' }).fill(`${GROUP} (mars)`);
  await year.tab.getByRole('radiogroup', { name: 'Anneli Forsberg' }).getByRole('radio', { name: 'Närvarande' }).check();
  await year.tab.getByRole('radiogroup', { name: 'Karin Ekström' }).getByRole('radio', { name: 'Närvarande' }).check();
  await year.tab.getByRole('button', { name: 'Spara mötet' }).click();
  await expect(form).toHaveCount(0);
  await year.read();

  await expect(year.tab.getByText(`${before.meetings + 1} möten räknas från`)).toBeVisible();
  const added = (await year.rows('Möten')).find((r) => r[0] === '2025-03-14');
  expect(added?.[1]).toBe(`${GROUP} (mars)`);
  expect(added?.[2]).toMatch(/^Endast närvaro/);
  expect((await year.rows('Per organisation')).find((r) => r[0] === 'Bergsjö kommun')![1]).toBe(`${was + 1} av ${before.meetings + 1}`);
  const perMeeting = (await year.rows('Per möte')).find((r) => r[1] === `${GROUP} (mars)`);
  // Anneli and Karin were marked present; everyone else on the roster stays absent by default.
  expect(perMeeting?.[2]).toBe('2');
  expect(Number(perMeeting?.[3])).toBeGreaterThan(0);
  expect(perMeeting?.[5]).toBe('Närvaro som lagts till i efterhand');

  // The same meeting again is refused, and what was typed stays.
  await year.tab.getByRole('button', { name: 'Lägg till ett möte utan protokoll' }).first().click();
  const again = year.tab.getByRole('combobox', { name: 'Datum' }).or(year.tab.getByRole('textbox', { name: 'Datum' })).first();
  await again.fill('2025-03-14');
  await again.press('Tab');
  await year.tab.getByRole('textbox', { name: 'Ämne' }).fill(`${GROUP} (MARS)`);
  await year.tab.getByRole('button', { name: 'Spara mötet' }).click();
  await expect(year.tab.getByText('Det finns redan ett möte med det ämnet den dagen i gruppens mapp.')).toBeVisible();
  await expect(year.tab.getByRole('textbox', { name: 'Ämne' })).toHaveValue(`${GROUP} (MARS)`);
  await year.tab.getByRole('button', { name: 'Avbryt' }).click();

  // Two years back: no meetings, said plainly, with the way to add one.
  await year.previousYear();
  await expect(year.tab.getByText(/^Inga möten i perioden 2024-01-01 – 2024-12-31/).first()).toBeVisible();
  await expect(year.tab.getByText('Alla organisationer var representerade.')).toHaveCount(0);
});

test('the next visit reads the year from the device copy: only the listings and the tasks, no file downloaded again', async ({ page }) => {
  const downloads: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/_download')) downloads.push(r.url());
  });
  const year = await openYear(page);
  await expect(year.tab.getByText(/möten räknas från/)).toBeVisible();
  const first = downloads.length;
  // Every minutes file of the folder, the settings and the unreadable one: each downloaded once.
  expect(first).toBeGreaterThanOrEqual(demoYearFigures(Date.now(), YEAR).meetings + 1);

  downloads.length = 0;
  const again = await openYear(page);
  await expect(again.tab.getByText(/möten räknas från/)).toBeVisible();
  expect(downloads).toEqual([]);
  // The same figures as the first read.
  await expect(again.tab.getByText(`${demoYearFigures(Date.now(), YEAR).decisions} av ${demoYearFigures(Date.now(), YEAR).decisions} beslut`)).toBeVisible();
});

test("a meeting's state follows its sign-off: sent for approval, then approved once every approver's answer is beside the minutes", async ({ page, request }) => {
  test.setTimeout(90_000);
  const { host } = await openInChannel(page, 'secretary', GROUP);
  await new SignOffPanel(host.tab).send();
  const folder = await SignOffFolder.ofMinutes(request);
  const date = folder.name.slice(0, 10);

  let year = await openYear(page);
  const stateOf = async () => (await year.rows('Möten')).find((r) => r[0] === date)?.[2];
  expect(await stateOf()).toBe('Skickat för justering');

  // The chair alone is not enough: the round names three approvers.
  await folder.approveAs(PEOPLE.chair.address);
  year = await openYear(page);
  expect(await stateOf()).toBe('Skickat för justering');

  await folder.approveAs(SARA, PEOPLE.member.address);
  year = await openYear(page);
  expect(await stateOf()).toBe('Justerat');
});

test('the year in the personal tab: the groups with Justera to pick from, in English, with no WCAG A/AA violations at 360 px in dark', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 900 });
  const host = await new TeamsHost(page).open({ persona: 'secretary', tab: 'personal', locale: 'en-US', theme: 'dark' } as HostOptions);
  await host.tab.getByRole('button', { name: 'The year' }).click();
  await host.tab.getByRole('button', { name: new RegExp(GROUP) }).click();
  const year = new YearView(page, host.tab);
  await year.read();
  await expect(year.heading(`The year – ${GROUP}`)).toBeVisible();
  await expect(host.tab.getByRole('figure', { name: /organisation/ }).locator('svg')).toBeVisible();
  // Nothing is wider than the panel: tables scroll inside their own regions.
  const widest = await page.frames()[1]!.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(widest).toBeLessThanOrEqual(0);
  // Tabster's focus guards inside the chart (aria-hidden <i tabindex=0>, Fluent's own arrow-key group) are left out.
  const result = await new AxeBuilder({ page }).include(['iframe', '#root']).exclude(['iframe', '.fui-cart__chartWrapper > i[aria-hidden]']).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))).toEqual([]);
});
