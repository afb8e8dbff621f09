// The annual report's appendix as a Word file (issue 13): the group's meetings of the period with
// their state, attendance per organisation and per county with the organisations never represented,
// the attendance charts, and the registers of decisions and actions. Written in the browser with the
// `docx` package by the same accessible rules as the minutes (minutes/docx.ts): the document's
// language, real headings, tables whose header row repeats on every page, each chart with its text
// alternative and its title as caption, and the title and subject in the file's properties.

import { unreadableReason } from '../unreadableReason';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, WidthType, type ParagraphChild } from 'docx';
import type { ActionRow, DecisionRow, Period, PeriodMeeting, YearAttendance } from '../../../../domain/year';
import { clean, text } from '../../minutes/docx';
import type { ChartImage } from './chartImage';
import { exportWords, type ExportLanguage, type ExportWords } from './words';

export type { ChartImage };

/** What the appendix is written from: the view's figures, computed with domain/year.ts. */
export interface AppendixInput {
  groupName: string;
  period: Period;
  /** meetingsOfPeriod: every meeting of the period, the unreadable ones too. */
  meetings: PeriodMeeting[];
  decisions: DecisionRow[];
  actions: ActionRow[];
  attendance: YearAttendance;
  /** Drawn by chartImage.ts in the browser; left out when none are given. */
  charts?: ChartImage[];
}

/** A page's text width at A4 with Word's margins, in CSS pixels (96 to the inch): a wider chart is scaled down to it. */
const TEXT_WIDTH_PX = 600;

type CellValue = string | { lines: string[]; bold?: boolean };

const heading = (level: 1 | 2 | 3, value: string) =>
  new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [text(value)] });
const plain = (...children: ParagraphChild[]) => new Paragraph({ children });

/** A table whose first row is marked as its header: read as such by screen readers, repeated on each page. */
function table(headers: string[], rows: CellValue[][]): Table {
  const cell = (value: CellValue, bold = false) => {
    const lines = typeof value === 'string' ? [value] : value.lines;
    const strong = bold || (typeof value !== 'string' && value.bold === true);
    return new TableCell({ children: (lines.length ? lines : ['']).map((line) => plain(text(line, { bold: strong }))) });
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((v) => cell(v)) })),
    ],
  });
}

const meetingName = (w: ExportWords, m: { date?: string; subject: string }) => [w.date(m.date), m.subject].filter(Boolean).join(' ');

function meetingsPart(input: AppendixInput, w: ExportWords): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(2, w.t('yearExport.meetings.heading'))];
  if (input.meetings.length === 0) return [...out, plain(text(w.t('yearExport.meetings.none')))];
  out.push(
    table(
      [w.t('yearExport.col.date'), w.t('yearExport.col.meeting'), w.t('yearExport.col.state')],
      input.meetings.map((m) => [w.date(m.date), m.subject, m.state === 'unreadable' ? w.t('yearExport.notCounted', { reason: unreadableReason(w.t, m.reason) }) : w.meetingState(m.state)]),
    ),
  );
  return out;
}

