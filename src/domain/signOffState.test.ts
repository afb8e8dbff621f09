import { mergeMinutes } from './merge';
import { sampleMinutes } from './minutesFixtures';
import { renderMinutes } from './render';
import { restoreMinutes } from './restoreMinutes';
import { roundStatus, type AnswerFile, type SignOffRound } from './signOff';
import { approvalsOf, approversIn, currentRound, earlierVersions, effectiveVersion, recordRound, returnedComments, sendRefusals, signedContent } from './signOffState';
import { templateFor } from './templates';

const V1 = 'a'.repeat(64);
const V2 = 'b'.repeat(64);
const karin = { key: 'id:karin', displayName: 'Karin Ekström', email: 'karin@x.se' };
const sara = { key: 'id:sara', displayName: 'Sara Lind', email: 'sara@x.se' };
const ahmed = { key: 'id:ahmed', displayName: 'Ahmed Yilmaz' };
const round = (version: string, sentAt: string): SignOffRound => ({ version, sentAt, sentBy: ahmed, approvers: [{ ...karin, role: 'chair' }] });
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('sign-off rounds kept in the minutes', () => {
  it('a file written before sign-off still reads, with no rounds', () => {
    const restored = restoreMinutes(json(sampleMinutes()));
    expect(restored.ok && restored.minutes.signOff).toBeUndefined();
  });

  it('reads back the rounds written, and drops a round without a version, naming it', () => {
    const m = recordRound(sampleMinutes(), round(V1, '2026-12-04T09:00:00.000Z'));
    expect(restoreMinutes(json(m))).toEqual({ ok: true, minutes: json(m), repairs: [] });
    const raw = json(m) as { signOff: { rounds: unknown[] } };
    raw.signOff.rounds.push({ version: 'not a hash', sentAt: '2026-12-05T09:00:00.000Z', sentBy: ahmed, approvers: [] });
    const again = restoreMinutes(raw);
    expect(again.ok && again.minutes.signOff?.rounds.map((r) => r.version)).toEqual([V1]);
    expect(again.ok && again.repairs).toEqual(['signOff.rounds[1] could not be read']);
  });

  it('the current round is the last sent; earlier versions are those before it', () => {
    const m = recordRound(recordRound(sampleMinutes(), round(V2, '2026-12-05T09:00:00.000Z')), round(V1, '2026-12-04T09:00:00.000Z'));
    expect(currentRound(m)?.version).toBe(V2);
    expect(earlierVersions(m)).toEqual([V1]);
    expect(recordRound(m, round(V2, '2026-12-05T09:00:00.000Z')).signOff?.rounds).toHaveLength(2);
  });

  it('two people sending apart keep both rounds, in the order sent, and a round both have once', () => {
    const base = recordRound(sampleMinutes(), round(V1, '2026-12-04T09:00:00.000Z'));
    const ours = recordRound(base, round(V2, '2026-12-05T10:00:00.000Z'));
    const theirs = recordRound({ ...base, agenda: base.agenda.slice(1) }, round(V2, '2026-12-05T09:00:00.000Z'));
    const merged = mergeMinutes(base, ours, theirs);
    expect(merged.signOff?.rounds.map((r) => r.sentAt)).toEqual(['2026-12-04T09:00:00.000Z', '2026-12-05T09:00:00.000Z', '2026-12-05T10:00:00.000Z']);
    expect(merged.conflicts).toEqual([]);
    expect(mergeMinutes(sampleMinutes(), sampleMinutes(), ours).signOff?.rounds).toHaveLength(2);
  });
});

describe('what voids a round: the minutes, the same for every viewer', () => {
  const C1 = 'c'.repeat(64);
  const C2 = 'd'.repeat(64);
  const sent = { ...round(V1, '2026-12-01T10:00:00Z'), content: C1 };

  it("counts answers against the round's version while the content is as sent, whatever the viewer's document hashes to", () => {
    // The organiser reads the attendance report, the secretary the replies: their documents differ.
    expect(effectiveVersion(sent, C1, V2)).toBe(V1);
    expect(roundStatus(sent, 'm', effectiveVersion(sent, C1, V2), []).state).toBe('waiting');
  });

  it('voids the round once the content changed', () => {
    expect(roundStatus(sent, 'm', effectiveVersion(sent, C2, V1), []).state).toBe('void');
  });

  it('a round recorded without a content hash compares the document, as before', () => {
    expect(effectiveVersion(round(V1, '2026-12-01T10:00:00Z'), C1, V2)).toBe(V2);
  });

  it("the signed content leaves out the time of the last edit, the rounds, the kept conflicts and the organiser's copy of the attendance, and nothing else", () => {
    const minutes = recordRound({ ...sampleMinutes(), updatedAt: '2026-12-02T08:00:00Z' }, sent);
    const content = signedContent(minutes);
    expect(Object.keys(content).sort()).toEqual(Object.keys(minutes).filter((k) => !['updatedAt', 'signOff', 'conflicts'].includes(k)).sort());
    const copy = { fetchedBy: karin, fetchedAt: '2026-12-02T09:00:00Z', source: 'report' as const, entries: [] };
    expect(signedContent({ ...minutes, updatedAt: '2027-01-01T00:00:00Z', signOff: undefined, attendance: { ...minutes.attendance, organiserCopy: copy } })).toEqual(content);
    // A hand mark is the secretary's: it changes the content.
    expect(signedContent({ ...minutes, attendance: { ...minutes.attendance, marks: [...minutes.attendance.marks, { key: 'id:x', status: 'present' }] } })).not.toEqual(content);
  });

  it('the content hash is kept when the minutes are read back, and a malformed one is dropped', () => {
    const read = restoreMinutes(json(recordRound(sampleMinutes(), sent)));
    expect(read.ok && currentRound(read.minutes)?.content).toBe(C1);
    const bad = restoreMinutes(json(recordRound(sampleMinutes(), { ...sent, content: 'not-a-hash' })));
    expect(bad.ok && currentRound(bad.minutes)?.content).toBeUndefined();
  });
});

