// Sign-off's security, end to end below the UI: signOffStore and roundStatus as different people of
// the demo tenant, each with their own token, over HTTP against the emulator with the real Graph
// client. What counts is only Graph's createdBy and lastModifiedBy of each file and the version it
// names; every file that tries to pass for an approval otherwise is not counted, and is flagged.

import type { RunningEmulator } from '../../emulator/src/server';
import { documentVersion } from '../../src/app/documentVersion';
import { signOffStore, versionFileName, SIGN_OFF_FOLDER, type SignOffStore, type VersionSnapshot } from '../../src/app/signOffStore';
import type { PersonRef } from '../../src/domain/minutes';
import { sampleMinutes } from '../../src/domain/minutesFixtures';
import { renderMinutes, type DocumentAttendance } from '../../src/domain/render';
import { answerContent, approversOf, roundStatus, type SignOffRound } from '../../src/domain/signOff';
import { BUILT_IN_TEMPLATES } from '../../src/domain/templates';
import { channelFolder, createFolder, itemByPath, replaceText, uploadText } from '../../src/graph/files';
import type { Graph } from '../../src/graph/graph';
import { DEMO, emulatorWith, graphAs, failure } from './harness';

const { SECRETARY, CHAIR, MEMBER, OUTSIDER, TEAM, CHANNEL } = DEMO;
const NOW = new Date('2026-11-23T09:00:00Z');

const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'minnesanteckningar-sv')!;
const attendance: DocumentAttendance = { present: [{ name: 'Karin Ekström', role: 'chair' }], guests: [], excused: [], absent: [] };
const documentOf = (nextMeeting: string) => renderMinutes(sampleMinutes({ nextMeeting: { text: nextMeeting } }), template, attendance);

let emulator: RunningEmulator;
const graphs = new Map<string, Graph>();
const people = new Map<string, PersonRef>();
let channelFolderId: string;
let driveId: string;

const as = (user: string): Graph => graphs.get(user)!;
const person = (user: string): PersonRef => people.get(user)!;

beforeAll(async () => {
  emulator = await emulatorWith('demo', NOW);
  for (const user of [SECRETARY, CHAIR, MEMBER, OUTSIDER]) {
    graphs.set(user, graphAs(emulator, user));
    const me = (await (await fetch(`${emulator.graphBaseUrl}/me`, { headers: { Authorization: `Bearer ${emulator.tokenFor(user)}` } })).json()) as { id: string; displayName: string };
    people.set(user, { key: `id:${me.id}`, displayName: me.displayName, email: user });
  }
  const folder = await as(SECRETARY).get(channelFolder(TEAM, CHANNEL));
  channelFolderId = folder.id;
  driveId = folder.driveId;
});
afterAll(() => emulator.close());

interface SentMeeting {
  meeting: string;
  round: SignOffRound;
  earlier: string[];
  /** The meeting's sign-off files as one person sees them (their own token). */
  storeOf(user: string): SignOffStore;
}

let meetings = 0;

/**
 * A meeting folder of its own, where the secretary sent the minutes for approval: the version
 * before (`earlier`) and the one sent now (the round's), both saved as version files.
 */
async function sentMeeting(approvers: string[] = [CHAIR]): Promise<SentMeeting> {
  meetings += 1;
  const meeting = `k-signoff-${meetings}`;
  const folder = await as(SECRETARY).send(createFolder(driveId, channelFolderId, `2026-11-27 Samordningsgrupp (${meeting})`));
  const address = { driveId, folderId: folder.id };
  const storeOf = (user: string) => signOffStore(as(user), address);
  const [chair, ...adjusters] = approvers.map(person);
  const round: SignOffRound = { version: '', sentAt: '2026-11-27T12:00:00Z', sentBy: person(SECRETARY), approvers: approversOf(chair, adjusters) };
  const earlier: string[] = [];
  for (const text of ['Fredag 11/12 kl. 08–09 via Teams', 'Fredag 18/12 kl. 08–09 via Teams']) {
    const document = documentOf(text);
    const version = await documentVersion(document);
    const snapshot: VersionSnapshot = { kind: 'justera-version', schemaVersion: 1, meeting, version, document, minutes: sampleMinutes(), sentAt: round.sentAt, sentBy: round.sentBy, approvers: round.approvers };
    await storeOf(SECRETARY).saveVersion(snapshot);
    if (round.version) earlier.push(round.version);
    round.version = version;
  }
  return { meeting, round, earlier, storeOf };
}

