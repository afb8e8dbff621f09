// Calendar events name their zone in Windows form ("W. Europe Standard Time"); Intl wants IANA.
// This is the subset of CLDR's windowsZones.xml (territory 001) that our users' calendars carry;
// an unknown zone falls back to the one the caller gives (the host's), never to a wrong one silently.

const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Calcutta',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

function isIana(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone for a Windows or IANA zone name, or `fallback` when it is unknown. */
export function toIanaZone(zone: string | undefined | null, fallback: string): string {
  if (!zone) return fallback;
  const mapped = WINDOWS_TO_IANA[zone];
  if (mapped) return mapped;
  return isIana(zone) ? zone : fallback;
}
