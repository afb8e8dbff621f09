/**
 * Mail: POST /me/sendMail (user-sendmail), the recipient's GET /me/messages (user-list-messages, 10
 * a page, newest first, $top and $skip) and GET /me/messages/{id} (message-get), both with $select.
 * As in Graph, a message's `internetMessageHeaders` are returned only when $select names them (the
 * message resource: "Returned only on applying a $select query option"), and the custom x- headers
 * given to sendMail travel to each recipient's copy. One id serves every recipient's copy here
 * (Graph gives each mailbox its own); a user reads only the messages delivered to them.
 * sendMail answers 202 Accepted with no body; without toRecipients (or with a recipient without an
 * address) it answers 400 ErrorInvalidRecipients, with a header not named "x-..." 400
 * InvalidInternetMessageHeader. A sent message lands in the inbox of each recipient who is a user of
 * the tenant (others are only listed); GET /_emulator/mail lists everything sent since the scenario
 * was loaded, for tests. Kept beside the state it belongs to, so loading a scenario empties it.
 *
 * Where a message came from is stamped as Exchange Online does: `X-MS-Exchange-Organization-AuthAs:
 * Internal` on mail a user of the tenant sent (sendMail), `Anonymous` on mail from outside, which
 * tests and scenarios put into a mailbox with POST /_emulator/mail/deliver (deliverFromOutside). Any
 * X-MS-Exchange-Organization-* header the sender wrote is dropped first, as Exchange drops them at
 * the organisation's edge, so a sender cannot claim to be internal.
 */

import { randomUUID } from 'node:crypto';
import { badRequest, GraphError, itemNotFound } from '../errors';
import { ok, type GraphResult } from '../http';
import { applySelect, collectionBody, contextUrl, paginate, parseSelect, type Resource } from '../odata';
import type { HandlerContext, Router } from '../router';
import { findUser, type State } from '../state';
import { formatUtc } from '../timezones';

interface Address {
  address: string;
  name: string;
}

export interface SentMail {
  id: string;
  /** The sender's user id; null for mail from outside the tenant. */
  fromId: string | null;
  from: Address;
  toRecipients: Address[];
  ccRecipients: Address[];
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  internetMessageHeaders: { name: string; value: string }[];
  saveToSentItems: boolean;
  sentDateTime: number;
  /** Users of the tenant whose inbox holds it. */
  deliveredTo: string[];
}

const mailboxes = new WeakMap<State, SentMail[]>();

function sentIn(state: State): SentMail[] {
  let list = mailboxes.get(state);
  if (!list) mailboxes.set(state, (list = []));
  return list;
}

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Graph's own text when no recipient is given (as Graph answers it; see msgraph-sdk-dotnet#1891). */
const noRecipients = (): GraphError =>
  new GraphError(400, 'ErrorInvalidRecipients', "At least one recipient is not valid., A message can't be sent because it contains no recipients.");

function recipients(value: unknown, what: string, required: boolean): Address[] {
  if (value === undefined || value === null) {
    if (required) throw noRecipients();
    return [];
  }
  if (!Array.isArray(value)) throw badRequest(`Property '${what}' is not a collection.`, 'ErrorInvalidRequest');
  if (required && value.length === 0) throw noRecipients();
  return value.map((r) => {
    const email = isRec(r) && isRec(r.emailAddress) ? r.emailAddress : undefined;
    const address = typeof email?.address === 'string' ? email.address.trim() : '';
    if (!address || !address.includes('@')) {
      throw new GraphError(400, 'ErrorInvalidRecipients', `At least one recipient isn't valid., Recipient "${address}" isn't resolved. All recipients must be resolved before a message can be submitted.`);
    }
    return { address, name: typeof email?.name === 'string' && email.name ? email.name : address };
  });
}

export const AUTH_AS_HEADER = 'X-MS-Exchange-Organization-AuthAs';
type Header = { name: string; value: string };

