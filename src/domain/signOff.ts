// Sign-off (justering), DESIGN.md: draft -> sent for approval (a content hash of the exact version
// sent) -> approved by every named approver, or returned with a comment. Any edit after sending
// voids the round, visibly.
//
// What is approved is the document the template renders (render.ts MinutesDocument), not the
// stored minutes: the chair approves what she reads. Its version is a hash of its canonical JSON
// (keys sorted), computed by the caller (Web Crypto lives outside the domain).
//
// An answer is a small file the approver creates in the meeting's folder. Nothing written inside a
// file is trusted about who wrote it: only Graph's own createdBy (set by the server from the token),
// compared with the approver's directory id, and the version the file names. Files that fail a rule
// are not counted and are flagged, each with its reason, so the secretary sees them.

import type { PersonRef } from './minutes';

/** The answer files' own kind and shape version: a file of any other kind is not an answer. */
export const ANSWER_KIND = 'justera-answer';
export const ANSWER_SCHEMA_VERSION = 1;

/** JSON with object keys sorted at every depth and no spacing: one text for one document. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** The directory (Entra) object id a person key names, when it names one ("id:<guid>"). */
export function directoryIdOf(person: Pick<PersonRef, 'key'>): string | undefined {
  return person.key.startsWith('id:') ? person.key.slice(3) : undefined;
}

export interface Approver extends PersonRef {
  /** "ordförande" (the chair) or "justerare". */
  role: 'chair' | 'adjuster';
}

/** One round: the version sent, to whom, when and by whom. A new round starts with each sending. */
export interface SignOffRound {
  /** Hash of the canonical document sent (hex). */
  version: string;
  sentAt: string;
  sentBy: PersonRef;
  approvers: Approver[];
  /**
   * Hash of the minutes' own content when sent (signOffState.ts signedContent): what voids the round
   * when it changes. The document (`version`) also holds what each viewer reads live from Microsoft 365
   * (the attendance from replies or the report), so comparing documents would void a round for one
   * viewer and not another. Absent in rounds recorded before it existed: then the document is compared.
   */
  content?: string;
}

/** What an answer file holds. */
export interface AnswerContent {
  kind: typeof ANSWER_KIND;
  schemaVersion: typeof ANSWER_SCHEMA_VERSION;
  /** The meeting's key (meetingFolder.ts meetingKey): an answer copied from another meeting counts for nothing. */
  meeting: string;
  version: string;
  decision: 'approved' | 'returned';
  /** Plain text from the approver; shown as text. */
  comment?: string;
  /** The section the comment is about: an agenda item's id, or a section kind ("followUp"). */
  section?: string;
}

/** An answer file as Graph lists it, with its content as read (undefined when it could not be read as JSON). */
export interface AnswerFile {
  name: string;
  createdBy?: { id?: string; displayName?: string };
  lastModifiedBy?: { id?: string; displayName?: string };
  createdDateTime: string;
  content: unknown;
}

export type FlagReason =
  /** Not JSON, or not an answer. */
  | 'unreadable'
  /** Graph names no user who created it (an app, or a file from elsewhere). */
  | 'no-author'
  /** Created by someone the round does not name as an approver. */
  | 'not-an-approver'
  /** Changed afterwards by someone other than its author. */
  | 'altered'
  /** Names another meeting. */
  | 'other-meeting'
  /** Names a version that was sent earlier, not this round's. */
  | 'earlier-version'
  /** Names a version that was never sent. */
  | 'unknown-version';

export interface Flag {
  file: string;
  reason: FlagReason;
  /** Who Graph says created the file, as Graph names them. */
  by?: string;
}

export interface ApproverAnswer {
  approver: Approver;
  decision: 'approved' | 'returned';
  /** When the answer file was created, by Graph's clock. */
  at: string;
  comment?: string;
  section?: string;
}

export type RoundState =
  /** Sent; some approvers have not answered. */
  | 'waiting'
  /** Every approver approved this version. */
  | 'approved'
  /** At least one approver sent it back. */
  | 'returned'
  /** The minutes changed after they were sent: this round counts for nothing, a new one is needed. */
  | 'void';

export interface RoundStatus {
  state: RoundState;
  /** Each approver's latest counted answer. */
  answers: ApproverAnswer[];
  waitingFor: Approver[];
  flagged: Flag[];
}

