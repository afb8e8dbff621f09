// Approved minutes ready to publish, on a fresh demo tenant in the Graph emulator, set up as the tab
// and the pane do it (written, sent for approval, approved by the chair and an adjuster), and what the
// tenant holds after publishing. Shared by the integration test of publishing and `npm run bench`.

import { JSDOM } from 'jsdom';
import { startEmulator, type RunningEmulator, type Scenario } from '../emulator/src/server';
import { approvalService } from '../src/app/approval';
import { documentVersion } from '../src/app/documentVersion';
import { listMyMeetings } from '../src/app/myMeetings';
import { openMinutes, type OpenedMinutes } from '../src/app/openMinutes';
import type { PublishRequest } from '../src/app/publish';
import { sendForApproval, type ApprovalMailWords } from '../src/app/sendForApproval';
import { minutesIdOf } from '../src/app/signOffStore';
import { emulatorTokenProvider } from '../src/auth/emulatorTokenProvider';
import { initialWindow } from '../src/domain/dateWindow';
import { meetingKey } from '../src/domain/meetingFolder';
import type { Action, PersonRef } from '../src/domain/minutes';
import { renderMinutes, type MinutesDocument } from '../src/domain/render';
import { approversOf } from '../src/domain/signOff';
import { templateFor } from '../src/domain/templates';
import { listChannelMessages } from '../src/graph/channelMessages';
import { createDownloadChain, createGraphClient, type RequestObserver } from '../src/graph/client';
import * as files from '../src/graph/files';
import { Graph } from '../src/graph/graph';
import { bucketTasks, groupPlans, planBuckets, taskDetails } from '../src/graph/planner';
import * as users from '../src/graph/users';
import { memoryMinutes } from '../src/store/localStore';
import { DEMO, demoScenario, useCases } from './integration/harness';

// The message is sanitized with DOMPurify, which needs a window: the browser's in the tab, jsdom's here.
(globalThis as { window?: unknown }).window ??= new JSDOM('').window;

const BASE = Date.parse('2026-11-23T09:00:00Z');
const GROUP = { teamId: DEMO.TEAM, channelId: DEMO.CHANNEL };
const WORDS: ApprovalMailWords = {
  subject: 'Justering',
  greeting: (n) => `Hej ${n}`,
  request: 'Justera',
  openInBrowser: 'Öppna',
  openInTeams: 'Teams',
  decisions: 'Beslut',
  actions: 'Uppdrag',
  version: (v) => v,
};
/** A guest account outside the team: Planner cannot assign them. */
const GUEST = { id: '5b0d7c1e-3a44-4f0e-9d7a-2f1c6b9e8a01', mail: 'vera.guest@partner.example' };
/** A person who has left: the minutes name their directory id, the directory no longer has it. */
const GONE: PersonRef = { key: 'id:0f0f0f0f-1111-4222-8333-444455556666', displayName: 'Gustav Gone' };
const HAND_TYPED: PersonRef = { key: 'name:berit', displayName: 'Berit Utan Konto' };
export const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function scenario(): Scenario {
  const s = demoScenario({ configured: false });
  s.users.push({ id: GUEST.id, displayName: 'Vera Gäst', userPrincipalName: 'vera.guest_partner.example#EXT#@regionostmark.onmicrosoft.com', mail: GUEST.mail, userType: 'Guest', businessPhones: [] } as never);
  return s;
}

export interface World {
  emulator: RunningEmulator;
  /** A user's Graph: every request, downloads included, goes to the world's observer if it has one. */
  as(user: string): Graph;
  ids: Record<'secretary' | 'chair' | 'member' | 'outsider', string>;
  planId: string;
}

/** A fresh tenant with a clock that runs (messages and tasks created at different times, as in Teams). */
export async function world(options: { observer?: RequestObserver } = {}): Promise<World> {
  const started = Date.now();
  const emulator = await startEmulator({ port: 0, scenario: scenario(), now: () => new Date(BASE + (Date.now() - started)) });
  const { observer } = options;
  const as = (user: string) => {
    const { client, version } = createGraphClient({ endpoint: { baseUrl: emulator.graphBaseUrl }, tokens: emulatorTokenProvider(emulator.url, user), observer });
    return new Graph(client, version, createDownloadChain({ observer }));
  };
  const idOf = async (u: string) => (await as(u).get(users.me())).directoryId;
  const [secretary, chair, member, outsider] = await Promise.all([DEMO.SECRETARY, DEMO.CHAIR, DEMO.MEMBER, DEMO.OUTSIDER].map(idOf));
  const plans = await as(DEMO.SECRETARY).all(groupPlans(DEMO.TEAM));
  return { emulator, as, ids: { secretary: secretary!, chair: chair!, member: member!, outsider: outsider! }, planId: plans[0]!.id };
}

