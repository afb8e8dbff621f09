import ExcelJS from 'exceljs';
import writeXlsxNode from 'write-excel-file/node';
import { registerSheets, writeRegistersXlsx, type RegistersInput } from './registersXlsx';
import { yearInput } from './yearFixture';

async function workbook(data: ArrayBuffer | Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  return book;
}

/** The real write, with the browser entry the app uses (it runs in node too: Blob is global). */
const written = async (input: RegistersInput, language: 'sv' | 'en') => workbook(await (await writeRegistersXlsx(input, language)).arrayBuffer());

/** A row's values, as many as the header has columns (empty cells at the end are not written: null). */
const values = (sheet: ExcelJS.Worksheet, row: number) => {
  const columns = sheet.getRow(1).cellCount;
  return Array.from({ length: columns }, (_, i) => sheet.getRow(row).getCell(i + 1).value ?? null);
};
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const SHEETS_SV = ['Möten', 'Beslut', 'Uppdrag', 'Närvaro per organisation', 'Närvaro per län', 'Närvaro per person', 'Närvaro per möte'];
const SHEETS_EN = ['Meetings', 'Decisions', 'Actions', 'Attendance per organisation', 'Attendance per county', 'Attendance per person', 'Attendance per meeting'];

describe('the registers as .xlsx, in Swedish', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await written(yearInput(), 'sv');
  });
  const sheet = (name: string) => book.getWorksheet(name)!;

  it('has a sheet per register and per view of attendance, named in Swedish', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(SHEETS_SV);
  });

  it('each sheet starts with a bold header row that stays in view, and its columns have widths', () => {
    for (const s of book.worksheets) {
      const header = s.getRow(1);
      header.eachCell((cell) => expect(cell.font?.bold).toBe(true));
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      s.columns.forEach((c) => expect(c.width).toBeGreaterThanOrEqual(8));
    }
    expect(values(sheet('Uppdrag'), 1)).toEqual(['Datum', 'Möte', '§', 'Punkt', 'Uppdrag', 'Ansvarig', 'Ansvarigs organisation', 'Klart senast', 'Status', 'Försenad', 'Klar i tid eller för sent', 'Protokoll (länk)']);
  });

  it('a row per meeting, decision, action, organisation, county, person and meeting attended', () => {
    // Header plus: 4 meetings (one unreadable), 3 decisions, 6 actions, 5 organisations, 2 counties, 5 people, 4 meetings.
    expect(book.worksheets.map((s) => s.actualRowCount)).toEqual([5, 4, 7, 6, 3, 6, 5]);
  });

  it('dates are date cells, not text, shown as Swedish dates', () => {
    const due = sheet('Uppdrag').getCell('H3');
    expect(due.value).toBeInstanceOf(Date);
    expect(due.value).toEqual(day(2026, 4, 1));
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect(sheet('Möten').getCell('A2').value).toEqual(day(2026, 1, 16));
  });

  it('the actions say their status, overdue and on time or late in words', () => {
    const actions = sheet('Uppdrag');
    expect(values(actions, 3)).toEqual([day(2026, 3, 6), 'Samordningsgrupp Nära vård', 6, 'Ekonomisk uppföljning', 'Sammanställ remissvaren', 'Sara Lind', null, day(2026, 4, 1), 'Inte publicerad, öppen', 'Ja', null, null]);
    expect(values(actions, 4)).toEqual([day(2026, 9, 4), 'Samordningsgrupp Nära vård', null, 'Ekonomisk uppföljning', 'Skicka budgeten', 'Sara Lind', null, day(2026, 9, 18), 'Klar', 'Nej', 'För sent', 'https://example.test/doc']);
    expect(actions.getCell('K5').value).toBe('I tid');
  });

  it('the decisions carry date, meeting, § and item', () => {
    expect(values(sheet('Beslut'), 3)).toEqual([day(2026, 3, 6), 'Samordningsgrupp Nära vård', 6, 'Ekonomisk uppföljning', 'Underlaget från Östersund skickas till regionen.', null]);
  });

  it('attendance per organisation and county as numbers of the meetings counted, never represented named', () => {
    const orgs = sheet('Närvaro per organisation');
    const region = [2, 3, 4, 5, 6].map((r) => values(orgs, r)).find((v) => v[0] === 'Region Östmark');
    expect(region).toEqual(['Region Östmark', 'Östmarks län', 'Region', 'Ja', 3, 3, 3, 'Karin Ek, ordinarie: 3']);
    const norrbyKommun = [2, 3, 4, 5, 6].map((r) => values(orgs, r)).find((v) => v[0] === 'Norrby kommun');
    expect(norrbyKommun?.slice(4, 7)).toEqual([0, 3, 0]);
    expect(values(sheet('Närvaro per län'), 2)).toEqual(['Norrlands län', 1, 3, 'Norrby kommun; Norrby sjukhus', 'Norrby kommun']);
  });

  it('per person and per meeting; the unreadable meeting listed with no figures and said not to be counted', () => {
    expect(values(sheet('Närvaro per person'), 2)).toEqual(['Karin Ek', 'Region Östmark', 'ordinarie', 3, 0, 0]);
    const perMeeting = sheet('Närvaro per möte');
    expect(values(perMeeting, 2)).toEqual([day(2026, 1, 16), 'Samordningsgrupp Nära vård', 'Tillagt för hand', 2, 0, 1, 'Karin Ek (Region Östmark); Olle Berg (Ekby kommun)', null, 'Lena Öst (Norrby sjukhus)', null]);
    const october = values(perMeeting, 5);
    expect(october[0]).toEqual(day(2026, 10, 2));
    expect(october.slice(2, 6)).toEqual([null, null, null, null]);
    expect(october[9]).toBe('Räknas inte. Filen är skriven av en nyare version av Justera.');
  });

  it('holds no formulas', () => {
    for (const s of book.worksheets) s.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('the registers in English', () => {
  it('names sheets and headers in English, dates with an English format, and text that looks like a formula stays text', async () => {
    const input = yearInput();
    const book = await written({ ...input, decisions: input.decisions.map((d, i) => (i === 0 ? { ...d, text: '=HYPERLINK("https://evil.test","klicka")' } : d)) }, 'en');
    expect(book.worksheets.map((s) => s.name)).toEqual(SHEETS_EN);
    const decisions = book.getWorksheet('Decisions')!;
    expect(values(decisions, 1)).toEqual(['Date', 'Meeting', '§', 'Item', 'Decision', 'Minutes (link)']);
    expect(decisions.getCell('E2').value).toBe('=HYPERLINK("https://evil.test","klicka")');
    expect(decisions.getCell('E2').type).toBe(ExcelJS.ValueType.String);
    expect(decisions.getCell('A2').numFmt).toBe('d mmm yyyy');
    expect(book.getWorksheet('Actions')!.getCell('I3').value).toBe('Not published, open');
    expect(book.getWorksheet('Actions')!.getCell('J3').value).toBe('Yes');
  });

  it('a control character XML forbids, in a decision from outside, is dropped and the file still opens', async () => {
    const input = yearInput();
    const book = await written({ ...input, decisions: input.decisions.map((d) => ({ ...d, text: `${d.text}\u0001` })) }, 'en');
    expect(book.getWorksheet('Decisions')!.getCell('E3').value).toBe('Underlaget från Östersund skickas till regionen.');
  });

  it('the same sheets written with the node entry of write-excel-file read back the same', async () => {
    const book = await workbook(await writeXlsxNode(registerSheets(yearInput(), 'en')).toBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(SHEETS_EN);
    expect(book.getWorksheet('Attendance per person')!.actualRowCount).toBe(6);
  });
});

describe('a period with no meetings', () => {
  it('still writes every sheet, each with its header only', async () => {
    const empty = yearInput({ meetings: [], decisions: [], actions: [], attendance: { meetings: [], counted: 0, people: [], organisations: [], counties: [], neverRepresented: [] } });
    expect(registerSheets(empty, 'sv').map((s) => s.data.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const book = await written(empty, 'sv');
    expect(book.worksheets.map((s) => s.actualRowCount)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});
