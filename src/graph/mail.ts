// Mail sent as the signed-in user (user-sendmail: POST /me/sendMail, delegated Mail.Send). Graph
// answers 202 Accepted with no body: the message is queued, and a copy goes to Sent Items when
// saveToSentItems is true. Custom internetMessageHeaders must be named "x-..." and travel with the
// message to the recipient (PLATFORM.md, "Mail").

import type { Message } from '@microsoft/microsoft-graph-types';
import type { GraphCall, GraphWrite, Page } from './graph';
import { list, obj, optStr, page, query, str } from './read';

export interface MailRecipient {
  address: string;
  name?: string;
}

export interface OutgoingMail {
  to: MailRecipient[];
  subject: string;
  /** HTML the caller built with every outside value escaped. */
  html: string;
  /** Headers named "x-...", read by the recipient's add-in. */
  headers?: Record<string, string>;
  /** Keep a copy in the sender's Sent Items (Graph's default is true too). */
  saveToSentItems?: boolean;
}

/**
 * POST /me/sendMail. Note: the SDK's retry resends a POST after 429, 503 or 504; a 504 from a
 * gateway after Exchange accepted the message can therefore send it twice. For a short request to
 * a person that is the lesser harm than not sending it.
 */
export const sendMail = (mail: OutgoingMail): GraphWrite<void> => {
  const message: Message = {
    subject: mail.subject,
    body: { contentType: 'html', content: mail.html },
    toRecipients: mail.to.map((r) => ({ emailAddress: { address: r.address, name: r.name } })),
    internetMessageHeaders: mail.headers ? Object.entries(mail.headers).map(([name, value]) => ({ name, value })) : undefined,
  };
  return {
    method: 'POST',
    path: '/me/sendMail',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ message, saveToSentItems: mail.saveToSentItems ?? true }),
    parse: () => undefined,
  };
};

/** A received message with its internet headers, as the approval pane looks for Justera's tag among them. */
export interface TaggedMessage {
  id: string;
  subject: string;
  /** The sender's address, as the mailbox shows it. */
  from?: string;
  /** When it arrived (ISO); the newest tag wins. */
  received?: string;
  /** Every internet header, in the order Graph gives them. */
  headers: { name: string; value: string }[];
}

function toTaggedMessage(value: unknown, what: string): TaggedMessage {
  const m = obj(value, what);
  const from = m.from === undefined || m.from === null ? undefined : obj(m.from, `${what}.from`).emailAddress;
  const headers = m.internetMessageHeaders === undefined || m.internetMessageHeaders === null ? [] : list(m.internetMessageHeaders, `${what}.internetMessageHeaders`);
  return {
    id: str(m.id, `${what}.id`),
    subject: optStr(m.subject) ?? '',
    from: from === undefined || from === null ? undefined : optStr(obj(from, `${what}.from.emailAddress`).address),
    received: optStr(m.receivedDateTime),
    headers: headers.flatMap((h, i) => {
      const header = obj(h, `${what}.internetMessageHeaders[${i}]`);
      const name = optStr(header.name);
      return name ? [{ name, value: optStr(header.value) ?? '' }] : [];
    }),
  };
}

/**
 * The newest messages in the signed-in user's mailbox with their internet headers. Graph returns
 * internetMessageHeaders only when $select names them (message resource), and sorts by
 * receivedDateTime when asked.
 */
export const recentMessagesWithHeaders = (top = 50): GraphCall<Page<TaggedMessage>> => ({
  path: `/me/messages${query({ $select: 'id,subject,from,receivedDateTime,internetMessageHeaders', $top: top })}`,
  parse: (body) => page(body, 'messages', (v, i) => toTaggedMessage(v, `messages[${i}]`)),
});
