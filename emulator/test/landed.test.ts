import type { RunningEmulator } from '../src/server';
import { call, MEMBER, scenarioInfo, SECRETARY, SECRETARY_ID, start, type Json } from './helpers';

const MEMBER_ID = '200e524a-1d89-4ede-b9c2-7a70d509b636';

let emu: RunningEmulator;
let team: Json;
beforeAll(async () => {
  emu = await start();
  team = (await scenarioInfo(emu)).resolved.teams[0];
});
afterAll(() => emu.close());

const landed = async (query = `?team=${encodeURIComponent(team.id)}`) => {
  const res = await fetch(`${emu.url}/_emulator/landed${query}`);
  return { status: res.status, body: (await res.json()) as Json };
};

function send(method: string, user: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return call(emu, user, path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('GET /_emulator/landed: what publishing left in the team', () => {
  test('before anything is published today: the channels without messages, the plan with its buckets and the last minutes\' three tasks', async () => {
    const r = await landed();
    expect(r.status).toBe(200);
    expect(r.body.team).toEqual({ id: team.id, displayName: team.displayName });
    expect(r.body.channels.map((c: Json) => c.messages)).toEqual(team.channels.map(() => []));
    expect(r.body.plans).toEqual([
      {
        id: team.plans[0].id,
        title: 'Samordningsgrupp Nära vård',
        buckets: ['Fram till kommande möte', 'Pågående', 'Klart'].map((name) => ({ id: expect.any(String), name, tasks: expect.any(Array) })),
        unbucketed: [],
      },
    ]);
    // The demo's last monthly minutes were published: their tasks, one done by a member.
    const tasks = r.body.plans[0].buckets.flatMap((b: Json) => b.tasks);
    expect(tasks.map((t: Json) => t.percentComplete).sort()).toEqual([0, 100, 50]);
    expect(tasks.find((t: Json) => t.percentComplete === 100).completedBy).toMatchObject({ displayName: 'Sara Lind' });
    expect(r.body.members).toContainEqual({ id: SECRETARY_ID, displayName: 'Ahmed Yilmaz' });
  });

  test('a posted message with a file and a mention, and a task with an assignee, due date and details, are listed as posted and created', async () => {
    const channel = team.channels[1];
    const file = (
      await call(emu, SECRETARY, `/drives/${team.driveId}/items/${channel.folderId}:/${encodeURIComponent('Protokoll 2026-11-23.docx')}:/content`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: 'PK fake docx',
      })
    ).body;
    const fileId = (/\{([^}]+)\}/.exec(file.eTag)?.[1] ?? '').toLowerCase();
    const posted = await send('POST', SECRETARY, `/teams/${team.id}/channels/${encodeURIComponent(channel.id)}/messages`, {
      subject: 'Protokoll 23 november',
      body: { contentType: 'html', content: `<p>Uppdrag till <at id="0">Olof Bergström</at></p><attachment id="${fileId}"></attachment>` },
      attachments: [{ id: fileId, contentType: 'reference', contentUrl: file.webUrl, name: file.name }],
      mentions: [{ id: 0, mentionText: 'Olof Bergström', mentioned: { user: { id: MEMBER_ID, displayName: 'Olof Bergström', userIdentityType: 'aadUser' } } }],
    });
    expect(posted.status).toBe(201);

    const bucket = (await send('POST', SECRETARY, '/planner/buckets', { planId: team.plans[0].id, name: 'Möte 2026-11-23', orderHint: ' !' })).body;
    const task = (
      await send('POST', SECRETARY, '/planner/tasks', {
        planId: team.plans[0].id,
        bucketId: bucket.id,
        title: 'Skicka underlaget',
        dueDateTime: '2026-12-07T16:00:00Z',
        assignments: { [MEMBER_ID]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } },
      })
    ).body;
    const details = (await call(emu, SECRETARY, `/planner/tasks/${task.id}/details`)).body;
    const written = await send(
      'PATCH',
      SECRETARY,
      `/planner/tasks/${task.id}/details`,
      {
        description: 'Underlaget till regionen.',
        references: { 'https%3A//regionostmark%2Esharepoint%2Ecom/protokoll%2Edocx': { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'Protokollet, § 3', type: 'Word' } },
      },
      { 'If-Match': details['@odata.etag'] },
    );
    expect(written.status).toBe(204);

    const r = (await landed()).body;
    expect(r.channels[1].messages).toEqual([
      {
        id: posted.body.id,
        createdDateTime: posted.body.createdDateTime,
        from: { id: SECRETARY_ID, displayName: 'Ahmed Yilmaz' },
        subject: 'Protokoll 23 november',
        importance: 'normal',
        body: posted.body.body,
        attachments: [{ id: fileId, contentType: 'reference', name: 'Protokoll 2026-11-23.docx', contentUrl: file.webUrl }],
        mentions: [{ id: 0, mentionText: 'Olof Bergström', user: { id: MEMBER_ID, displayName: 'Olof Bergström' } }],
      },
    ]);
    const buckets = r.plans[0].buckets;
    expect(buckets.map((b: Json) => b.name)).toEqual(['Fram till kommande möte', 'Pågående', 'Klart', 'Möte 2026-11-23']);
    expect(buckets[3].tasks).toEqual([
      {
        id: task.id,
        title: 'Skicka underlaget',
        bucketId: bucket.id,
        percentComplete: 0,
        dueDateTime: '2026-12-07T16:00:00Z',
        createdDateTime: task.createdDateTime,
        createdBy: { id: SECRETARY_ID, displayName: 'Ahmed Yilmaz' },
        assignees: [{ id: MEMBER_ID, displayName: 'Olof Bergström' }],
        completedBy: null,
        completedDateTime: null,
        details: {
          description: 'Underlaget till regionen.',
          references: [{ url: 'https://regionostmark.sharepoint.com/protokoll.docx', alias: 'Protokollet, § 3', type: 'Word' }],
        },
      },
    ]);

    // A member completes it (the demo page's button), then reopens it.
    const progress = (percentComplete: number) =>
      fetch(`${emu.url}/_emulator/planner/tasks/${task.id}/progress`, { method: 'POST', body: JSON.stringify({ user: MEMBER, percentComplete }) });
    expect((await progress(100)).status).toBe(200);
    const done = (await landed()).body.plans[0].buckets[3].tasks[0];
    expect(done).toMatchObject({ percentComplete: 100, completedBy: { id: MEMBER_ID, displayName: 'Olof Bergström' }, completedDateTime: expect.stringMatching(/^2026-11-23T09:00:00/) });
    expect((await progress(50)).status).toBe(200);
    expect((await landed()).body.plans[0].buckets[3].tasks[0]).toMatchObject({ percentComplete: 50, completedBy: null, completedDateTime: null });
  });

  test('a task in no bucket is listed apart', async () => {
    const task = (await send('POST', SECRETARY, '/planner/tasks', { planId: team.plans[0].id, title: 'Utan hink' })).body;
    const plan = (await landed()).body.plans[0];
    expect(plan.unbucketed.map((t: Json) => t.id)).toEqual([task.id]);
    expect(plan.buckets.flatMap((b: Json) => b.tasks).map((t: Json) => t.id)).not.toContain(task.id);
  });

  test('400 without a team, 404 for an unknown one; the id in any case', async () => {
    expect((await landed('')).status).toBe(400);
    const unknown = await landed('?team=00000000-0000-0000-0000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NotFound');
    expect((await landed(`?team=${team.id.toUpperCase()}`)).status).toBe(200);
  });
});
