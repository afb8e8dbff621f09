import { sampleMinutes } from './minutesFixtures';
import type { PersonRef } from './minutes';
import { bucketName, isDescribed, matchTasks, plannedTasks, publicationRecord, type Assignment, type ExistingTask } from './publish';

const olof: PersonRef = { key: 'id:olof', displayName: 'Olof Berg', organisation: 'Region Östmark' };
const vera: PersonRef = { key: 'id:vera', displayName: 'Vera Gäst' };
const assign = (p: PersonRef): Assignment => (p.key === 'id:olof' ? { userId: 'olof' } : { reason: 'guest' });
const links = { document: { url: 'https://x/P.docx', name: 'P.docx' }, item: (id: string) => `https://teams/l?item=${id}` };

const minutes = sampleMinutes({
  firstParagraph: 12,
  agenda: [
    { id: 'i1', title: 'Ekonomi', subPoints: [], notes: [], decisions: [], actions: [{ id: 'a1', what: 'Skicka  underlaget\n', owner: olof, due: '2026-12-11' }, { id: 'a2', what: 'Skicka underlaget', owner: vera }] },
    { id: 'i2', title: 'Övrigt', subPoints: [], notes: [], decisions: [], actions: [{ id: 'a3', what: '   ' }, { id: 'a4', what: 'Boka lokal' }] },
  ],
});

describe('the tasks approved minutes become', () => {
  const planned = plannedTasks(minutes, { numbered: true, title: 'Protokoll, Samordningsgrupp', assign, links });

  it('one per action with text, in the order of the minutes, each title unique among them', () => {
    expect(planned.map((p) => [p.actionId, p.title])).toEqual([
      ['a1', 'Skicka underlaget'],
      ['a2', 'Skicka underlaget (2)'],
      ['a4', 'Boka lokal'],
    ]);
  });

  it('assigned to an owner Planner can assign, with the due date; otherwise unassigned, the owner and the reason in the description', () => {
    expect(planned[0]).toMatchObject({ assigneeIds: ['olof'], dueDateTime: '2026-12-11T12:00:00Z', unassigned: undefined });
    expect(planned[0]!.description).toBe('Skicka  underlaget\n\nAnsvarig: Olof Berg, Region Östmark\nSenast: 2026-12-11\nFrån: Protokoll, Samordningsgrupp, § 12 Ekonomi');
    expect(planned[1]).toMatchObject({ assigneeIds: [], unassigned: 'guest' });
    expect(planned[1]!.description).toContain('Ansvarig: Vera Gäst (gästkonto');
    expect(planned[2]).toMatchObject({ unassigned: 'no-owner' });
    expect(planned[2]!.description).toContain('§ 13 Övrigt');
  });

  it('links back to the agenda item and the Word file', () => {
    expect(planned[2]!.references).toEqual([
      { url: 'https://teams/l?item=i2', alias: 'Punkten i protokollet: § 13 Övrigt', type: 'Other' },
      { url: 'https://x/P.docx', alias: 'P.docx', type: 'Word' },
    ]);
  });

  it('in English minutes, in English', () => {
    const en = plannedTasks({ ...minutes, language: 'en' }, { numbered: false, title: 'Minutes', assign, links });
    expect(en[1]!.description).toContain('Owner: Vera Gäst (guest account');
    expect(en[2]!.references[0]!.alias).toBe('The item in the minutes: Övrigt');
  });

  it('a title longer than Planner takes is cut, still unique', () => {
    const long = 'x'.repeat(400);
    const m = { ...minutes, agenda: [{ ...minutes.agenda[0]!, actions: [{ id: 'a', what: long }, { id: 'b', what: long }] }] };
    const titles = plannedTasks(m, { numbered: false, title: 'T', assign, links }).map((p) => p.title);
    expect(titles.every((t) => t.length <= 255)).toBe(true);
    expect(new Set(titles).size).toBe(2);
  });
});

describe('finding what an earlier run created', () => {
  const planned = plannedTasks(minutes, { numbered: true, title: 'P', assign, links });
  const task = (id: string, title: string, over: Partial<ExistingTask> = {}): ExistingTask => ({ id, title, bucketId: 'b', createdBy: 'me', createdDateTime: '2026-12-02T10:00:00Z', assigneeIds: [], ...over });
  const by = { userId: 'ME', bucketId: 'b', since: '2026-12-02T09:00:00Z' };

  it('pairs tasks by title, in the order created; leaves others’, older ones and other buckets’ alone', () => {
    const found = matchTasks(
      planned,
      [
        task('t-old', 'Skicka underlaget', { createdDateTime: '2026-11-01T10:00:00Z' }),
        task('t-other', 'Skicka underlaget', { createdBy: 'someone' }),
        task('t-else', 'Boka lokal', { bucketId: 'c' }),
        task('t2', 'Skicka underlaget (2)', { createdDateTime: '2026-12-02T10:00:02Z' }),
        task('t1', 'Skicka underlaget', { createdDateTime: '2026-12-02T10:00:01Z' }),
        task('t1b', 'Skicka underlaget', { createdDateTime: '2026-12-02T10:00:03Z' }),
      ],
      by,
    );
    expect([...found].map(([a, t]) => [a, t.id])).toEqual([
      ['a1', 't1'],
      ['a2', 't2'],
    ]);
  });

  it('details already written are left alone; missing a reference, or another text, are written', () => {
    const p = planned[0]!;
    expect(isDescribed({ description: p.description, references: p.references }, p)).toBe(true);
    expect(isDescribed({ description: p.description, references: p.references.slice(1) }, p)).toBe(false);
    expect(isDescribed({ description: '', references: [] }, p)).toBe(false);
  });

  it('the record names each task that was created, with the owners left unassigned', () => {
    const record = publicationRecord({
      version: 'v',
      publishedAt: 't',
      publishedBy: olof,
      document: { id: 'd', name: 'n', webUrl: 'u' },
      message: { id: 'm' },
      planned,
      taskIds: new Map([
        ['a1', 'T1'],
        ['a2', 'T2'],
      ]),
    });
    expect(record.tasks).toEqual([
      { actionId: 'a1', taskId: 'T1', title: 'Skicka underlaget', assigneeIds: ['olof'] },
      { actionId: 'a2', taskId: 'T2', title: 'Skicka underlaget (2)', assigneeIds: [], unassigned: 'guest' },
    ]);
  });

  it('names the meeting’s bucket by its date in its zone and its subject', () => {
    expect(bucketName({ start: '2026-12-03T23:30:00Z', timeZone: 'Europe/Stockholm', subject: ' Samordningsgrupp ' })).toBe('2026-12-04 Samordningsgrupp');
  });
});
