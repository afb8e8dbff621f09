// Calendar events name their zone in Windows form ("W. Europe Standard Time"); Intl wants IANA.
// The mapping is Unicode CLDR's windowsZones data, through the windows-iana package, never a table
// of our own. A name we cannot use (a custom zone, garbage, or "constructor") degrades that one
// field to the host's zone, and says so: the caller gets `recognised: false` to show a note.

import { findIana } from 'windows-iana';

/** Whether Intl can format in this zone (it throws a RangeError for names it does not know). */
export function isUsableZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface ResolvedZone {
  /** An IANA zone Intl accepts. */
  zone: string;
  /** False when the event's zone could not be used and `zone` is the fallback. */
  recognised: boolean;
}

/** The IANA zone for a Windows or IANA zone name, or the fallback (flagged) when it is unknown. */
export function resolveZone(name: string | undefined | null, fallback: string): ResolvedZone {
  if (!name) return { zone: fallback, recognised: true };
  // CLDR lists the canonical IANA name first; some ICU builds lack an alias, so take the first Intl knows.
  const fromWindows = findIana(name).find(isUsableZone);
  if (fromWindows) return { zone: fromWindows, recognised: true };
  // An IANA name as it stands, but never one that only looks like one to a lookup ("constructor").
  if (name.includes('/') || name === 'UTC') {
    if (isUsableZone(name)) return { zone: name, recognised: true };
  }
  return { zone: isUsableZone(fallback) ? fallback : 'UTC', recognised: false };
}
