/**
 * @jest-environment jsdom
 */
// The year view as a secretary reads it, in English, over a year of real minutes: progress while the
// files are read, each meeting's state in words, the registers and their search and filters, a failed
// read that shows the problem and no figures from another period, a year with no meetings, the
// period's own controls, and the exports' spot.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { YearData } from '../../../app/yearService';
import { Problem } from '../../../domain/problems';
import type { Period } from '../../../domain/year';
import { I18nProvider } from '../../i18n';
import { controlledService, folders, yearData } from './yearTestData';
import { YearPage, type YearPageProps } from './YearPage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const YEAR_2026: Period = { from: '2026-01-01', to: '2026-12-31' };
const NOW = new Date('2026-12-02T09:00:00.000Z');

let root: Root | undefined;
let container: HTMLElement;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
});

function mount(props: Partial<YearPageProps> = {}, language: 'sv' | 'en' = 'en') {
  const controlled = controlledService();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root!.render(
      <I18nProvider language={language}>
        <YearPage service={controlled.service} now={NOW} {...props} />
      </I18nProvider>,
    ),
  );
  return controlled;
}

const text = () => container.textContent ?? '';
const status = () => [...container.querySelectorAll('[role="status"]')].map((e) => e.textContent).join(' | ');
const button = (name: string) => {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found;
};
const section = (heading: string) => {
  const h = [...container.querySelectorAll('h2')].find((e) => e.textContent === heading);
  if (!h) throw new Error(`No section "${heading}"`);
  return h.closest('section')!;
};
/** The table's rows as their cells' text, under the header row. */
const rows = (heading: string) => [...section(heading).querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
const headers = (heading: string) => [...section(heading).querySelectorAll('thead th')].map((th) => th.textContent);

async function settle(read: { resolve(d: YearData): void; reject(e: unknown): void }, outcome: YearData | Error) {
  await act(async () => (outcome instanceof Error ? read.reject(outcome) : read.resolve(outcome)));
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

test("opens the group's year of today, and says how many files it has read while it reads", async () => {
  const { reads } = mount();
  expect(reads.map((r) => r.period)).toEqual([YEAR_2026]);
  expect(text()).toContain('Period: 2026');
  expect(status()).toContain("Reading the group's folder…");
  act(() => reads[0]!.progress(12, 50));
  expect(status()).toContain('Reading 12 of 50 files');
  expect(container.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('0.24');
  await settle(reads[0]!, yearData(YEAR_2026));
  expect(status()).not.toContain('Reading');
  expect(container.querySelector('h1')?.textContent).toBe('The year – Samordningsgrupp Nära vård');
});

test('each meeting of the period shows its state in words; the unreadable one says why and that it is not counted', async () => {
  const { reads } = mount();
  await settle(reads[0]!, yearData(YEAR_2026));
  expect(headers('Meetings')).toEqual(['Date', 'Meeting', 'State']);
  expect(rows('Meetings').map(([date, , state]) => `${date} ${state}`)).toEqual([
    '2026-01-16 Attendance only',
    '2026-03-06 Sent for approval',
    '2026-04-03 Approved',
    '2026-09-04 Published',
    '2026-10-02 Cannot be readThe file was written by a newer version of Justera. The meeting is not counted.',
    '2026-11-06 Draft',
  ]);
  expect(text()).toContain('6 meetings in the period, of which 1 cannot be read and are not counted.');
  // The attendance spot counts the five that can be read.
  expect(section('Attendance').textContent).toContain('5 meetings are counted from 1 Jan 2026 to 31 Dec 2026.');
});

test('the decisions register lists every decision with its § and a link to the minutes, and the search narrows it', async () => {
  const { reads } = mount();
  await settle(reads[0]!, yearData(YEAR_2026));
  const decisions = section('Decisions');
  expect(decisions.textContent).toContain('6 of 6 decisions');
  const march = rows('Decisions').find((r) => r[2] === 'Budgeten för 2027 fastställs.')!;
  expect(march[0]).toContain('2026-03-06');
  // The March minutes use the formal template: its items are numbered from § 5.
  expect(march[1]).toBe('§ 6 Ekonomisk uppföljning');

  const links = [...decisions.querySelectorAll('a[target="_blank"]')] as HTMLAnchorElement[];
  // Published minutes open their document; the others their meeting folder.
  expect(links.map((a) => a.href)).toContain('https://example.test/september.docx');
  expect(links.map((a) => a.href)).toContain(`https://example.test/folders/${encodeURIComponent(folders.march)}`);
  expect(links.every((a) => a.textContent === 'Open the minutes' && a.rel.includes('noopener'))).toBe(true);

  type(decisions.querySelector('input')!, 'ostersunds');
  expect(decisions.textContent).toContain('1 of 6 decisions');
  expect(rows('Decisions').map((r) => r[2])).toEqual(['Östersunds kommun bjuds in som adjungerad.']);
  type(decisions.querySelector('input')!, 'nothing like this');
  expect(decisions.textContent).toContain('0 of 6 decisions');
  expect(decisions.querySelector('table')).toBeNull();

  // One meeting's decisions only: the filter lists each meeting that has any, by date and subject.
  type(decisions.querySelector('input')!, '');
  const meeting = decisions.querySelector('select')!;
  expect([...meeting.options].map((o) => o.textContent)).toEqual(['All meetings', ...new Set(rows('Decisions').map((r) => `\u2068${r[0]!.slice(0, 10)} ${r[0]!.slice(10)}\u2069`))]);
  choose(meeting, folders.march);
  expect(rows('Decisions').every((r) => r[0]!.startsWith('2026-03-06'))).toBe(true);
  expect(decisions.textContent).toMatch(/[1-9] of 6 decisions/);
});

test('the actions register says each status from Planner in words, marks the overdue ones, and filters by status', async () => {
  const { reads } = mount();
  await settle(reads[0]!, yearData(YEAR_2026));
  const actions = section('Actions');
  expect(headers('Actions')).toEqual(['Action', 'Owner', 'Due', 'Status', 'Meeting']);
  const byWhat = new Map(rows('Actions').map((r) => [r[0]!.split('§')[0]!.replace(/Inledning|Ekonomisk uppföljning/g, ''), r]));
  const statusOf = (what: string) => [...byWhat.entries()].find(([k]) => k.startsWith(what))![1][3];
  expect(statusOf('Skicka budgeten')).toBe('Done on time 2026-09-15 by Olof Berg');
  expect(statusOf('Ta fram statistik')).toBe('Done late 2026-10-05');
  expect(statusOf('Planera länskonferensen')).toBe('In progress in PlannerOverdue');
  expect(statusOf('Uppdatera webbsidan')).toBe('Not started in Planner');
  expect(statusOf('Boka lokal för länskonferensen')).toBe('Never publishedOverdue');
  expect(actions.querySelectorAll('svg').length).toBeGreaterThanOrEqual(2);
  const total = rows('Actions').length;
  expect(actions.textContent).toContain(`${total} of ${total} actions`);

  const select = actions.querySelector('select')!;
  choose(select, 'overdue');
  expect(rows('Actions').map((r) => r[0]).every((w) => /Planera länskonferensen|Boka lokal/.test(w!))).toBe(true);
  expect(actions.textContent).toContain(`2 of ${total} actions`);
  choose(select, 'done');
  expect(rows('Actions').map((r) => r[3])).toEqual(['Done on time 2026-09-15 by Olof Berg', 'Done late 2026-10-05']);
  choose(select, 'never-published');
  expect(rows('Actions').every((r) => r[3]!.startsWith('Never published'))).toBe(true);
  // Search and filter together.
  type(actions.querySelector('input')!, 'lokal');
  expect(rows('Actions').map((r) => r[0]!.startsWith('Boka lokal'))).toEqual([true]);
});

test('a failed read of another period shows the problem and none of the earlier figures; retry reads it again', async () => {
  const { reads } = mount();
  await settle(reads[0]!, yearData(YEAR_2026));
  act(() => button('Previous year').click());
  expect(reads[1]!.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  // While 2025 loads, 2026 stays on screen, said to be 2026.
  expect(rows('Meetings')).toHaveLength(6);
  expect(status()).toContain('Showing 2026 until the new period has been read.');

  await settle(reads[1]!, new Problem('forbidden', 'no access'));
  expect(container.querySelector('[role="alert"]')?.textContent).toContain('Something went wrong');
  expect(container.querySelector('table')).toBeNull();
  expect(text()).not.toContain('Sent for approval');
  expect(text()).toContain('Period: 2025');

  act(() => button('Try again').click());
  expect(reads[2]!.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  await settle(reads[2]!, yearData({ from: '2025-01-01', to: '2025-12-31' }));
  expect(container.querySelector('[role="alert"]')).toBeNull();
  expect(text()).toContain('No meetings in the period 2025-01-01 – 2025-12-31.');
  expect(button('Add a meeting without minutes')).toBeTruthy();
});

test('a year with no meetings says so, with the way to add one', async () => {
  const { reads } = mount();
  await settle(reads[0]!, yearData(YEAR_2026, { meetings: [] }));
  expect(section('Meetings').textContent).toContain('No meetings in the period 2026-01-01 – 2026-12-31.');
  expect(section('Decisions').textContent).toContain('No decisions in the period.');
  expect(section('Actions').textContent).toContain('No actions in the period.');
  act(() => button('Add a meeting without minutes').click());
  expect(container.querySelector('form h3')?.textContent).toBe('Add a meeting without minutes');
});

test('a meeting added without minutes is saved through the service, and the year is read again', async () => {
  const { reads, added } = mount();
  await settle(reads[0]!, yearData(YEAR_2026, { meetings: [] }));
  act(() => button('Add a meeting without minutes').click());
  const form = container.querySelector('form')!;
  const date = form.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  type(date, '2026-02-13');
  act(() => date.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
  await act(async () => button('Save the meeting').click());
  expect(added).toHaveLength(1);
  expect(added[0]!.date).toBe('2026-02-13');
  expect(added[0]!.attendance).toHaveLength(4);
  expect(reads).toHaveLength(2);
  expect(reads[1]!.period).toEqual(YEAR_2026);
  expect(container.querySelector('form')).toBeNull();
});

test('in Swedish, progress and states are Swedish', async () => {
  const { reads } = mount({}, 'sv');
  act(() => reads[0]!.progress(12, 50));
  expect(status()).toContain('Läser 12 av 50 filer');
  await settle(reads[0]!, yearData(YEAR_2026));
  expect(container.querySelector('h1')?.textContent).toBe('Året – Samordningsgrupp Nära vård');
  expect(text()).toContain('Skickat för justering');
  expect(text()).toContain('Endast närvaro');
});

test('a custom period whose from is after its to is refused with a message and not read; a good one is read', async () => {
  const { reads } = mount();
  await settle(reads[0]!, yearData(YEAR_2026));
  act(() => button('Custom').click());
  const [from, to] = [...container.querySelectorAll('form input')] as HTMLInputElement[];
  expect(from!.value).not.toBe('');
  // The date fields keep their values: move the from date past the to date by typing.
  type(from!, '2026-12-31');
  act(() => from!.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
  type(to!, '2026-06-30');
  act(() => to!.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
  act(() => button('Show the period').click());
  expect(text()).toContain('The from date is after the to date.');
  expect(reads).toHaveLength(1);

  type(from!, '2026-03-01');
  act(() => from!.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
  act(() => button('Show the period').click());
  expect(text()).not.toContain('The from date is after the to date.');
  expect(reads[1]!.period).toEqual({ from: '2026-03-01', to: '2026-06-30' });
  await settle(reads[1]!, yearData({ from: '2026-03-01', to: '2026-06-30' }));
  expect(text()).toContain('Period: 2026-03-01 – 2026-06-30');
  expect(rows('Meetings').map((r) => r[0])).toEqual(['2026-03-06', '2026-04-03']);
});

test('the export buttons show only when given; an export gets the data read and its failure is shown', async () => {
  const first = mount();
  await settle(first.reads[0]!, yearData(YEAR_2026));
  expect(text()).not.toContain('Appendix to the annual report');
  act(() => root!.unmount());
  container.remove();

  const calls: [YearData, Period][] = [];
  const { reads } = mount({
    onExportDocx: async (data, period) => {
      calls.push([data, period]);
    },
    onExportXlsx: async () => {
      throw new Problem('offline', 'no network');
    },
  });
  const data = yearData(YEAR_2026);
  await settle(reads[0]!, data);
  await act(async () => button('Appendix to the annual report (.docx)').click());
  expect(calls).toEqual([[data, YEAR_2026]]);
  await act(async () => button('The registers (.xlsx)').click());
  expect(section('Export').querySelector('[role="alert"]')).not.toBeNull();
});
