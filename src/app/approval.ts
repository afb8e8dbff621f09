// The approver's use case (DESIGN.md "Sign-off"): from the tag on an approval mail, or from a meeting
// in the calendar, open the exact version sent, check it, and say who I am in it, what changed since
// a version I saw, and who else has answered; then write my answer as a file I create.
//
// Round trips for a mail: the version file (readVersion: its metadata and content, both needed to
// check it), then /me, the sign-off folder's listing and the answer files at once (none needs the
// other), then an earlier version when there is one to compare with. For a meeting: its iCalUId and
// the mailbox's newest messages first, then the version files they name, newest first, until one is
// this meeting's.
//
// Refused, with the reason and nothing to approve: a mail from outside the organisation, a tag that is
// not of Justera's form, a version that is not stored, cannot be read, does not hash to itself or was
// changed after it was sent, and a mail whose sender is not the one who stored the version.

import type { TokenProvider } from '../auth/tokenProvider';
import type { PersonRef } from '../domain/minutes';
import { isMeetingFolder, meetingKey, ROOT_FOLDER } from '../domain/meetingFolder';
import { Problem } from '../domain/problems';
import { answerContent, directoryIdOf, isAnswer, roundStatus, sameId, type AnswerContent, type Approver, type RoundStatus, type SignOffRound } from '../domain/signOff';
import { versionChanges, type VersionChange } from '../domain/versionChanges';
import * as calendar from '../graph/calendar';
import * as files from '../graph/files';
import { createGraphClient } from '../graph/client';
import { Graph } from '../graph/graph';
import { recentMessagesWithHeaders } from '../graph/mail';
import * as users from '../graph/users';
import type { InternetHeaders } from '../host/outlookHeaders';
import { mailTag, type MailTag } from './mailTag';

export type { MailTag } from './mailTag';
import { addressOfMinutesId, isVersion, signOffStore, type MeetingFolderAddress, type SignOffStore, type VersionSnapshot } from './signOffStore';

/** Graph's list of headers as the map mailTag reads (names in lower case, every value kept). */
function headerMap(list: readonly { name: string; value: string }[]): InternetHeaders {
  const map = new Map<string, string[]>();
  for (const h of list) map.set(h.name.toLowerCase(), [...(map.get(h.name.toLowerCase()) ?? []), h.value]);
  return map;
}

export type RefusalReason =
  | 'outside'
  | 'malformed'
  | 'version-missing'
  | 'version-unreadable'
  | 'version-mismatch'
  | 'version-altered'
  | 'not-sender';

/** One of my own earlier answers in this meeting's folder. */
export interface MyAnswer {
  version: string;
  decision: AnswerContent['decision'];
  at: string;
  comment?: string;
}

/** A version sent before this one, that I saw: what changed since. */
export interface EarlierVersion {
  version: string;
  /** When I answered it, or else when it was sent to me. */
  seenAt: string;
  answered: boolean;
  changes: VersionChange[];
}

export interface Approval {
  /** The meeting's folder, where my answer goes. */
  address: MeetingFolderAddress;
  snapshot: VersionSnapshot;
  me: { directoryId: string; displayName: string };
  /** My place among the approvers; undefined when the version does not name me. */
  role?: Approver['role'];
  earlier?: EarlierVersion;
  myAnswers: MyAnswer[];
  /** The round as the version sent it: who answered, who has not. */
  status: RoundStatus;
}

export type ApprovalOutcome = { kind: 'approval'; approval: Approval } | { kind: 'refused'; reason: RefusalReason } | { kind: 'none' };

export interface ApprovalService {
  /** The version an approval mail names, checked; `from` is the mail's sender address. */
  fromMail(tag: MailTag, from: string | undefined): Promise<ApprovalOutcome>;
  /**
   * The version the approval mail's link names, opened in a browser (Outlook for Mac, a phone): no
   * mail to check the sender of, so as from the tab, the version file must be its sender's own.
   */
  fromLink(tag: Pick<MailTag, 'minutesId' | 'version'>): Promise<ApprovalOutcome>;
  /** The newest approval mail in my mailbox for the meeting (an Outlook event id); 'none' when there is none. */
  fromMeeting(eventId: string): Promise<ApprovalOutcome>;
  /**
   * The version a round of the minutes names, from the Teams tab: the meeting's folder is found in
   * the channel's folder by the meeting's key, and the version file must be the sender's own.
   */
  fromRound(channel: MeetingFolderAddress, iCalUId: string, version: string): Promise<ApprovalOutcome>;
  /** Writes my answer as a file I create; a folder I cannot write to is a 'forbidden' Problem with code 'answer-forbidden'. */
  answer(approval: Approval, decision: AnswerContent['decision'], comment?: string, section?: string): Promise<Approval>;
}

