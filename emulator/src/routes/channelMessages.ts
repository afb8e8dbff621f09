/**
 * Channel messages: POST /teams/{id}/channels/{id}/messages (chatMessage-post), GET the list (newest
 * first, paged) and GET one. Only team members may read or post. A post is checked as Graph documents:
 * a file is attached by reference only when it is in the team's SharePoint library (the attachment id
 * is the GUID inside the driveItem's eTag, contentUrl its webUrl) and the body carries
 * `<attachment id="...">` with the same id; `<at id="N">` in the body and mentions[] name each other;
 * a post holds about 28 KB; a channel takes at most 4 posts a second (429 with Retry-After).
 */

import { DomUtils, parseDocument } from 'htmlparser2';
import { eTagOf } from '../drives';
import { badRequest, GraphError, throttled } from '../errors';
import { ODATA_JSON, ok, type GraphResult } from '../http';
import { uriComponent } from '../ids';
import { collectionBody, paginate } from '../odata';
import type { HandlerContext, Router } from '../router';
import type { Channel, ChannelMessageModel, ChatMessageAttachmentModel, ChatMessageMentionModel, State, Team } from '../state';
import { itemWebUrl } from './drives';

/**
 * "Approximately 28 KB per post" (Limits and specifications for Microsoft Teams); Graph answers a
 * larger one 413 Request Entity Too Large (microsoft-graph-docs#7218). Measured on the JSON request.
 */
export const MAX_MESSAGE_BYTES = 28 * 1024;
/** "4 requests per second per team or channel" for POST channel messages (Microsoft Graph throttling limits). */
export const POSTS_PER_SECOND = 4;
const WINDOW_MS = 1000;

// Teams' texts for these cases are not documented; the codes follow Graph's, the messages are the emulator's.
const forbidden = (): GraphError => new GraphError(403, 'Forbidden', 'Forbidden');
const tooLarge = (bytes: number): GraphError =>
  new GraphError(413, 'RequestEntityTooLarge', `Message size too large: ${bytes} bytes; a post holds at most ${MAX_MESSAGE_BYTES}.`);

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function teamForMember(ctx: HandlerContext): Team {
  const t = ctx.state.teams.find((x) => x.id.toLowerCase() === (ctx.params.teamId ?? '').toLowerCase());
  if (!t) throw new GraphError(404, 'NotFound', `No team found with Group Id ${ctx.params.teamId ?? ''}`);
  if (!t.memberIds.has(ctx.req.caller.id)) throw forbidden();
  return t;
}

function channelOf(ctx: HandlerContext, t: Team): Channel {
  const c = t.channels.find((x) => x.id.toLowerCase() === (ctx.params.channelId ?? '').toLowerCase());
  if (!c) throw new GraphError(404, 'NotFound', 'Channel not found');
  return c;
}

// ---- throttling: a sliding window per channel on the emulator's clock ----

const windows = new WeakMap<State, Map<string, number[]>>();

function throttle(ctx: HandlerContext, channelId: string): void {
  let byChannel = windows.get(ctx.state);
  if (!byChannel) windows.set(ctx.state, (byChannel = new Map()));
  const recent = (byChannel.get(channelId) ?? []).filter((t) => t > ctx.now - WINDOW_MS);
  if (recent.length >= POSTS_PER_SECOND) {
    byChannel.set(channelId, recent);
    const waitMs = (recent[0] as number) + WINDOW_MS - ctx.now;
    throw throttled(Math.max(1, Math.ceil(waitMs / 1000)));
  }
  recent.push(ctx.now);
  byChannel.set(channelId, recent);
}

// ---- reading the request ----

