import type { RunningEmulator } from '../src/server';
import { call, CHAIR_ID, MEMBER, scenarioInfo, SECRETARY, SECRETARY_ID, start, type Json } from './helpers';

let emu: RunningEmulator;
let team: Json;
beforeAll(async () => {
  emu = await start();
  team = (await scenarioInfo(emu)).resolved.teams[0];
});
afterAll(() => emu.close());

describe('Planner tasks in the scenario', () => {
  test("the demo plan holds the published actions' tasks as members left them: assigned, one completed by its member", async () => {
    const r = await call(emu, MEMBER, `/planner/plans/${team.plans[0].id}/tasks`);
    const byTitle = new Map(r.body.value.map((t: Json) => [t.title, t]));
    const speakers: Json = byTitle.get('Ta fram förslag på talare från kommunerna');
    expect(speakers).toMatchObject({ percentComplete: 100, completedBy: { user: { id: '88b6dfbb-222b-46c7-a75e-ce6a5d2ad300' } }, completedDateTime: expect.any(String), bucketId: team.plans[0].buckets[0].id });
    expect(Object.keys(speakers.assignments)).toEqual(['88b6dfbb-222b-46c7-a75e-ce6a5d2ad300']);
    expect(byTitle.get('Sammanställa resultaten från första mätningen')).toMatchObject({ percentComplete: 50, completedBy: null });
    expect(byTitle.get('Boka lokal för länskonferensen')).toMatchObject({ percentComplete: 0, completedDateTime: null });
  });
});

