// The graph port for publishing with the real Graph client against the emulator over HTTP, as team
// members: a bucket and a task assigned to a member with a due date, its details written with the
// details' own eTag (a stale one, or the task's, is a 'conflict'), a plan's tasks read page after
// page, and a channel message with a mention and a file attached by reference, read back. The clock
// is fixed, so the channel takes four posts in this file (4 a second, refused ones counted): three now.

import type { RunningEmulator } from '../../emulator/src/server';
import { listChannelMessages, messageFile, postChannelMessage } from '../../src/graph/channelMessages';
import { channelFolder, uploadText } from '../../src/graph/files';
import type { Graph } from '../../src/graph/graph';
import { createBucket, createTask, groupPlans, patchTask, patchTaskDetails, planBuckets, planTasks, task, taskDetails } from '../../src/graph/planner';
import { DEMO, emulatorWith, failure, graphAs } from './harness';

const { SECRETARY, MEMBER, OUTSIDER, TEAM, CHANNEL } = DEMO;
/** Olof Bergström (MEMBER) and Ahmed Yilmaz (SECRETARY) in the demo tenant. */
const MEMBER_ID = '200e524a-1d89-4ede-b9c2-7a70d509b636';
const SECRETARY_ID = '833c93fb-31e7-44fc-b510-de063426e461';

const NOW = new Date('2026-11-23T09:00:00Z');
const DUE = '2026-12-15T16:00:00Z';
const MINUTES_URL = 'https://regionostmark.sharepoint.com/sites/NaraVard/Shared Documents/Protokoll 2026-11-20.docx#§3';

let emulator: RunningEmulator;
let secretary: Graph;
let member: Graph;
let planId: string;
beforeAll(async () => {
  emulator = await emulatorWith('demo', NOW);
  secretary = graphAs(emulator, SECRETARY);
  member = graphAs(emulator, MEMBER);
  const plans = await secretary.all(groupPlans(TEAM));
  planId = plans[0]!.id;
});
afterEach(() => emulator.clearFaults());
afterAll(() => emulator.close());

describe('Planner: a bucket and a task for an action', () => {
  it('creates a bucket in the plan, listed with the others', async () => {
    const bucket = await secretary.send(createBucket(planId, 'Möte 2026-11-20'));
    expect(bucket).toMatchObject({ name: 'Möte 2026-11-20', planId, eTag: expect.any(String) });
    const buckets = await member.all(planBuckets(planId));
    expect(buckets.map((b) => b.id)).toContain(bucket.id);
  });

  it('creates a task assigned to a member with a due date; the member reads the same task', async () => {
    const bucket = await secretary.send(createBucket(planId, 'Möte 2026-11-21'));
    const created = await secretary.send(createTask({ planId, bucketId: bucket.id, title: 'Sammanställa synpunkter på färdplanen', assigneeIds: [MEMBER_ID], dueDateTime: DUE }));
    expect(created).toMatchObject({ planId, bucketId: bucket.id, title: 'Sammanställa synpunkter på färdplanen', assigneeIds: [MEMBER_ID], percentComplete: 0 });
    expect(Date.parse(created.dueDateTime ?? '')).toBe(Date.parse(DUE));

    const read = await member.get(task(created.id));
    expect(read).toEqual(created);
    expect(await member.get(task('finnsInteAlls0000000000000000'))).toBeUndefined();
  });

  it("someone outside the group cannot be assigned: 'forbidden', and no task is made", async () => {
    const before = (await secretary.all(planTasks(planId))).length;
    const outsiderId = (await graphAs(emulator, OUTSIDER).get({ path: '/me', parse: (b) => (b as { id: string }).id })) as string;
    expect((await failure(secretary.send(createTask({ planId, title: 'Till en utomstående', assigneeIds: [outsiderId] })))).kind).toBe('forbidden');
    expect((await secretary.all(planTasks(planId))).length).toBe(before);
  });
});

describe("Planner: a task's details have their own eTag", () => {
  it('writes the description and a reference with the details eTag; a stale eTag or the task eTag is a conflict (412)', async () => {
    const t = await secretary.send(createTask({ planId, title: 'Boka lokal till länskonferensen', assigneeIds: [MEMBER_ID], dueDateTime: DUE }));
    const empty = await secretary.get(taskDetails(t.id));
    expect(empty).toMatchObject({ id: t.id, description: '', references: [] });
    expect(empty.eTag).not.toBe(t.eTag);

    // The task's eTag is refused for its details.
    expect(await failure(secretary.send(patchTaskDetails(t.id, t.eTag, { description: 'fel eTag' })))).toMatchObject({ kind: 'conflict', status: 412 });

    const written = await secretary.send(
      patchTaskDetails(t.id, empty.eTag, {
        description: 'Från protokollet 2026-11-20, § 3. Åsa Öberg återkommer om lokalen.',
        previewType: 'description',
        references: [{ url: MINUTES_URL, alias: 'Protokoll 2026-11-20, § 3', type: 'Word' }],
      }),
    );
    expect(written).toMatchObject({
      description: 'Från protokollet 2026-11-20, § 3. Åsa Öberg återkommer om lokalen.',
      previewType: 'description',
      references: [{ url: MINUTES_URL, alias: 'Protokoll 2026-11-20, § 3', type: 'Word' }],
    });
    expect(written?.eTag).not.toBe(empty.eTag);
    // What a member reads is what was written, the reference's URL as it was given.
    expect(await member.get(taskDetails(t.id))).toEqual(written);

    // The eTag from before that write is stale now.
    const stale = await failure(secretary.send(patchTaskDetails(t.id, empty.eTag, { description: 'skriver över' })));
    expect(stale).toMatchObject({ kind: 'conflict', status: 412 });
    expect((await member.get(taskDetails(t.id))).description).toBe(written?.description);

    // The details' write did not move the task's eTag; a patch of the task uses its own.
    const progressed = await member.send(patchTask(t.id, t.eTag, { percentComplete: 100 }));
    expect(progressed).toMatchObject({ percentComplete: 100, completedBy: MEMBER_ID });
    expect(await failure(secretary.send(patchTask(t.id, t.eTag, { title: 'Ny titel' })))).toMatchObject({ kind: 'conflict', status: 412 });
  });

  it('removes a reference by its URL, and moves and reassigns a task', async () => {
    const t = await secretary.send(createTask({ planId, title: 'Flytta och byt ansvarig', assigneeIds: [MEMBER_ID] }));
    const d = await secretary.get(taskDetails(t.id));
    const withRef = await secretary.send(patchTaskDetails(t.id, d.eTag, { references: [{ url: MINUTES_URL, alias: 'Protokoll' }] }));
    const without = await secretary.send(patchTaskDetails(t.id, withRef!.eTag, { removeReferences: [MINUTES_URL] }));
    expect(without?.references).toEqual([]);

    const bucket = (await secretary.all(planBuckets(planId)))[0]!;
    const moved = await secretary.send(patchTask(t.id, t.eTag, { bucketId: bucket.id, assign: [SECRETARY_ID], unassign: [MEMBER_ID], dueDateTime: DUE }));
    expect(moved).toMatchObject({ bucketId: bucket.id, assigneeIds: [SECRETARY_ID] });
    expect(Date.parse(moved!.dueDateTime!)).toBe(Date.parse(DUE));
  });
});

