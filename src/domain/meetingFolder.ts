// Where a meeting's minutes live in the group's channel folder: one folder per meeting under
// "Justera", named so a person browsing the channel's files finds it ("2026-12-04 Samordningsgrupp
// Nära vård") and Justera finds it again whoever opens it. Event ids differ per mailbox (the
// organiser's copy and the secretary's are different ids), so the folder carries a short key of the
// meeting's iCalUId, which is the same in every attendee's calendar and unique per occurrence; the
// subject may change later, the key does not.

export const ROOT_FOLDER = 'Justera';
export const MINUTES_FILE = 'minutes.json';
export const SETTINGS_FILE = 'justera-settings.json';

/** FNV-1a, 32 bits, base 36: a short, stable key; collisions within one group's meetings are negligible. */
export function meetingKey(iCalUId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < iCalUId.length; i += 1) {
    hash ^= iCalUId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

// SharePoint refuses these in names (" * : < > ? / \ |), leading or trailing dots and spaces, and
// control characters; bidi controls and zero-width characters would make names that look alike.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /["*:<>?/\\|#%\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** "2026-12-04 Samordningsgrupp Nära vård (1x2y3z4)": the date in the meeting's zone, the subject made safe. */
export function meetingFolderName(meeting: { start: string; timeZone: string; subject: string; iCalUId: string }): string {
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: meeting.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(meeting.start));
  const subject = meeting.subject.replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim().replace(/^\.+|\.+$/g, '').slice(0, 60).trim();
  return `${date}${subject ? ` ${subject}` : ''} (${meetingKey(meeting.iCalUId)})`;
}

/** Whether a folder in "Justera" is this meeting's, whatever its subject was when it was made. */
export function isMeetingFolder(name: string, iCalUId: string): boolean {
  return name.endsWith(`(${meetingKey(iCalUId)})`);
}
