// Channel messages (chatmessage-post, channel-list-messages): posting a message with an HTML body,
// files attached by reference and @mentions, and reading a channel's messages. What the message
// says, and making its HTML safe, is the caller's business; this module only knows Graph's wire
// format (PLATFORM.md, "Channel messages"):
// - a file is attached by reference once it is in SharePoint: the attachment id is the GUID inside
//   the driveItem's eTag, contentUrl its webUrl, and the body carries <attachment id="..."></attachment>;
// - a mention is <at id="N">text</at> in the body plus mentions[N] with the same text and the user;
// - a post holds about 28 KB (413 otherwise), and a channel takes 4 posts a second (429, which the
//   SDK waits out and resends).
// A POST is not idempotent: a 504 after Teams posted (resent by the SDK) or a lost answer can leave
// the message twice; finding an earlier post is the publish plan's business (listChannelMessages).

import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import type { DriveItemRef } from './files';
import type { GraphCall, GraphWrite, Page } from './graph';
import { list, obj, optStr, page, query, str } from './read';

/** A file in the team's SharePoint library, attached to a message by reference. */
export interface MessageFile {
  /** The GUID inside the driveItem's eTag (attachmentIdFromETag). */
  id: string;
  /** The file's webUrl. */
  url: string;
  name?: string;
}

export interface MessageMention {
  /** The N of <at id="N"> in the body. */
  id: number;
  /** The text between <at id="N"> and </at>, exactly. */
  text: string;
  userId: string;
  displayName?: string;
}

export interface OutgoingChannelMessage {
  /** HTML the caller built and sanitized, with <at id="N">text</at> for each mention. */
  html: string;
  subject?: string;
  mentions?: MessageMention[];
  /** Files attached by reference; their <attachment> tags are added to the body when it lacks them. */
  files?: MessageFile[];
}

export interface ChannelMessageRef {
  id: string;
  /** ISO instant. */
  created?: string;
  fromUserId?: string;
  fromName?: string;
  subject?: string;
  contentType: 'html' | 'text';
  content: string;
  webUrl?: string;
  attachments: { id: string; contentType: string; url?: string; name?: string }[];
  mentions: { id: number; text: string; userId?: string }[];
}

const enc = encodeURIComponent;

/**
 * The attachment id of a file in SharePoint: the GUID inside its driveItem eTag ("{GUID},N"), in lower
 * case as Teams writes it (chatmessage-post, "Send a message with file attachment in it").
 * Undefined when the eTag holds no GUID (not a SharePoint driveItem's).
 */
export function attachmentIdFromETag(eTag: string): string | undefined {
  return /\{([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\}/.exec(eTag)?.[1]?.toLowerCase();
}

/** A driveItem as a file to attach; undefined when its eTag names no file GUID (a folder, or not SharePoint's). */
export function messageFile(item: Pick<DriveItemRef, 'eTag' | 'webUrl' | 'name'>): MessageFile | undefined {
  const id = attachmentIdFromETag(item.eTag);
  return id === undefined ? undefined : { id, url: item.webUrl, name: item.name };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const hasAttachmentTag = (html: string, id: string) => new RegExp(`<attachment\\b[^>]*\\bid\\s*=\\s*["']\\{?${id}\\}?["']`, 'i').test(html);

/** POST /teams/{id}/channels/{id}/messages: 201 with the message as posted. */
export const postChannelMessage = (teamId: string, channelId: string, m: OutgoingChannelMessage): GraphWrite<ChannelMessageRef> => {
  const files = m.files ?? [];
  const tags = files
    .filter((f) => !hasAttachmentTag(m.html, f.id))
    .map((f) => `<attachment id="${escapeHtml(f.id)}"></attachment>`)
    .join('');
  const message: ChatMessage = {
    subject: m.subject,
    body: { contentType: 'html', content: m.html + tags },
    attachments: files.length ? files.map((f) => ({ id: f.id, contentType: 'reference', contentUrl: f.url, name: f.name })) : undefined,
    mentions: m.mentions?.length
      ? m.mentions.map((x) => ({ id: x.id, mentionText: x.text, mentioned: { user: { id: x.userId, displayName: x.displayName, userIdentityType: 'aadUser' } } }))
      : undefined,
  };
  return {
    method: 'POST',
    path: `/teams/${enc(teamId)}/channels/${enc(channelId)}/messages`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
    parse: (body) => channelMessage(body),
  };
};

/** A page of a channel's messages, newest first (Graph's $top is 1-50): run with graph.all() or read the first page. */
export const listChannelMessages = (teamId: string, channelId: string, top?: number): GraphCall<Page<ChannelMessageRef>> => ({
  path: `/teams/${enc(teamId)}/channels/${enc(channelId)}/messages${query({ $top: top })}`,
  parse: (body) => page(body, 'messages', (v, i) => channelMessage(v, `messages[${i}]`)),
});

function channelMessage(value: unknown, what = 'message'): ChannelMessageRef {
  const m = obj(value, what);
  const body = obj(m.body ?? {}, `${what}.body`);
  const from = m.from === undefined || m.from === null ? undefined : obj(m.from, `${what}.from`).user;
  const user = from === undefined || from === null ? undefined : obj(from, `${what}.from.user`);
  const attachments = m.attachments === undefined || m.attachments === null ? [] : list(m.attachments, `${what}.attachments`);
  const mentions = m.mentions === undefined || m.mentions === null ? [] : list(m.mentions, `${what}.mentions`);
  return {
    id: str(m.id, `${what}.id`),
    created: optStr(m.createdDateTime),
    fromUserId: optStr(user?.id),
    fromName: optStr(user?.displayName),
    subject: optStr(m.subject),
    contentType: optStr(body.contentType)?.toLowerCase() === 'html' ? 'html' : 'text',
    content: typeof body.content === 'string' ? body.content : '',
    webUrl: optStr(m.webUrl),
    attachments: attachments.map((a, i) => {
      const x = obj(a, `${what}.attachments[${i}]`);
      return { id: str(x.id, `${what}.attachments[${i}].id`), contentType: optStr(x.contentType) ?? '', url: optStr(x.contentUrl), name: optStr(x.name) };
    }),
    mentions: mentions.map((v, i) => {
      const x = obj(v, `${what}.mentions[${i}]`);
      const mentioned = x.mentioned === undefined || x.mentioned === null ? undefined : obj(x.mentioned, `${what}.mentions[${i}].mentioned`).user;
      const u = mentioned === undefined || mentioned === null ? undefined : obj(mentioned, `${what}.mentions[${i}].mentioned.user`);
      if (typeof x.id !== 'number') throw new Error(`${what}.mentions[${i}].id is not a number`);
      return { id: x.id, text: typeof x.mentionText === 'string' ? x.mentionText : '', userId: optStr(u?.id) };
    }),
  };
}
