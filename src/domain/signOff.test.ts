import { answerContent, approversOf, approversWithoutAccount, canonicalJson, roundStatus, type AnswerFile, type SignOffRound } from './signOff';

const KARIN = { key: 'id:8a1f-karin', displayName: 'Karin Ekström', email: 'karin.ekstrom@regionostmark.se' };
const OLOF = { key: 'id:77b2-olof', displayName: 'Olof Bergström', email: 'olof.bergstrom@regionostmark.se' };
const AHMED = { key: 'id:3c9e-ahmed', displayName: 'Ahmed Yilmaz' };
const MEETING = 'k-2026-11-27';
const V1 = 'aaa111';
const V2 = 'bbb222';

const round: SignOffRound = { version: V2, sentAt: '2026-11-27T12:00:00Z', sentBy: AHMED, approvers: approversOf(KARIN, [OLOF, KARIN]) };

let n = 0;
function file(by: { key: string; displayName: string } | undefined, content: unknown, extra: Partial<AnswerFile> = {}): AnswerFile {
  n += 1;
  const author = by && { id: by.key.slice(3), displayName: by.displayName };
  return { name: `svar-${n}.json`, createdBy: author, lastModifiedBy: author, createdDateTime: `2026-11-27T13:0${n % 10}:00Z`, content, ...extra };
}
const approve = (by: typeof KARIN, version = V2, comment?: string) => file(by, answerContent(MEETING, version, 'approved', comment));

describe('canonical JSON', () => {
  it('is one text for one document, whatever the order keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: 'å' } })).toBe(canonicalJson({ a: { c: 'å', d: [2, { x: 0, y: 1 }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(canonicalJson([{ b: 1, a: 2 }])).toBe('[{"a":2,"b":1}]');
  });
});

describe('the approvers', () => {
  it('are the chair and then the adjusters, each once', () => {
    expect(round.approvers.map((a) => [a.displayName, a.role])).toEqual([
      ['Karin Ekström', 'chair'],
      ['Olof Bergström', 'adjuster'],
    ]);
  });

  it('who have no directory account cannot answer by file, and are named', () => {
    const guest = { key: 'mail:lisa@kommun.se', displayName: 'Lisa Holmberg' };
    expect(approversWithoutAccount(approversOf(KARIN, [guest])).map((a) => a.displayName)).toEqual(['Lisa Holmberg']);
  });
});

describe('where a round stands', () => {
  it('waits for every named approver', () => {
    const status = roundStatus(round, MEETING, V2, [approve(KARIN)]);
    expect(status.state).toBe('waiting');
    expect(status.answers.map((a) => a.approver.displayName)).toEqual(['Karin Ekström']);
    expect(status.waitingFor.map((a) => a.displayName)).toEqual(['Olof Bergström']);
    expect(status.flagged).toEqual([]);
  });

  it('is approved when every approver approved this version, with who and when', () => {
    const status = roundStatus(round, MEETING, V2, [approve(KARIN), approve(OLOF)]);
    expect(status.state).toBe('approved');
    expect(status.answers.map((a) => [a.approver.displayName, a.decision, a.at])).toEqual([
      ['Karin Ekström', 'approved', expect.stringMatching(/^2026-11-27T13/)],
      ['Olof Bergström', 'approved', expect.stringMatching(/^2026-11-27T13/)],
    ]);
  });

  it('is returned when one sends it back, with the comment and the section it is about', () => {
    const back = file(OLOF, answerContent(MEETING, V2, 'returned', '  Beslutet i § 3 ska gälla från 1 januari.  ', 'item-3'));
    const status = roundStatus(round, MEETING, V2, [approve(KARIN), back]);
    expect(status.state).toBe('returned');
    expect(status.answers[1]).toMatchObject({ decision: 'returned', comment: 'Beslutet i § 3 ska gälla från 1 januari.', section: 'item-3' });
  });

  it("counts an approver's latest answer", () => {
    const first = file(OLOF, answerContent(MEETING, V2, 'returned', 'Fel datum'), { createdDateTime: '2026-11-27T13:00:00Z' });
    const then = file(OLOF, answerContent(MEETING, V2, 'approved'), { createdDateTime: '2026-11-27T14:00:00Z' });
    expect(roundStatus(round, MEETING, V2, [then, first, approve(KARIN)]).state).toBe('approved');
  });

  it('is void once the minutes changed after sending, even when everyone had approved', () => {
    expect(roundStatus(round, MEETING, 'ccc333', [approve(KARIN), approve(OLOF)]).state).toBe('void');
  });

  it('has no approval without approvers', () => {
    expect(roundStatus({ ...round, approvers: [] }, MEETING, V2, []).state).toBe('waiting');
  });
});

describe('answers that are not counted, each flagged', () => {
  const flags = (files: AnswerFile[]) => roundStatus(round, MEETING, V2, files, [V1]);

  it('a file written by someone who is not an approver, whatever it says inside', () => {
    const forged = file(AHMED, { ...answerContent(MEETING, V2, 'approved'), approver: KARIN.key, createdBy: { id: '8a1f-karin' } });
    const status = flags([forged]);
    expect(status.state).toBe('waiting');
    expect(status.answers).toEqual([]);
    expect(status.flagged).toEqual([{ file: forged.name, reason: 'not-an-approver', by: 'Ahmed Yilmaz' }]);
  });

  it("an approver's file changed afterwards by someone else", () => {
    const changed = approve(KARIN);
    changed.lastModifiedBy = { id: '3c9e-ahmed', displayName: 'Ahmed Yilmaz' };
    expect(flags([changed]).flagged).toEqual([{ file: changed.name, reason: 'altered', by: 'Karin Ekström' }]);
  });

  it('an approval of an earlier version, and of a version never sent', () => {
    const old = approve(KARIN, V1);
    const unknown = approve(OLOF, 'fff999');
    const status = flags([old, unknown]);
    expect(status.state).toBe('waiting');
    expect(status.flagged.map((f) => f.reason)).toEqual(['earlier-version', 'unknown-version']);
  });

  it("an approval copied from another meeting's folder", () => {
    const copied = file(KARIN, answerContent('another-meeting', V2, 'approved'));
    expect(flags([copied]).flagged.map((f) => f.reason)).toEqual(['other-meeting']);
  });

  it('a file no user created, and one that is not an answer', () => {
    const byApp = file(undefined, answerContent(MEETING, V2, 'approved'));
    const notJson = file(KARIN, undefined);
    const other = file(KARIN, { kind: 'justera-answer', schemaVersion: 2, meeting: MEETING, version: V2, decision: 'approved' });
    const badDecision = file(KARIN, { ...answerContent(MEETING, V2, 'approved'), decision: 'yes' });
    expect(flags([byApp, notJson, other, badDecision]).flagged.map((f) => f.reason)).toEqual(['no-author', 'unreadable', 'unreadable', 'unreadable']);
  });

  it('compares directory ids without regard to case, as Graph does', () => {
    const upper = approve(KARIN);
    upper.createdBy = { id: '8A1F-KARIN', displayName: 'Karin Ekström' };
    upper.lastModifiedBy = upper.createdBy;
    expect(roundStatus(round, MEETING, V2, [upper]).answers).toHaveLength(1);
  });
});
