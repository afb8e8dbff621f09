// A mailbox item as Outlook on the web hands it to an add-in, made from what Graph says about it: the
// GetInitialData answer (message or appointment in read mode), the body in text or HTML (body.getAsync),
// and the message's internet headers as one RFC 5322 block (getAllInternetHeadersAsync). Field names
// are those outlook-web-16.01.debug.js reads (getInitialDataProp, createEmailAddressDetails). No DOM.

import { toUtcIso } from '../teams-host/scenario';
import { HostCoercionType, ItemType } from './protocol';

/** The Graph message fields the simulator reads (GET /me/messages/{id} with $select). */
export interface GraphMessage {
  id: string;
  subject?: string;
  from?: GraphRecipient;
  sender?: GraphRecipient;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  sentDateTime?: string;
  receivedDateTime?: string;
  body?: { contentType?: string; content?: string };
  internetMessageHeaders?: { name: string; value: string }[];
}

export interface GraphRecipient {
  emailAddress?: { name?: string; address?: string };
}

/** The Graph event fields the simulator reads (GET /me/events/{id}, times in UTC). */
export interface GraphEvent {
  id: string;
  subject?: string;
  start?: { dateTime?: string; timeZone?: string };
  end?: { dateTime?: string; timeZone?: string };
  location?: { displayName?: string };
  organizer?: GraphRecipient;
  attendees?: (GraphRecipient & { type?: string; status?: { response?: string } })[];
  body?: { contentType?: string; content?: string };
  createdDateTime?: string;
  lastModifiedDateTime?: string;
}

/** Who the mailbox belongs to (GetInitialData's user fields). */
export interface MailboxUser {
  displayName: string;
  emailAddress: string;
  timeZone: string;
}

/** What the simulator holds for the open item. */
export interface SimItem {
  initialData: Record<string, unknown>;
  body: { contentType: 'text' | 'html'; content: string };
  /** The internet headers block (messages only). */
  headers?: string;
}

/** Outlook's appointmentResponse numbers (responseTypeMap: None, Organizer, Tentative, Accepted, Declined). */
const RESPONSE: Readonly<Record<string, number>> = { none: 0, notResponded: 0, organizer: 1, tentativelyAccepted: 2, accepted: 3, declined: 4 };
/** Outlook's recipientType for a user of the organisation. */
const RECIPIENT_USER = 2;

function address(r: GraphRecipient | undefined): { address: string; name: string } | undefined {
  const a = r?.emailAddress?.address;
  return a ? { address: a, name: r?.emailAddress?.name || a } : undefined;
}

function addresses(list: GraphRecipient[] | undefined): { address: string; name: string; recipientType: number }[] {
  return (list ?? []).flatMap((r) => {
    const a = address(r);
    return a ? [{ ...a, recipientType: RECIPIENT_USER }] : [];
  });
}

const millis = (iso: string | undefined): number | undefined => {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
};

function common(user: MailboxUser, restUrl: string): Record<string, unknown> {
  return {
    // 1 = ReadItem: what Justera's manifest asks for; office.js refuses body and headers below it.
    permissionLevel: 1,
    userDisplayName: user.displayName,
    userEmailAddress: user.emailAddress,
    userTimeZone: user.timeZone,
    userProfileType: 'office365',
    hostVersion: '16.01',
    owaView: 'ThreeColumn',
    ewsUrl: '',
    restUrl,
    isRestIdSupported: true,
    attachments: [],
    entities: {},
  };
}

function bodyOf(b: { contentType?: string; content?: string } | undefined): SimItem['body'] {
  return { contentType: b?.contentType?.toLowerCase() === 'html' ? 'html' : 'text', content: b?.content ?? '' };
}

