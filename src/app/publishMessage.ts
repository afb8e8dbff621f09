// The channel message that publishing the approved minutes posts (issue 12): a readable summary of
// the approved version in the minutes' own language (the channel reads it, not the viewer): the
// meeting, who was there and who was not, the decisions per agenda item, the actions with owners
// (@mentioned when they can be) and due dates, who approved the minutes, a link to the full
// minutes and a marker naming the version, so a rerun of publish finds the post it already made.
//
// The HTML is built here from plain text (every value escaped) in the few elements Teams keeps
// (PLATFORM.md, "Channel messages"), then passes DOMPurify with exactly that allowlist plus the
// <at id="N"> tags of the mentions. The notes (untrusted HTML) are not in the summary.
//
// A post holds about 28 KB, measured on the JSON request Graph gets (the emulator measures the same):
// the size is taken on the very request the graph port builds (postChannelMessage), with room for
// the attachment it adds. When the whole summary does not fit, a shorter one is posted: the title,
// when and where, how many were there, the decisions item by item and the actions, each text
// clipped (harder in turn, so that long minutes keep their actions), whole blocks dropped from the
// end until it fits, and a line that links the full minutes.
// Blocks are whole elements assembled into balanced HTML, and a mention is numbered only when its
// block is kept, so the tags and mentions[] always name each other with ids 0..n-1.

import DOMPurify, { type DOMPurify as Purifier, type WindowLike } from 'dompurify';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Action, Minutes, PersonRef } from '../domain/minutes';
import type { DocumentAction, DocumentItem, HeaderField, MinutesDocument } from '../domain/render';
import type { Language } from '../domain/templates';
import { postChannelMessage, type MessageMention } from '../graph/channelMessages';

export interface PublishMessageInput {
  /** The approved version's rendered document (from the stored version snapshot, never live minutes). */
  document: MinutesDocument;
  /** The approved version's minutes (snapshot.minutes): owners of actions as PersonRef, for mentions. */
  minutes: Minutes;
  /** The approved version (64 hex): the message carries a marker with it, so a rerun finds the post. */
  version: string;
  /** webUrl of the .docx of the approved version: "the full minutes" link. */
  documentUrl: string;
  /** The user id to @mention for an action's owner, or undefined when they cannot be mentioned (guest, not a member, not in the directory). */
  mentionable(owner: PersonRef): string | undefined;
}

export interface PublishMessage {
  /** "Protokoll: Samordningsgrupp Nära vård 2026-11-12", from the document's title. */
  subject: string;
  /** Sanitized; <at id="N">…</at> for mentions; no <attachment> tag (the graph port adds it). */
  html: string;
  /** Ids 0..n-1 matching the <at> tags, one per distinct owner mentioned. */
  mentions: MessageMention[];
  /** True when the full summary did not fit and a shorter one (linking the full minutes) was posted. */
  shortened: boolean;
}

/** "Approximately 28 KB per post" (Limits and specifications for Microsoft Teams); Graph answers a larger one 413. */
export const MESSAGE_LIMIT_BYTES = 28 * 1024;

/** The marker text the message carries (visible, short, survives Teams' HTML stripping): "Justera · version 1a2b3c4d5e6f". */
export function publishMarker(version: string): string {
  return `Justera · version ${version.trim().slice(0, 12).toLowerCase()}`;
}

/** Whether a channel message's content (HTML as Graph returns it) carries the marker of this version. */
export function carriesMarker(content: string, version: string): boolean {
  const text = DomUtils.textContent(parseDocument(content)).replace(/\s+/g, ' ');
  return text.includes(publishMarker(version));
}

// ---- words ----

/** What the document does not say itself, in the minutes' language (posted to the channel, not shown to the viewer). */
const WORDS: Record<Language, { decisions: string; actions: string; due: string; present: string; absent: string; fullMinutes: string; shortened: string }> = {
  sv: {
    decisions: 'Beslut',
    actions: 'Uppdrag',
    due: 'senast',
    present: 'närvarande',
    absent: 'frånvarande',
    fullMinutes: 'Hela protokollet (Word)',
    shortened: 'Sammanfattningen är förkortad – läs hela protokollet',
  },
  en: {
    decisions: 'Decisions',
    actions: 'Actions',
    due: 'due',
    present: 'present',
    absent: 'absent',
    fullMinutes: 'Full minutes (Word)',
    shortened: 'The summary is shortened – read the full minutes',
  },
};

// ---- text and HTML ----

/**
 * Text as one line the way the HTML parser will read it back: no control characters (the parser
 * drops or replaces some), no lone surrogates, runs of white space as one space. A mention's text is
 * compared with what its tag shows, so the name must survive the round trip unchanged.
 */
