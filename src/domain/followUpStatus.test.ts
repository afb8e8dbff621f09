import { linkFollowUpTasks, mayLinkTasks, stateOfPercent, takeStatusFromPlanner, type FollowUpStatus } from './followUpStatus';
import type { FollowUp, Minutes } from './minutes';
import { sampleMinutes } from './minutesFixtures';

const follow = (id: string, over: Partial<FollowUp> = {}): FollowUp => ({ id, sourceActionId: `a-${id}`, sourceMeeting: 'e0', what: `Uppdrag ${id}`, state: 'open', ...over });

const published = (eventId: string, tasks: [string, string][], followUp: FollowUp[] = []): Pick<Minutes, 'meeting' | 'followUp' | 'publication'> => ({
  meeting: { ...sampleMinutes().meeting, eventId },
  followUp,
  publication: {
    version: 'v1',
    publishedAt: '2026-12-05T09:00:00.000Z',
    publishedBy: { key: 'id:ahmed', displayName: 'Ahmed Yilmaz' },
    document: { id: 'doc', name: 'Protokoll.docx', webUrl: 'https://example.test/doc' },
    message: { id: 'msg' },
    tasks: tasks.map(([actionId, taskId]) => ({ actionId, taskId, title: 't', assigneeIds: [] })),
  },
});

describe('a task found after the minutes were made', () => {
  it('is filled in from earlier minutes published since, by their action, and from what they carried', () => {
    const followUp = [follow('1'), follow('2', { sourceMeeting: 'older', sourceActionId: 'x' }), follow('3')];
    const earlier = published('e0', [['a-1', 'task-1']], [follow('c', { sourceMeeting: 'older', sourceActionId: 'x', taskId: 'task-x' })]);
    expect(linkFollowUpTasks(followUp, [earlier]).map((f) => f.taskId)).toEqual(['task-1', 'task-x', undefined]);
  });

  it('keeps a task the follow-up has, and gives back the same list when nothing is new', () => {
    const followUp = [follow('1', { taskId: 'mine' }), follow('3')];
    expect(linkFollowUpTasks(followUp, [published('e0', [['a-1', 'other']])])).toBe(followUp);
    expect(linkFollowUpTasks(followUp, [])).toBe(followUp);
  });

  it('is written only into minutes not yet sent for approval, whose content it is', () => {
    expect(mayLinkTasks({})).toBe(true);
    expect(mayLinkTasks({ signOff: { rounds: [] } })).toBe(true);
    expect(mayLinkTasks({ signOff: { rounds: [{} as never] } })).toBe(false);
  });
});

describe("Planner's percentage", () => {
  it('means not started at 0, done at 100 and in progress between', () => {
    expect([0, 1, 50, 99, 100].map(stateOfPercent)).toEqual(['not-started', 'in-progress', 'in-progress', 'in-progress', 'done']);
  });
});

describe('taking the status over from Planner', () => {
  const minutes = sampleMinutes({
    followUp: [
      follow('done', { taskId: 't1' }),
      follow('commented', { taskId: 't2', comment: 'Redovisas muntligt' }),
      follow('going', { taskId: 't3' }),
      follow('gone', { taskId: 't4' }),
      follow('unpublished'),
    ],
  });
  const statuses = new Map<string, FollowUpStatus>([
    ['done', { state: 'done', percent: 100, completedBy: 'Olof Berg', completedAt: '2026-12-09T23:30:00Z' }],
    ['commented', { state: 'done', percent: 100 }],
    ['going', { state: 'in-progress', percent: 50 }],
    ['gone', { state: 'deleted', percent: 0 }],
  ]);

  it('marks done what is done in Planner, saying when and by whom, and leaves the rest open to carry on', () => {
    const taken = takeStatusFromPlanner(minutes, statuses);
    expect(taken.minutes.followUp.map((f) => [f.id, f.state, f.comment])).toEqual([
      // The date is the meeting's own (Stockholm): 23:30 UTC on the 9th is the 10th there.
      ['done', 'done', 'Klar i Planner 2026-12-10 av Olof Berg'],
      ['commented', 'done', 'Redovisas muntligt'],
      ['going', 'open', undefined],
      ['gone', 'open', undefined],
      ['unpublished', 'open', undefined],
    ]);
    expect([taken.done, taken.open]).toEqual([2, 1]);
  });

  it('writes the comment in the minutes\' language, without what Planner did not say', () => {
    const taken = takeStatusFromPlanner({ ...minutes, language: 'en' }, new Map([['done', { state: 'done', percent: 100 }]]));
    expect(taken.minutes.followUp[0]!.comment).toBe('Done in Planner');
  });

  it('changes nothing when nothing is done', () => {
    const taken = takeStatusFromPlanner(minutes, new Map([['going', { state: 'in-progress', percent: 50 }]]));
    expect(taken.minutes).toBe(minutes);
  });
});
