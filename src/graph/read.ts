// Reading untrusted JSON from Graph: small checks that fail with a message naming the field,
// so a surprising payload becomes a 'bad-data' problem instead of an undefined deep in the UI.

export type Json = Record<string, unknown>;

export function obj(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not an object`);
  return value as Json;
}

export function str(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what} is not a string`);
  return value;
}

/** Nothing a person could see: spaces, line breaks, zero-width characters, bidi marks. */
const INVISIBLE = /^[\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]*$/u;

/**
 * A string with something visible in it, or undefined: a name, subject or place made only of
 * blanks or invisible characters counts as missing, so the page says "no subject" or shows the
 * address instead of an empty line.
 */
export function optStr(value: unknown): string | undefined {
  return typeof value === 'string' && !INVISIBLE.test(value) ? value : undefined;
}

export function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}

/** A Graph collection page: `value` plus an optional `@odata.nextLink`. */
export function page<T>(body: unknown, what: string, item: (v: unknown, i: number) => T): { items: T[]; nextLink?: string } {
  const o = obj(body, what);
  return { items: list(o.value, `${what}.value`).map(item), nextLink: optStr(o['@odata.nextLink']) };
}

/**
 * Graph's dateTimeTimeZone ("2026-11-20T07:00:00.0000000" + "UTC") as an ISO instant. We always ask
 * for UTC (Prefer: outlook.timezone="UTC"), so anything else is a payload we do not understand.
 */
export function utcInstant(value: unknown, what: string): string {
  const o = obj(value, what);
  const dateTime = str(o.dateTime, `${what}.dateTime`);
  const zone = optStr(o.timeZone) ?? 'UTC';
  if (zone !== 'UTC') throw new Error(`${what} is in ${zone}, expected UTC`);
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime}Z`);
  if (Number.isNaN(ms)) throw new Error(`${what}.dateTime is not a date: ${dateTime}`);
  return new Date(ms).toISOString();
}

/** An OData string literal: single quotes doubled (OData ABNF), so names like O'Brien stay intact. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A query string from parameters, encoded once and only here. */
export function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
