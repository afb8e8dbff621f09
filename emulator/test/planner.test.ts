import type { RunningEmulator } from '../src/server';
import { call, CHAIR_ID, MEMBER, scenarioInfo, start, type Json } from './helpers';

let emu: RunningEmulator;
let team: Json;
beforeAll(async () => {
  emu = await start();
  team = (await scenarioInfo(emu)).resolved.teams[0];
});
afterAll(() => emu.close());

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
