// Use case "ask the organiser for the attendance" (DESIGN.md, "Attendance"): only the organiser can
// read the report and see the replies, so the secretary sends them one short mail (as herself,
// POST /me/sendMail, a copy in her Sent Items) with a link that opens the meeting in Justera; when
// the organiser opens it, their Justera keeps the attendance in the minutes (domain/organiserCopy.ts).
// The words come from the page's translations in the minutes' language; this module builds the mail
// (every outside value escaped) and the link, and sends it.

import manifest from '../../manifest/manifest.json';
import type { Meeting } from '../domain/meeting';
import { meetingTargetText } from '../domain/meetingLink';
import { Problem } from '../domain/problems';
import type { Graph } from '../graph/graph';
import { sendMail, type OutgoingMail } from '../graph/mail';

/** Justera's Teams app and its personal tab ("Mina möten"), as the app package names them. */
export interface TeamsApp {
  appId: string;
  entityId: string;
}

/** From manifest/manifest.json, the one place the app's id is written (the bundle keeps only these fields). */
export const JUSTERA_APP: TeamsApp = {
  appId: manifest.id,
  entityId: manifest.staticTabs.find((tab) => tab.scopes.includes('personal'))?.entityId ?? 'my-meetings',
};

/**
 * A Teams deep link to Justera's personal tab, opened at one meeting (deep-link-application: the
 * tab reads `subEntityId` from its context, page.subPageId in teams-js v2).
 */
export function meetingDeepLink(subEntityId: string | undefined, app: TeamsApp = JUSTERA_APP): string {
  const tab = `https://teams.microsoft.com/l/entity/${encodeURIComponent(app.appId)}/${encodeURIComponent(app.entityId)}`;
  return subEntityId === undefined ? tab : `${tab}?context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`;
}

/**
 * What the link names: the meeting's iCalUId and start (domain/meetingLink.ts), found the same in
 * every calendar. An event id is one mailbox's copy and would not be found in the organiser's
 * calendar, so a meeting without an iCalUId gets a link to "My meetings" instead.
 */
export const meetingLinkId = (meeting: Pick<Meeting, 'iCalUId' | 'start'>): string | undefined =>
  meeting.iCalUId ? meetingTargetText({ iCalUId: meeting.iCalUId, start: meeting.start }) : undefined;

export interface OrganiserRequest {
  meeting: Pick<Meeting, 'iCalUId' | 'start' | 'organiser'>;
  /** The mail's words in the minutes' language: plain text, escaped here. */
  words: { subject: string; paragraphs: string[]; link: string };
}

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));

/** The mail to the organiser: who, the words, and the link that opens the meeting in Justera. */
export function organiserRequestMail(request: OrganiserRequest, app: TeamsApp = JUSTERA_APP): OutgoingMail {
  const organiser = request.meeting.organiser;
  if (!organiser.email) throw new Problem('bad-data', 'The meeting names no e-mail address for its organiser');
  const href = meetingDeepLink(meetingLinkId(request.meeting), app);
  const paragraphs = request.words.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return {
    to: [{ address: organiser.email, name: organiser.displayName }],
    subject: request.words.subject,
    html: `<html><body>\n${paragraphs}\n<p><a href="${escapeHtml(href)}">${escapeHtml(request.words.link)}</a></p>\n</body></html>`,
    saveToSentItems: true,
  };
}

/** Sends the request; resolves when Graph accepted it (202). */
export async function askOrganiser(graph: Graph, request: OrganiserRequest, app: TeamsApp = JUSTERA_APP): Promise<void> {
  await graph.send(sendMail(organiserRequestMail(request, app)));
}
