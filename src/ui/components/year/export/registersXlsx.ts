// The registers and attendance of the period as an Excel file (issue 13), for the secretary's own
// charts: a sheet each for the meetings, the decisions, the actions, and attendance per organisation,
// county, person and meeting. Dates are date cells (not text), so they sort and filter as dates;
// header rows are bold and stay in view; no formulas, so text from the minutes is only ever text.
// The sheets are built by a pure function (registerSheets) and written by write-excel-file.

import { unreadableReason } from '../unreadableReason';
import writeXlsxFile from 'write-excel-file/browser';
import type { Cell, Row, Sheet } from 'write-excel-file/browser';
import type { AppendixInput } from './appendixDocx';
import { calendarDay, exportWords, type ExportLanguage, type ExportWords } from './words';

/** What the registers are written from: the appendix's input without its charts. */
export type RegistersInput = Omit<AppendixInput, 'charts'>;

/** One sheet as write-excel-file takes it (FileContent unused: no images). */
export type RegisterSheet = Sheet<never>;

const DATE_FORMAT: Record<ExportLanguage, string> = { sv: 'yyyy-mm-dd', en: 'd mmm yyyy' };
const MAX_WIDTH = 60;

const str = (value: string | undefined): Cell => (value ? { value, type: String } : null);
const num = (value: number): Cell => ({ value, type: Number });

function sheetOf(name: string, headers: string[], rows: Cell[][], language: ExportLanguage): RegisterSheet {
  const header: Row = headers.map((h) => ({ value: h, type: String, fontWeight: 'bold', wrap: true }));
  // Widths in characters from the longest value in each column (a date is about 11), capped.
  const widthOf = (c: Cell): number => {
    if (c === null || c === undefined) return 0;
    const value = typeof c === 'object' && !(c instanceof Date) && !(c instanceof String) && 'value' in c ? c.value : c;
    if (value instanceof Date) return 12;
    return String(value ?? '').length;
  };
  const columns = headers.map((h, i) => ({ width: Math.min(MAX_WIDTH, Math.max(8, Math.ceil(h.length * 0.8), ...rows.map((r) => widthOf(r[i]))) + 2) }));
  return { sheet: name, data: [header, ...rows], columns, stickyRowsCount: 1, dateFormat: DATE_FORMAT[language] };
}

