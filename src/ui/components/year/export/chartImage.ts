// The attendance charts as images for the appendix: a horizontal bar chart drawn on a canvas in the
// browser (one colour, every bar labelled with its name and value, so nothing is said by colour
// alone), and its text alternative, the same figures as a sentence for a screen reader.

import type { YearAttendance } from '../../../../domain/year';
import { exportWords, type ExportLanguage } from './words';

/** A chart as the appendix takes it: PNG bytes, its size in CSS pixels (96 to the inch), its title and text alternative. */
export interface ChartImage {
  title: string;
  alt: string;
  png: Uint8Array;
  width: number;
  height: number;
}

export interface ChartDatum {
  label: string;
  value: number;
}

export interface ChartOptions {
  title: string;
  alt: string;
  /** The scale's end: the meetings counted (a bar at `of` fills the width); the largest value when not given. */
  of?: number;
  /** In CSS pixels; 600 fits an A4 page's text width. */
  width?: number;
}

// "Län" is neuter in Swedish: a county "var representerat".
const ITEM = {
  organisations: ['yearExport.chart.alt.item', 'yearExport.chart.alt.itemOne'],
  counties: ['yearExport.chart.alt.county', 'yearExport.chart.alt.countyOne'],
} as const;

/**
 * The chart as a sentence: "Region Östmark var representerad vid 11 av 11 möten, Ekby kommun vid ...
 * Aldrig representerade: Västby kommun." Those at 0 are named as never represented, not as "0 of 11".
 */
export function chartAlt(title: string, data: readonly ChartDatum[], of: number, language: ExportLanguage, kind: 'organisations' | 'counties' = 'organisations'): string {
  const w = exportWords(language);
  if (data.length === 0) return w.t('yearExport.chart.alt.empty', { title });
  const list = (items: string[]) => new Intl.ListFormat(w.locale, { type: 'conjunction' }).format(items);
  const represented = data.filter((d) => d.value > 0).map((d) => w.t(ITEM[kind][of === 1 ? 1 : 0], { name: d.label, count: d.value, of }));
  const never = data.filter((d) => d.value <= 0).map((d) => d.label);
  const sentences = [represented.length ? `${title}: ${list(represented)}.` : `${title}.`];
  if (never.length) sentences.push(w.t('yearExport.chart.alt.never', { names: list(never) }));
  return sentences.join(' ');
}

// Dark on white, 4.5:1 and well over: the bars #1F4E79 are 8.6:1 against white, the text near black.
const INK = '#1A1A1A';
const BAR = '#1F4E79';
const PAPER = '#FFFFFF';
const FONT = '14px "Segoe UI", Arial, sans-serif';
const BAR_HEIGHT = 22;
const GAP = 10;
const PAD = 12;
const AXIS = 26;
/** Drawn at twice the size, so the image stays sharp when Word scales it or the page is zoomed. */
const SCALE = 2;

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function canvasOf(width: number, height: number): { ctx: Context2D; png: () => Promise<Blob> } {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) return { ctx, png: () => canvas.convertToBlob({ type: 'image/png' }) };
  }
  if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (ctx)
      return {
        ctx,
        png: () => new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be drawn as PNG'))), 'image/png')),
      };
  }
  throw new Error('No canvas to draw the chart on');
}

/** A label cut to a width with an ellipsis (the full text is in the caption's table and the text alternative). */
function fit(ctx: Context2D, label: string, width: number): string {
  if (ctx.measureText(label).width <= width) return label;
  let cut = label;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** A horizontal bar chart as PNG bytes: a row per datum, its label left, its bar, its value at the bar's end. Browser only. */
export async function chartPng(data: readonly ChartDatum[], opts: ChartOptions): Promise<ChartImage> {
  const width = Math.round(opts.width ?? 600);
  const height = PAD * 2 + Math.max(1, data.length) * (BAR_HEIGHT + GAP) - GAP + AXIS;
  const { ctx, png } = canvasOf(width * SCALE, height * SCALE);
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, width, height);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';

  const max = Math.max(opts.of ?? 0, ...data.map((d) => d.value), 1);
  const labelWidth = Math.min(Math.max(0, ...data.map((d) => ctx.measureText(d.label).width)), width * 0.42);
  const valueWidth = ctx.measureText(String(max)).width + 8;
  const left = PAD + labelWidth + 10;
  const barsWidth = Math.max(10, width - left - valueWidth - PAD);

  data.forEach((d, i) => {
    const top = PAD + i * (BAR_HEIGHT + GAP);
    const middle = top + BAR_HEIGHT / 2;
    ctx.fillStyle = INK;
    ctx.textAlign = 'right';
    ctx.fillText(fit(ctx, d.label, labelWidth), left - 10, middle);
    const length = (Math.max(0, d.value) / max) * barsWidth;
    ctx.fillStyle = BAR;
    ctx.fillRect(left, top, length, BAR_HEIGHT);
    ctx.fillStyle = INK;
    ctx.textAlign = 'left';
    ctx.fillText(String(d.value), left + length + 6, middle);
  });

  // The axis: a line from 0 to the scale's end, each end labelled.
  const axisY = height - PAD - AXIS + 6;
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, PAD - 4);
  ctx.lineTo(left, axisY);
  ctx.lineTo(left + barsWidth, axisY);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  ctx.fillText('0', left, axisY + 4);
  ctx.fillText(String(max), left + barsWidth, axisY + 4);

  const bytes = new Uint8Array(await (await png()).arrayBuffer());
  return { title: opts.title, alt: opts.alt, png: bytes, width, height };
}

/**
 * The appendix's two standard charts: meetings at which each organisation (of the roster, or that
 * came) was represented, and each county, of the meetings counted. Browser only, as chartPng.
 */
export async function attendanceCharts(attendance: YearAttendance, language: ExportLanguage): Promise<ChartImage[]> {
  const w = exportWords(language);
  const of = attendance.counted;
  const charts: { title: string; data: ChartDatum[]; kind: 'organisations' | 'counties' }[] = [
    { title: w.t('yearExport.chart.organisations'), data: attendance.organisations.map((o) => ({ label: o.organisation, value: o.meetings })), kind: 'organisations' },
    { title: w.t('yearExport.chart.counties'), data: attendance.counties.map((c) => ({ label: c.county, value: c.meetings })), kind: 'counties' },
  ];
  const out: ChartImage[] = [];
  for (const c of charts.filter((c) => c.data.length > 0)) out.push(await chartPng(c.data, { title: c.title, alt: chartAlt(c.title, c.data, of, language, c.kind), of }));
  return out;
}
