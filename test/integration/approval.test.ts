// The approver's use case (app/approval.ts) against the emulator over HTTP: the secretary stores a
// version through the sign-off contract and mails its tag; the chair opens it from the mail or from
// the meeting in her calendar, answers, and sees what changed in a later version. Refused: a mail
// that is not from the version's sender, and a tag that is not Justera's. A 403 on writing the answer
// is a Problem the pane explains.

import type { RunningEmulator } from '../../emulator/src/server';
import { approvalService, type ApprovalOutcome, type Approval } from '../../src/app/approval';
import { documentVersion } from '../../src/app/documentVersion';
import { signOffStore, minutesIdOf, type MeetingFolderAddress } from '../../src/app/signOffStore';
import { meetingKey } from '../../src/domain/meetingFolder';
import { sampleMinutes } from '../../src/domain/minutesFixtures';
import type { Minutes } from '../../src/domain/minutes';
import { Problem } from '../../src/domain/problems';
import { renderMinutes } from '../../src/domain/render';
import { BUILT_IN_TEMPLATES } from '../../src/domain/templates';
import * as calendar from '../../src/graph/calendar';
import * as files from '../../src/graph/files';
import type { Graph } from '../../src/graph/graph';
import { sendMail } from '../../src/graph/mail';
import * as users from '../../src/graph/users';
import { DEMO, demoScenario, emulatorWith, graphAs } from './harness';

const { SECRETARY, CHAIR, MEMBER, TEAM, CHANNEL } = DEMO;
const NOW = new Date('2026-11-23T09:00:00Z');
const NO_ATTENDANCE = { present: [], guests: [], excused: [], absent: [] };

let emulator: RunningEmulator;
let secretary: Graph;
let chair: Graph;
let ids: { secretary: string; chair: string };
let channel: { driveId: string; id: string };
let folder: MeetingFolderAddress;

beforeAll(async () => {
  emulator = await emulatorWith(demoScenario({ configured: false }), NOW);
  secretary = graphAs(emulator, SECRETARY);
  chair = graphAs(emulator, CHAIR);
  ids = { secretary: (await secretary.get(users.me())).directoryId, chair: (await chair.get(users.me())).directoryId };
  channel = await secretary.get(files.channelFolder(TEAM, CHANNEL));
});
// Each test its own meeting folder: the emulator's clock stands still, so files of one folder cannot be told apart by time.
let folders = 0;
beforeEach(async () => {
  const meetingFolder = await secretary.send(files.createFolder(channel.driveId, channel.id, `approval-test-${(folders += 1)}`));
  folder = { driveId: channel.driveId, folderId: meetingFolder.id };
});
afterEach(() => emulator.clearFaults());
afterAll(() => emulator.close());

let random = 0;
const chairService = (graph: Graph = chair) => approvalService({ graph, now: () => NOW, random: () => `r${(random += 1)}`, timeZone: 'Europe/Stockholm' });

/** The secretary sends a version of `minutes` for approval by the chair, as the tab does: the version file, then the tagged mail. */
async function sendRound(minutes: Minutes, meeting: string, at = folder) {
  const document = renderMinutes(minutes, BUILT_IN_TEMPLATES.find((t) => t.id === 'protokoll-sv')!, NO_ATTENDANCE);
  const version = await documentVersion(document);
  await signOffStore(secretary, at).saveVersion({
    kind: 'justera-version',
    schemaVersion: 1,
    meeting,
    version,
    document,
    minutes,
    sentAt: NOW.toISOString(),
    sentBy: { key: `id:${ids.secretary}`, displayName: 'Ahmed Yilmaz', email: SECRETARY },
    approvers: [{ key: `id:${ids.chair}`, displayName: 'Karin Ekström', email: CHAIR, role: 'chair' }],
  });
  const tag = { 'x-justera-minutes': minutesIdOf(at), 'x-justera-version': version };
  await secretary.send(sendMail({ to: [{ address: CHAIR }], subject: `Protokoll för justering ${version.slice(0, 8)}`, html: '<p>Hej</p>', headers: tag }));
  return { version, tag: { minutesId: minutesIdOf(at), version, fromOutside: false } };
}