/** Whether a file's content is an answer of this kind and shape (what it says is still to be checked against Graph's createdBy). */
export function isAnswer(content: unknown): content is AnswerContent {
  if (content === null || typeof content !== 'object') return false;
  const c = content as Record<string, unknown>;
  return (
    c.kind === ANSWER_KIND &&
    c.schemaVersion === ANSWER_SCHEMA_VERSION &&
    typeof c.meeting === 'string' &&
    typeof c.version === 'string' &&
    (c.decision === 'approved' || c.decision === 'returned') &&
    (c.comment === undefined || typeof c.comment === 'string') &&
    (c.section === undefined || typeof c.section === 'string')
  );
}

/** Two directory ids name the same person (Graph's ids compare without case); a missing or empty id names no one. */
export const sameId = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/**
 * Where a round stands: its approvers' counted answers (the latest per approver), who is still to
 * answer, and every file that was not counted with the reason. `currentVersion` is the hash of
 * the document as the minutes render now; `earlierVersions` those of the rounds before.
 */
export function roundStatus(
  round: SignOffRound,
  meeting: string,
  currentVersion: string,
  files: readonly AnswerFile[],
  earlierVersions: readonly string[] = [],
): RoundStatus {
  const flagged: Flag[] = [];
  const latest = new Map<string, ApproverAnswer>();
  const ordered = [...files].sort((a, b) => Date.parse(a.createdDateTime) - Date.parse(b.createdDateTime));
  for (const file of ordered) {
    const author = file.createdBy?.id;
    const flag = (reason: FlagReason) => flagged.push({ file: file.name, reason, by: file.createdBy?.displayName });
    if (!isAnswer(file.content)) {
      flag('unreadable');
      continue;
    }
    if (!author) {
      flag('no-author');
      continue;
    }
    const approver = round.approvers.find((a) => sameId(directoryIdOf(a), author));
    if (!approver) {
      flag('not-an-approver');
      continue;
    }
    if (file.lastModifiedBy?.id !== undefined && !sameId(file.lastModifiedBy.id, author)) {
      flag('altered');
      continue;
    }
    const content = file.content;
    if (content.meeting !== meeting) {
      flag('other-meeting');
      continue;
    }
    if (content.version !== round.version) {
      flag(earlierVersions.includes(content.version) ? 'earlier-version' : 'unknown-version');
      continue;
    }
    latest.set(approver.key, {
      approver,
      decision: content.decision,
      at: file.createdDateTime,
      comment: content.comment?.trim() || undefined,
      section: content.section,
    });
  }
  const answers = round.approvers.flatMap((a) => latest.get(a.key) ?? []);
  const waitingFor = round.approvers.filter((a) => !latest.has(a.key));
  const state: RoundState =
    currentVersion !== round.version
      ? 'void'
      : answers.some((a) => a.decision === 'returned')
        ? 'returned'
        : waitingFor.length === 0 && round.approvers.length > 0
          ? 'approved'
          : 'waiting';
  return { state, answers, waitingFor, flagged };
}

/** Approvers who cannot answer by file: no directory id to compare Graph's createdBy with (a person outside the directory). */
export function approversWithoutAccount(approvers: readonly Approver[]): Approver[] {
  return approvers.filter((a) => directoryIdOf(a) === undefined);
}

/** The approvers of minutes: the chair, then the adjusters, each once. */
export function approversOf(chair: PersonRef | undefined, adjusters: readonly PersonRef[]): Approver[] {
  const out: Approver[] = [];
  if (chair) out.push({ ...chair, role: 'chair' });
  for (const a of adjusters) if (!out.some((o) => o.key === a.key)) out.push({ ...a, role: 'adjuster' });
  return out;
}

/** An answer's file content, for the approver's client to write (the file's author is what counts). */
export function answerContent(meeting: string, version: string, decision: AnswerContent['decision'], comment?: string, section?: string): AnswerContent {
  const text = comment?.trim();
  return { kind: ANSWER_KIND, schemaVersion: ANSWER_SCHEMA_VERSION, meeting, version, decision, ...(text ? { comment: text } : {}), ...(section ? { section } : {}) };
}
