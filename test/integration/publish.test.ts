// Publishing approved minutes against the emulator over HTTP, with the real Graph client: the .docx of
// the approved version beside the minutes, one channel message with it attached, a task per action in
// the meeting's bucket (assigned where Planner can, details with If-Match on their own eTag), the
// record in the minutes; and exactly once: whichever single request of a publish fails (an error, or
// an answer lost after the server acted), running it again ends in the same tenant as a clean run.

import { JSDOM } from 'jsdom';
import { startEmulator, type RunningEmulator, type Scenario } from '../../emulator/src/server';
import { approvalService } from '../../src/app/approval';
import { documentVersion } from '../../src/app/documentVersion';
import { listMyMeetings } from '../../src/app/myMeetings';
import { openMinutes, type OpenedMinutes } from '../../src/app/openMinutes';
import { publish, type PublishRequest } from '../../src/app/publish';
import { sendForApproval, type ApprovalMailWords } from '../../src/app/sendForApproval';
import { minutesIdOf } from '../../src/app/signOffStore';
import { initialWindow } from '../../src/domain/dateWindow';
import { meetingKey } from '../../src/domain/meetingFolder';
import type { PersonRef } from '../../src/domain/minutes';
import { renderMinutes, type MinutesDocument } from '../../src/domain/render';
import { approversOf } from '../../src/domain/signOff';
import { templateFor } from '../../src/domain/templates';
import { listChannelMessages } from '../../src/graph/channelMessages';
import * as files from '../../src/graph/files';
import type { Graph } from '../../src/graph/graph';
import { bucketTasks, groupPlans, planBuckets, taskDetails } from '../../src/graph/planner';
import * as users from '../../src/graph/users';
import { memoryMinutes } from '../../src/store/localStore';
import { DEMO, demoScenario, graphAs, useCases } from './harness';

// The message is sanitized with DOMPurify, which needs a window: the browser's in the tab, jsdom's here.
(globalThis as { window?: unknown }).window = new JSDOM('').window;

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
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function scenario(): Scenario {
  const s = demoScenario({ configured: false });
  s.users.push({ id: GUEST.id, displayName: 'Vera Gäst', userPrincipalName: 'vera.guest_partner.example#EXT#@regionostmark.onmicrosoft.com', mail: GUEST.mail, userType: 'Guest', businessPhones: [] } as never);
  return s;
}

interface World {
  emulator: RunningEmulator;
  as(user: string): Graph;
  ids: Record<'secretary' | 'chair' | 'member' | 'outsider', string>;
  planId: string;
}

/** A fresh tenant with a clock that runs (messages and tasks created at different times, as in Teams). */
async function world(): Promise<World> {
  const started = Date.now();
  const emulator = await startEmulator({ port: 0, scenario: scenario(), now: () => new Date(BASE + (Date.now() - started)) });
  const as = (user: string) => graphAs(emulator, user);
  const idOf = async (u: string) => (await as(u).get(users.me())).directoryId;
  const [secretary, chair, member, outsider] = await Promise.all([DEMO.SECRETARY, DEMO.CHAIR, DEMO.MEMBER, DEMO.OUTSIDER].map(idOf));
  const plans = await as(DEMO.SECRETARY).all(groupPlans(DEMO.TEAM));
  return { emulator, as, ids: { secretary: secretary!, chair: chair!, member: member!, outsider: outsider! }, planId: plans[0]!.id };
}