describe('Planner plans and buckets (listing)', () => {
  test("the demo team's group has the plan Samordningsgrupp Nära vård", async () => {
    const r = await call(emu, MEMBER, `/groups/${team.id}/planner/plans`);
    expect(r.status).toBe(200);
    expect(r.body.value).toEqual([
      {
        '@odata.etag': expect.stringMatching(/^W\/"/),
        createdDateTime: '2024-02-14T10:02:11Z',
        owner: team.id,
        title: 'Samordningsgrupp Nära vård',
        id: team.plans[0].id,
        createdBy: { user: { displayName: null, id: CHAIR_ID }, application: { displayName: null, id: expect.any(String) } },
        container: { containerId: team.id, type: 'group', url: `https://graph.microsoft.com/v1.0/groups/${team.id}` },
      },
    ]);
    const plan = await call(emu, MEMBER, `/planner/plans/${team.plans[0].id}`);
    expect(plan.body).toMatchObject({ id: team.plans[0].id, title: 'Samordningsgrupp Nära vård' });
  });

  test('buckets of the plan', async () => {
    const r = await call(emu, MEMBER, `/planner/plans/${team.plans[0].id}/buckets`);
    expect(r.body.value.map((b: Json) => b.name)).toEqual(['Fram till kommande möte', 'Pågående', 'Klart']);
    expect(r.body.value[0]).toMatchObject({ planId: team.plans[0].id, orderHint: expect.any(String), '@odata.etag': expect.any(String), id: expect.any(String) });
  });

  test('403 outside the group, 404 for what does not exist', async () => {
    const outsider = 'nils.ahl@regionostmark.se';
    expect((await call(emu, outsider, `/groups/${team.id}/planner/plans`)).status).toBe(403);
    expect((await call(emu, outsider, `/planner/plans/${team.plans[0].id}/buckets`)).status).toBe(403);
    expect((await call(emu, MEMBER, '/planner/plans/nope/buckets')).status).toBe(404);
    expect((await call(emu, MEMBER, '/groups/00000000-0000-0000-0000-000000000000/planner/plans')).status).toBe(404);
  });
});

const OUTSIDER = 'nils.ahl@regionostmark.se';
const MEMBER_ID = '200e524a-1d89-4ede-b9c2-7a70d509b636';
const assignment = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' };

function post(user: string, path: string, body: unknown) {
  return call(emu, user, path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

function patch(user: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return call(emu, user, path, { method: 'PATCH', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function newTask(extra: Record<string, unknown> = {}): Promise<Json> {
  const r = await post(SECRETARY, '/planner/tasks', { planId: team.plans[0].id, bucketId: team.plans[0].buckets[0].id, title: 'Skicka underlaget', ...extra });
  expect(r.status).toBe(201);
  return r.body;
}

async function userId(upn: string): Promise<string> {
  return (await call(emu, SECRETARY, `/users/${upn}`)).body.id;
}

describe('Planner writes: buckets and tasks', () => {
  test('a member creates a bucket; it is listed with the plan', async () => {
    const r = await post(SECRETARY, '/planner/buckets', { name: 'Möte 2026-11-23', planId: team.plans[0].id, orderHint: ' !' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'Möte 2026-11-23', planId: team.plans[0].id, '@odata.etag': expect.stringMatching(/^W\//), id: expect.stringMatching(/^[\w-]{28}$/) });
    expect(r.body.orderHint).not.toBe(' !');
    const list = await call(emu, MEMBER, `/planner/plans/${team.plans[0].id}/buckets`);
    expect(list.body.value.map((b: Json) => b.id)).toContain(r.body.id);
    expect((await post(OUTSIDER, '/planner/buckets', { name: 'x', planId: team.plans[0].id })).status).toBe(403);
    expect((await post(SECRETARY, '/planner/buckets', { planId: team.plans[0].id })).status).toBe(400);
  });

  test('a task with an assignee and a due date is created, read back and listed with its plan', async () => {
    const task = await newTask({ assignments: { [MEMBER_ID]: assignment }, dueDateTime: '2026-12-07T16:00:00Z' });
    expect(task).toMatchObject({
      planId: team.plans[0].id,
      bucketId: team.plans[0].buckets[0].id,
      title: 'Skicka underlaget',
      percentComplete: 0,
      dueDateTime: '2026-12-07T16:00:00Z',
      completedBy: null,
      completedDateTime: null,
      hasDescription: false,
      createdBy: { user: { id: SECRETARY_ID } },
      assignments: { [MEMBER_ID]: { '@odata.type': '#microsoft.graph.plannerAssignment', assignedBy: { user: { id: SECRETARY_ID } }, orderHint: expect.any(String) } },
    });
    expect(task.assignments[MEMBER_ID].orderHint).not.toBe(' !');
    const got = await call(emu, MEMBER, `/planner/tasks/${task.id}`);
    expect(got.status).toBe(200);
    expect(got.body['@odata.etag']).toBe(task['@odata.etag']);
    const list = await call(emu, MEMBER, `/planner/plans/${team.plans[0].id}/tasks`);
    expect(list.body.value.map((t: Json) => t.id)).toContain(task.id);
  });

  test('only members of the group may be assigned; only members may read or write', async () => {
    const outsiderId = await userId(OUTSIDER);
    const r = await post(SECRETARY, '/planner/tasks', { planId: team.plans[0].id, title: 'x', assignments: { [outsiderId]: assignment } });
    expect(r.status).toBe(403);
    const before = (await call(emu, SECRETARY, `/planner/plans/${team.plans[0].id}/tasks`)).body.value.length;
    expect((await post(SECRETARY, '/planner/tasks', { planId: team.plans[0].id, title: 'x', assignments: { [MEMBER_ID]: { orderHint: ' !' } } })).status).toBe(400);
    expect((await call(emu, SECRETARY, `/planner/plans/${team.plans[0].id}/tasks`)).body.value.length).toBe(before);
    const task = await newTask();
    expect((await call(emu, OUTSIDER, `/planner/tasks/${task.id}`)).status).toBe(403);
    expect((await call(emu, OUTSIDER, `/planner/tasks/${task.id}/details`)).status).toBe(403);
    expect((await call(emu, OUTSIDER, `/planner/plans/${team.plans[0].id}/tasks`)).status).toBe(403);
    expect((await post(OUTSIDER, '/planner/tasks', { planId: team.plans[0].id, title: 'x' })).status).toBe(403);
    expect((await patch(OUTSIDER, `/planner/tasks/${task.id}`, { title: 'y' }, { 'If-Match': task['@odata.etag'] })).status).toBe(403);
    expect((await call(emu, MEMBER, '/planner/tasks/nope')).status).toBe(404);
  });

  test('a bucket of another plan, a start after the due date, or no plan is a 400', async () => {
    expect((await post(SECRETARY, '/planner/tasks', { planId: team.plans[0].id, bucketId: 'x'.repeat(28), title: 'x' })).status).toBe(400);
    expect((await post(SECRETARY, '/planner/tasks', { title: 'x' })).status).toBe(400);
    const r = await post(SECRETARY, '/planner/tasks', { planId: team.plans[0].id, title: 'x', startDateTime: '2026-12-08T00:00:00Z', dueDateTime: '2026-12-07T00:00:00Z' });
    expect(r.status).toBe(400);
  });
});

describe('Planner writes: If-Match and eTags', () => {
  test('PATCH a task: 204 with its own eTag, which then changes; the old one is 412; none is 412', async () => {
    const task = await newTask();
    const etag = task['@odata.etag'];
    expect((await patch(SECRETARY, `/planner/tasks/${task.id}`, { title: 'Nytt namn' })).status).toBe(412);
    const r = await patch(SECRETARY, `/planner/tasks/${task.id}`, { title: 'Nytt namn' }, { 'If-Match': etag });
    expect(r.status).toBe(204);
    expect(r.body).toBeUndefined();
    const after = (await call(emu, SECRETARY, `/planner/tasks/${task.id}`)).body;
    expect(after.title).toBe('Nytt namn');
    expect(after['@odata.etag']).not.toBe(etag);
    const stale = await patch(SECRETARY, `/planner/tasks/${task.id}`, { title: 'Igen' }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect((await call(emu, SECRETARY, `/planner/tasks/${task.id}`)).body.title).toBe('Nytt namn');
  });

  test('PATCH assignments: null unassigns, an outsider is refused and the task is left as it was', async () => {
    const task = await newTask({ assignments: { [MEMBER_ID]: assignment } });
    const outsiderId = await userId(OUTSIDER);
    const refused = await patch(SECRETARY, `/planner/tasks/${task.id}`, { assignments: { [MEMBER_ID]: null, [outsiderId]: assignment } }, { 'If-Match': task['@odata.etag'] });
    expect(refused.status).toBe(403);
    const same = (await call(emu, SECRETARY, `/planner/tasks/${task.id}`)).body;
    expect(Object.keys(same.assignments)).toEqual([MEMBER_ID]);
    expect(same['@odata.etag']).toBe(task['@odata.etag']);
    const r = await patch(SECRETARY, `/planner/tasks/${task.id}`, { assignments: { [MEMBER_ID]: null, [CHAIR_ID]: assignment } }, { 'If-Match': task['@odata.etag'], Prefer: 'return=representation' });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.assignments)).toEqual([CHAIR_ID]);
  });

  test('Prefer: return=representation answers 200 with the task', async () => {
    const task = await newTask();
    const r = await patch(SECRETARY, `/planner/tasks/${task.id}`, { dueDateTime: '2026-12-01T08:00:00Z' }, { 'If-Match': task['@odata.etag'], Prefer: 'return=representation' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: task.id, dueDateTime: '2026-12-01T08:00:00Z' });
    expect(r.body['@odata.etag']).not.toBe(task['@odata.etag']);
  });

  test("details have their own eTag: the task's is 412, the details' works and then changes", async () => {
    const task = await newTask();
    const details = await call(emu, SECRETARY, `/planner/tasks/${task.id}/details`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ id: task.id, description: '', references: {}, checklist: {}, previewType: 'automatic' });
    expect(details.body['@odata.etag']).not.toBe(task['@odata.etag']);
    const body = { description: 'Ur protokollet, punkt 4', previewType: 'description' };
    expect((await patch(SECRETARY, `/planner/tasks/${task.id}/details`, body, { 'If-Match': task['@odata.etag'] })).status).toBe(412);
    expect((await patch(SECRETARY, `/planner/tasks/${task.id}/details`, body)).status).toBe(412);
    const r = await patch(SECRETARY, `/planner/tasks/${task.id}/details`, body, { 'If-Match': details.body['@odata.etag'], Prefer: 'return=representation' });
    expect(r.status).toBe(200);
    expect(r.body.description).toBe('Ur protokollet, punkt 4');
    expect(r.body['@odata.etag']).not.toBe(details.body['@odata.etag']);
    expect((await patch(SECRETARY, `/planner/tasks/${task.id}/details`, body, { 'If-Match': details.body['@odata.etag'] })).status).toBe(412);
    expect((await call(emu, SECRETARY, `/planner/tasks/${task.id}`)).body.hasDescription).toBe(true);
  });

  test('references are keyed by the percent-encoded URL; a raw one is a 400; checklist items are kept', async () => {
    const task = await newTask();
    const etag = (await call(emu, SECRETARY, `/planner/tasks/${task.id}/details`)).body['@odata.etag'];
    const url = 'https://regionostmark.sharepoint.com/sites/Naravard/Protokoll 1.docx#punkt-4';
    const key = url.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/:/g, '%3A').replace(/@/g, '%40').replace(/#/g, '%23');
    const ref = { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'Protokoll', type: 'Word' };
    expect((await patch(SECRETARY, `/planner/tasks/${task.id}/details`, { references: { [url]: ref } }, { 'If-Match': etag })).status).toBe(400);
    const checklist = { 'a1b2': { '@odata.type': '#microsoft.graph.plannerChecklistItem', title: 'Läs förslaget', isChecked: false } };
    const r = await patch(SECRETARY, `/planner/tasks/${task.id}/details`, { references: { [key]: ref }, checklist }, { 'If-Match': etag, Prefer: 'return=representation' });
    expect(r.status).toBe(200);
    expect(r.body.references[key]).toMatchObject({ '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'Protokoll', type: 'Word', lastModifiedBy: { user: { id: SECRETARY_ID } } });
    expect(r.body.checklist.a1b2).toMatchObject({ title: 'Läs förslaget', isChecked: false });
    const t = (await call(emu, SECRETARY, `/planner/tasks/${task.id}`)).body;
    expect(t).toMatchObject({ referenceCount: 1, checklistItemCount: 1, activeChecklistItemCount: 1 });
  });

  test('percentComplete 100 sets completedBy and completedDateTime; below 100 clears them', async () => {
    const task = await newTask({ assignments: { [MEMBER_ID]: assignment } });
    const done = await patch(MEMBER, `/planner/tasks/${task.id}`, { percentComplete: 100 }, { 'If-Match': task['@odata.etag'], Prefer: 'return=representation' });
    expect(done.body).toMatchObject({ percentComplete: 100, completedBy: { user: { id: MEMBER_ID } }, completedDateTime: '2026-11-23T09:00:00Z' });
    const reopened = await patch(MEMBER, `/planner/tasks/${task.id}`, { percentComplete: 50 }, { 'If-Match': done.body['@odata.etag'], Prefer: 'return=representation' });
    expect(reopened.body).toMatchObject({ percentComplete: 50, completedBy: null, completedDateTime: null });
  });

  test('writes work inside $batch, with If-Match in the item headers', async () => {
    const task = await newTask();
    const details = (await call(emu, SECRETARY, `/planner/tasks/${task.id}/details`)).body;
    const r = await post(SECRETARY, '/$batch', {
      requests: [
        { id: '1', method: 'PATCH', url: `/planner/tasks/${task.id}/details`, headers: { 'Content-Type': 'application/json', 'If-Match': details['@odata.etag'] }, body: { description: 'i batch' } },
        { id: '2', method: 'PATCH', url: `/planner/tasks/${task.id}/details`, headers: { 'Content-Type': 'application/json', 'If-Match': task['@odata.etag'] }, body: { description: 'fel etag' } },
      ],
    });
    const byId = Object.fromEntries(r.body.responses.map((x: Json) => [x.id, x.status]));
    expect(byId).toEqual({ '1': 204, '2': 412 });
    expect((await call(emu, SECRETARY, `/planner/tasks/${task.id}/details`)).body.description).toBe('i batch');
  });
});

describe('Planner: a member completes a task (admin)', () => {
  const progress = (id: string, body: unknown) => fetch(`${emu.url}/_emulator/planner/tasks/${id}/progress`, { method: 'POST', body: JSON.stringify(body) });

  test('the task changes as the member would change it: new eTag, completedBy', async () => {
    const task = await newTask({ assignments: { [MEMBER_ID]: assignment } });
    const r = await progress(task.id, { user: MEMBER, percentComplete: 100 });
    expect(r.status).toBe(200);
    const got = (await call(emu, SECRETARY, `/planner/tasks/${task.id}`)).body;
    expect(got).toMatchObject({ percentComplete: 100, completedBy: { user: { id: MEMBER_ID } } });
    expect(got['@odata.etag']).not.toBe(task['@odata.etag']);
    expect((await patch(SECRETARY, `/planner/tasks/${task.id}`, { title: 'x' }, { 'If-Match': task['@odata.etag'] })).status).toBe(412);
  });

  test('only a member, a known task and 0, 50 or 100', async () => {
    const task = await newTask();
    expect((await progress(task.id, { user: OUTSIDER, percentComplete: 100 })).status).toBe(403);
    expect((await progress('nope', { user: MEMBER, percentComplete: 100 })).status).toBe(404);
    expect((await progress(task.id, { user: MEMBER, percentComplete: 70 })).status).toBe(400);
    expect((await progress(task.id, { percentComplete: 50 })).status).toBe(400);
  });
});

describe('Planner with faults', () => {
  afterEach(() => emu.clearFaults());

  test('a create whose answer is dropped after handling has landed: the plan lists the task', async () => {
    emu.setFaults({ drop: { skip: 1, count: 1, afterHandling: true }, paths: '^/planner/tasks$' });
    await newTask({ title: 'Första' });
    await expect(post(SECRETARY, '/planner/tasks', { planId: team.plans[0].id, title: 'Tappat svar' })).rejects.toThrow();
    const titles = (await call(emu, SECRETARY, `/planner/plans/${team.plans[0].id}/tasks`)).body.value.map((t: Json) => t.title);
    expect(titles.filter((t: string) => t === 'Tappat svar')).toHaveLength(1);
  });

  test('a 503 before handling creates nothing', async () => {
    emu.setFaults({ serverError: { count: 1, status: 503 }, paths: '^/planner/tasks$' });
    expect((await post(SECRETARY, '/planner/tasks', { planId: team.plans[0].id, title: 'Aldrig' })).status).toBe(503);
    const titles = (await call(emu, SECRETARY, `/planner/plans/${team.plans[0].id}/tasks`)).body.value.map((t: Json) => t.title);
    expect(titles).not.toContain('Aldrig');
  });
});

