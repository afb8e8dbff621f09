// Use case "send for approval" (DESIGN.md "Sign-off"): the secretary sends the minutes, as the
// template renders them, to the chair and the adjusters they name. In order, each step waiting for
// the one before:
//   1. the minutes are saved (their folder must exist, and what is sent is what the channel has);
//   2. the exact version sent is stored beside them (signOffStore.saveVersion, written once: a retry
//      finds it there);
//   3. the round is recorded in the minutes, through MinutesSync like any edit, and saved;
//   4. one mail per approver (POST /me/sendMail, as the secretary): a summary, a link that opens the
//      version in a browser (the pane's page), a Teams link to the meeting, and the x-justera headers
//      that Justera's Outlook add-in reads.
// A failure part-way leaves `progress` saying what was done: sending again reuses the round and
// mails only those not yet mailed. Before sending, approverWarnings says who cannot write their
// answer into the group's folder (not a member of the team, or a guest).

import { JUSTERA_HEADERS } from './mailTag';
import type { MinutesDocument } from '../domain/render';
import type { PersonRef } from '../domain/minutes';
import { Problem } from '../domain/problems';
import { directoryIdOf, type Approver, type SignOffRound } from '../domain/signOff';
import { recordRound } from '../domain/signOffState';
import type { Graph } from '../graph/graph';
import { sendMail, type OutgoingMail } from '../graph/mail';
import { teamMembers } from '../graph/members';
import { escapeHtml, meetingDeepLink, meetingLinkId, JUSTERA_APP, type TeamsApp } from './askOrganiser';
import type { MinutesSync } from './minutesSync';
import { minutesIdOf, signOffStore, VERSION_KIND, VERSION_SCHEMA_VERSION, type MeetingFolderAddress } from './signOffStore';

export type ApproverWarning = { approver: Approver; reason: 'not-member' | 'guest' };

/**
 * Approvers who may not be able to write their answer into the group's folder: not a member of the
 * team that owns the channel (only members may write its files), or a guest account, whose rights
 * in the team's files the organisation may limit. One request (paged): the team's members.
 */
export async function approverWarnings(graph: Graph, teamId: string, approvers: readonly Approver[]): Promise<ApproverWarning[]> {
  const members = await graph.all(teamMembers(teamId));
  const byId = new Map(members.map((m) => [m.userId.toLowerCase(), m]));
  return approvers.flatMap((approver): ApproverWarning[] => {
    const id = directoryIdOf(approver)?.toLowerCase();
    if (!id) return [];
    const member = byId.get(id);
    if (!member) return [{ approver, reason: 'not-member' }];
    return member.roles.includes('guest') ? [{ approver, reason: 'guest' }] : [];
  });
}

/** The mail's words in the minutes' language, plain text (escaped here). */
export interface ApprovalMailWords {
  subject: string;
  greeting(name: string): string;
  /** "Ahmed Yilmaz ber dig justera protokollet. …" */
  request: string;
  openInBrowser: string;
  openInTeams: string;
  decisions: string;
  actions: string;
  version(short: string): string;
}

export interface ApprovalRequest {
  document: MinutesDocument;
  /** documentVersion(document): the hash of exactly this document. */
  version: string;
  /** contentVersion(minutes): the minutes' own content as sent, which voids the round when it changes. */
  content?: string;
  approvers: Approver[];
  /** The meeting: its key (meetingFolder.ts meetingKey, answers name it), and what the Teams link names. */
  meeting: { key: string; iCalUId?: string; start: string };
  sentBy: PersonRef;
  words: ApprovalMailWords;
}

/** What was done of a sending, kept by the caller between attempts. */
export interface SendProgress {
  round?: SignOffRound;
  /** Approvers (keys) already mailed for `round`. */
  mailed: string[];
}

export type SendStep = { step: 'saving' } | { step: 'version' } | { step: 'recording' } | { step: 'mailing'; done: number; of: number };

/** The link that opens a version in the pane's page in a browser (the Mac and phone path). */
export function browserLink(paneUrl: string, folder: MeetingFolderAddress, version: string): string {
  return `${paneUrl}?minutes=${encodeURIComponent(minutesIdOf(folder))}&version=${version}`;
}

