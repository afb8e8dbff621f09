// Mail sent as the signed-in user (user-sendmail: POST /me/sendMail, delegated Mail.Send). Graph
// answers 202 Accepted with no body: the message is queued, and a copy goes to Sent Items when
// saveToSentItems is true. Custom internetMessageHeaders must be named "x-..." and travel with the
// message to the recipient (PLATFORM.md, "Mail").

import type { Message } from '@microsoft/microsoft-graph-types';
import type { GraphWrite } from './graph';

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
