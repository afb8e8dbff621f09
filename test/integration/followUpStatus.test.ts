// The follow-up's status from Planner with the real Graph client against the emulator over HTTP:
// tasks made as the secretary's publishing makes them, changed by members as they would in Planner
// (the emulator's progress endpoint), read back for the follow-up in two $batch requests at most.

import type { RunningEmulator } from '../../emulator/src/server';
import { followUpStatuses } from '../../src/app/followUpStatus';
import type { FollowUp } from '../../src/domain/minutes';
import type { Graph } from '../../src/graph/graph';
import { createTask, groupPlans } from '../../src/graph/planner';
import { DEMO, emulatorWith, graphAs } from './harness';

const { SECRETARY, MEMBER, OUTSIDER, TEAM } = DEMO;
const NOW = new Date('2026-11-23T09:00:00Z');

let emulator: RunningEmulator;
let secretary: Graph;
let planId: string;
beforeAll(async () => {
  emulator = await emulatorWith('demo', NOW);
  secretary = graphAs(emulator, SECRETARY);
  planId = (await secretary.all(groupPlans(TEAM)))[0]!.id;
});
afterAll(() => emulator.close());

/** A member changes a task in Planner. */
async function progress(taskId: string, user: string, percentComplete: 0 | 50 | 100): Promise<void> {
  const answer = await fetch(`${emulator.url}/_emulator/planner/tasks/${encodeURIComponent(taskId)}/progress`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, percentComplete }),
  });
  expect(answer.status).toBe(200);
}

const follow = (id: string, taskId?: string): FollowUp => ({ id, sourceActionId: `a-${id}`, sourceMeeting: 'e0', what: `Uppdrag ${id}`, state: 'open', ...(taskId && { taskId }) });

/** Graph requests a read makes, each a round trip here (the batches are not split at this size). */
function counted(user: string): { graph: Graph; requests: string[] } {
  const requests: string[] = [];
  return { graph: graphAs(emulator, user, { observer: { onRequest: (r) => requests.push(`${r.method} ${new URL(r.url).pathname}`) } }), requests };
}

describe('the follow-up reads its tasks from Planner', () => {
  it('shows each task as not started, in progress, done by whom, or gone, in two batches', async () => {
    const [waiting, going, done] = await Promise.all(['Boka lokal', 'Sammanställa resultaten', 'Ta fram talare'].map((title) => secretary.send(createTask({ planId, title, assigneeIds: [] }))));
    await progress(going!.id, MEMBER, 50);
    await progress(done!.id, MEMBER, 100);
    const followUp = [follow('1', waiting!.id), follow('2', going!.id), follow('3', done!.id), follow('4', 'finnsInteAlls0000000000000000'), follow('5')];

    const { graph, requests } = counted(SECRETARY);
    const statuses = await followUpStatuses(graph, followUp);
    expect(Object.fromEntries(statuses)).toEqual({
      '1': { state: 'not-started', percent: 0 },
      '2': { state: 'in-progress', percent: 50 },
      '3': { state: 'done', percent: 100, completedBy: 'Olof Bergström', completedAt: expect.any(String) },
      '4': { state: 'deleted', percent: 0 },
    });
    expect(Date.parse(statuses.get('3')!.completedAt!)).toBe(NOW.getTime());
    expect(requests).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);
  });

  it('looks up no name it already knows, and a task reopened in Planner is no longer done', async () => {
    const t = await secretary.send(createTask({ planId, title: 'Skicka inbjudan', assigneeIds: [] }));
    await progress(t.id, MEMBER, 100);
    const names = new Map<string, string>();
    expect((await followUpStatuses(secretary, [follow('1', t.id)], names)).get('1')?.completedBy).toBe('Olof Bergström');

    const { graph, requests } = counted(SECRETARY);
    expect((await followUpStatuses(graph, [follow('1', t.id)], names)).get('1')?.completedBy).toBe('Olof Bergström');
    expect(requests).toHaveLength(1);

    await progress(t.id, MEMBER, 0);
    expect((await followUpStatuses(secretary, [follow('1', t.id)], names)).get('1')).toEqual({ state: 'not-started', percent: 0 });
  });

  it("says 'forbidden' to someone outside the plan's group, and reads nothing without tasks", async () => {
    const t = await secretary.send(createTask({ planId, title: 'Utanför gruppen', assigneeIds: [] }));
    const status = (await followUpStatuses(graphAs(emulator, OUTSIDER), [follow('1', t.id)])).get('1');
    expect(status).toMatchObject({ state: 'unknown', problem: { kind: 'forbidden' } });

    const { graph, requests } = counted(SECRETARY);
    expect((await followUpStatuses(graph, [follow('1')])).size).toBe(0);
    expect(requests).toEqual([]);
  });
});