const person = (id: string, displayName: string, email?: string): PersonRef => ({ key: `id:${id}`, displayName, email });

/**
 * The actions of the minutes' first item: a member's, a guest's, an outsider's, one of someone who
 * has left, a hand-typed owner's and one without owner (with script in what is written). Beyond six,
 * more of the same mix, spread over the agenda; below six, the hand-typed owner goes first.
 */
function actionsOf(w: World, count: number): { first: Action[]; more: Action[] } {
  const karin = person(w.ids.chair, 'Karin Ekström', DEMO.CHAIR);
  const olof = person(w.ids.member, 'Olof Bergström', DEMO.MEMBER);
  const guest = person(GUEST.id, 'Vera Gäst');
  const outsider = person(w.ids.outsider, 'Nils Ahl');
  const six: Action[] = [
    { id: 'a1', what: 'Skicka underlaget till kommunerna', owner: olof, due: '2026-12-11' },
    { id: 'a2', what: `Boka lokal ${XSS}`, owner: guest, due: '2026-12-18' },
    { id: 'a3', what: 'Ta fram statistik', owner: outsider },
    { id: 'a4', what: 'Återkoppla till styrgruppen', owner: GONE },
    { id: 'a5', what: 'Återkoppla till styrgruppen', owner: HAND_TYPED },
    { id: 'a6', what: 'Uppdatera rutinen' },
  ];
  if (count <= six.length) return { first: six.filter((a) => count === six.length || a.id !== 'a5').slice(0, count), more: [] };
  const owners = [olof, karin, guest, outsider, GONE, undefined];
  const more = Array.from({ length: count - six.length }, (_, i): Action => ({
    id: `a${i + 7}`,
    what: `Uppdrag ${i + 7}: följ upp remissvaren med kommunerna`,
    ...(owners[i % owners.length] && { owner: owners[i % owners.length] }),
    ...(i % 2 === 0 && { due: `2027-01-${String(10 + (i % 18)).padStart(2, '0')}` }),
  }));
  return { first: six, more };
}

/**
 * The demo meeting's minutes written (`actions` of them, 6 unless said), sent, and approved by the
 * chair and an adjuster, as the tab and the pane do it; and the request the tab would publish them with.
 */