export function messageItem(m: GraphMessage, user: MailboxUser, restUrl: string): SimItem {
  const from = address(m.from);
  const sent = millis(m.sentDateTime);
  return {
    initialData: {
      ...common(user, restUrl),
      itemType: ItemType.message,
      itemClass: 'IPM.Note',
      id: m.id,
      subject: m.subject ?? '',
      normalizedSubject: m.subject ?? '',
      from,
      sender: address(m.sender) ?? from,
      to: addresses(m.toRecipients),
      cc: addresses(m.ccRecipients),
      internetMessageId: `<${m.id}@graph-emulator>`,
      dateTimeCreated: sent,
      dateTimeModified: sent,
      dateTimeSent: sent,
      conversationId: m.id,
      isRead: true,
    },
    body: bodyOf(m.body),
    headers: internetHeaders(m),
  };
}

export function appointmentItem(e: GraphEvent, user: MailboxUser, restUrl: string): SimItem {
  const organizer = address(e.organizer);
  const attendees = (type: string) =>
    (e.attendees ?? [])
      .filter((a) => (a.type ?? 'required') === type)
      .flatMap((a) => {
        const x = address(a);
        return x ? [{ ...x, recipientType: RECIPIENT_USER, appointmentResponse: RESPONSE[a.status?.response ?? 'none'] ?? 0 }] : [];
      });
  return {
    initialData: {
      ...common(user, restUrl),
      itemType: ItemType.appointment,
      itemClass: 'IPM.Appointment',
      id: e.id,
      subject: e.subject ?? '',
      normalizedSubject: e.subject ?? '',
      start: millis(toUtcIso(e.start)),
      end: millis(toUtcIso(e.end)),
      location: e.location?.displayName ?? '',
      organizer: organizer ? { ...organizer, appointmentResponse: RESPONSE.organizer } : undefined,
      to: attendees('required'),
      cc: attendees('optional'),
      dateTimeCreated: millis(e.createdDateTime),
      dateTimeModified: millis(e.lastModifiedDateTime),
    },
    body: bodyOf(e.body),
  };
}

/** An RFC 2047 encoded-word for a header value that is not plain ASCII, as mail servers write it. */
function encodeWord(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return `=?utf-8?B?${btoa(binary)}?=`;
}

const mailbox = (a: { address: string; name: string }): string => (a.name && a.name !== a.address ? `${encodeWord(a.name)} <${a.address}>` : a.address);

/** The message's headers as getAllInternetHeadersAsync gives them: one string, CRLF line ends, custom x- headers last. */
export function internetHeaders(m: GraphMessage): string {
  const from = address(m.from);
  const to = addresses(m.toRecipients);
  const cc = addresses(m.ccRecipients);
  const sent = millis(m.sentDateTime);
  const lines = [
    ...(from ? [`From: ${mailbox(from)}`] : []),
    ...(to.length ? [`To: ${to.map(mailbox).join(', ')}`] : []),
    ...(cc.length ? [`Cc: ${cc.map(mailbox).join(', ')}`] : []),
    `Subject: ${encodeWord(m.subject ?? '')}`,
    ...(sent !== undefined ? [`Date: ${new Date(sent).toUTCString().replace('GMT', '+0000')}`] : []),
    `Message-ID: <${m.id}@graph-emulator>`,
    'MIME-Version: 1.0',
    `Content-Type: ${bodyOf(m.body).contentType === 'html' ? 'text/html' : 'text/plain'}; charset="utf-8"`,
    ...(m.internetMessageHeaders ?? []).map((h) => `${h.name}: ${h.value}`),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** body.getAsync: the body converted as Outlook converts it (HTML to text drops the tags; text to HTML is escaped). */
export function bodyAs(body: SimItem['body'], coercionType: unknown): string | undefined {
  if (coercionType === HostCoercionType.html) {
    return body.contentType === 'html' ? body.content : `<html><body><div>${escapeHtml(body.content).replace(/\r?\n/g, '<br>')}</div></body></html>`;
  }
  if (coercionType === HostCoercionType.text) {
    return body.contentType === 'text'
      ? body.content
      : body.content
          .replace(/<(br|\/p|\/div)\b[^>]*>/gi, '\n')
          .replace(/<[^>]*>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&')
          .trim();
  }
  return undefined;
}
