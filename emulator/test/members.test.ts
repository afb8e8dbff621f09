import type { RunningEmulator } from '../src/server';
import { call, CHAIR, scenarioInfo, SECRETARY, start, type Json } from './helpers';

let emu: RunningEmulator;
let teamId: string;
beforeAll(async () => {
  emu = await start();
  teamId = (await scenarioInfo(emu)).resolved.teams[0].id;
});
afterAll(() => emu.close());

describe('GET /teams/{id}/members', () => {
  test('conversationMembers with roles: owners "owner", B2B guests "guest", members none', async () => {
    const r = await call(emu, SECRETARY, `/teams/${teamId}/members`);
    expect(r.status).toBe(200);
    expect(r.body['@odata.count']).toBe(14);
    const byName = new Map<string, Json>(r.body.value.map((m: Json) => [m.displayName, m]));
    expect(byName.get('Karin Ekström')).toEqual({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      id: Buffer.from(`${teamId}##a7ebf369-abe6-4ab5-98ee-ea8c3054427a`).toString('base64'),
      roles: ['owner'],
      displayName: 'Karin Ekström',
      visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      userId: 'a7ebf369-abe6-4ab5-98ee-ea8c3054427a',
      email: CHAIR,
      tenantId: expect.any(String),
    });
    expect(byName.get('Sara Lind')).toMatchObject({ roles: ['guest'], email: 'sara.lind@ekby.se' });
    expect(byName.get('Olof Bergström')).toMatchObject({ roles: [] });
    expect(byName.has('Nils Ahl')).toBe(false);
  });

  test('paged with $top and @odata.nextLink', async () => {
    let page = await call(emu, SECRETARY, `/teams/${teamId}/members?$top=4`);
    const ids: string[] = page.body.value.map((m: Json) => m.userId);
    while (page.body['@odata.nextLink']) {
      page = await call(emu, SECRETARY, page.body['@odata.nextLink']);
      ids.push(...page.body.value.map((m: Json) => m.userId));
    }
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
  });

  test('403 for a user outside the team, 404 for a team that does not exist', async () => {
    expect((await call(emu, 'nils.ahl@regionostmark.se', `/teams/${teamId}/members`)).status).toBe(403);
    expect((await call(emu, SECRETARY, '/teams/00000000-0000-0000-0000-000000000000/members')).status).toBe(404);
  });
});