function line(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** At most `max` characters (code points), with an ellipsis when cut. */
function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
/** Outside text as HTML text. */
const t = (s: string) => escapeText(line(s));

// ---- blocks ----

/** Writes an owner's name: an <at> tag the first time a mentionable owner is named, else plain text. */
type Mention = (owner: PersonRef | undefined, name: string) => string;

/**
 * One whole element of the message. `item`s are list items: consecutive ones are wrapped in one
 * <ul> when the message is assembled. A `heading` heads what follows it and is dropped with it.
 */
interface Block {
  kind: 'heading' | 'block' | 'item';
  html: (mention: Mention) => string;
}

const heading = (html: string): Block => ({ kind: 'heading', html: () => html });
const block = (html: string): Block => ({ kind: 'block', html: () => html });
const item = (html: (mention: Mention) => string): Block => ({ kind: 'item', html });

/** Clip lengths of the shortened summary, in characters; Infinity in the full one. */
interface Limits {
  title: number;
  field: number;
  itemHeading: number;
  decision: number;
  action: number;
  name: number;
  approvedBy: number;
}

const FULL: Limits = { title: Infinity, field: Infinity, itemHeading: Infinity, decision: Infinity, action: Infinity, name: Infinity, approvedBy: Infinity };
/** The shortened summary's clips, tried in turn: the first with which every block fits, else the last with blocks dropped. */
const SHORT: readonly Limits[] = [
  { title: 200, field: 200, itemHeading: 150, decision: 300, action: 200, name: 80, approvedBy: 400 },
  { title: 150, field: 120, itemHeading: 80, decision: 120, action: 120, name: 60, approvedBy: 200 },
  { title: 120, field: 80, itemHeading: 50, decision: 60, action: 80, name: 40, approvedBy: 120 },
];

const text = (s: string, max: number) => escapeText(clip(line(s), max));
const labelled = (label: string, value: string) => `<p><b>${t(label)}:</b> ${value}</p>`;

function titleBlock(doc: MinutesDocument, limits: Limits): Block {
  return block(`<h2>${text([doc.title, doc.subtitle].filter(Boolean).join(': '), limits.title)}</h2>`);
}

/** The subject: the title, the group under it in formal minutes, and the date when the title lacks it. */
function subjectOf(doc: MinutesDocument): string {
  const date = doc.header.find((f) => f.id === 'date')?.value;
  const title = line(doc.subtitle ? `${doc.title}: ${doc.subtitle}` : doc.title);
  return clip(date && !title.includes(line(date)) ? `${title} ${line(date)}` : title, 150);
}

/** The people in a header list ("Anna Berg (ordförande, Region), Olof Ek"): commas inside parentheses do not count. */
function countPeople(value: string): number {
  if (line(value) === '–' || !line(value)) return 0;
  let depth = 0;
  let count = 1;
  for (const ch of value) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) count++;
  }
  return count;
}

function countsBlock(doc: MinutesDocument, language: Language): Block[] {
  const field = (id: HeaderField['id']) => doc.header.find((f) => f.id === id);
  const present = [field('present'), field('guests')].filter((f): f is HeaderField => f !== undefined);
  const absent = field('absent');
  const words = WORDS[language];
  const parts = [
    present.length ? `${present.reduce((n, f) => n + countPeople(f.value), 0)} ${words.present}` : undefined,
    absent ? `${countPeople(absent.value)} ${words.absent}` : undefined,
  ].filter(Boolean);
  return parts.length ? [block(`<p>${t(parts.join(', '))}</p>`)] : [];
}

/**
 * Each action of the document with the owner the minutes name (the document has only their name):
 * the document lists the actions that have a text, in agenda order, per item in formal minutes and
 * in one section otherwise. An action whose text or owner differs is left without (plain text).
 */
function ownersOf(doc: MinutesDocument, minutes: Minutes): Map<DocumentAction, PersonRef> {
  const withText = new Map(minutes.agenda.map((i) => [i.id, i.actions.filter((a) => a.what.trim())]));
  const owners = new Map<DocumentAction, PersonRef>();
  const pair = (shown: readonly DocumentAction[], kept: readonly Action[]) =>
    shown.forEach((d, i) => {
      const a = kept[i];
      if (a?.owner && a.what === d.what && a.owner.displayName === d.owner) owners.set(d, a.owner);
    });
  for (const s of doc.sections) {
    if (s.kind === 'agenda') for (const it of s.items) pair(it.actions, withText.get(it.id) ?? []);
    if (s.kind === 'actions') pair(s.actions, [...withText.values()].flat());
  }
  return owners;
}