/** The demo meeting's minutes written, sent, and approved by the chair and an adjuster, as the tab and the pane do it. */
async function approvedMinutes(w: World): Promise<{ opened: OpenedMinutes; request: PublishRequest }> {
  const graph = w.as(DEMO.SECRETARY);
  const now = () => new Date(BASE);
  const meeting = (await listMyMeetings(graph, initialWindow(now()), 'Europe/Stockholm')).find((m) => m.subject === DEMO.SERIES && !m.isCancelled)!;
  const prefill = await useCases(graph, now()).prefill({ kind: 'event', eventId: meeting.eventId });
  let n = 0;
  const opened = await openMinutes({ graph, now, newId: () => `id-${(n += 1)}`, local: () => memoryMinutes(), timeZone: 'Europe/Stockholm' }, GROUP, { prefill, language: 'sv' });
  const person = (id: string, displayName: string, email?: string): PersonRef => ({ key: `id:${id}`, displayName, email });
  const karin = person(w.ids.chair, 'Karin Ekström', DEMO.CHAIR);
  const olof = person(w.ids.member, 'Olof Bergström', DEMO.MEMBER);
  opened.sync.update((m) => ({
    ...m,
    templateId: 'protokoll-sv',
    firstParagraph: 47,
    header: { ...m.header, chairKey: karin.key, adjusters: [olof] },
    agenda: m.agenda.map((item, i) =>
      i === 0
        ? {
            ...item,
            title: `Ekonomi ${XSS}`,
            decisions: [{ id: 'd1', text: `Budgeten fastställs ${XSS}` }],
            actions: [
              { id: 'a1', what: 'Skicka underlaget till kommunerna', owner: olof, due: '2026-12-11' },
              { id: 'a2', what: `Boka lokal ${XSS}`, owner: person(GUEST.id, 'Vera Gäst'), due: '2026-12-18' },
              { id: 'a3', what: 'Ta fram statistik', owner: person(w.ids.outsider, 'Nils Ahl') },
              { id: 'a4', what: 'Återkoppla till styrgruppen', owner: GONE },
              { id: 'a5', what: 'Återkoppla till styrgruppen', owner: HAND_TYPED },
              { id: 'a6', what: 'Uppdatera rutinen' },
            ],
          }
        : item,
    ),
  }));
  const m = opened.sync.minutes;
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
  for (const who of [DEMO.CHAIR, DEMO.MEMBER]) {
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

/** The document as bytes the test can read back: its JSON (the Word writer is tested end to end in Chromium). */
const toDocx = async (doc: MinutesDocument) => new Blob([JSON.stringify(doc)], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });

const deps = (w: World, opened: OpenedMinutes, graph = w.as(DEMO.SECRETARY)) => ({ graph, sync: opened.sync, meetingFolder: opened.meetingFolder, now: () => new Date(), toDocx });

/** What the tenant holds after publishing, without ids and times: what a member would see. */
async function tenantState(w: World, opened: OpenedMinutes) {
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

let clean: { state: Awaited<ReturnType<typeof tenantState>>; requests: number };

describe('publishing approved minutes', () => {
  beforeAll(async () => {
    const w = await world();
    try {
      const { opened, request } = await approvedMinutes(w);
      const before = w.emulator.stats().requests;
      const steps: string[] = [];
      const result = await publish(deps(w, opened), request, (s) => steps.push(s.step));
      clean = { state: await tenantState(w, opened), requests: w.emulator.stats().requests - before };
      expect(steps).toEqual(['reading', 'document', 'message', 'tasks', 'tasks', 'recording']);
      expect(result.unassigned.map((u) => [u.owner?.displayName, u.reason])).toEqual([
        ['Vera Gäst', 'guest'],
        ['Nils Ahl', 'not-member'],
        ['Gustav Gone', 'no-account'],
        ['Berit Utan Konto', 'no-account'],
        [undefined, 'no-owner'],
      ]);
      // Recorded in the minutes as the channel has them.
      expect(opened.sync.minutes.publication).toMatchObject({ version: opened.sync.minutes.signOff!.rounds[0]!.version, tasks: expect.any(Array) });
      expect(opened.sync.minutes.publication!.tasks).toHaveLength(6);
      // Running it again when everything is there creates nothing.
      const again = await publish(deps(w, opened), request);
      expect(again.publication.tasks.map((t) => t.taskId)).toEqual(result.publication.tasks.map((t) => t.taskId));
      expect(await tenantState(w, opened)).toEqual(clean.state);
    } finally {
      await w.emulator.close();
    }
  });

  it('saves the approved version beside the minutes, posts one message with it attached, and a task per action', () => {
    const { state } = clean;
    expect(state.files.filter((f) => f.endsWith('.docx'))).toHaveLength(1);
    expect(state.messages).toHaveLength(1);
    expect(state.messages[0]!.attachments).toEqual([state.files.find((f) => f.endsWith('.docx'))]);
    expect(state.buckets).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} Samordningsgrupp Nära vård$/)]);
    expect(state.tasks.map((t) => t.title)).toEqual(
      ['Boka lokal ' + XSS.replace(/\s+/g, ' '), 'Skicka underlaget till kommunerna', 'Ta fram statistik', 'Uppdatera rutinen', 'Återkoppla till styrgruppen', 'Återkoppla till styrgruppen (2)'].sort((a, b) => a.localeCompare(b)),
    );
    const send = state.tasks.find((t) => t.title === 'Skicka underlaget till kommunerna')!;
    expect(send.assignees).toHaveLength(1);
    expect(send.due).toBe('2026-12-11T12:00:00Z');
    expect(send.description).toContain('§ 47');
    expect(send.references).toEqual(expect.arrayContaining([expect.stringContaining('Punkten i protokollet: § 47 Ekonomi'), expect.stringMatching(/\.docx$/)]));
    expect(send.references).toHaveLength(2);
    const guest = state.tasks.find((t) => t.title.startsWith('Boka lokal'))!;
    expect(guest.assignees).toEqual([]);
    expect(guest.description).toContain('Vera Gäst (gästkonto');
    // Script in the minutes stays text in the message: no element of it survives.
    expect(state.messages[0]!.html).not.toMatch(/<(img|script|svg)\b|<[^>]*\bonerror=/i);
    expect(state.messages[0]!.html).toContain('Boka lokal &lt;img src=x onerror=');
    // The owner who is a member is @mentioned; the approvals are in it.
    expect(state.messages[0]!.mentions).toEqual(['Olof Bergström']);
    expect(state.messages[0]!.html).toMatch(/Karin Ekström \(ordförande\) \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  // One tenant per failed request: the same meeting each time, so the state compares with the clean run.
  it('after any single request of a publish fails or loses its answer, running it again ends as a clean run does', async () => {
    const faults = [
      ...Array.from({ length: clean.requests }, (_, i) => ({ name: `request ${i + 1} fails`, fault: { serverError: { skip: i, count: 1, status: 500 as const } } })),
      ...Array.from({ length: clean.requests }, (_, i) => ({ name: `request ${i + 1} acts, its answer is lost`, fault: { drop: { skip: i, count: 1, afterHandling: true } } })),
    ];
    const failedRuns: string[] = [];
    for (const { name, fault } of faults) {
      const w = await world();
      try {
        const { opened, request } = await approvedMinutes(w);
        w.emulator.setFaults(fault);
        const first = await publish(deps(w, opened), request).then(
          () => 'done',
          () => 'failed',
        );
        w.emulator.clearFaults();
        if (first === 'failed') failedRuns.push(name);
        await publish(deps(w, opened), request);
        expect({ name, state: await tenantState(w, opened) }).toEqual({ name, state: clean.state });
      } finally {
        await w.emulator.close();
      }
    }
    // The faults did hit: a failure of any of the publish's own requests stops its run (failures of the
    // downloads and of the minutes' save are retried by the client and the sync, and the run goes on).
    expect(failedRuns.length).toBeGreaterThan(clean.requests);
    expect(failedRuns).toEqual(expect.arrayContaining(['request 1 fails', 'request 1 acts, its answer is lost']));
  }, 600_000);

  it('tasks throttled inside a batch are resent after their own Retry-After, and a 429 storm that outlasts the retries is finished by running it again', async () => {
    const w = await world();
    try {
      const { opened, request } = await approvedMinutes(w);
      w.emulator.setFaults({ throttle: { count: 4, retryAfterSeconds: 1, inBatchItems: true }, paths: '^/planner/tasks' });
      await publish(deps(w, opened), request);
      expect(await tenantState(w, opened)).toEqual(clean.state);
    } finally {
      await w.emulator.close();
    }
    const storm = await world();
    try {
      const { opened, request } = await approvedMinutes(storm);
      storm.emulator.setFaults({ throttle: { every: 1, retryAfterSeconds: 1 }, paths: '^/(planner|teams/.*/messages)' });
      await expect(publish(deps(storm, opened), request)).rejects.toMatchObject({ kind: 'throttled' });
      storm.emulator.clearFaults();
      await publish(deps(storm, opened), request);
      expect(await tenantState(storm, opened)).toEqual(clean.state);
    } finally {
      await storm.emulator.close();
    }
  }, 120_000);
});