/** Where the round stands as the secretary's tab counts it: the files as Graph lists them to her. */
async function statusSeenBySecretary(m: SentMeeting) {
  return roundStatus(m.round, m.meeting, m.round.version, await m.storeOf(SECRETARY).listAnswers(), m.earlier);
}

describe('an approval counts when the approver wrote it', () => {
  it("the chair's answer file, created with her own token, approves the version sent; the tab's count shows it", async () => {
    const m = await sentMeeting();
    const { snapshot } = await m.storeOf(CHAIR).readVersion(m.round.version);
    expect(snapshot.sentBy.displayName).toBe('Ahmed Yilmaz');

    const written = await m.storeOf(CHAIR).writeAnswer(answerContent(m.meeting, m.round.version, 'approved'), new Date('2026-11-27T13:00:00Z'), 'r1');
    expect(written.createdBy).toMatchObject({ id: person(CHAIR).key.slice(3), displayName: 'Karin Ekström' });

    const status = await statusSeenBySecretary(m);
    expect(status.state).toBe('approved');
    expect(status.answers.map((a) => [a.approver.displayName, a.decision])).toEqual([['Karin Ekström', 'approved']]);
    expect(status.flagged).toEqual([]);
  });
});

describe('answers that are not counted, each flagged for the secretary', () => {
  it("a file the secretary wrote that says it is the chair's approval", async () => {
    const m = await sentMeeting();
    const forged = { ...answerContent(m.meeting, m.round.version, 'approved'), approver: person(CHAIR), createdBy: { id: person(CHAIR).key.slice(3), displayName: 'Karin Ekström' } };
    await as(SECRETARY).send(uploadText(driveId, m.storeOf(SECRETARY).address.folderId, `${SIGN_OFF_FOLDER}/svar-${m.round.version.slice(0, 12)}-2026-11-27T13-00-00Z-forged.json`, JSON.stringify(forged)));

    const status = await statusSeenBySecretary(m);
    expect(status.state).toBe('waiting');
    expect(status.answers).toEqual([]);
    expect(status.flagged).toEqual([{ file: expect.stringMatching(/^svar-.*forged\.json$/), reason: 'not-an-approver', by: 'Ahmed Yilmaz' }]);
  });

  it('an approval the chair wrote for the version sent before', async () => {
    const m = await sentMeeting();
    await m.storeOf(CHAIR).writeAnswer(answerContent(m.meeting, m.earlier[0]!, 'approved'), new Date('2026-11-27T13:00:00Z'), 'old');

    const status = await statusSeenBySecretary(m);
    expect(status.state).toBe('waiting');
    expect(status.flagged).toEqual([{ file: expect.any(String), reason: 'earlier-version', by: 'Karin Ekström' }]);
  });

  it('an approval by a member of the team who is not an approver', async () => {
    const m = await sentMeeting();
    await m.storeOf(MEMBER).writeAnswer(answerContent(m.meeting, m.round.version, 'approved'), new Date('2026-11-27T13:00:00Z'), 'olof');

    const status = await statusSeenBySecretary(m);
    expect(status.state).toBe('waiting');
    expect(status.waitingFor.map((a) => a.displayName)).toEqual(['Karin Ekström']);
    expect(status.flagged).toEqual([{ file: expect.any(String), reason: 'not-an-approver', by: 'Olof Bergström' }]);
  });

  it("the chair's answer, edited by the secretary afterwards (her 'returned' made 'approved')", async () => {
    const m = await sentMeeting();
    const written = await m.storeOf(CHAIR).writeAnswer(answerContent(m.meeting, m.round.version, 'returned', 'Fel datum i § 2'), new Date('2026-11-27T13:00:00Z'), 'ret');
    await as(SECRETARY).send(replaceText(driveId, written.id, JSON.stringify(answerContent(m.meeting, m.round.version, 'approved'))));

    const status = await statusSeenBySecretary(m);
    expect(status.state).toBe('waiting');
    expect(status.answers).toEqual([]);
    expect(status.flagged).toEqual([{ file: written.name, reason: 'altered', by: 'Karin Ekström' }]);
  });

  it("an approval the chair wrote for another meeting, copied into this meeting's folder by her", async () => {
    const m = await sentMeeting();
    await m.storeOf(CHAIR).writeAnswer(answerContent('k-another-meeting', m.round.version, 'approved'), new Date('2026-11-27T13:00:00Z'), 'copy');

    const status = await statusSeenBySecretary(m);
    expect(status.state).toBe('waiting');
    expect(status.flagged).toEqual([{ file: expect.any(String), reason: 'other-meeting', by: 'Karin Ekström' }]);
  });

  it('the flagged files do not hide a real approval beside them', async () => {
    const m = await sentMeeting();
    await m.storeOf(MEMBER).writeAnswer(answerContent(m.meeting, m.round.version, 'returned'), new Date('2026-11-27T13:00:00Z'), 'olof');
    await m.storeOf(CHAIR).writeAnswer(answerContent(m.meeting, m.round.version, 'approved'), new Date('2026-11-27T13:05:00Z'), 'karin');

    const status = await statusSeenBySecretary(m);
    expect(status.state).toBe('approved');
    expect(status.flagged.map((f) => f.reason)).toEqual(['not-an-approver']);
  });
});

