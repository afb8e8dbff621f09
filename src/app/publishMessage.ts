// TEMPORARY placeholder with the agreed interface; replaced by the real module (wt/msg) at merge.
import type { MessageMention } from '../graph/channelMessages';
import type { Minutes, PersonRef } from '../domain/minutes';
import type { MinutesDocument } from '../domain/render';

export interface PublishMessageInput {
  document: MinutesDocument;
  minutes: Minutes;
  version: string;
  documentUrl: string;
  mentionable(owner: PersonRef): string | undefined;
}
export interface PublishMessage {
  subject: string;
  html: string;
  mentions: MessageMention[];
  shortened: boolean;
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const publishMarker = (version: string) => `Justera · version ${version.slice(0, 12)}`;
export const carriesMarker = (content: string, version: string) => content.includes(publishMarker(version));
export function publishMessage(input: PublishMessageInput): PublishMessage {
  return { subject: input.document.title, html: `<h1>${esc(input.document.title)}</h1><p><a href="${esc(input.documentUrl)}">Word</a></p><p>${esc(publishMarker(input.version))}</p>`, mentions: [], shortened: false };
}
