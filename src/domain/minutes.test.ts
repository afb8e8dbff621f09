import { firstParagraphFor, followUpFrom, newMinutes, paragraphNumbers } from './minutes';
import { sampleMinutes } from './minutesFixtures';

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('new minutes', () => {
  it('are prefilled from the meeting and the agenda found in the invitation', () => {
    const m = newMinutes({
      meeting: sampleMinutes().meeting,
      templateId: 'minnesanteckningar-sv',
      language: 'sv',
      agenda: [{ time: '08:00', title: 'Inledning', subPoints: [] }, { time: '08:10', title: 'Länskonferensen 2026', presenter: 'Karin E', subPoints: ['Program'] }],
      newId: ids(),
      now: new Date('2026-12-04T07:05:00Z'),
    });
    expect(m.agenda.map((i) => [i.id, i.time, i.title, i.presenter, i.subPoints])).toEqual([
      ['id-1', '08:00', 'Inledning', undefined, []],
      ['id-2', '08:10', 'Länskonferensen 2026', 'Karin E', ['Program']],
    ]);
    expect(m.agenda[0]).toMatchObject({ notes: [], decisions: [], actions: [] });
    expect(m.updatedAt).toBe('2026-12-04T07:05:00.000Z');
  });
});

describe('paragraph numbers in formal minutes', () => {
  it('number the items from the first paragraph', () => {
    expect([...paragraphNumbers({ ...sampleMinutes(), firstParagraph: 45 }).values()]).toEqual([45, 46]);
  });

  it('continue across the year from the last minutes before this meeting', () => {
    const earlier = [
      { start: '2026-09-12T11:00:00Z', firstParagraph: 30, items: 6 },
      { start: '2026-11-14T12:00:00Z', firstParagraph: 45, items: 5 },
      { start: '2027-01-23T12:00:00Z', firstParagraph: 1, items: 4 }, // after this meeting
    ];
    expect(firstParagraphFor('2026-12-12T12:00:00Z', earlier)).toBe(50);
  });

  it('start at 1 in a new year, and when there is nothing earlier', () => {
    expect(firstParagraphFor('2027-01-23T12:00:00Z', [{ start: '2026-11-14T12:00:00Z', firstParagraph: 45, items: 5 }])).toBe(1);
    expect(firstParagraphFor('2026-03-01T12:00:00Z', [])).toBe(1);
  });
});

describe('follow-up of the previous meeting', () => {
  it('lists every action of the previous minutes as open, and what was carried on before', () => {
    const previous = sampleMinutes({
      followUp: [
        { id: 'f1', sourceActionId: 'old-1', sourceMeeting: 'e0', what: 'Enkät till gruppen', state: 'carried' },
        { id: 'f2', sourceActionId: 'old-2', sourceMeeting: 'e0', what: 'Klart sedan länge', state: 'done' },
      ],
    });
    const follow = followUpFrom(previous, ids());
    expect(follow.map((f) => [f.what, f.state, f.sourceMeeting, f.sourceActionId])).toEqual([
      ['Enkät till gruppen', 'open', 'e0', 'old-1'],
      ['Skicka underlaget', 'open', 'e1', 'a1'],
    ]);
    expect(follow[1]!.owner?.displayName).toBe('Sara Lind');
  });
});

describe('follow-up of published minutes', () => {
  const publication = (tasks: { actionId: string; taskId: string }[]) => ({
    version: 'v1',
    publishedAt: '2026-12-05T09:00:00.000Z',
    publishedBy: { key: 'id:ahmed', displayName: 'Ahmed Yilmaz' },
    document: { id: 'doc', name: 'Protokoll.docx', webUrl: 'https://example.test/doc' },
    message: { id: 'msg' },
    planId: 'plan',
    tasks: tasks.map((t) => ({ ...t, title: 't', assigneeIds: [] })),
  });

  it('brings the Planner task each action became, and carried follow-ups keep theirs', () => {
    const previous = sampleMinutes({
      followUp: [{ id: 'f1', sourceActionId: 'old-1', sourceMeeting: 'e0', what: 'Enkät till gruppen', state: 'carried', taskId: 'task-old' }],
      publication: publication([{ actionId: 'a1', taskId: 'task-a1' }]),
    });
    expect(followUpFrom(previous, ids()).map((f) => [f.what, f.taskId])).toEqual([
      ['Enkät till gruppen', 'task-old'],
      ['Skicka underlaget', 'task-a1'],
    ]);
  });

  it('has no task where the earlier minutes were never published', () => {
    expect(followUpFrom(sampleMinutes(), ids())[0]).not.toHaveProperty('taskId');
  });
});