function attendancePart(input: AppendixInput, w: ExportWords): (Paragraph | Table)[] {
  const { attendance } = input;
  const of = attendance.counted;
  const out: (Paragraph | Table)[] = [heading(2, w.t('yearExport.attendance.heading')), plain(text(w.t('yearExport.counted', { count: of })))];
  const unreadable = input.meetings.filter((m) => m.state === 'unreadable');
  if (unreadable.length) {
    out.push(plain(text(w.t('yearExport.unreadable.intro'), { bold: true })));
    for (const m of unreadable) out.push(new Paragraph({ bullet: { level: 0 }, children: [text(w.t('yearExport.unreadable.item', { date: w.date(m.date), subject: m.subject, folder: m.folder, reason: unreadableReason(w.t, m.reason) }))] }));
  }

  out.push(heading(3, w.t('yearExport.organisations.heading')));
  if (attendance.organisations.length === 0) out.push(plain(text(w.t('yearExport.organisations.none'))));
  else
    out.push(
      table(
        [w.t('yearExport.col.organisation'), w.t('yearExport.col.county'), w.t('yearExport.col.represented'), w.t('yearExport.col.byMembers'), w.t('yearExport.col.by')],
        attendance.organisations.map((o) => [
          o.organisation,
          o.county ?? '',
          w.t('yearExport.represented', { count: o.meetings, of }),
          w.t('yearExport.represented', { count: o.meetingsByMembers, of }),
          { lines: o.by.map((r) => w.t('yearExport.by', { name: r.person.displayName, role: w.role(r.role), count: r.meetings })) },
        ]),
      ),
    );

  out.push(heading(3, w.t('yearExport.counties.heading')));
  if (attendance.counties.length === 0) out.push(plain(text(w.t('yearExport.counties.none'))));
  else
    out.push(
      table(
        [w.t('yearExport.col.county'), w.t('yearExport.col.represented'), w.t('yearExport.col.organisations'), w.t('yearExport.col.neverRepresented')],
        attendance.counties.map((c) => [c.county, w.t('yearExport.represented', { count: c.meetings, of }), { lines: c.organisations }, { lines: c.neverRepresented }]),
      ),
    );

  out.push(heading(3, w.t('yearExport.never.heading')));
  if (attendance.neverRepresented.length === 0) out.push(plain(text(w.t('yearExport.never.none'))));
  else for (const o of attendance.neverRepresented) out.push(new Paragraph({ bullet: { level: 0 }, children: [text(o)] }));

  const charts = input.charts ?? [];
  if (charts.length) {
    out.push(heading(3, w.t('yearExport.charts.heading')));
    charts.forEach((c, i) => {
      const scale = Math.min(1, TEXT_WIDTH_PX / c.width);
      out.push(
        new Paragraph({
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: c.png,
              transformation: { width: Math.round(c.width * scale), height: Math.round(c.height * scale) },
              altText: { name: clean(c.title), title: clean(c.title), description: clean(c.alt) },
            }),
          ],
        }),
        new Paragraph({ style: 'Caption', children: [text(w.t('yearExport.chart.caption', { number: i + 1, title: c.title }))] }),
      );
    });
  }
  return out;
}

function decisionsPart(input: AppendixInput, w: ExportWords): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(2, w.t('yearExport.decisions.heading'))];
  if (input.decisions.length === 0) return [...out, plain(text(w.t('yearExport.decisions.none')))];
  const item = (r: DecisionRow | ActionRow) => (r.paragraph === undefined ? r.itemTitle : w.t('yearExport.item', { paragraph: r.paragraph, title: r.itemTitle }));
  out.push(
    table(
      [w.t('yearExport.col.date'), w.t('yearExport.col.meeting'), w.t('yearExport.col.item'), w.t('yearExport.col.decision')],
      input.decisions.map((r) => [w.date(r.date), r.subject, item(r), r.text]),
    ),
  );
  return out;
}

function actionsPart(input: AppendixInput, w: ExportWords): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(2, w.t('yearExport.actions.heading'))];
  if (input.actions.length === 0) return [...out, plain(text(w.t('yearExport.actions.none')))];
  out.push(
    table(
      [w.t('yearExport.col.action'), w.t('yearExport.col.owner'), w.t('yearExport.col.due'), w.t('yearExport.col.status'), w.t('yearExport.col.completed')],
      input.actions.map((r) => [
        // Which meeting and item the action comes from, under it.
        { lines: [r.what, [meetingName(w, r), r.paragraph === undefined ? r.itemTitle : w.t('yearExport.item', { paragraph: r.paragraph, title: r.itemTitle })].join(', ')] },
        [r.owner?.displayName, r.owner?.organisation && `(${r.owner.organisation})`].filter(Boolean).join(' '),
        w.date(r.due),
        // Overdue in words (and bold), not by colour.
        r.overdue ? { lines: [`${w.actionStatus(r)} – ${w.t('yearExport.overdue')}`], bold: true } : w.actionStatus(r),
        w.completed(r),
      ]),
    ),
  );
  return out;
}

/** The appendix as a .docx Blob, in the language given (Swedish or English), whatever the minutes' own. */
export async function writeAppendixDocx(input: AppendixInput, language: ExportLanguage): Promise<Blob> {
  const w = exportWords(language);
  const title = w.t('yearExport.title', { group: input.groupName });
  const period = w.t('yearExport.period', { from: w.date(input.period.from), to: w.date(input.period.to) });
  const file = new Document({
    title: clean(title),
    subject: clean(w.t('yearExport.subject', { from: w.date(input.period.from), to: w.date(input.period.to) })),
    creator: 'Justera',
    lastModifiedBy: 'Justera',
    styles: { default: { document: { run: { language: { value: w.locale }, font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          heading(1, title),
          plain(text(period, { bold: true })),
          ...meetingsPart(input, w),
          ...attendancePart(input, w),
          ...decisionsPart(input, w),
          ...actionsPart(input, w),
        ],
      },
    ],
  });
  return Packer.toBlob(file);
}