function actionBlock(a: DocumentAction, owner: PersonRef | undefined, from: DocumentItem | undefined, language: Language, limits: Limits): Block {
  return item((mention) => {
    const who = a.owner ? mention(owner, clip(line(a.owner), limits.name)) : undefined;
    const after = [who, a.due ? t(`${WORDS[language].due} ${a.due}`) : undefined].filter(Boolean).join(', ');
    const number = from?.number ? `${t(from.number)}: ` : '';
    return `<li>${number}${text(a.what, limits.action)}${after ? ` (${after})` : ''}</li>`;
  });
}

/** The summary's blocks in order: everything but the closing link and marker. */
function summaryBlocks(input: PublishMessageInput, limits: Limits): Block[] {
  const doc = input.document;
  const language: Language = doc.language === 'en' ? 'en' : 'sv';
  const short = limits !== FULL;
  const words = WORDS[language];
  const approvedBy = doc.sections.find((s) => s.kind === 'approvedBy');
  const shownFields = short ? ['date', 'time', 'place'] : undefined;
  const fields = doc.header
    .filter((f) => (shownFields ? shownFields.includes(f.id) : !(f.id === 'approval' && approvedBy)))
    .map((f) => block(labelled(f.label, text(f.value, limits.field))));

  const agenda = doc.sections.flatMap((s) => (s.kind === 'agenda' ? s.items : []));
  const decided = agenda.filter((i) => i.decisions.length);
  const decisions = decided.length
    ? [
        heading(`<h3>${t(words.decisions)}</h3>`),
        ...decided.flatMap((i) => [
          heading(`<p><b>${text([i.number, i.title].filter(Boolean).join(' '), limits.itemHeading)}</b></p>`),
          ...i.decisions.map((d) => item(() => `<li>${text(d, limits.decision)}</li>`)),
        ]),
      ]
    : [];

  const owners = ownersOf(doc, input.minutes);
  const actionList = [
    ...agenda.flatMap((i) => i.actions.map((a) => ({ a, from: i as DocumentItem | undefined, label: i.actionsLabel }))),
    ...doc.sections.flatMap((s) => (s.kind === 'actions' ? s.actions.map((a) => ({ a, from: undefined, label: s.label })) : [])),
  ];
  const actions = actionList.length
    ? [heading(`<h3>${t(actionList[0]!.label || words.actions)}</h3>`), ...actionList.map(({ a, from }) => actionBlock(a, owners.get(a), from, language, limits))]
    : [];

  const next = doc.sections.find((s) => s.kind === 'nextMeeting');
  const signers = approvedBy?.signers.map((s) => [s.name, s.role ? `(${s.role})` : undefined, s.approvedAt].filter(Boolean).join(' ')) ?? [];
  return [
    titleBlock(doc, limits),
    ...fields,
    ...(short ? countsBlock(doc, language) : []),
    ...decisions,
    ...actions,
    ...(next && !short ? [block(labelled(next.label, t(next.text)))] : []),
    ...(approvedBy && signers.length ? [block(labelled(approvedBy.label, text(signers.join(', '), limits.approvedBy)))] : []),
  ];
}

/** The closing lines, always kept: the link to the full minutes (with the note in a shortened one) and the marker. */
function closing(input: PublishMessageInput, short: boolean): string {
  const words = WORDS[input.document.language === 'en' ? 'en' : 'sv'];
  const link = `<a href="${escapeAttr(input.documentUrl)}">${t(words.fullMinutes)}</a>`;
  return `<p>${short ? `<b>${t(words.shortened)}:</b> ` : ''}${link}</p><p><em>${t(publishMarker(input.version))}</em></p>`;
}

/** The first `count` blocks as HTML, list items in lists, with the mentions their tags name (numbered in order). */
function assemble(blocks: readonly Block[], count: number, mentionable: (owner: PersonRef) => string | undefined): { html: string; mentions: MessageMention[] } {
  const mentions: MessageMention[] = [];
  const mentioned = new Set<string>();
  const mention: Mention = (owner, name) => {
    const userId = owner && name ? mentionable(owner) : undefined;
    if (!userId || mentioned.has(userId)) return escapeText(name);
    mentioned.add(userId);
    const id = mentions.length;
    mentions.push({ id, text: name, userId, displayName: name });
    return `<at id="${id}">${escapeText(name)}</at>`;
  };
  let html = '';
  let inList = false;
  for (const b of blocks.slice(0, count)) {
    if (b.kind === 'item' && !inList) html += '<ul>';
    if (b.kind !== 'item' && inList) html += '</ul>';
    inList = b.kind === 'item';
    html += b.html(mention);
  }
  return { html: inList ? `${html}</ul>` : html, mentions };
}

