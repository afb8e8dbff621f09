// The year's two files, made when the secretary asks (a chunk of its own, with docx, write-excel-file
// and the chart drawing): the annual report's appendix (.docx, with the attendance charts as images
// and their text alternatives) and the registers (.xlsx). What they hold is what the page shows: the
// same domain functions over the same data, for the period the page shows.

import type { YearData } from '../../../app/yearService';
import { dayIn } from '../../../domain/followUpStatus';
import { actionsRegister, attendanceYear, decisionsRegister, meetingsOfPeriod } from '../../../domain/year';
import { saveBlob } from '../saveBlob';
import { writeAppendixDocx, type AppendixInput } from './export/appendixDocx';
import { attendanceCharts } from './export/chartImage';
import { writeRegistersXlsx } from './export/registersXlsx';
import type { ExportLanguage } from './export/words';

/** The registers and attendance of what the page shows, as the files hold them. */
export function exportInput(data: YearData, now: Date): Omit<AppendixInput, 'charts'> {
  const { period, meetings } = data;
  const today = dayIn(now.toISOString(), data.timeZone);
  return {
    groupName: data.groupName,
    period,
    meetings: meetingsOfPeriod(meetings, period),
    decisions: decisionsRegister(meetings, period, data.templates),
    actions: actionsRegister(meetings, period, data.statuses, today, data.templates),
    attendance: attendanceYear(meetings, period, data.roster),
  };
}

/** A file name from the group's name and the period: only what every file system takes. */
export function exportFileName(groupName: string, period: { from: string; to: string }, what: string, extension: string): string {
  const named = `${groupName} ${what} ${period.from}–${period.to}`;
  const safe = [...named].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('').replace(/\s+/g, ' ').trim();
  return `${safe.slice(0, 150)}.${extension}`;
}

export async function saveAppendix(data: YearData, now: Date, language: ExportLanguage): Promise<void> {
  const input = exportInput(data, now);
  const charts = await attendanceCharts(input.attendance, language);
  const blob = await writeAppendixDocx({ ...input, charts }, language);
  saveBlob(blob, exportFileName(data.groupName, data.period, language === 'sv' ? 'bilaga' : 'appendix', 'docx'));
}

export async function saveRegisters(data: YearData, now: Date, language: ExportLanguage): Promise<void> {
  const blob = await writeRegistersXlsx(exportInput(data, now), language);
  saveBlob(blob, exportFileName(data.groupName, data.period, language === 'sv' ? 'register' : 'registers', 'xlsx'));
}
