/**
 * @jest-environment jsdom
 */
// The year's attendance as a secretary reads it, in Swedish and English, over a YearAttendance the
// real attendanceYear computed from hand-made minutes (attendanceFixture.ts): the organisations never
// represented said first, who represented each organisation and in what role, the person who moved
// shows both organisations, the unreadable meeting listed as not counted, and the charts in figures
// with a text alternative, a pointer to their table, and the chart itself once its chunk has loaded.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { attendanceYear } from '../../../../domain/year';
import { I18nProvider, type Language } from '../../../i18n';
import { attendance, meetings, period, roster } from './attendanceFixture';
import { AttendanceSection } from './AttendanceSection';
import type { Period, YearAttendance } from '../../../../domain/year';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no canvas and no SVG text layout (the chart measures its labels with both) and no
// ResizeObserver; a browser has all three. These stand in for the browser, not for our code.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => ({ font: '', measureText: (s: string) => ({ width: s.length * 7 }) })) as never;
  (SVGElement.prototype as unknown as { getComputedTextLength: () => number }).getComputedTextLength = function (this: SVGElement) {
    return (this.textContent ?? '').length * 7;
  };
  // jsdom lays nothing out: every box is 0 wide, so the chart would draw no bars.
  Element.prototype.getBoundingClientRect = function () {
    return { x: 0, y: 0, top: 0, left: 0, right: 600, bottom: 300, width: 600, height: 300, toJSON: () => ({}) };
  };
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

async function mount(language: Language, data: YearAttendance = attendance, shown: Period = period) {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(
      <I18nProvider language={language}>
        <AttendanceSection attendance={data} period={shown} />
      </I18nProvider>,
    );
  });
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  /** The rows of the table under a heading, each as its cells' text. */
  const table = (heading: string) => {
    const h = [...container.querySelectorAll('h3')].find((e) => text(e) === heading);
    const region = h && container.querySelector(`[role="region"][aria-labelledby="${h.id}"]`);
    if (!region) throw new Error(`no table under ${heading}`);
    return {
      region,
      head: [...region.querySelectorAll('thead th')].map(text),
      // A cell holding a list (by whom) reads as its items joined by " | ".
      rows: [...region.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => (td.querySelector('li') ? [...td.querySelectorAll('li')].map(text).join(' | ') : text(td))),
      ),
    };
  };
  const row = (heading: string, first: string) => table(heading).rows.find((r) => r[0] === first);
  return { container, text, table, row };
}

test('the organisations never represented are said first, and the meetings counted beside those that could not be read', async () => {
  const { container, text } = await mount('sv');
  const [lead, counted] = [...container.querySelectorAll('p')].map(text);
  expect(lead).toBe('Aldrig representerade: Bergsjö kommun');
  expect(counted).toBe('4 möten räknas från 1 jan. 2026 till 31 dec. 2026. 1 möte kunde inte läsas och räknas inte (se Per möte).');
  expect([...container.querySelectorAll('h3')].map(text)).toEqual(['Per organisation', 'Per län', 'Per person', 'Per möte']);
});

test('when every roster organisation was there, it says so plainly', async () => {
  const present = attendanceYear(meetings, period, roster.filter((r) => r.organisation !== 'Bergsjö kommun'));
  const { container, text } = await mount('sv', present);
  expect(text(container.querySelector('p'))).toBe('Alla organisationer var representerade.');
});

test('per organisation: meetings represented of those counted, how many by a member or substitute, by whom in which role, and whether it is in the roster', async () => {
  const { table, row } = await mount('sv');
  expect(table('Per organisation').head).toEqual(['Organisation', 'Möten representerade', 'Varav av ordinarie eller ersättare', 'Av vem', 'I deltagarlistan']);
  expect(row('Per organisation', 'Ekby kommun')).toEqual(['Ekby kommun', '2 av 4', '2', 'Sara Lind (ordinarie), 2 möten | Olle Berg (ersättare), 1 möte', 'Ja']);
  expect(row('Per organisation', 'Länsstyrelsen')).toEqual(['Länsstyrelsen', '1 av 4', '0', 'Gustav Gäst (gäst), 1 möte', 'Nej']);
  expect(row('Per organisation', 'Bergsjö kommun')).toEqual(['Bergsjö kommun', '0 av 4', '0', 'Ingen', 'Ja']);
  expect(row('Per organisation', 'Region Östmark')?.[1]).toBe('4 av 4');
});

test('per county: meetings represented, its organisations and those never there', async () => {
  const { table } = await mount('sv');
  expect(table('Per län').rows).toEqual([
    ['Norrlands län', '1 av 4', 'Bergsjö kommun, Nordby sjukhus', 'Bergsjö kommun'],
    ['Östmarks län', '4 av 4', 'Ekby kommun, Region Östmark, Västby kommun', 'Inga'],
  ]);
});

test('per person: their counts and role, and a person who changed organisation shows both', async () => {
  const { table, row } = await mount('sv');
  expect(table('Per person').head).toEqual(['Person', 'Roll', 'Organisation', 'Närvarande', 'Frånvarande', 'Anmält förhinder']);
  expect(row('Per person', 'Sara Lind')).toEqual(['Sara Lind', 'ordinarie', 'Ekby kommun, Västby kommun', '3', '0', '0']);
  expect(row('Per person', 'Lena Öst')).toEqual(['Lena Öst', 'adjungerad', 'Bergsjö kommun', '0', '1', '1']);
  expect(row('Per person', 'Per Nord')).toEqual(['Per Nord', 'ordinarie', 'Nordby sjukhus', '1', '0', '1']);
});

