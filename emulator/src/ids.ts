/**
 * Realistic-looking, deterministic identifiers: event ids per mailbox and per occurrence,
 * iCalUIds, online meeting ids, Teams thread ids and join URLs, GUIDs, eTags.
 */

import { createHash } from 'node:crypto';
import { parseDate } from './timezones';

const OCCURRENCE_MARK = 0x51;
/** Exchange item ids start with these bytes, then the mailbox GUID as text ("AAMkAGVm..."). */
const ITEM_HEADER = Buffer.from([0x00, 0x03, 0x24, 0x00]);

function sha(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function base64Url(buf: Buffer): string {
  return buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** A GUID derived from a seed (same seed, same GUID). */
export function guidFrom(seed: string): string {
  const h = sha(seed).toString('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An Outlook item id in a mailbox, e.g. for scenario authors: "AAMkAGQ5NjE4...AAA=". */
export function outlookIdFrom(seed: string, mailboxSeed: string = seed): string {
  const h1 = sha(`item|${seed}`);
  const h2 = sha(`item2|${seed}`);
  return base64Url(
    Buffer.concat([
      ITEM_HEADER,
      Buffer.from(guidFrom(`mbx|${mailboxSeed}`), 'ascii'),
      Buffer.from([0x00, 0x46, 0x00, 0x00, 0x00, 0x00, 0x00]),
      h1.subarray(0, 16),
      Buffer.from([0x07, 0x00]),
      h2.subarray(0, 16),
      Buffer.from([0x00, 0x00, 0x00, 0x00, 0x01, 0x0d, 0x00, 0x00]),
      h1.subarray(16, 32),
      Buffer.from([0x00, 0x00]),
      h2.subarray(16, 20),
      Buffer.from([0x00, 0x00]),
    ]),
  );
}

/** The id of an attendee's copy of an event (the organiser's copy keeps the scenario id). */
export function mailboxCopyId(eventId: string, userId: string): string {
  return outlookIdFrom(`copy|${eventId}|${userId}`, userId);
}

/** The mailbox GUID text inside an item id of this format (so a mailbox's ids share a prefix). */
function mailboxGuidOf(itemId: string): Buffer {
  const bytes = Buffer.from(itemId.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const guid = bytes.subarray(4, 40);
  if (bytes.subarray(0, 4).equals(ITEM_HEADER) && /^[0-9a-f-]{36}$/.test(guid.toString('ascii'))) return Buffer.from(guid);
  return Buffer.from(guidFrom(`mbx|${itemId}`), 'ascii');
}

function copyKey(copyId: string): Buffer {
  return sha(`key|${copyId}`).subarray(0, 16);
}

/** The id of one occurrence of a series, in the mailbox whose master copy has copyId. */
export function occurrenceId(copyId: string, date: string): string {
  const d = parseDate(date);
  if (!d) throw new Error(`bad occurrence date ${date}`);
  return base64Url(
    Buffer.concat([
      ITEM_HEADER,
      mailboxGuidOf(copyId),
      Buffer.from([0x00, OCCURRENCE_MARK]),
      copyKey(copyId),
      Buffer.from([d.y >> 8, d.y & 0xff, d.m, d.d]),
      sha(`occ|${copyId}|${date}`).subarray(0, 27),
    ]),
  );
}

/** Index of series copy ids by the key embedded in their occurrence ids. */
export class OccurrenceIdIndex {
  private readonly byKey = new Map<string, string>();

  add(copyId: string): void {
    this.byKey.set(copyKey(copyId).toString('hex'), copyId);
  }

  /** {copyId, date} when id is an occurrence id of a known series copy. */
  decode(id: string): { copyId: string; date: string } | undefined {
    if (!/^[A-Za-z0-9_=-]+$/.test(id)) return undefined;
    const bytes = Buffer.from(id.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length !== 89 || bytes[40] !== 0x00 || bytes[41] !== OCCURRENCE_MARK) return undefined;
    const copyId = this.byKey.get(bytes.subarray(42, 58).toString('hex'));
    if (!copyId) return undefined;
    const y = ((bytes[58] ?? 0) << 8) | (bytes[59] ?? 0);
    const date = `${String(y).padStart(4, '0')}-${String(bytes[60]).padStart(2, '0')}-${String(bytes[61]).padStart(2, '0')}`;
    return occurrenceId(copyId, date) === id ? { copyId, date } : undefined;
  }
}

/** iCalUId in Exchange's format; occurrences carry their date in bytes 17-20. */
export function iCalUIdFrom(seed: string): string {
  const h = sha(`ical|${seed}`).toString('hex').toUpperCase();
  return `040000008200E00074C5B7101A82E00800000000${h.slice(0, 16)}000000000000000010000000${h.slice(16, 48)}`;
}

export function occurrenceICalUId(masterICalUId: string, date: string): string {
  const d = parseDate(date);
  if (!d || masterICalUId.length < 40) return masterICalUId;
  const hex = (n: number, w: number): string => n.toString(16).toUpperCase().padStart(w, '0');
  return masterICalUId.slice(0, 32) + hex(d.y, 4) + hex(d.m, 2) + hex(d.d, 2) + masterICalUId.slice(40);
}

/** "19:meeting_<base64 of a GUID>@thread.v2" */
export function meetingThreadIdFrom(seed: string): string {
  return `19:meeting_${Buffer.from(guidFrom(`thread|${seed}`)).toString('base64').replace(/=+$/, '')}@thread.v2`;
}

/** Channel ids look like "19:<32 hex>@thread.tacv2". */
export function channelIdFrom(seed: string): string {
  return `19:${sha(`channel|${seed}`).toString('hex').slice(0, 32)}@thread.tacv2`;
}

/** Online meeting ids are base64 of "1*<organizer oid>*0**<thread id>". */
export function onlineMeetingIdFor(organizerId: string, threadId: string): string {
  return Buffer.from(`1*${organizerId}*0**${threadId}`).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

export function joinWebUrlFor(threadId: string, tenantId: string, organizerId: string): string {
  const thread = threadId.replace(/:/g, '%3a').replace(/@/g, '%40');
  return `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=%7b%22Tid%22%3a%22${tenantId}%22%2c%22Oid%22%3a%22${organizerId}%22%7d`;
}

export function joinMeetingIdFrom(seed: string): string {
  const n = sha(`join|${seed}`).readBigUInt64BE(0) % 10n ** 12n;
  return n.toString().padStart(12, '3');
}

export function etagFrom(seed: string): string {
  return `W/"${sha(`etag|${seed}`).subarray(0, 16).toString('base64')}"`;
}

export function changeKeyFrom(seed: string): string {
  return sha(`etag|${seed}`).subarray(0, 16).toString('base64');
}

/** encodeURIComponent that does not throw on a lone surrogate (scenario text may hold one): it becomes U+FFFD. */
export function uriComponent(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

/** Outlook's webLink for an item. */
export function webLinkFor(itemId: string): string {
  return `https://outlook.office365.com/owa/?itemid=${uriComponent(itemId)}&exvsurl=1&path=/calendar/item`;
}
