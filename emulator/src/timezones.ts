/**
 * Time zone arithmetic with Intl (Node ships full ICU), and the Windows zone names
 * Outlook uses in originalStartTimeZone and accepts in Prefer: outlook.timezone
 * (CLDR's windowsZones mapping, from the windows-iana package).
 */

import { findIana, findWindows, WINDOWS_TO_IANA_MAP } from 'windows-iana';

export interface LocalDate {
  y: number;
  m: number; // 1-12
  d: number;
}

export interface LocalDateTime extends LocalDate {
  h: number;
  mi: number;
  s: number;
  ms: number;
}

const validZones = new Map<string, boolean>();

export function isValidIanaZone(tz: string): boolean {
  let v = validZones.get(tz);
  if (v === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      v = true;
    } catch {
      v = false;
    }
    if (validZones.size < 10_000) validZones.set(tz, v); // names come from requests too: keep the cache bounded
  }
  return v;
}

/** Windows zone names (CLDR windowsZones, through windows-iana) by lower case, for case-insensitive lookups. */
const windowsNames = new Map<string, string>(WINDOWS_TO_IANA_MAP.map((e) => [e.windowsName.toLowerCase(), e.windowsName]));
const ianaForWindows = new Map<string, string | undefined>();
const windowsForIana = new Map<string, string>();

/**
 * The IANA zone for a Windows zone name: CLDR's canonical one (findIana's first), or the first
 * alias this ICU build accepts. A Windows name that is itself one of its aliases ("UTC") is kept.
 */
function ianaForWindowsName(windowsName: string): string | undefined {
  if (ianaForWindows.has(windowsName)) return ianaForWindows.get(windowsName);
  const candidates: readonly string[] = findIana(windowsName);
  const zone = candidates.includes(windowsName) && isValidIanaZone(windowsName) ? windowsName : candidates.find(isValidIanaZone);
  ianaForWindows.set(windowsName, zone);
  return zone;
}

/** An IANA zone for a Windows or IANA name, or undefined when neither. */
export function resolveZoneName(name: string): string | undefined {
  const win = windowsNames.get(name.toLowerCase());
  const zone = win === undefined ? undefined : ianaForWindowsName(win);
  if (zone) return zone;
  return isValidIanaZone(name) ? name : undefined;
}

/** The name Outlook would show in originalStartTimeZone for an IANA zone (the zone itself when CLDR has none). */
export function windowsZoneName(iana: string): string {
  let name = windowsForIana.get(iana);
  if (name === undefined) {
    let found = findWindows(iana)[0];
    if (found === undefined && isValidIanaZone(iana)) {
      const canonical = new Intl.DateTimeFormat('en-US', { timeZone: iana }).resolvedOptions().timeZone;
      found = findWindows(canonical)[0];
    }
    name = found ?? iana;
    windowsForIana.set(iana, name);
  }
  return name;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Wall-clock time in a zone at an instant (ms since epoch). */
export function toLocal(instant: number, tz: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const ms = ((instant % 1000) + 1000) % 1000;
  return {
    y: parts.year ?? 1970,
    m: parts.month ?? 1,
    d: parts.day ?? 1,
    h: (parts.hour ?? 0) % 24,
    mi: parts.minute ?? 0,
    s: parts.second ?? 0,
    ms,
  };
}

function offsetAt(instant: number, tz: string): number {
  const l = toLocal(instant, tz);
  return Date.UTC(l.y, l.m - 1, l.d, l.h, l.mi, l.s, l.ms) - instant;
}

/** The instant when the wall clock in tz shows the given time (DST gaps move forward). */
export function fromLocal(l: LocalDateTime, tz: string): number {
  const asUtc = Date.UTC(l.y, l.m - 1, l.d, l.h, l.mi, l.s, l.ms);
  const off1 = offsetAt(asUtc, tz);
  let t = asUtc - off1;
  const off2 = offsetAt(t, tz);
  if (off2 !== off1) t = asUtc - off2;
  return t;
}

export function localDateOf(instant: number, tz: string): LocalDate {
  const l = toLocal(instant, tz);
  return { y: l.y, m: l.m, d: l.d };
}

/** Days since 1970-01-01 for a calendar date (zone-free arithmetic). */
export function dayNumber(d: LocalDate): number {
  return Math.floor(Date.UTC(d.y, d.m - 1, d.d) / 86_400_000);
}

export function fromDayNumber(n: number): LocalDate {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(d: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(d) + days);
}

/** 0 = Sunday ... 6 = Saturday */
export function weekday(d: LocalDate): number {
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatDate(d: LocalDate): string {
  return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
}

export function parseDate(s: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return formatDate(fromDayNumber(dayNumber(d))) === s ? d : undefined;
}

/** Graph's dateTimeTimeZone.dateTime: "2025-10-03T06:00:00.0000000" */
export function formatGraphDateTime(l: LocalDateTime): string {
  return `${formatDate(l)}T${pad(l.h)}:${pad(l.mi)}:${pad(l.s)}.${pad(l.ms, 3)}0000`;
}

/** DateTimeOffset as Graph writes it: "2025-10-03T06:00:00Z" (milliseconds only when present). */
export function formatUtc(instant: number): string {
  const iso = new Date(instant).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}