// ---- size ----

/** Room for the file the graph port attaches: its id (a GUID), its URL, and a name of up to 255 characters of 3 bytes. */
const ATTACHED_NAME = 'x'.repeat(255 * 3);

/** The size of the JSON request the graph port sends for this message, with its attachment, in UTF-8 bytes. */
function requestBytes(subject: string, html: string, mentions: MessageMention[], documentUrl: string): number {
  const request = postChannelMessage('team', 'channel', {
    subject,
    html,
    mentions,
    files: [{ id: '00000000-0000-0000-0000-000000000000', url: documentUrl, name: ATTACHED_NAME }],
  });
  return utf8Bytes(String(request.body));
}

/** UTF-8 length (a lone surrogate is written as U+FFFD, 3 bytes), without TextEncoder, which not every runtime has. */
function utf8Bytes(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes;
}

// ---- sanitizing ----

const ALLOWED_TAGS = ['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'b', 'strong', 'em', 'a', 'br', 'at'];
const SAFE_LINK = /^https?:/i;

let purifier: { window: object; instance: Purifier } | undefined;

/** DOMPurify over the page's window (or a test's jsdom window), with Teams' allowlist: href only on <a>, id only on <at> and numeric. */
function sanitizer(): Purifier {
  const win = (globalThis as { window?: WindowLike }).window;
  if (!win) throw new Error('The channel message is sanitized with DOMPurify, which needs a DOM window.');
  if (purifier?.window !== win) {
    const instance = DOMPurify(win);
    if (!instance.isSupported) throw new Error('DOMPurify cannot sanitize in this window.');
    instance.addHook('uponSanitizeAttribute', (node, data) => {
      const tag = node.nodeName.toLowerCase();
      if (data.attrName === 'id' && !(tag === 'at' && /^\d+$/.test(data.attrValue))) data.keepAttr = false;
      if (data.attrName === 'href' && tag !== 'a') data.keepAttr = false;
    });
    purifier = { window: win, instance };
  }
  return purifier.instance;
}

function sanitize(html: string): string {
  return sanitizer().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'id'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_LINK,
    RETURN_TRUSTED_TYPE: false,
  }) as string;
}

// ---- the message ----

/**
 * The message for the approved minutes: the whole summary when it fits in `limitBytes` (measured on
 * the JSON request with its attachment), else the shortened one. Throws only when not even the
 * title, link and marker fit.
 */
export function publishMessage(input: PublishMessageInput, limitBytes = MESSAGE_LIMIT_BYTES): PublishMessage {
  const subject = subjectOf(input.document);
  const owners = new Map<string, string | undefined>();
  const mentionable = (owner: PersonRef) => {
    if (!owners.has(owner.key)) owners.set(owner.key, input.mentionable(owner));
    return owners.get(owner.key);
  };
  const fits = (html: string, mentions: MessageMention[]) => requestBytes(subject, html, mentions, input.documentUrl) <= limitBytes;
  const build = (blocks: readonly Block[], count: number, short: boolean) => {
    const { html, mentions } = assemble(blocks, count, mentionable);
    return { html: html + closing(input, short), mentions };
  };

  const full = summaryBlocks(input, FULL);
  const whole = build(full, full.length, false);
  if (fits(whole.html, whole.mentions)) {
    const html = sanitize(whole.html);
    if (fits(html, whole.mentions)) return { subject, html, mentions: whole.mentions, shortened: false };
  }

  // Texts clipped harder in turn, so that many items keep their actions; with the last clips, whole blocks go from the end.
  const levels = SHORT.map((limits) => summaryBlocks(input, limits));
  const short = levels.find((blocks) => {
    const m = build(blocks, blocks.length, true);
    return fits(m.html, m.mentions);
  }) ?? levels[levels.length - 1]!;
  const sized = (count: number) => build(short, count, true);
  // The most blocks that fit: adding a block never makes the message smaller, so search by halves.
  let low = 0;
  let high = short.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const m = sized(mid);
    if (fits(m.html, m.mentions)) low = mid;
    else high = mid - 1;
  }
  // Sanitized HTML is what is posted: should it be larger than what was measured, drop another block.
  for (let count = low; count >= 0; count--) {
    let kept = count;
    while (kept > 0 && short[kept - 1]!.kind === 'heading') kept--;
    const m = sized(kept);
    const html = sanitize(m.html);
    if (fits(html, m.mentions)) return { subject, html, mentions: m.mentions, shortened: true };
  }
  throw new RangeError(`Not even the title and the link to the full minutes fit in a channel message of ${limitBytes} bytes.`);
}