/** The ids in `<tag id="...">` (or id='...') in an HTML body, in order. */
function tagIds(html: string, tag: 'attachment' | 'at'): { id: string; inner: string }[] {
  const re = new RegExp(`<${tag}\\b[^>]*?\\bid\\s*=\\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'gi');
  const out: { id: string; inner: string }[] = [];
  for (const m of html.matchAll(re)) out.push({ id: m[1] ?? m[2] ?? '', inner: m[3] ?? '' });
  return out;
}

const optString = (v: unknown, what: string): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw badRequest(`${what} must be a string.`);
  return v;
};

/** The GUID inside a driveItem's eTag ("{GUID},3"), lower case, as Teams writes attachment ids. */
function guidOfETag(etag: string): string {
  return (/\{([0-9A-Fa-f-]{36})\}/.exec(etag)?.[1] ?? '').toLowerCase();
}

function sameUrl(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return decodeURI(a) === decodeURI(b);
  } catch {
    return false;
  }
}

function readAttachments(ctx: HandlerContext, team: Team, raw: unknown, bodyHtml: string): ChatMessageAttachmentModel[] {
  if (raw === undefined || raw === null) raw = [];
  if (!Array.isArray(raw)) throw badRequest('attachments must be an array.');
  const inBody = new Set(tagIds(bodyHtml, 'attachment').map((t) => t.id.toLowerCase()));
  const drive = ctx.state.drives.get(team.driveId);
  const attachments = raw.map((a: unknown, i): ChatMessageAttachmentModel => {
    if (!isRec(a)) throw badRequest(`attachments[${i}] must be an object.`);
    const id = optString(a.id, `attachments[${i}].id`);
    const contentType = optString(a.contentType, `attachments[${i}].contentType`);
    if (!id) throw badRequest(`attachments[${i}] has no id; the body's <attachment id="..."> must name it.`);
    if (!contentType) throw badRequest(`attachments[${i}] has no contentType.`);
    if (!inBody.has(id.toLowerCase())) throw badRequest(`Attachment with id '${id}' is not referenced in the message body: add <attachment id="${id}"></attachment>.`);
    const contentUrl = optString(a.contentUrl, `attachments[${i}].contentUrl`);
    if (contentType.toLowerCase() === 'reference') {
      // A file attachment: the file must already be in SharePoint, and its id is the GUID of the
      // driveItem's eTag (chatmessage-post, "Example 4: Send a message with file attachment in it").
      if (!contentUrl) throw badRequest(`attachments[${i}] of contentType reference needs contentUrl: the file's webUrl.`);
      const file = drive ? [...drive.items.values()].find((it) => !it.isFolder && sameUrl(itemWebUrl(drive, it), contentUrl)) : undefined;
      if (!drive || !file) throw badRequest(`attachments[${i}].contentUrl '${contentUrl}' is not a file in the team's SharePoint library.`);
      if (guidOfETag(eTagOf(file)) !== id.replace(/[{}]/g, '').toLowerCase()) {
        throw badRequest(`attachments[${i}].id '${id}' is not the id of the file at contentUrl: use the GUID inside its eTag.`);
      }
    }
    return {
      id,
      contentType,
      contentUrl,
      content: optString(a.content, `attachments[${i}].content`),
      name: optString(a.name, `attachments[${i}].name`),
      thumbnailUrl: optString(a.thumbnailUrl, `attachments[${i}].thumbnailUrl`),
    };
  });
  const ids = new Set(attachments.map((a) => a.id.toLowerCase()));
  for (const id of inBody) if (!ids.has(id)) throw badRequest(`The message body names <attachment id="${id}"> but attachments has no such id.`);
  return attachments;
}

/**
 * Whether mentionText is the text of an <at> tag whose inner HTML is `innerHtml`. Graph compares the
 * text the tag shows, entities decoded: a user named "<Alex>" is `<at id="0">&lt;Alex&gt;</at>` with
 * mentionText "<Alex>" (Microsoft Q&A 1022664, answered with a post Graph accepted).
 */
export function mentionTextMatches(mentionText: string, innerHtml: string): boolean {
  return DomUtils.textContent(parseDocument(innerHtml)) === mentionText;
}

/** The mentions of a posted message, checked against the body's <at> tags as Graph checks them (400 otherwise). */
export function readMentions(raw: unknown, bodyHtml: string): ChatMessageMentionModel[] {
  if (raw === undefined || raw === null) raw = [];
  if (!Array.isArray(raw)) throw badRequest('mentions must be an array.');
  const mentions = raw.map((m: unknown, i): ChatMessageMentionModel => {
    if (!isRec(m) || typeof m.id !== 'number' || !Number.isInteger(m.id)) throw badRequest(`mentions[${i}].id must be an integer.`);
    const user = isRec(m.mentioned) && isRec(m.mentioned.user) ? m.mentioned.user : undefined;
    if (typeof m.mentionText !== 'string') throw badRequest(`mentions[${i}].mentionText must be a string.`);
    if (!user || typeof user.id !== 'string' || user.id === '') throw badRequest(`mentions[${i}].mentioned.user.id is required.`);
    return { id: m.id, mentionText: m.mentionText, userId: user.id, displayName: typeof user.displayName === 'string' ? user.displayName : m.mentionText };
  });
  const tags = tagIds(bodyHtml, 'at');
  const byId = new Map(mentions.map((m) => [String(m.id), m]));
  if (byId.size !== mentions.length) throw badRequest('mentions has two entries with the same id.');
  for (const tag of tags) {
    const m = byId.get(tag.id);
    if (!m) throw badRequest(`The message body has <at id="${tag.id}"> but mentions has no entry with id ${tag.id}.`);
    if (!mentionTextMatches(m.mentionText, tag.inner)) throw badRequest(`mentions[id=${tag.id}].mentionText '${m.mentionText}' is not the text of <at id="${tag.id}"> in the body.`);
  }
  const tagged = new Set(tags.map((t) => t.id));
  for (const m of mentions) if (!tagged.has(String(m.id))) throw badRequest(`mentions has id ${m.id} but the message body has no <at id="${m.id}">.`);
  return mentions;
}

// ---- answers ----

