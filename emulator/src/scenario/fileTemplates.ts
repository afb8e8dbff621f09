/**
 * Placeholders in seeded files, so that their content follows "now" like the rest of a scenario
 * (a file holds fixed JSON or text, but minutes name the meeting's date, due dates, the next
 * meeting). Resolved when the scenario loads, in file names, text and every JSON string value:
 *
 *   {{date:fri-20w 08:00}}          the instant as ISO 8601 in UTC ("2026-07-17T06:00:00.000Z")
 *   {{day:fri-20w+14d}}             the calendar date in the scenario's zone ("2026-07-31")
 *   {{yearSeq:NAME|fri-20w|5}}      a running number that starts at 1 every calendar year: 1 plus
 *                                   the sizes (here 5) of every NAME placeholder dated earlier in
 *                                   the same year (the scenario's zone), over all seeded files.
 *                                   For § numbers of formal minutes, whose year moves with "now".
 *
 * A JSON string that is one placeholder and nothing else becomes a number for yearSeq (a string
 * for date and day). Expressions are the scenario's TimeExprs (dates.ts). An unknown kind, a bad
 * expression or a malformed yearSeq is a scenario problem at the placeholder's path. Other braces
 * ("{{joinWebUrl}}", which has no colon) are left alone.
 */

import type { ResolveContext } from './context';
import { formatDate, localDateOf } from '../timezones';

const PLACEHOLDER = /\{\{([A-Za-z]+):([^{}]*)\}\}/g;
const WHOLE = /^\{\{([A-Za-z]+):([^{}]*)\}\}$/;

interface SeqEntry {
  name: string;
  at: number;
  size: number;
}

export class FileTemplates {
  /** yearSeq placeholders by their source text ("NAME|WHEN|SIZE"), resolved once all are collected. */
  private readonly seq = new Map<string, SeqEntry | undefined>();

  constructor(private readonly ctx: ResolveContext) {}

  /** First pass: every yearSeq placeholder in a file's name and content, so numbers can count them all. */
  collect(value: unknown, path: string): void {
    if (typeof value === 'string') {
      for (const m of value.matchAll(PLACEHOLDER)) if (m[1] === 'yearSeq') this.collectSeq(m[2] ?? '', path);
    } else if (Array.isArray(value)) value.forEach((v, i) => this.collect(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) this.collect(v, `${path}.${k}`);
  }

  /** Second pass: a copy with every placeholder replaced (numbers computed over everything collected). */
  resolve(value: unknown, path: string): unknown {
    if (typeof value === 'string') {
      const whole = WHOLE.exec(value);
      if (whole?.[1] === 'yearSeq') return this.seqNumber(whole[2] ?? '') ?? value;
      return value.replace(PLACEHOLDER, (text, kind: string, expr: string) => this.one(kind, expr, path) ?? text);
    }
    if (Array.isArray(value)) return value.map((v, i) => this.resolve(v, `${path}[${i}]`));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v, `${path}.${k}`)]));
    }
    return value;
  }

  /** A string's placeholders replaced (file names and text files). */
  text(value: string, path: string): string {
    return this.resolve(value, path) as string;
  }

  private one(kind: string, expr: string, path: string): string | undefined {
    if (kind === 'date') {
      const at = this.ctx.instant(expr, path);
      return at === undefined ? undefined : new Date(at).toISOString();
    }
    if (kind === 'day') {
      const d = this.ctx.date(expr, path);
      return d && formatDate(d);
    }
    if (kind === 'yearSeq') {
      const n = this.seqNumber(expr);
      return n === undefined ? undefined : String(n);
    }
    this.ctx.problem(path, `unknown placeholder {{${kind}:…}} (date, day or yearSeq)`);
    return undefined;
  }

  private collectSeq(expr: string, path: string): void {
    if (this.seq.has(expr)) return;
    const [name, when, size, ...rest] = expr.split('|').map((s) => s.trim());
    const n = Number(size);
    if (!name || !when || rest.length > 0 || !Number.isInteger(n) || n < 0) {
      this.ctx.problem(path, `{{yearSeq:${expr}}} must be {{yearSeq:NAME|WHEN|SIZE}} with a whole SIZE of 0 or more`);
      this.seq.set(expr, undefined);
      return;
    }
    const at = this.ctx.instant(when, path);
    this.seq.set(expr, at === undefined ? undefined : { name, at, size: n });
  }

  private seqNumber(expr: string): number | undefined {
    const entry = this.seq.get(expr);
    if (!entry) return undefined;
    const year = (at: number) => localDateOf(at, this.ctx.timeZone).y;
    let n = 1;
    for (const other of this.seq.values()) {
      if (other && other.name === entry.name && other.at < entry.at && year(other.at) === year(entry.at)) n += other.size;
    }
    return n;
  }
}
