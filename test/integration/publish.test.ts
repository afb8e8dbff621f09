// Publishing approved minutes against the emulator over HTTP, with the real Graph client: the .docx of
// the approved version beside the minutes, one channel message with it attached, a task per action in
// the meeting's bucket (assigned where Planner can, details with If-Match on their own eTag), the
// record in the minutes; and exactly once: whichever single request of a publish fails (an error, or
// an answer lost after the server acted), running it again ends in the same tenant as a clean run.

import { publish } from '../../src/app/publish';
import { bucketTasks, planBuckets } from '../../src/graph/planner';
import { approvedMinutes, publishDeps as deps, tenantState, world, XSS, type TenantState } from '../publishFixture';
import { DEMO } from './harness';

let clean: { state: TenantState; requests: number };

describe('publishing approved minutes', () => {
  beforeAll(async () => {
    const w = await world();
    try {
      const { opened, request } = await approvedMinutes(w);
      const before = w.emulator.stats().requests;
      const steps: string[] = [];
      const result = await publish(deps(w, opened), request, (s) => steps.push(s.step));
      clean = { state: await tenantState(w, opened), requests: w.emulator.stats().requests - before };
      // Reading first, recording last; the file and message, and the tasks, go side by side between.
      expect(steps[0]).toBe('reading');
      expect(steps.at(-1)).toBe('recording');
      expect([...new Set(steps)].sort()).toEqual(['document', 'message', 'reading', 'recording', 'tasks']);
      expect(result.unassigned.map((u) => [u.owner?.displayName, u.reason])).toEqual([
        ['Vera Gäst', 'guest'],
        ['Nils Ahl', 'not-member'],
        ['Gustav Gone', 'no-account'],
        ['Berit Utan Konto', 'no-account'],
        [undefined, 'no-owner'],
      ]);
      // Recorded in the minutes as the channel has them.
      expect(opened.sync.minutes.publication).toMatchObject({ version: opened.sync.minutes.signOff!.rounds[0]!.version, tasks: expect.any(Array) });
      expect(opened.sync.minutes.publication!.tasks).toHaveLength(6);
      // Running it again when everything is there creates nothing.
      const again = await publish(deps(w, opened), request);
      expect(again.publication.tasks.map((t) => t.taskId)).toEqual(result.publication.tasks.map((t) => t.taskId));
      expect(await tenantState(w, opened)).toEqual(clean.state);
    } finally {
      await w.emulator.close();
    }
  });

  it('saves the approved version beside the minutes, posts one message with it attached, and a task per action', () => {
    const { state } = clean;
    expect(state.files.filter((f) => f.endsWith('.docx'))).toHaveLength(1);
    expect(state.messages).toHaveLength(1);
    expect(state.messages[0]!.attachments).toEqual([state.files.find((f) => f.endsWith('.docx'))]);
    expect(state.buckets).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2} Samordningsgrupp Nära vård$/)]);
    expect(state.tasks.map((t) => t.title)).toEqual(
      ['Boka lokal ' + XSS.replace(/\s+/g, ' '), 'Skicka underlaget till kommunerna', 'Ta fram statistik', 'Uppdatera rutinen', 'Återkoppla till styrgruppen', 'Återkoppla till styrgruppen (2)'].sort((a, b) => a.localeCompare(b)),
    );
    const send = state.tasks.find((t) => t.title === 'Skicka underlaget till kommunerna')!;
    expect(send.assignees).toHaveLength(1);
    expect(send.due).toBe('2026-12-11T12:00:00Z');
    expect(send.description).toContain('§ 47');
    expect(send.references).toEqual(expect.arrayContaining([expect.stringContaining('Punkten i protokollet: § 47 Ekonomi'), expect.stringMatching(/\.docx$/)]));
    expect(send.references).toHaveLength(2);
    const guest = state.tasks.find((t) => t.title.startsWith('Boka lokal'))!;
    expect(guest.assignees).toEqual([]);
    expect(guest.description).toContain('Vera Gäst (gästkonto');
    // Script in the minutes stays text in the message: no element of it survives.
    expect(state.messages[0]!.html).not.toMatch(/<(img|script|svg)\b|<[^>]*\bonerror=/i);
    expect(state.messages[0]!.html).toContain('Boka lokal &lt;img src=x onerror=');
    // The owner who is a member is @mentioned; the approvals are in it.
    expect(state.messages[0]!.mentions).toEqual(['Olof Bergström']);
    expect(state.messages[0]!.html).toMatch(/Karin Ekström \(ordförande\) \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  // One tenant per failed request: the same meeting each time, so the state compares with the clean run.
  it('after any single request of a publish fails or loses its answer, running it again ends as a clean run does', async () => {
    const faults = [
      ...Array.from({ length: clean.requests }, (_, i) => ({ name: `request ${i + 1} fails`, fault: { serverError: { skip: i, count: 1, status: 500 as const } } })),
      ...Array.from({ length: clean.requests }, (_, i) => ({ name: `request ${i + 1} acts, its answer is lost`, fault: { drop: { skip: i, count: 1, afterHandling: true } } })),
    ];
    const failedRuns: string[] = [];
    for (const { name, fault } of faults) {
      const w = await world();
      try {
        const { opened, request } = await approvedMinutes(w);
        w.emulator.setFaults(fault);
        const first = await publish(deps(w, opened), request).then(
          () => 'done',
          () => 'failed',
        );
        w.emulator.clearFaults();
        if (first === 'failed') failedRuns.push(name);
        await publish(deps(w, opened), request);
        expect({ name, state: await tenantState(w, opened) }).toEqual({ name, state: clean.state });
      } finally {
        await w.emulator.close();
      }
    }
    // The faults did hit: a failure of any of the publish's own requests stops its run (failures of the
    // downloads and of the minutes' save are retried by the client and the sync, and the run goes on).
    for (const mode of ['fails', 'acts, its answer is lost']) expect(failedRuns.filter((r) => r.endsWith(mode)).length).toBeGreaterThan(clean.requests / 3);
    expect(failedRuns).toEqual(expect.arrayContaining(['request 1 fails', 'request 1 acts, its answer is lost']));
  }, 600_000);

  it('tasks throttled inside a batch are resent after their own Retry-After, and a 429 storm that outlasts the retries is finished by running it again', async () => {
    const w = await world();
    try {
      const { opened, request } = await approvedMinutes(w);
      w.emulator.setFaults({ throttle: { count: 4, retryAfterSeconds: 1, inBatchItems: true }, paths: '^/planner/tasks' });
      await publish(deps(w, opened), request);
      expect(await tenantState(w, opened)).toEqual(clean.state);
    } finally {
      await w.emulator.close();
    }
    const storm = await world();
    try {
      const { opened, request } = await approvedMinutes(storm);
      storm.emulator.setFaults({ throttle: { every: 1, retryAfterSeconds: 1 }, paths: '^/(planner|teams/.*/messages)' });
      await expect(publish(deps(storm, opened), request)).rejects.toMatchObject({ kind: 'throttled' });
      storm.emulator.clearFaults();
      await publish(deps(storm, opened), request);
      expect(await tenantState(storm, opened)).toEqual(clean.state);
    } finally {
      await storm.emulator.close();
    }
  }, 120_000);

  it('refuses, creating nothing, until every approver approved, and after the minutes changed; a chosen bucket takes the tasks, a gone one is said', async () => {
    const w = await world();
    try {
      const { opened, request } = await approvedMinutes(w, 3, [DEMO.CHAIR]);
      await expect(publish(deps(w, opened), request)).rejects.toMatchObject({ code: 'not-approved' });
      expect(await tenantState(w, opened)).toMatchObject({ messages: [], buckets: [], tasks: [] });
      await expect(publish(deps(w, opened), { ...request, planId: undefined })).rejects.toMatchObject({ code: 'no-plan' });
    } finally {
      await w.emulator.close();
    }
    const changed = await world();
    try {
      const { opened, request } = await approvedMinutes(changed, 3);
      opened.sync.update((m) => ({ ...m, nextMeeting: { ...m.nextMeeting, text: 'Ändrat efter justeringen' } }));
      await expect(publish(deps(changed, opened), request)).rejects.toMatchObject({ code: 'changed' });
      expect(await tenantState(changed, opened)).toMatchObject({ messages: [], buckets: [], tasks: [] });
    } finally {
      await changed.emulator.close();
    }
    const chosen = await world();
    try {
      const { opened, request } = await approvedMinutes(chosen, 3);
      const secretary = chosen.as(DEMO.SECRETARY);
      const pågående = (await secretary.all(planBuckets(chosen.planId))).find((b) => b.name === 'Pågående')!;
      await expect(publish(deps(chosen, opened), { ...request, bucketPolicy: { bucketId: 'gone-bucket' } })).rejects.toMatchObject({ code: 'no-bucket' });
      await publish(deps(chosen, opened), { ...request, bucketPolicy: { bucketId: pågående.id } });
      const inBucket = await secretary.all(bucketTasks(pågående.id));
      expect(inBucket.map((t) => t.title).sort()).toEqual(opened.sync.minutes.publication!.tasks.map((t) => t.title).sort());
      expect(opened.sync.minutes.publication!.bucket).toEqual({ id: pågående.id, name: 'Pågående' });
    } finally {
      await chosen.emulator.close();
    }
  }, 120_000);
});