const sameAddress = (a: string | undefined, b: string | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
const BAD_VERSION_CODES: readonly string[] = ['version-missing', 'version-unreadable', 'version-mismatch', 'version-altered'];

const roundOf = (s: VersionSnapshot): SignOffRound => ({ version: s.version, sentAt: s.sentAt, sentBy: s.sentBy, approvers: s.approvers });

/** The version, or why it is refused (a missing meeting folder is a missing version). */
async function readChecked(store: SignOffStore, version: string): Promise<{ snapshot: VersionSnapshot; createdBy?: string } | { refused: RefusalReason }> {
  try {
    const { snapshot, item } = await store.readVersion(version);
    return { snapshot, createdBy: item.createdBy?.id };
  } catch (e) {
    if (e instanceof Problem && e.kind === 'bad-data' && e.code && BAD_VERSION_CODES.includes(e.code)) return { refused: e.code as RefusalReason };
    if (e instanceof Problem && e.kind === 'not-found') return { refused: 'version-missing' };
    throw e;
  }
}

/** The sender of the mail stored the version: the same person by address (the mail) and by directory id (Graph's createdBy). */
function sentByCreator(sentBy: PersonRef, createdBy: string | undefined, from: string | undefined): boolean {
  return sameId(directoryIdOf(sentBy), createdBy) && sameAddress(sentBy.email, from);
}

export function approvalService(deps: { graph: Graph; now: () => Date; random: () => string; timeZone: string }): ApprovalService {
  const { graph } = deps;

  async function describe(store: SignOffStore, snapshot: VersionSnapshot): Promise<Approval> {
    const [me, versions, answers] = await Promise.all([graph.get(users.me()), store.listVersions(), store.listAnswers()]);
    const myAnswers: MyAnswer[] = answers
      .flatMap((f) => (sameId(f.createdBy?.id, me.directoryId) && isAnswer(f.content) && f.content.meeting === snapshot.meeting ? [{ file: f, content: f.content }] : []))
      .map(({ file, content }) => ({ version: content.version, decision: content.decision, at: file.createdDateTime, comment: content.comment }))
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    const self = versions.find((v) => v.version === snapshot.version);
    const sentAt = (v: { item: { created?: string; lastModified: string } }) => Date.parse(v.item.created ?? v.item.lastModified);
    // Versions sent before this one, newest first: the one I answered last, else the round before.
    const before = versions.filter((v) => v.version !== snapshot.version && (!self || sentAt(v) <= sentAt(self))).sort((a, b) => sentAt(b) - sentAt(a));
    const seen = before.find((v) => myAnswers.some((a) => a.version === v.version)) ?? before[0];
    let earlier: EarlierVersion | undefined;
    if (seen) {
      const read = await readChecked(store, seen.version);
      if ('snapshot' in read && read.snapshot.meeting === snapshot.meeting) {
        const answer = myAnswers.find((a) => a.version === seen.version);
        earlier = { version: seen.version, seenAt: answer?.at ?? read.snapshot.sentAt, answered: !!answer, changes: versionChanges(read.snapshot.document, snapshot.document) };
      }
    }
    const role = snapshot.approvers.find((a) => sameId(directoryIdOf(a), me.directoryId))?.role;
    const earlierVersions = before.map((v) => v.version);
    return {
      address: store.address,
      snapshot,
      me: { directoryId: me.directoryId, displayName: me.displayName },
      role,
      earlier,
      myAnswers,
      status: roundStatus(roundOf(snapshot), snapshot.meeting, snapshot.version, answers, earlierVersions),
    };
  }

  /**
   * The checked version in a meeting's folder. From a mail (`mail`), its sender must be the version's
   * sender; from the tab there is no mail, and the version file must still be its sender's own
   * (Graph's createdBy). With `meeting`, undefined when the version is another meeting's.
   */
  async function approvalAt(store: SignOffStore, version: string, opts: { mail?: { from?: string }; meeting?: string }): Promise<ApprovalOutcome | undefined> {
    const read = await readChecked(store, version);
    if ('refused' in read) return { kind: 'refused', reason: read.refused };
    const { snapshot } = read;
    if (opts.meeting !== undefined && snapshot.meeting !== opts.meeting) return undefined;
    const from = opts.mail ? opts.mail.from : snapshot.sentBy.email;
    if (!sentByCreator(snapshot.sentBy, read.createdBy, from)) return { kind: 'refused', reason: 'not-sender' };
    return { kind: 'approval', approval: await describe(store, snapshot) };
  }

  /** The approval a mail's tag names; with `meeting`, undefined when the version is another meeting's. */
  async function open(tag: MailTag, from: string | undefined, meeting?: string): Promise<ApprovalOutcome | undefined> {
    if (tag.fromOutside) return { kind: 'refused', reason: 'outside' };
    const address = addressOfMinutesId(tag.minutesId);
    if (!address || !isVersion(tag.version)) return { kind: 'refused', reason: 'malformed' };
    return approvalAt(signOffStore(graph, address), tag.version, { mail: { from }, meeting });
  }

  return {
    async fromMail(tag, from) {
      return (await open(tag, from))!;
    },
    async fromLink(tag) {
      const address = addressOfMinutesId(tag.minutesId);
      if (!address || !isVersion(tag.version)) return { kind: 'refused', reason: 'malformed' };
      return (await approvalAt(signOffStore(graph, address), tag.version, {}))!;
    },
    async fromMeeting(eventId) {
      const [event, messages] = await Promise.all([graph.get(calendar.event(eventId, deps.timeZone)), graph.get(recentMessagesWithHeaders())]);
      if (!event.iCalUId) return { kind: 'none' };
      const key = meetingKey(event.iCalUId);
      const tagged = messages.items
        .flatMap((m) => {
          const tag = mailTag(headerMap(m.headers));
          return tag ? [{ tag, from: m.from, received: Date.parse(m.received ?? '') || 0 }] : [];
        })
        .sort((a, b) => b.received - a.received);
      for (const m of tagged) {
        // Only a checked version of this meeting from its sender counts: a mail of another meeting, a
        // forged one, or one whose version cannot be read or checked says nothing about this meeting.
        const outcome = await open(m.tag, m.from, key).catch(() => undefined);
        if (outcome?.kind === 'approval') return outcome;
      }
      return { kind: 'none' };
    },
    async fromRound(channel, iCalUId, version) {
      const root = await graph.get(files.itemByPath(channel.driveId, channel.folderId, ROOT_FOLDER));
      const folder = root && (await graph.all(files.children(channel.driveId, root.id))).find((f) => f.isFolder && isMeetingFolder(f.name, iCalUId));
      if (!folder) return { kind: 'refused', reason: 'version-missing' };
      return (await approvalAt(signOffStore(graph, { driveId: channel.driveId, folderId: folder.id }), version, {}))!;
    },
    async answer(approval, decision, comment, section) {
      const { snapshot } = approval;
      const store = signOffStore(graph, approval.address);
      try {
        await store.writeAnswer(answerContent(snapshot.meeting, snapshot.version, decision, comment, section), deps.now(), deps.random());
      } catch (e) {
        if (e instanceof Problem && e.kind === 'forbidden') throw new Problem('forbidden', 'The approver cannot write in the group\'s folder', { status: e.status, code: 'answer-forbidden', cause: e });
        throw e;
      }
      return describe(store, snapshot);
    },
  };
}

/** The random part of an answer file's name (signOffStore answerFileName). */
export const answerRandom = () => crypto.randomUUID().replace(/-/g, '').slice(0, 8);

/** Builds the service over Graph with the given tokens (the pane, the browser page and the tab choose them). */
export function createApprovalService(graphBaseUrl: string, tokens: TokenProvider, now: () => Date = () => new Date()): ApprovalService {
  const { client, version } = createGraphClient({ endpoint: { baseUrl: graphBaseUrl }, tokens });
  return approvalService({
    graph: new Graph(client, version),
    now,
    random: answerRandom,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
}