function approvalIn(outcome: ApprovalOutcome): Approval {
  if (outcome.kind !== 'approval') throw new Error(`expected an approval, got ${JSON.stringify(outcome)}`);
  return outcome.approval;
}

describe("the chair's approval", () => {
  it('opens the version the mail names: the chair is its chair, nobody has answered; approving writes a file Graph says she created', async () => {
    const { version, tag } = await sendRound(sampleMinutes(), 'meeting-a');
    const approval = approvalIn(await chairService().fromMail(tag, SECRETARY));
    expect(approval.role).toBe('chair');
    expect(approval.snapshot.version).toBe(version);
    expect(approval.status).toMatchObject({ state: 'waiting', answers: [], flagged: [] });
    expect(approval.earlier).toBeUndefined();

    const after = await chairService().answer(approval, 'approved');
    expect(after.status.state).toBe('approved');
    expect(after.myAnswers).toEqual([expect.objectContaining({ version, decision: 'approved' })]);
    const answers = await signOffStore(secretary, folder).listAnswers();
    expect(answers.map((a) => a.createdBy?.id)).toEqual([ids.chair]);
  });

  it('a later version says what changed since the one she answered', async () => {
    const first = await sendRound(sampleMinutes({ nextMeeting: { text: 'Fredag 11/12' } }), 'meeting-a');
    await chairService().answer(approvalIn(await chairService().fromMail(first.tag, SECRETARY)), 'returned', 'Ange tiden', 'i2');
    const minutes = sampleMinutes({ nextMeeting: { text: 'Fredag 11/12 kl. 08–09' } });
    const second = await sendRound(minutes, 'meeting-a');

    const approval = approvalIn(await chairService().fromMail(second.tag, SECRETARY));
    expect(approval.earlier).toMatchObject({ version: first.version, answered: true });
    expect(approval.earlier?.changes).toEqual([expect.objectContaining({ kind: 'section' })]);
    expect(approval.status.state).toBe('waiting');
  });

  it('is refused when the mail does not come from who stored the version, or its tag is not of Justera’s form', async () => {
    const { tag } = await sendRound(sampleMinutes({ nextMeeting: { text: 'Refused' } }), 'meeting-a');
    expect(await chairService().fromMail(tag, MEMBER)).toEqual({ kind: 'refused', reason: 'not-sender' });
    expect(await chairService().fromMail({ ...tag, minutesId: 'not a folder' }, SECRETARY)).toEqual({ kind: 'refused', reason: 'malformed' });
    expect(await chairService().fromMail({ ...tag, version: 'sha256-abc' }, SECRETARY)).toEqual({ kind: 'refused', reason: 'malformed' });
    expect(await chairService().fromMail({ ...tag, fromOutside: true }, SECRETARY)).toEqual({ kind: 'refused', reason: 'outside' });
    expect(await chairService().fromMail({ ...tag, minutesId: `${folder.driveId}/no-such-folder` }, SECRETARY)).toEqual({ kind: 'refused', reason: 'version-missing' });
  });

  it('an answer the folder refuses (403) is a Problem the pane explains', async () => {
    const { tag } = await sendRound(sampleMinutes({ nextMeeting: { text: 'Forbidden' } }), 'meeting-a');
    const approval = approvalIn(await chairService().fromMail(tag, SECRETARY));
    emulator.setFaults({ clientError: { count: 1, status: 403, code: 'accessDenied' }, paths: 'svar-' });
    const e = await chairService().answer(approval, 'approved').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(Problem);
    expect(e).toMatchObject({ kind: 'forbidden', code: 'answer-forbidden' });
  });

  it("from a meeting in her calendar: the newest approval mail for that meeting, or none for another", async () => {
    const meetings = await chair.get(calendar.meetingsAround('2026-11-01T00:00:00Z', '2026-12-31T00:00:00Z', 'Europe/Stockholm'));
    const [mine, other] = meetings.filter((m) => m.iCalUId);
    const { version } = await sendRound(sampleMinutes({ nextMeeting: { text: 'Kalendern' } }), meetingKey(mine!.iCalUId!));

    const approval = approvalIn(await chairService().fromMeeting(mine!.eventId));
    expect(approval.snapshot.version).toBe(version);
    expect(await chairService().fromMeeting(other!.eventId)).toEqual({ kind: 'none' });
  });
});
