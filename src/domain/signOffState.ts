// Sign-off as the secretary's tab sees it (DESIGN.md "Sign-off"): the rounds kept in the minutes, what
// stops sending (no approvers, an approver the directory does not know or who has no address, both
// versions of a text not yet settled), recording a new round as an edit, and the approvals of an
// approved round as the rendered document prints them ("Justerat av"). Pure: signOff.ts counts the
// answers; this module decides what the tab does with them.

import { mergeRounds } from './merge';
import type { Minutes, PersonRef } from './minutes';
import { approversOf, approversWithoutAccount, type Approver, type RoundStatus, type SignOffRound } from './signOff';

/** The round sent last: the one that counts. */
export function currentRound(minutes: Pick<Minutes, 'signOff'>): SignOffRound | undefined {
  return minutes.signOff?.rounds.at(-1);
}

/**
 * The minutes as a round signs them, the same for every viewer: everything people wrote, less what
 * changes without anyone editing: the time of the last edit, the rounds themselves, the conflicts kept
 * for the secretary (settling one changes the text it is about), what publishing the approved version created (its record), and the organiser's copy of the
 * attendance, which the organiser's Justera writes by itself whenever it reads the report (like the
 * replies everyone reads live, it is Microsoft 365's, not an edit).
 */
export function signedContent(minutes: Minutes): Omit<Minutes, 'updatedAt' | 'signOff' | 'conflicts' | 'publication'> {
  const { updatedAt: _u, signOff: _s, conflicts: _c, publication: _p, attendance, ...rest } = minutes;
  return { ...rest, attendance: { marks: attendance.marks } };
}

/**
 * The version to count a round's answers against: the round's own while the minutes' content is as
 * it was sent (whoever looks, whatever they read live), else what the minutes render to now (which
 * voids the round). Rounds without a content hash compare the document.
 */
export function effectiveVersion(round: SignOffRound, content: string, document: string): string {
  if (round.content === undefined) return document;
  return content === round.content ? round.version : content;
}

/** The versions of the rounds before the current one: an answer naming one of them is flagged as late. */
export function earlierVersions(minutes: Pick<Minutes, 'signOff'>): string[] {
  const rounds = minutes.signOff?.rounds ?? [];
  const current = rounds.at(-1)?.version;
  return [...new Set(rounds.slice(0, -1).map((r) => r.version))].filter((v) => v !== current);
}

/** The edit that records a round (the same round twice is kept once). */
export function recordRound(minutes: Minutes, round: SignOffRound): Minutes {
  return { ...minutes, signOff: { rounds: mergeRounds(minutes.signOff?.rounds, [round]) ?? [] } };
}

/** The approvers the minutes name: the chair (looked up by the header's key among `people`), then the adjusters. */
export function approversIn(minutes: Pick<Minutes, 'header'>, people: readonly PersonRef[]): Approver[] {
  const chairKey = minutes.header.chairKey;
  const chair = chairKey ? people.find((p) => p.key === chairKey) : undefined;
  return approversOf(chair, minutes.header.adjusters);
}

export type SendRefusal =
  | { reason: 'no-approvers' }
  /** Not in the directory: Graph's createdBy of their answer could never be compared with them. */
  | { reason: 'no-account'; approvers: Approver[] }
  | { reason: 'no-email'; approvers: Approver[] }
  /** Both versions of some text are kept, unsettled: which one would the approvers approve? */
  | { reason: 'conflicts'; count: number };

/** Why these minutes cannot be sent to these approvers; empty when they can. */
export function sendRefusals(minutes: Pick<Minutes, 'conflicts'>, approvers: readonly Approver[]): SendRefusal[] {
  const out: SendRefusal[] = [];
  if (approvers.length === 0) out.push({ reason: 'no-approvers' });
  const noAccount = approversWithoutAccount(approvers);
  if (noAccount.length) out.push({ reason: 'no-account', approvers: noAccount });
  const noEmail = approvers.filter((a) => !a.email?.trim());
  if (noEmail.length) out.push({ reason: 'no-email', approvers: noEmail });
  if (minutes.conflicts.length) out.push({ reason: 'conflicts', count: minutes.conflicts.length });
  return out;
}

/** One approval as "Justerat av" prints it: who, in which role, and when (ISO, by Graph's clock). */
export interface Approval {
  name: string;
  role: Approver['role'];
  at: string;
}

/** The approvals of an approved round, in the round's order of approvers; none unless every one approved. */
export function approvalsOf(status: RoundStatus | undefined): Approval[] | undefined {
  if (status?.state !== 'approved') return undefined;
  return status.answers.map((a) => ({ name: a.approver.displayName, role: a.approver.role, at: a.at }));
}

/**
 * The comments of the current round's returns, by the section each names ('' for none). Kept while
 * the round is void too: the edits that answer a comment void the round, and the comment stays in
 * sight until the minutes are sent again. `shown` says which sections the page can show a comment beside.
 */
export function returnedComments(status: RoundStatus | undefined, shown: (section: string) => boolean = () => true): Map<string, { by: string; comment: string }[]> {
  const out = new Map<string, { by: string; comment: string }[]>();
  if (!status) return out;
  for (const a of status.answers) {
    if (a.decision !== 'returned') continue;
    // A section the page does not show (an item removed since) is listed with the comments on the whole.
    const section = a.section && shown(a.section) ? a.section : '';
    out.set(section, [...(out.get(section) ?? []), { by: a.approver.displayName, comment: a.comment ?? '' }]);
  }
  return out;
}