describe('what stops sending for approval', () => {
  it('no chair and no adjusters', () => {
    expect(sendRefusals(sampleMinutes(), approversIn(sampleMinutes({ header: { adjusters: [] } }), []))).toEqual([{ reason: 'no-approvers' }]);
  });

  it('an approver outside the directory, or without an address, each named', () => {
    const guest = { key: 'mail:olle@ekby.se', displayName: 'Olle', email: 'olle@ekby.se' };
    const noMail = { key: 'id:lars', displayName: 'Lars' };
    const m = sampleMinutes({ header: { chairKey: 'id:karin', adjusters: [guest, noMail] } });
    const approvers = approversIn(m, [karin]);
    expect(approvers.map((a) => [a.displayName, a.role])).toEqual([['Karin Ekström', 'chair'], ['Olle', 'adjuster'], ['Lars', 'adjuster']]);
    expect(sendRefusals(m, approvers)).toEqual([
      { reason: 'no-account', approvers: [{ ...guest, role: 'adjuster' }] },
      { reason: 'no-email', approvers: [{ ...noMail, role: 'adjuster' }] },
    ]);
  });

  it('both versions of a text not yet settled', () => {
    const m = sampleMinutes({ conflicts: [{ path: '/agenda/i1/title', ours: 'a', theirs: 'b' }] });
    expect(sendRefusals(m, approversIn(m, [karin]))).toEqual([{ reason: 'conflicts', count: 1 }]);
  });
});

describe('approved and returned, as the tab and the document show them', () => {
  const two: SignOffRound = { version: V1, sentAt: '2026-12-04T09:00:00.000Z', sentBy: ahmed, approvers: [{ ...karin, role: 'chair' }, { ...sara, role: 'adjuster' }] };
  const answer = (by: string, at: string, content: object): AnswerFile => ({
    name: `svar-${at}.json`,
    createdBy: { id: by },
    createdDateTime: at,
    content: { kind: 'justera-answer', schemaVersion: 1, meeting: 'm', version: V1, ...content },
  });

  it('"Justerat av" names each approver and when, in the meeting\'s zone, only once all approved', () => {
    const first = answer('karin', '2026-12-03T13:02:00Z', { decision: 'approved' });
    expect(approvalsOf(roundStatus(two, 'm', V1, [first]))).toBeUndefined();
    const approvals = approvalsOf(roundStatus(two, 'm', V1, [first, answer('sara', '2026-12-03T15:30:00Z', { decision: 'approved' })]));
    const m = sampleMinutes({ header: { chairKey: 'id:karin', adjusters: [sara] } });
    const doc = renderMinutes(m, templateFor('protokoll-sv', [], 'sv'), { present: [], guests: [], excused: [], absent: [] }, { approvals });
    expect(doc.sections.find((s) => s.kind === 'approvedBy')).toMatchObject({
      approved: true,
      signers: [
        { name: 'Karin Ekström', role: 'ordförande', approvedAt: '2026-12-03 14:02' },
        { name: 'Sara Lind', role: 'justerare', approvedAt: '2026-12-03 16:30' },
      ],
    });
    expect(doc.header.find((h) => h.id === 'approval')?.value).toBe('Karin Ekström 2026-12-03 14:02, Sara Lind 2026-12-03 16:30');
  });

  it('a returned comment is filed under the section it names, or under none', () => {
    const status = roundStatus(two, 'm', V1, [
      answer('karin', '2026-12-03T13:02:00Z', { decision: 'returned', comment: 'Beslutet saknas', section: 'i2' }),
      answer('sara', '2026-12-03T13:05:00Z', { decision: 'returned', comment: 'Fel datum' }),
    ]);
    expect(status.state).toBe('returned');
    expect([...returnedComments(status)]).toEqual([
      ['i2', [{ by: 'Karin Ekström', comment: 'Beslutet saknas' }]],
      ['', [{ by: 'Sara Lind', comment: 'Fel datum' }]],
    ]);
    // The item is gone from the minutes: the comment joins those on the whole, never out of sight.
    expect([...returnedComments(status, (section) => section !== 'i2')]).toEqual([['', [{ by: 'Karin Ekström', comment: 'Beslutet saknas' }, { by: 'Sara Lind', comment: 'Fel datum' }]]]);
  });
});