describe("Planner: a plan's tasks, page after page", () => {
  it('follows @odata.nextLink past Planner’s first page', async () => {
    const before = await secretary.all(planTasks(planId));
    for (let i = 0; i < 101; i += 1) await secretary.send(createTask({ planId, title: `Uppgift ${i}` }));
    emulator.resetStats();
    const all = await member.all(planTasks(planId));
    expect(all.length).toBe(before.length + 101);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    expect(emulator.stats().byRoute['GET /planner/plans/{planId}/tasks']).toBeGreaterThan(1);
  }, 20_000);
});

describe('a channel message with a mention and the minutes attached', () => {
  it('posts with the uploaded file by reference and a mention, and reads it back', async () => {
    const folder = await secretary.get(channelFolder(TEAM, CHANNEL));
    const docx = await secretary.send(uploadText(folder.driveId, folder.id, 'Protokoll 2026-11-20 publicering.docx', 'protokollets text', { conflictBehavior: 'fail' }));
    const file = messageFile(docx);
    expect(file).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), url: docx.webUrl, name: docx.name });

    const html = '<h2>Protokoll 2026-11-20</h2><p>Åtgärd: <at id="0">Olof Bergström</at> sammanställer synpunkterna.</p>';
    const posted = await secretary.send(
      postChannelMessage(TEAM, CHANNEL, { html, files: [file!], mentions: [{ id: 0, text: 'Olof Bergström', userId: MEMBER_ID, displayName: 'Olof Bergström' }] }),
    );
    expect(posted).toMatchObject({
      fromUserId: SECRETARY_ID,
      contentType: 'html',
      content: `${html}<attachment id="${file!.id}"></attachment>`,
      attachments: [{ id: file!.id, contentType: 'reference', url: docx.webUrl, name: docx.name }],
      mentions: [{ id: 0, text: 'Olof Bergström', userId: MEMBER_ID }],
    });

    const [newest] = (await member.get(listChannelMessages(TEAM, CHANNEL, 5))).items;
    expect(newest).toEqual(posted);
  });

  it("a file id that is not the file's is refused as bad data (400), and someone outside the team is 'forbidden'", async () => {
    const folder = await secretary.get(channelFolder(TEAM, CHANNEL));
    const docx = await secretary.send(uploadText(folder.driveId, folder.id, 'Annan fil.docx', 'x', { conflictBehavior: 'fail' }));
    const wrong = { id: '00000000-0000-0000-0000-000000000000', url: docx.webUrl, name: docx.name };
    expect(await failure(secretary.send(postChannelMessage(TEAM, CHANNEL, { html: '<p>Fel</p>', files: [wrong] })))).toMatchObject({ kind: 'bad-data', status: 400 });
    expect((await failure(graphAs(emulator, OUTSIDER).send(postChannelMessage(TEAM, CHANNEL, { html: '<p>Hej</p>' })))).kind).toBe('forbidden');
  });
});

describe('creates are not idempotent: what a rerun of publish must look for', () => {
  it("a dropped answer after Planner made the task is 'offline', and the task is there: sending again would make a second", async () => {
    const title = 'Tappat svar 2026-11-20 §4';
    emulator.setFaults({ drop: { count: 1, afterHandling: true }, paths: '^/planner/tasks$' });
    expect((await failure(secretary.send(createTask({ planId, title, assigneeIds: [MEMBER_ID] })))).kind).toBe('offline');
    const found = (await secretary.all(planTasks(planId))).filter((t) => t.title === title);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ assigneeIds: [MEMBER_ID] });
  });

  it("a dropped answer after Teams posted is 'offline', and the message is in the channel", async () => {
    const html = '<p>Tappat svar efter publicering</p>';
    emulator.setFaults({ drop: { count: 1, afterHandling: true }, paths: '/messages$' });
    expect((await failure(secretary.send(postChannelMessage(TEAM, CHANNEL, { html })))).kind).toBe('offline');
    const messages = await member.get(listChannelMessages(TEAM, CHANNEL, 10));
    expect(messages.items.filter((m) => m.content === html)).toHaveLength(1);
  });
});