function messageJson(state: State, m: ChannelMessageModel): Record<string, unknown> {
  const from = state.users.find((u) => u.id === m.fromUserId);
  // Teams writes message times with milliseconds ("2021-03-29T03:53:52.035Z"), unlike most of Graph.
  const created = new Date(m.createdDateTime).toISOString();
  return {
    id: m.id,
    replyToId: null,
    etag: m.id,
    messageType: 'message',
    createdDateTime: created,
    lastModifiedDateTime: created,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: m.subject,
    summary: null,
    chatId: null,
    importance: m.importance,
    locale: 'en-us',
    webUrl: `https://teams.microsoft.com/l/message/${uriComponent(m.channelId)}/${m.id}?groupId=${m.teamId}&tenantId=${state.tenant.id}&createdTime=${m.id}&parentMessageId=${m.id}`,
    policyViolation: null,
    eventDetail: null,
    from: { application: null, device: null, user: { id: m.fromUserId, displayName: from?.displayName ?? null, userIdentityType: 'aadUser' } },
    body: { contentType: m.body.contentType, content: m.body.content },
    channelIdentity: { teamId: m.teamId, channelId: m.channelId },
    attachments: m.attachments.map((a) => ({ ...a })),
    mentions: m.mentions.map((x) => ({
      id: x.id,
      mentionText: x.mentionText,
      mentioned: { application: null, device: null, conversation: null, user: { id: x.userId, displayName: x.displayName, userIdentityType: 'aadUser' } },
    })),
    reactions: [],
  };
}

const messagesContext = (ctx: HandlerContext, t: Team, c: Channel): string =>
  `${ctx.baseUrl}/$metadata#teams('${t.id}')/channels('${uriComponent(c.id)}')/messages`;

function postMessage(ctx: HandlerContext): GraphResult {
  const team = teamForMember(ctx);
  const channel = channelOf(ctx, team);
  throttle(ctx, channel.id);
  const size = Buffer.byteLength(JSON.stringify(ctx.req.body ?? null), 'utf8');
  if (size > MAX_MESSAGE_BYTES) throw tooLarge(size);
  const b = ctx.req.body;
  if (!isRec(b) || !isRec(b.body) || typeof b.body.content !== 'string') throw badRequest('The message needs body.content.');
  const kind = (optString(b.body.contentType, 'body.contentType') ?? 'text').toLowerCase();
  if (kind !== 'text' && kind !== 'html') throw badRequest(`body.contentType must be text or html, not '${kind}'.`);
  const content = b.body.content;
  const importance = optString(b.importance, 'importance') ?? 'normal';
  if (importance !== 'normal' && importance !== 'high' && importance !== 'urgent') throw badRequest(`importance must be normal, high or urgent.`);
  const attachments = readAttachments(ctx, team, b.attachments, content);
  const mentions = readMentions(b.mentions, content);
  const last = ctx.state.channelMessages[ctx.state.channelMessages.length - 1];
  // Ids are the creation time in ms; two posts in the same millisecond (a fixed test clock) still differ.
  const id = Math.max(ctx.now, last ? Number(last.id) + 1 : 0);
  const msg: ChannelMessageModel = {
    id: String(id),
    teamId: team.id,
    channelId: channel.id,
    fromUserId: ctx.req.caller.id,
    createdDateTime: id,
    subject: optString(b.subject, 'subject'),
    importance,
    body: { contentType: kind, content },
    attachments,
    mentions,
  };
  ctx.state.channelMessages.push(msg);
  return {
    status: 201,
    headers: { 'Content-Type': ODATA_JSON },
    body: { '@odata.context': `${messagesContext(ctx, team, channel)}/$entity`, ...messageJson(ctx.state, msg) },
  };
}

function listMessages(ctx: HandlerContext): GraphResult {
  const team = teamForMember(ctx);
  const channel = channelOf(ctx, team);
  const newestFirst = ctx.state.channelMessages.filter((m) => m.teamId === team.id && m.channelId === channel.id).reverse();
  // channel-list-messages: $top up to 50 a page (default 20), more through @odata.nextLink.
  const page = paginate(newestFirst, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 20, maxPageSize: 50, paging: 'skiptoken' });
  return ok(collectionBody(messagesContext(ctx, team, channel), page.items.map((m) => messageJson(ctx.state, m)), { nextLink: page.nextLink }));
}

function getMessage(ctx: HandlerContext): GraphResult {
  const team = teamForMember(ctx);
  const channel = channelOf(ctx, team);
  const msg = ctx.state.channelMessages.find((m) => m.teamId === team.id && m.channelId === channel.id && m.id === ctx.params.messageId);
  if (!msg) throw new GraphError(404, 'NotFound', 'Message not found.');
  return ok({ '@odata.context': `${messagesContext(ctx, team, channel)}/$entity`, ...messageJson(ctx.state, msg) });
}

export function registerChannelMessageRoutes(r: Router): void {
  r.add('POST', '/teams/{teamId}/channels/{channelId}/messages', postMessage);
  r.add('GET', '/teams/{teamId}/channels/{channelId}/messages', listMessages);
  r.add('GET', '/teams/{teamId}/channels/{channelId}/messages/{messageId}', getMessage);
}