/** The sender's headers without Exchange's organisation headers, then Exchange's own stamp. */
function stamped(headers: Header[], authAs: 'Internal' | 'Anonymous'): Header[] {
  return [...headers.filter((h) => !/^x-ms-exchange-organization-/i.test(h.name)), { name: AUTH_AS_HEADER, value: authAs }];
}

/** The tenant's users among the recipients: whose inbox gets the message. */
function deliveredTo(state: State, addresses: Address[]): string[] {
  const delivered = new Set<string>();
  for (const r of addresses) {
    const user = findUser(state, r.address);
    if (user && !user.isRoom) delivered.add(user.id);
  }
  return [...delivered];
}

function customHeaders(value: unknown): Header[] {
  const headers = Array.isArray(value) ? value : [];
  return headers.map((h) => {
    const name = isRec(h) && typeof h.name === 'string' ? h.name : '';
    if (!/^x-/i.test(name)) throw badRequest(`The internet message header name '${name}' should start with 'x-' or 'X-'.`, 'InvalidInternetMessageHeader');
    return { name, value: isRec(h) && typeof h.value === 'string' ? h.value : '' };
  });
}

function messageBody(value: unknown): SentMail['body'] {
  const b = isRec(value) ? value : {};
  return { contentType: typeof b.contentType === 'string' && b.contentType.toLowerCase() === 'html' ? 'html' : 'text', content: typeof b.content === 'string' ? b.content : '' };
}

function sendMail(ctx: HandlerContext): GraphResult {
  const body = ctx.req.body;
  if (!isRec(body) || !isRec(body.message)) throw badRequest('Empty Payload. JSON content expected.', 'ErrorInvalidRequest');
  const m = body.message;
  const toRecipients = recipients(m.toRecipients, 'toRecipients', true);
  const ccRecipients = recipients(m.ccRecipients, 'ccRecipients', false);
  const caller = ctx.req.caller;
  sentIn(ctx.state).push({
    id: randomUUID(),
    fromId: caller.id,
    from: { address: caller.mail ?? caller.userPrincipalName, name: caller.displayName },
    toRecipients,
    ccRecipients,
    subject: typeof m.subject === 'string' ? m.subject : '',
    body: messageBody(m.body),
    internetMessageHeaders: stamped(customHeaders(m.internetMessageHeaders), 'Internal'),
    saveToSentItems: body.saveToSentItems !== false,
    sentDateTime: ctx.now,
    deliveredTo: deliveredTo(ctx.state, [...toRecipients, ...ccRecipients]),
  });
  return { status: 202, headers: {} };
}

/** The message properties this emulator knows ($select may name these; others answer 400 as Graph does for unknown ones). */
export const MESSAGE: Resource = {
  typeName: 'microsoft.graph.message',
  properties: [
    'id', 'createdDateTime', 'receivedDateTime', 'sentDateTime', 'subject', 'bodyPreview', 'isRead', 'body',
    'sender', 'from', 'toRecipients', 'ccRecipients', 'internetMessageHeaders',
  ],
  alwaysSelected: ['id'],
};

const recipientJson = (a: Address) => ({ emailAddress: { name: a.name, address: a.address } });

/** A message as GET /me/messages shows it (a subset of the message resource's properties). */
function messageJson(mail: SentMail): Record<string, unknown> {
  const text = mail.body.contentType === 'html' ? mail.body.content.replace(/<[^>]*>/g, ' ') : mail.body.content;
  return {
    id: mail.id,
    createdDateTime: formatUtc(mail.sentDateTime),
    receivedDateTime: formatUtc(mail.sentDateTime),
    sentDateTime: formatUtc(mail.sentDateTime),
    subject: mail.subject,
    bodyPreview: text.replace(/\s+/g, ' ').trim().slice(0, 255),
    isRead: false,
    body: mail.body,
    sender: recipientJson(mail.from),
    from: recipientJson(mail.from),
    toRecipients: mail.toRecipients.map(recipientJson),
    ccRecipients: mail.ccRecipients.map(recipientJson),
  };
}

