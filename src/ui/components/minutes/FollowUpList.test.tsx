/**
 * @jest-environment jsdom
 */
// The follow-up with its tasks' status from Planner, as the page shows it in English: each state in
// words beside its follow-up, nothing for one never published, and "Take status from Planner" as one
// edit that marks done what is done and says what it did.

import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { FollowUpStatus } from '../../../domain/followUpStatus';
import type { FollowUp, Minutes } from '../../../domain/minutes';
import { sampleMinutes } from '../../../domain/minutesFixtures';
import { Problem } from '../../../domain/problems';
import { I18nProvider } from '../../i18n';
import type { MinutesEditing } from './editing';
import { FollowUpList } from './FollowUpList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const follow = (id: string, what: string, taskId?: string): FollowUp => ({ id, sourceActionId: `a-${id}`, sourceMeeting: 'e0', what, state: 'open', ...(taskId && { taskId }) });

const statuses = new Map<string, FollowUpStatus>([
  ['1', { state: 'not-started', percent: 0 }],
  ['2', { state: 'in-progress', percent: 50 }],
  ['3', { state: 'done', percent: 100, completedBy: 'Olof Berg', completedAt: '2026-12-10T09:00:00Z' }],
  ['4', { state: 'deleted', percent: 0 }],
  ['5', { state: 'unknown', percent: 0, problem: new Problem('forbidden', 'no') }],
]);

function mount() {
  const minutes: Minutes = sampleMinutes({
    followUp: [follow('1', 'Book a room', 't1'), follow('2', 'Collect figures', 't2'), follow('3', 'Invite speakers', 't3'), follow('4', 'Old task', 't4'), follow('5', 'Hidden plan', 't5'), follow('6', 'Never published')],
  });
  const state = { minutes, edits: 0 };
  const edit: MinutesEditing = {
    update: (change) => {
      state.edits++;
      state.minutes = change(state.minutes);
    },
    newId: () => 'new',
    people: [],
    conflicts: [],
    offerUndo: () => undefined,
    today: '2026-12-11',
  };
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const draw = () =>
    root.render(
      <I18nProvider language="en">
        <FollowUpList followUp={state.minutes.followUp} headingId="h" edit={edit} planner={{ statuses, reading: false }} timeZone="Europe/Stockholm" />
      </I18nProvider>,
    );
  act(draw);
  const row = (what: string) => [...container.querySelectorAll('li')].find((li) => li.textContent?.includes(what))!.textContent ?? '';
  return { container, state, row, draw };
}

test('each follow-up shows its task as Planner has it, and one never published shows nothing from Planner', () => {
  const { row } = mount();
  expect(row('Book a room')).toContain('In Planner: Not started');
  expect(row('Collect figures')).toContain('In Planner: In progress (50%)');
  expect(row('Invite speakers')).toMatch(/In Planner: Done – \u2068?Olof Berg\u2069? 2026-12-10/);
  expect(row('Old task')).toContain('The task is no longer in Planner');
  expect(row('Hidden plan')).toContain("You do not have permission to read the group's plan in Planner.");
  expect(row('Never published')).not.toContain('Planner');
});

test('"Take status from Planner" marks done what is done, in one edit, and says so', () => {
  const { container, state, draw } = mount();
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Take status from Planner')!;
  act(() => button.click());
  act(draw);
  expect(state.edits).toBe(1);
  expect(state.minutes.followUp.map((f) => f.state)).toEqual(['open', 'open', 'done', 'open', 'open', 'open']);
  // The comment is in the minutes' own language (Swedish here), whatever the page's.
  expect(state.minutes.followUp[2]!.comment).toBe('Klar i Planner 2026-12-10 av Olof Berg');
  expect(container.querySelector('[role="status"]')?.textContent).toBe('Marked done as in Planner: 1. Carried on to the next meeting: 2.');
});