/** One approver's mail: the summary of the document, the two links, and the tag. */
export function approvalMail(request: ApprovalRequest, approver: Approver, links: { browser?: string; teams: string }, folder: MeetingFolderAddress): OutgoingMail {
  if (!approver.email) throw new Problem('bad-data', `${approver.displayName} has no e-mail address`);
  const { document: doc, words } = request;
  const e = escapeHtml;
  const out: string[] = [`<p>${e(words.greeting(approver.displayName))}</p>`, `<p>${e(words.request)}</p>`];
  const link = (href: string, text: string) => `<p><a href="${e(href)}">${e(text)}</a></p>`;
  if (links.browser) out.push(link(links.browser, words.openInBrowser));
  out.push(link(links.teams, words.openInTeams));
  out.push(`<h1>${e(doc.title)}</h1>`);
  if (doc.subtitle) out.push(`<p>${e(doc.subtitle)}</p>`);
  const header = doc.header.filter((h) => h.id === 'date' || h.id === 'time' || h.id === 'place');
  if (header.length) out.push(`<p>${header.map((h) => `<strong>${e(h.label)}:</strong> ${e(h.value)}`).join('<br>')}</p>`);
  const actionList = (actions: readonly { text: string }[]) => `<ul>${actions.map((a) => `<li>${e(a.text)}</li>`).join('')}</ul>`;
  for (const s of doc.sections) {
    if (s.kind === 'agenda') {
      out.push(`<h2>${e(s.label)}</h2>`);
      for (const item of s.items) {
        out.push(`<h3>${e(item.heading)}</h3>`);
        if (item.decisions.length) out.push(`<p><strong>${e(item.decisionsLabel || words.decisions)}:</strong></p><ul>${item.decisions.map((d) => `<li>${e(d)}</li>`).join('')}</ul>`);
        if (item.actions.length) out.push(`<p><strong>${e(item.actionsLabel || words.actions)}:</strong></p>${actionList(item.actions)}`);
      }
    } else if (s.kind === 'actions') {
      out.push(`<h2>${e(s.label)}</h2>${actionList(s.actions)}`);
    }
  }
  out.push(`<p><small>${e(words.version(request.version.slice(0, 8)))}</small></p>`);
  return {
    to: [{ address: approver.email, name: approver.displayName }],
    subject: words.subject,
    html: `<html><body>\n${out.join('\n')}\n</body></html>`,
    headers: { [JUSTERA_HEADERS.minutes]: minutesIdOf(folder), [JUSTERA_HEADERS.version]: request.version },
    saveToSentItems: true,
  };
}

export interface SendDeps {
  graph: Graph;
  /** The open minutes: saved first, and the round recorded in them like any edit. */
  sync: Pick<MinutesSync, 'flush' | 'update' | 'minutes' | 'saveStatus'>;
  /** The meeting's folder, known once the minutes are saved. */
  meetingFolder(): Promise<MeetingFolderAddress | undefined>;
  now(): Date;
  /** The pane's page (config.json paneUrl), for the browser link; none: the mail has no such link. */
  paneUrl?: string;
  app?: TeamsApp;
}

/** Saves what is pending and fails with the reason when the channel did not get it. */
export async function saved(sync: Pick<MinutesSync, 'flush' | 'saveStatus'>): Promise<void> {
  await sync.flush();
  const status = sync.saveStatus;
  if (status.kind === 'offline' || status.kind === 'failed') throw status.problem;
  if (status.kind !== 'saved') throw new Problem('server', 'The minutes could not be saved before sending');
}

/** Sends the minutes for approval; see the module's comment for the steps. */
export async function sendForApproval(deps: SendDeps, request: ApprovalRequest, progress: SendProgress, onStep: (step: SendStep) => void = () => undefined): Promise<SignOffRound> {
  if (progress.round && progress.round.version !== request.version) {
    progress.round = undefined;
    progress.mailed = [];
  }
  onStep({ step: 'saving' });
  await saved(deps.sync);
  const folder = await deps.meetingFolder();
  if (!folder) throw new Problem('server', "The minutes' folder was not found after saving");

  const round: SignOffRound = progress.round ?? { version: request.version, sentAt: deps.now().toISOString(), sentBy: request.sentBy, approvers: request.approvers, ...(request.content ? { content: request.content } : {}) };
  onStep({ step: 'version' });
  await signOffStore(deps.graph, folder).saveVersion({
    kind: VERSION_KIND,
    schemaVersion: VERSION_SCHEMA_VERSION,
    meeting: request.meeting.key,
    version: request.version,
    document: request.document,
    minutes: deps.sync.minutes,
    sentAt: round.sentAt,
    sentBy: round.sentBy,
    approvers: round.approvers,
  });

  onStep({ step: 'recording' });
  deps.sync.update((m) => recordRound(m, round));
  await saved(deps.sync);
  progress.round = round;

  const links = {
    browser: deps.paneUrl ? browserLink(deps.paneUrl, folder, request.version) : undefined,
    teams: meetingDeepLink(request.meeting.iCalUId ? meetingLinkId({ iCalUId: request.meeting.iCalUId, start: request.meeting.start }) : undefined, deps.app ?? JUSTERA_APP),
  };
  const toMail = round.approvers.filter((a) => !progress.mailed.includes(a.key));
  let done = round.approvers.length - toMail.length;
  for (const approver of toMail) {
    onStep({ step: 'mailing', done, of: round.approvers.length });
    await deps.graph.send(sendMail(approvalMail(request, approver, links, folder)));
    progress.mailed.push(approver.key);
    done += 1;
  }
  onStep({ step: 'mailing', done, of: round.approvers.length });
  return round;
}