export async function approvedMinutes(w: World, actions = 6, approvers: readonly string[] = [DEMO.CHAIR, DEMO.MEMBER]): Promise<{ opened: OpenedMinutes; request: PublishRequest }> {
  const graph = w.as(DEMO.SECRETARY);
  const now = () => new Date(BASE);
  const meeting = (await listMyMeetings(graph, initialWindow(now()), 'Europe/Stockholm')).find((m) => m.subject === DEMO.SERIES && !m.isCancelled)!;
  const prefill = await useCases(graph, now()).prefill({ kind: 'event', eventId: meeting.eventId });
  let n = 0;
  const opened = await openMinutes({ graph, now, newId: () => `id-${(n += 1)}`, local: () => memoryMinutes(), timeZone: 'Europe/Stockholm' }, GROUP, { prefill, language: 'sv' });
  const karin = person(w.ids.chair, 'Karin Ekström', DEMO.CHAIR);
  const olof = person(w.ids.member, 'Olof Bergström', DEMO.MEMBER);
  const { first, more } = actionsOf(w, actions);
  opened.sync.update((m) => ({
    ...m,
    templateId: 'protokoll-sv',
    firstParagraph: 47,
    header: { ...m.header, chairKey: karin.key, adjusters: [olof] },
    agenda: m.agenda.map((item, i) =>
      i === 0
        ? { ...item, title: `Ekonomi ${XSS}`, decisions: [{ id: 'd1', text: `Budgeten fastställs ${XSS}` }], actions: m.agenda.length > 1 ? first : [...first, ...more] }
        : { ...item, actions: [...item.actions, ...more.filter((_, j) => 1 + (j % (m.agenda.length - 1)) === i)] },
    ),
  }));
  const m = opened.sync.minutes;
  const placed = m.agenda.reduce((sum, item) => sum + item.actions.length, 0);
  if (placed !== actions) throw new Error(`The minutes hold ${placed} actions, not ${actions}: the demo meeting's agenda has ${m.agenda.length} items`);
  const template = templateFor(m.templateId, [], m.language);
  const document = renderMinutes(m, template, { present: [], guests: [], excused: [], absent: [] });
  const version = await documentVersion(document);
  const key = meetingKey(prefill.meeting.iCalUId!);
  const round = await sendForApproval(
    { graph, sync: opened.sync, meetingFolder: opened.meetingFolder, now },
    { document, version, approvers: approversOf(karin, [olof]), meeting: { key, iCalUId: prefill.meeting.iCalUId, start: prefill.meeting.start }, sentBy: { key: `id:${w.ids.secretary}`, displayName: 'Ahmed Yilmaz', email: DEMO.SECRETARY }, words: WORDS },
    { mailed: [] },
  );
  const folder = (await opened.meetingFolder())!;
  for (const who of approvers) {
    const service = approvalService({ graph: w.as(who), now: () => new Date(BASE + 60_000), random: () => who.slice(0, 4), timeZone: 'Europe/Stockholm' });
    const outcome = await service.fromMail({ minutesId: minutesIdOf(folder), version: round.version, fromOutside: false }, DEMO.SECRETARY);
    if (outcome.kind !== 'approval') throw new Error(JSON.stringify(outcome));
    await service.answer(outcome.approval, 'approved');
  }
  return {
    opened,
    request: {
      publisher: { key: `id:${w.ids.secretary}`, displayName: 'Ahmed Yilmaz', userId: w.ids.secretary },
      team: GROUP,
      planId: w.planId,
      bucketPolicy: 'per-meeting',
      template,
      meeting: { key, iCalUId: prefill.meeting.iCalUId, start: prefill.meeting.start },
    },
  };
}

/** The document as bytes a test can read back: its JSON (the Word writer is tested end to end in Chromium). */
export const toDocx = async (doc: MinutesDocument) => new Blob([JSON.stringify(doc)], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });

/** What publishing needs besides the request: the secretary's Graph, the open minutes, a clock and the Word writer. */
export const publishDeps = (w: World, opened: OpenedMinutes, graph = w.as(DEMO.SECRETARY)) => ({ graph, sync: opened.sync, meetingFolder: opened.meetingFolder, now: () => new Date(), toDocx });

export type TenantState = Awaited<ReturnType<typeof tenantState>>;

/** What the tenant holds after publishing, without ids and times: what a member would see. */
export async function tenantState(w: World, opened: OpenedMinutes) {
  const graph = w.as(DEMO.SECRETARY);
  const folder = (await opened.meetingFolder())!;
  const messages = await graph.all(listChannelMessages(DEMO.TEAM, DEMO.CHANNEL, 50));
  const buckets = await graph.all(planBuckets(w.planId));
  const mine = buckets.filter((b) => !['Fram till kommande möte', 'Pågående', 'Klart'].includes(b.name));
  const tasks = (await Promise.all(mine.map((b) => graph.all(bucketTasks(b.id))))).flat();
  const details = await Promise.all(tasks.map((t) => graph.get(taskDetails(t.id))));
  const folderFiles = (await graph.all(files.children(folder.driveId, folder.folderId))).filter((f) => !f.isFolder).map((f) => f.name);
  return {
    files: folderFiles.sort(),
    messages: messages.map((m) => ({ subject: m.subject, attachments: m.attachments.map((a) => a.name), mentions: m.mentions.map((x) => x.text), html: m.content.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID') })),
    buckets: mine.map((b) => b.name),
    tasks: tasks
      .map((t, i) => ({ title: t.title, due: t.dueDateTime, assignees: t.assigneeIds, description: details[i]!.description, references: details[i]!.references.map((r) => r.alias).sort() }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}