test('per meeting: counts and what the list rests on in words; the unreadable file is listed as not counted', async () => {
  const { table } = await mount('sv');
  expect(table('Per möte').rows).toEqual([
    ['16 jan. 2026', 'Samordningsgrupp Nära vård', '2', '0', '1', 'Närvaro som lagts till i efterhand'],
    ['6 mars 2026', 'Samordningsgrupp Nära vård', '4', '0', '0', 'Närvarorapporten från Teams'],
    ['8 maj 2026', 'Samordningsgrupp Nära vård', '1', '0', '0', 'Bara sekreterarens markeringar (listan kan vara ofullständig)'],
    ['4 sep. 2026', 'Samordningsgrupp Nära vård', '3', '1', '1', 'Svaren på kallelsen'],
    ['2 okt. 2026', 'Samordningsgrupp', 'Räknas inte. Filen är skriven av en nyare version av Justera.'],
  ]);
});

test('each table scrolls inside a focusable region named by its heading, so a narrow tab does not overflow', async () => {
  const { container, text } = await mount('sv');
  const regions = [...container.querySelectorAll('[role="region"][tabindex="0"]')].filter((r) => r.querySelector('table'));
  expect(regions.map((r) => text(document.getElementById(r.getAttribute('aria-labelledby')!)))).toEqual(['Per organisation', 'Per län', 'Per person', 'Per möte']);
});

test('each chart is a figure with a caption, described by a sentence per bar and by where its table is, and the chart loads', async () => {
  const { container, text } = await mount('sv');
  const figures = [...container.querySelectorAll('figure')];
  expect(figures.map((f) => text(f.querySelector('figcaption')))).toEqual(['Diagram: möten representerade per organisation', 'Diagram: möten representerade per län']);
  const described = (f: Element) => f.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id));
  const [alt, note] = described(figures[0]!);
  expect([...alt!.querySelectorAll('li')].map(text)).toEqual([
    'Bergsjö kommun: 0 av 4 möten',
    'Ekby kommun: 2 av 4 möten',
    'Länsstyrelsen: 1 av 4 möten',
    'Nordby sjukhus: 1 av 4 möten',
    'Region Östmark: 4 av 4 möten',
    'Västby kommun: 1 av 4 möten',
  ]);
  expect(text(note)).toBe('Samma siffror står i tabellen Per organisation ovan.');
  expect([...described(figures[1]!)[0]!.querySelectorAll('li')].map(text)).toEqual(['Norrlands län: 1 av 4 möten', 'Östmarks län: 4 av 4 möten']);

  // The lazily loaded chart: its svg named by the caption and described like the figure, a bar per organisation.
  const svg = figures[0]!.querySelector('svg[aria-label="Diagram: möten representerade per organisation"]');
  expect(svg).not.toBeNull();
  expect(svg!.getAttribute('aria-describedby')).toBe(figures[0]!.getAttribute('aria-describedby'));
  expect([...svg!.querySelectorAll('rect[role="option"]')].map((r) => r.getAttribute('aria-label'))).toEqual(
    expect.arrayContaining(['Region Östmark: 4 av 4 möten', 'Ekby kommun: 2 av 4 möten', 'Bergsjö kommun: 0 av 4 möten']),
  );
  expect(figures[0]!.querySelector('[role="progressbar"]')).toBeNull();
});

test('a year with no meetings: every roster organisation never represented, nothing counted, and the tables say so', async () => {
  const year2027 = { from: '2027-01-01', to: '2027-12-31' };
  const { container, text } = await mount('sv', attendanceYear([], year2027, roster), year2027);
  const [lead, counted] = [...container.querySelectorAll('p')].map(text);
  expect(lead).toBe('Aldrig representerade: Bergsjö kommun, Ekby kommun, Nordby sjukhus, Region Östmark, Västby kommun');
  expect(counted).toBe('0 möten räknas från 1 jan. 2027 till 31 dec. 2027.');
  expect(text(container)).toContain('Ingen närvaro är registrerad i perioden.');
  expect(text(container)).toContain('Inga möten i perioden.');
  expect(text(container.querySelector('figure ul li'))).toBe('Bergsjö kommun: 0 av 0 möten');
});

test('in English', async () => {
  const { container, text, row, table } = await mount('en');
  expect(text(container.querySelector('p'))).toBe('Never represented: Bergsjö kommun');
  expect(row('By organisation', 'Ekby kommun')).toEqual(['Ekby kommun', '2 of 4', '2', 'Sara Lind (member), 2 meetings | Olle Berg (substitute), 1 meeting', 'Yes']);
  expect(row('By person', 'Lena Öst')?.slice(0, 3)).toEqual(['Lena Öst', 'co-opted', 'Bergsjö kommun']);
  expect(table('By meeting').rows.map((r) => r.at(-1))).toEqual([
    'Attendance added afterwards',
    'The Teams attendance report',
    'Only the secretary’s marks (the list may be incomplete)',
    'The replies to the invitation',
    'Not counted. The file was written by a newer version of Justera.',
  ]);
  expect(text(container.querySelector('figure ul li'))).toBe('Bergsjö kommun: 0 of 4 meetings');
});