/** The message with $select applied: internetMessageHeaders only when asked for by name. */
function selectedMessage(mail: SentMail, select: string[] | null): Record<string, unknown> {
  const full = select?.includes('internetMessageHeaders') ? { ...messageJson(mail), internetMessageHeaders: mail.internetMessageHeaders } : messageJson(mail);
  return applySelect(full, select, MESSAGE);
}

function inboxOf(ctx: HandlerContext): SentMail[] {
  const me = ctx.req.caller.id;
  return sentIn(ctx.state)
    .filter((m) => m.deliveredTo.includes(me))
    .sort((a, b) => b.sentDateTime - a.sentDateTime);
}

function listMessages(ctx: HandlerContext): GraphResult {
  const select = parseSelect(ctx.req, MESSAGE);
  const page = paginate(inboxOf(ctx), ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 10, maxPageSize: 1000, paging: 'skip' });
  const context = contextUrl(ctx.baseUrl, `users('${ctx.req.caller.id}')/messages`, select);
  return ok(collectionBody(context, page.items.map((m) => selectedMessage(m, select)), { nextLink: page.nextLink }));
}

function getMessage(ctx: HandlerContext): GraphResult {
  const select = parseSelect(ctx.req, MESSAGE);
  const mail = inboxOf(ctx).find((m) => m.id === ctx.params.messageId);
  // Graph answers another mailbox's message id, or a made-up one, with 404 ErrorItemNotFound.
  if (!mail) throw itemNotFound();
  return ok({ '@odata.context': contextUrl(ctx.baseUrl, `users('${ctx.req.caller.id}')/messages`, select, true), ...selectedMessage(mail, select) });
}

/**
 * POST /_emulator/mail/deliver: a message from outside the tenant lands in the inbox of each recipient
 * who is a user of the tenant, stamped Anonymous whatever its From says (a From naming a user of the
 * tenant is how a spoofed approval mail looks). Body: {"from": address or {address, name}, "to":
 * address or [addresses], "subject", "body": text or {contentType, content}, "headers": [{name, value}]}.
 * Throws a GraphError (400) for what sendMail would refuse too.
 */
export function deliverFromOutside(state: State, nowMs: number, input: unknown): { id: string; deliveredTo: string[] } {
  if (!isRec(input)) throw badRequest('Give {"from", "to", "subject", "body", "headers"}.', 'ErrorInvalidRequest');
  const asRecipient = (v: unknown) => (typeof v === 'string' ? { emailAddress: { address: v } } : isRec(v) && !isRec(v.emailAddress) ? { emailAddress: v } : v);
  const [from] = recipients([asRecipient(input.from)], 'from', true);
  const to = recipients((Array.isArray(input.to) ? input.to : [input.to]).filter((v) => v !== undefined).map(asRecipient), 'to', true);
  const mail: SentMail = {
    id: randomUUID(),
    fromId: null,
    from: from as Address,
    toRecipients: to,
    ccRecipients: [],
    subject: typeof input.subject === 'string' ? input.subject : '',
    body: typeof input.body === 'string' ? { contentType: 'text', content: input.body } : messageBody(input.body),
    internetMessageHeaders: stamped(customHeaders(input.headers), 'Anonymous'),
    saveToSentItems: false,
    sentDateTime: nowMs,
    deliveredTo: deliveredTo(state, to),
  };
  sentIn(state).push(mail);
  return { id: mail.id, deliveredTo: mail.deliveredTo };
}

/** Everything sent since the scenario was loaded, oldest first (GET /_emulator/mail). */
export function sentMail(state: State): Record<string, unknown>[] {
  return sentIn(state).map((m) => ({ ...messageJson(m), internetMessageHeaders: m.internetMessageHeaders, saveToSentItems: m.saveToSentItems, deliveredTo: m.deliveredTo }));
}

export function registerMailRoutes(r: Router): void {
  r.add('POST', '/me/sendMail', sendMail);
  r.add('GET', '/me/messages', listMessages);
  r.add('GET', '/me/messages/{messageId}', getMessage);
}
