// The demo group's year: with its settings and a year of earlier minutes in the channel folder,
// the minutes of the series' latest past meeting open in the group's template (Protokoll), their §
// numbers continue from the last earlier minutes that can be read (from 1 in a new year), and the
// follow-up lists those minutes' open actions; the cut-off file in between stops none of it. The
// expectations come from the scenario file (test/demoYear.ts). The real Graph client, port and use
// cases against the emulator over HTTP.

import type { RunningEmulator } from '../../emulator/src/server';
import { listMyMeetings } from '../../src/app/myMeetings';
import { openMinutes } from '../../src/app/openMinutes';
import { initialWindow } from '../../src/domain/dateWindow';
import { memoryMinutes } from '../../src/store/localStore';
import { continuation, demoYear } from '../demoYear';
import { DEMO, emulatorWith, graphAs, useCases } from './harness';

const { SECRETARY, TEAM, CHANNEL, SERIES } = DEMO;

/** Opens new minutes for the series' latest occurrence that has ended by `now`, as the secretary. */
async function openLatest(emulator: RunningEmulator, now: Date) {
  const graph = graphAs(emulator, SECRETARY);
  const past = (await listMyMeetings(graph, initialWindow(now), 'Europe/Stockholm')).filter((m) => m.subject === SERIES && !m.isCancelled && Date.parse(m.end) < now.getTime());
  const latest = past.sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).at(-1)!;
  const prefill = await useCases(graph, now).prefill({ kind: 'event', eventId: latest.eventId });
  let n = 0;
  const deps = { graph, now: () => now, newId: () => `id-${(n += 1)}`, local: () => memoryMinutes(), timeZone: 'Europe/Stockholm' };
  const { sync, settings } = await openMinutes(deps, { teamId: TEAM, channelId: CHANNEL }, { prefill, language: 'sv' });
  // New minutes are written to the folder at once: let that finish before the emulator closes.
  await sync.flush();
  sync.close();
  return { minutes: sync.minutes, settings, start: latest.start };
}

describe("the demo group's year", () => {
  let emulator: RunningEmulator;
  afterEach(() => emulator?.close());

  it('the latest past meeting continues the § numbers and follows up the open actions of the last readable minutes, past the cut-off file', async () => {
    const now = new Date('2026-11-23T09:00:00Z');
    emulator = await emulatorWith('demo', now);
    const { minutes, settings, start } = await openLatest(emulator, now);
    const year = demoYear(now.getTime());
    const expected = continuation(year, start);
    // What the data promises: a year of minutes, and the newest file in the folder is the unreadable one.
    expect(year.readable.length).toBeGreaterThanOrEqual(10);
    expect(year.unreadable).toHaveLength(1);
    expect(year.unreadable[0]! > expected.previous.folder).toBe(true);
    expect(expected.firstParagraph).toBeGreaterThan(1);

    expect(settings?.templateId).toBe('protokoll-sv');
    expect(minutes.templateId).toBe('protokoll-sv');
    expect(minutes.firstParagraph).toBe(expected.firstParagraph);
    expect(minutes.followUp.map((f) => ({ what: f.what, owner: f.owner?.displayName }))).toEqual(expected.followUp);
    expect(minutes.followUp.every((f) => f.state === 'open')).toBe(true);
    expect(minutes.header.secretary?.displayName).toBe('Ahmed Yilmaz');
    expect(minutes.header.adjusters.map((p) => p.displayName)).toEqual(['Sara Lind', 'Olof Bergström']);
  });

  it('in a new year the § numbers start again at 1, and the follow-up still comes from the last minutes of the old year', async () => {
    // A Monday in February: the latest past meeting is this year's, the last earlier minutes last year's.
    const now = new Date('2027-02-08T09:00:00Z');
    emulator = await emulatorWith('demo', now);
    const { minutes, start } = await openLatest(emulator, now);
    const expected = continuation(demoYear(now.getTime()), start);
    expect(new Date(expected.previous.meeting.start).getUTCFullYear()).toBe(2026);
    expect(minutes.firstParagraph).toBe(1);
    expect(minutes.followUp.map((f) => ({ what: f.what, owner: f.owner?.displayName }))).toEqual(expected.followUp);
  });
});