describe('the version an approver reads', () => {
  it('is refused when someone other than the sender replaced its text (altered)', async () => {
    const m = await sentMeeting();
    const file = (await as(CHAIR).get(itemByPath(driveId, m.storeOf(CHAIR).address.folderId, `${SIGN_OFF_FOLDER}/${versionFileName(m.round.version)}`)))!;
    const { snapshot } = await m.storeOf(CHAIR).readVersion(m.round.version);
    // The same document, only its sending time changed: the hash still holds, only the file's lastModifiedBy tells.
    await as(CHAIR).send(replaceText(driveId, file.id, JSON.stringify({ ...snapshot, sentAt: '2026-11-27T12:30:00Z' })));

    const problem = await failure(m.storeOf(SECRETARY).readVersion(m.round.version));
    expect(problem).toMatchObject({ kind: 'bad-data', code: 'version-altered' });
  });

  it('is refused when its document does not hash to the version its name claims (mismatch)', async () => {
    const m = await sentMeeting();
    const { snapshot } = await m.storeOf(SECRETARY).readVersion(m.round.version);
    const claimed = 'f'.repeat(64);
    // Written once, by its own sender: not altered, but the document is not the one named.
    await m.storeOf(SECRETARY).saveVersion({ ...snapshot, version: claimed });

    const problem = await failure(m.storeOf(CHAIR).readVersion(claimed));
    expect(problem).toMatchObject({ kind: 'bad-data', code: 'version-mismatch' });
  });

  it('is missing when nothing was sent under that version', async () => {
    const m = await sentMeeting();
    expect(await failure(m.storeOf(CHAIR).readVersion('0'.repeat(64)))).toMatchObject({ code: 'version-missing' });
  });
});

describe('an approver who cannot write to the folder', () => {
  it('(not a member of the team) gets a forbidden Problem from writeAnswer, and nothing is written', async () => {
    const m = await sentMeeting([OUTSIDER]);
    const problem = await failure(m.storeOf(OUTSIDER).writeAnswer(answerContent(m.meeting, m.round.version, 'approved'), new Date('2026-11-27T13:00:00Z'), 'nils'));
    expect(problem.kind).toBe('forbidden');

    const status = await statusSeenBySecretary(m);
    expect(status.state).toBe('waiting');
    expect(status.answers).toEqual([]);
    expect(status.flagged).toEqual([]);
  });
});
