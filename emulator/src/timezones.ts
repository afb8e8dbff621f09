/**
 * Time zone arithmetic with Intl (Node ships full ICU), and the Windows zone names
 * Outlook uses in originalStartTimeZone and accepts in Prefer: outlook.timezone.
 */

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

const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'FLE Standard Time': 'Europe/Helsinki',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

const IANA_TO_WINDOWS: Record<string, string> = {
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Oslo': 'W. Europe Standard Time',
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Vienna': 'W. Europe Standard Time',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Copenhagen': 'Romance Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/Budapest': 'Central Europe Standard Time',
  'Europe/Prague': 'Central Europe Standard Time',
  'Europe/Warsaw': 'Central European Standard Time',
  'Europe/London': 'GMT Standard Time',
  'Europe/Dublin': 'GMT Standard Time',
  'Europe/Helsinki': 'FLE Standard Time',
  'Europe/Tallinn': 'FLE Standard Time',
  'Europe/Riga': 'FLE Standard Time',
  'Europe/Vilnius': 'FLE Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
};

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
    validZones.set(tz, v);
  }
  return v;
}

/** An IANA zone for a Windows or IANA name, or undefined when neither. */
export function resolveZoneName(name: string): string | undefined {
  const win = WINDOWS_TO_IANA[name];
  if (win) return win;
  const lower = Object.keys(WINDOWS_TO_IANA).find((k) => k.toLowerCase() === name.toLowerCase());
  if (lower) return WINDOWS_TO_IANA[lower];
  return isValidIanaZone(name) ? name : undefined;
}

/** The name Outlook would show in originalStartTimeZone for an IANA zone. */
export function windowsZoneName(iana: string): string {
  return IANA_TO_WINDOWS[iana] ?? iana;
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