/** The sheets of the workbook, in order, in the language given. Pure: what the file holds, to test without a file. */
export function registerSheets(input: RegistersInput, language: ExportLanguage): RegisterSheet[] {
  const w: ExportWords = exportWords(language);
  const date = (day: string | undefined): Cell => {
    const value = calendarDay(day);
    return value ? { value, type: Date, format: DATE_FORMAT[language] } : str(day);
  };
  const yesNo = (b: boolean) => str(w.t(b ? 'yearExport.yes' : 'yearExport.no'));
  const col = (key: Parameters<ExportWords['t']>[0]) => w.t(key);
  const { attendance } = input;
  const of = attendance.counted;

  const meetings = sheetOf(
    w.t('yearExport.sheet.meetings'),
    [col('yearExport.col.date'), col('yearExport.col.meeting'), col('yearExport.col.state'), col('yearExport.col.note'), col('yearExport.col.folder')],
    input.meetings.map((m) => [
      date(m.date),
      str(m.subject),
      str(w.meetingState(m.state)),
      str(m.state === 'unreadable' ? w.t('yearExport.notCounted', { reason: unreadableReason(w.t, m.reason) }) : undefined),
      str(m.folder),
    ]),
    language,
  );

  const decisions = sheetOf(
    w.t('yearExport.sheet.decisions'),
    [col('yearExport.col.date'), col('yearExport.col.meeting'), col('yearExport.col.paragraph'), col('yearExport.col.itemTitle'), col('yearExport.col.decision'), col('yearExport.col.link')],
    input.decisions.map((r) => [date(r.date), str(r.subject), r.paragraph === undefined ? null : num(r.paragraph), str(r.itemTitle), str(r.text), str(r.documentUrl)]),
    language,
  );

  const actions = sheetOf(
    w.t('yearExport.sheet.actions'),
    [
      col('yearExport.col.date'),
      col('yearExport.col.meeting'),
      col('yearExport.col.paragraph'),
      col('yearExport.col.itemTitle'),
      col('yearExport.col.action'),
      col('yearExport.col.owner'),
      col('yearExport.col.ownerOrganisation'),
      col('yearExport.col.due'),
      col('yearExport.col.status'),
      col('yearExport.col.overdue'),
      col('yearExport.col.completed'),
      col('yearExport.col.link'),
    ],
    input.actions.map((r) => [
      date(r.date),
      str(r.subject),
      r.paragraph === undefined ? null : num(r.paragraph),
      str(r.itemTitle),
      str(r.what),
      str(r.owner?.displayName),
      str(r.owner?.organisation),
      date(r.due),
      str(w.actionStatus(r)),
      yesNo(r.overdue),
      str(w.completed(r) || undefined),
      str(r.documentUrl),
    ]),
    language,
  );

  const organisations = sheetOf(
    w.t('yearExport.sheet.organisations'),
    [
      col('yearExport.col.organisation'),
      col('yearExport.col.county'),
      col('yearExport.col.kind'),
      col('yearExport.col.inRoster'),
      col('yearExport.col.represented'),
      col('yearExport.col.counted'),
      col('yearExport.col.byMembers'),
      col('yearExport.col.by'),
    ],
    attendance.organisations.map((o) => [
      str(o.organisation),
      str(o.county),
      str(o.kind && w.t(`yearExport.kind.${o.kind}`)),
      yesNo(o.inRoster),
      num(o.meetings),
      num(of),
      num(o.meetingsByMembers),
      str(o.by.map((r) => w.t('yearExport.by', { name: r.person.displayName, role: w.role(r.role), count: r.meetings })).join('; ')),
    ]),
    language,
  );

  const counties = sheetOf(
    w.t('yearExport.sheet.counties'),
    [col('yearExport.col.county'), col('yearExport.col.represented'), col('yearExport.col.counted'), col('yearExport.col.organisations'), col('yearExport.col.neverRepresented')],
    attendance.counties.map((c) => [str(c.county), num(c.meetings), num(of), str(c.organisations.join('; ')), str(c.neverRepresented.join('; '))]),
    language,
  );

  const people = sheetOf(
    w.t('yearExport.sheet.people'),
    [col('yearExport.col.person'), col('yearExport.col.organisations'), col('yearExport.col.role'), col('yearExport.col.present'), col('yearExport.col.absent'), col('yearExport.col.excused')],
    attendance.people.map((p) => [str(p.person.displayName), str(p.organisations.join('; ')), str(w.role(p.role)), num(p.present), num(p.absent), num(p.excused)]),
    language,
  );

  const names = (list: (typeof attendance.meetings)[number]['people'], status: 'present' | 'absent' | 'excused') =>
    str(list.filter((p) => p.status === status).map((p) => (p.organisation ? `${p.person.displayName} (${p.organisation})` : p.person.displayName)).join('; '));
  const perMeeting = sheetOf(
    w.t('yearExport.sheet.meetingAttendance'),
    [
      col('yearExport.col.date'),
      col('yearExport.col.meeting'),
      col('yearExport.col.basis'),
      col('yearExport.col.present'),
      col('yearExport.col.absent'),
      col('yearExport.col.excused'),
      col('yearExport.col.presentNames'),
      col('yearExport.col.absentNames'),
      col('yearExport.col.excusedNames'),
      col('yearExport.col.note'),
    ],
    attendance.meetings.map((m) =>
      m.source === 'unreadable'
        ? // Not counted: no figures, so a sum over the column counts only what was read.
          [date(m.date), str(m.subject), null, null, null, null, null, null, null, str(w.t('yearExport.notCounted', { reason: unreadableReason(w.t, m.reason) }))]
        : [
            date(m.date),
            str(m.subject),
            str(m.basis && w.t(`yearExport.basis.${m.basis}`)),
            num(m.present),
            num(m.absent),
            num(m.excused),
            names(m.people, 'present'),
            names(m.people, 'absent'),
            names(m.people, 'excused'),
            null,
          ],
    ),
    language,
  );

  return [meetings, decisions, actions, organisations, counties, people, perMeeting];
}

/** The workbook as an .xlsx Blob (browser). */
export async function writeRegistersXlsx(input: RegistersInput, language: ExportLanguage): Promise<Blob> {
  return writeXlsxFile(registerSheets(input, language), { fontFamily: 'Calibri', fontSize: 11 }).toBlob();
}
