// Finding the group of a meeting opened outside a channel: the groups with Justera set up are read
// from the user's teams and channels in as few round trips as the data allows; the one whose
// settings list the meeting's series is the answer, else they are offered to pick from; a pick is
// written into the group's settings (If-Match, one retry after a 412), so another attendee's Justera
// finds it too. The real Graph client, port and use cases against the emulator over HTTP.

import type { RunningEmulator } from '../../emulator/src/server';
import { loadSettings, saveSettings } from '../../src/app/groupSettings';
import { chooseGroup, findGroup, type MeetingGroup } from '../../src/app/meetingGroup';
import { listMyMeetings } from '../../src/app/myMeetings';
import { emulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { initialWindow } from '../../src/domain/dateWindow';
import type { Meeting } from '../../src/domain/meeting';
import { seriesKeys } from '../../src/domain/series';
import { newSettings, serialiseSettings, withTemplate, type GroupSettings } from '../../src/domain/settings';
import { createDownloadChain, createGraphClient, type RequestObserver } from '../../src/graph/client';
import { Graph } from '../../src/graph/graph';
import { openMinutes } from '../../src/app/openMinutes';
import { memoryGroups, memoryMinutes } from '../../src/store/localStore';
import { DEMO, demoScenario, emulatorWith, graphAs, useCases } from './harness';

const { SECRETARY, CHAIR, OUTSIDER, TEAM, CHANNEL, GENERAL, SERIES } = DEMO;

const NOW = new Date('2026-11-23T09:00:00Z');
const OTHER_TEAM = '7d0e3c2a-5b8f-4f5e-9a61-2f4b8c9d1e07';
const OTHER_CHANNEL = '19:0f3c5e7a9b1d4f6a8c2e4b6d8f0a1c3e@thread.tacv2';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith(demoScenario({ configured: false }), NOW);
});
afterEach(() => emulator.clearFaults());
afterAll(() => emulator.close());

function settingsFor(team: { id: string; name: string }, channel: { id: string; name: string }, series: string[] = []): GroupSettings {
  const s = newSettings({ team: { ...team, groupId: team.id }, channel, roster: [], language: 'sv', now: NOW });
  return { ...s, series };
}
const asFile = (settings: GroupSettings) => ({ name: 'Justera/justera-settings.json', json: JSON.parse(serialiseSettings(settings)) as unknown });

/**
 * The demo tenant with a second team the secretary is in ("Beredning"), each group's settings file
 * as given (null: none), and a settings file in the General channel that is not settings.
 */
function load(ours: string[] | null, theirs: string[] | null = []) {
  const demo = demoScenario({ configured: false }) as { teams: { id: string; channels: { id: string; files?: unknown[] }[] }[] };
  const team = demo.teams.find((t) => t.id === TEAM)!;
  const channel = team.channels.find((c) => c.id === CHANNEL)!;
  channel.files = [...(channel.files ?? []), ...(ours ? [asFile(settingsFor({ id: TEAM, name: 'Nära vård' }, { id: CHANNEL, name: 'Samordningsgrupp' }, ours))] : [])];
  const general = team.channels.find((c) => c.id === GENERAL)!;
  general.files = [...(general.files ?? []), { name: 'Justera/justera-settings.json', text: 'not settings' }];
  demo.teams.push({
    id: OTHER_TEAM,
    displayName: 'Beredning',
    members: [SECRETARY, 'olof.bergstrom@regionostmark.se'],
    channels: [
      { id: '19:7d0e3c2a5b8f4f5e9a612f4b8c9d1e07@thread.tacv2', displayName: 'General' },
      { id: OTHER_CHANNEL, displayName: 'Beredningsgrupp', files: theirs ? [asFile(settingsFor({ id: OTHER_TEAM, name: 'Beredning' }, { id: OTHER_CHANNEL, name: 'Beredningsgrupp' }, theirs))] : [] },
    ],
  } as never);
  emulator.loadScenario(demo as never);
  emulator.resetStats();
}

/** A Graph port that notes each request's start and end, the downloads from SharePoint included. */
function observed(user: string) {
  const requests: { url: string; startedAt: number; endedAt: number }[] = [];
  const observer: RequestObserver = { onRequest: (r) => requests.push(r) };
  const { client, version } = createGraphClient({ endpoint: { baseUrl: emulator.graphBaseUrl }, tokens: emulatorTokenProvider(emulator.url, user), observer });
  const graph = new Graph(client, version, createDownloadChain({ observer }));
  /** Sequential round trips: requests that overlap in time are one. */
  const roundTrips = () => {
    let waves = 0;
    let end = -Infinity;
    for (const r of [...requests].sort((a, b) => a.startedAt - b.startedAt)) {
      if (r.startedAt >= end) waves += 1;
      end = Math.max(end, r.endedAt);
    }
    return waves;
  };
  return { graph, requests, roundTrips };
}

async function occurrence(user: string): Promise<Meeting> {
  const graph = graphAs(emulator, user);
  const found = (await listMyMeetings(graph, initialWindow(NOW), 'Europe/Stockholm')).find((m) => m.subject === SERIES && !m.isCancelled);
  return (await useCases(graph, NOW).prefill({ kind: 'event', eventId: found!.eventId })).meeting;
}

const shown = (groups: MeetingGroup[]) => groups.map((g) => `${g.teamName} › ${g.channelName}`);

describe('the group of a meeting opened outside a channel', () => {
  it("finds the group whose settings list the meeting's series, in four Graph round trips and one download", async () => {
    load(null);
    const meeting = await occurrence(SECRETARY);
    load([seriesKeys(meeting).key]);
    const { graph, requests, roundTrips } = observed(SECRETARY);
    const memory = memoryGroups();

    const found = await findGroup(graph, meeting, { memory, now: () => NOW });

    expect(found).toMatchObject({ kind: 'found', from: 'settings', group: { teamId: TEAM, channelId: CHANNEL, teamName: 'Nära vård', channelName: 'Samordningsgrupp', name: 'Nära vård – Samordningsgrupp' } });
    // joinedTeams; the channels of both teams in one $batch; their 4 folders in one; the 4 settings paths in one.
    expect(emulator.stats().requests).toBe(4);
    expect(emulator.stats().batchItems).toBe(2 + 4 + 4);
    // ... then the three settings files' bytes (one of them not settings), read at the same time.
    expect(requests.filter((r) => r.url.includes('/_download/'))).toHaveLength(3);
    expect(roundTrips()).toBe(5);
    // The settings file Justera cannot read (General) is said, not fatal.
    expect(found.warnings).toHaveLength(1);
    expect(found.warnings[0]).toMatchObject({ kind: 'bad-data' });

    // The device remembers: the next open asks Microsoft 365 nothing.
    emulator.resetStats();
    const again = await findGroup(graph, meeting, { memory, now: () => NOW });
    expect(again).toMatchObject({ kind: 'found', from: 'device', group: { teamId: TEAM, channelId: CHANNEL } });
    expect(emulator.stats().requests).toBe(0);
  });

  it('without a group that lists the series, offers the groups with Justera set up, in Swedish order', async () => {
    load([], []);
    const meeting = await occurrence(SECRETARY);
    const found = await findGroup(graphAs(emulator, SECRETARY), meeting);
    expect(found.kind).toBe('choose');
    if (found.kind !== 'choose') return;
    expect(shown(found.candidates)).toEqual(['Beredning › Beredningsgrupp', 'Nära vård › Samordningsgrupp']);
    expect(found.several).toBe(false);
    expect(found.candidates.every((c) => c.settings && c.eTag && c.folder)).toBe(true);
  });

  it('when two groups list the series, offers only those two', async () => {
    load(null);
    const key = seriesKeys(await occurrence(SECRETARY)).key;
    load([key], [key]);
    const found = await findGroup(graphAs(emulator, SECRETARY), await occurrence(SECRETARY));
    expect(found).toMatchObject({ kind: 'choose', several: true });
    if (found.kind === 'choose') expect(shown(found.candidates)).toEqual(['Beredning › Beredningsgrupp', 'Nära vård › Samordningsgrupp']);
  });

  it('someone in no group with Justera gets no candidates', async () => {
    load([]);
    const graph = graphAs(emulator, OUTSIDER);
    const own = (await listMyMeetings(graph, initialWindow(NOW), 'Europe/Stockholm'))[0]!;
    const { meeting } = await useCases(graph, NOW).prefill({ kind: 'event', eventId: own.eventId });
    expect(await findGroup(graph, meeting)).toMatchObject({ kind: 'choose', candidates: [], several: false });
  });

  it("picking a group adds the series to its settings file, and the chair's side panel then finds it by itself", async () => {
    load([], null);
    const meeting = await occurrence(SECRETARY);
    const found = await findGroup(graphAs(emulator, SECRETARY), meeting);
    if (found.kind !== 'choose') throw new Error(`expected a choice, got ${found.kind}`);
    expect(shown(found.candidates)).toEqual(['Nära vård › Samordningsgrupp']);
    const memory = memoryGroups();

    emulator.resetStats();
    const chosen = await chooseGroup(graphAs(emulator, SECRETARY), found.candidates[0]!, meeting, { memory, now: () => NOW });
    expect(chosen.notRemembered).toBeUndefined();
    expect(emulator.stats().byRoute).toEqual({ 'PUT /drives/{driveId}/items/{*address}': 1 });
    const key = seriesKeys(meeting).key;
    expect(chosen.group.settings?.series).toEqual([key]);
    expect(await memory.get(key)).toMatchObject({ teamId: TEAM, channelId: CHANNEL });

    const inFile = await loadSettings(graphAs(emulator, SECRETARY), TEAM, CHANNEL);
    expect(inFile.settings?.series).toEqual([key]);
    expect(inFile.eTag).toBe(chosen.group.eTag);

    // The chair's calendar has its own event and series ids; the series key is the same.
    const hers = await occurrence(CHAIR);
    expect(hers.seriesId).not.toBe(meeting.seriesId);
    expect(await findGroup(graphAs(emulator, CHAIR), hers)).toMatchObject({ kind: 'found', from: 'settings', group: { teamId: TEAM, channelId: CHANNEL } });

    // Picking again changes nothing in the file.
    emulator.resetStats();
    await chooseGroup(graphAs(emulator, SECRETARY), chosen.group, meeting);
    expect(emulator.stats().requests).toBe(0);
  });

  it("a pick made while someone else saved the settings reads them again and keeps both (one retry after 412)", async () => {
    load([], null);
    const meeting = await occurrence(SECRETARY);
    const found = await findGroup(graphAs(emulator, SECRETARY), meeting);
    if (found.kind !== 'choose') throw new Error('expected a choice');
    const stale = found.candidates[0]!;
    // The chair renames the group meanwhile, from her own tab.
    const chairs = await loadSettings(graphAs(emulator, CHAIR), TEAM, CHANNEL);
    await saveSettings(graphAs(emulator, CHAIR), chairs.folder, { ...chairs.settings!, group: { ...chairs.settings!.group, name: 'Samordningsgruppen' } }, chairs.eTag, () => NOW);

    emulator.resetStats();
    const chosen = await chooseGroup(graphAs(emulator, SECRETARY), stale, meeting, { now: () => NOW });
    expect(chosen.notRemembered).toBeUndefined();
    expect(emulator.stats().byRoute['PUT /drives/{driveId}/items/{*address}']).toBe(2);
    const inFile = (await loadSettings(graphAs(emulator, SECRETARY), TEAM, CHANNEL)).settings!;
    expect(inFile.group.name).toBe('Samordningsgruppen');
    expect(inFile.series).toEqual([seriesKeys(meeting).key]);
  });

  it('a pick the group cannot keep (no right to write its files) still holds on this device, and says so', async () => {
    load([], null);
    const meeting = await occurrence(SECRETARY);
    const found = await findGroup(graphAs(emulator, SECRETARY), meeting);
    if (found.kind !== 'choose') throw new Error('expected a choice');
    // Only the write of the settings file: its path ends in ":/content".
    emulator.setFaults({ clientError: { count: 5, status: 403, code: 'accessDenied' }, paths: 'justera-settings\\.json:/content' });
    const memory = memoryGroups();
    const chosen = await chooseGroup(graphAs(emulator, SECRETARY), found.candidates[0]!, meeting, { memory, now: () => NOW });
    expect(chosen.notRemembered).toMatchObject({ kind: 'forbidden' });
    expect(await memory.get(seriesKeys(meeting).key)).toMatchObject({ teamId: TEAM, channelId: CHANNEL });
  });
});

describe("the group's settings in new minutes", () => {
  const person = (id: string, displayName: string, email: string, organisation?: string) => ({ key: `id:${id}`, displayName, email, ...(organisation ? { organisation } : {}) });
  const karin = person('a7ebf369-abe6-4ab5-98ee-ea8c3054427a', 'Karin Ekström', CHAIR, 'Region Östmark');
  const olof = person('200e524a-1d89-4ede-b9c2-7a70d509b636', 'Olof Bergström', 'olof.bergstrom@regionostmark.se', 'Region Östmark');
  const sara = person('88b6dfbb-222b-46c7-a75e-ce6a5d2ad300', 'Sara Lind', 'sara.lind@ekby.se', 'Ekby kommun');

  function withDefaults(): GroupSettings {
    const s = withTemplate(settingsFor({ id: TEAM, name: 'Nära vård' }, { id: CHANNEL, name: 'Samordningsgrupp' }), 'protokoll-sv');
    return { ...s, defaults: { chair: karin, secretary: olof, adjusters: [sara] } };
  }

  async function openAs(user: string, settings?: GroupSettings, language: 'sv' | 'en' = 'en', graph = graphAs(emulator, user)) {
    const meeting = await occurrence(user);
    const prefill = await useCases(graph, NOW).prefill({ kind: 'event', eventId: meeting.eventId });
    let n = 0;
    const deps = { graph, now: () => NOW, newId: () => `id-${(n += 1)}`, local: () => memoryMinutes(), timeZone: 'Europe/Stockholm' };
    return openMinutes(deps, { teamId: TEAM, channelId: CHANNEL }, { prefill, language, settings });
  }

  it("take the group's template, secretary, chair and adjusters, read from the channel beside the minutes", async () => {
    load(null);
    const demo = demoScenario({ configured: false }) as { teams: { id: string; channels: { id: string; files?: unknown[] }[] }[] };
    demo.teams.find((t) => t.id === TEAM)!.channels.find((c) => c.id === CHANNEL)!.files = [asFile(withDefaults())];
    emulator.loadScenario(demo as never);

    const opened = await openAs(SECRETARY);
    const m = opened.sync.minutes;
    expect(m.templateId).toBe('protokoll-sv');
    // The group's template is Swedish: its minutes stay Swedish in an English Teams.
    expect(m.language).toBe('sv');
    expect(m.header.secretary).toEqual(olof);
    expect(m.header.chairKey).toBe(karin.key);
    expect(m.header.adjusters).toEqual([sara]);
    expect(opened.settings?.templateId).toBe('protokoll-sv');
    opened.sync.close();
  });

  it('without settings, the signed-in secretary and the suggested chair, as before', async () => {
    load(null);
    const opened = await openAs(SECRETARY, undefined, 'sv');
    const m = opened.sync.minutes;
    expect(m.templateId).toBe('minnesanteckningar-sv');
    expect(m.header.secretary?.displayName).toBe('Ahmed Yilmaz');
    expect(m.header.chairKey).toBe(karin.key);
    expect(m.header.adjusters).toEqual([]);
    expect(opened.settings).toBeUndefined();
    opened.sync.close();
  });

  it('settings the caller already has are used as they are, with no read of the file', async () => {
    load(null);
    const { graph, requests } = observed(SECRETARY);
    const opened = await openAs(SECRETARY, withDefaults(), 'en', graph);
    expect(opened.sync.minutes.header.secretary).toEqual(olof);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.url.includes('justera-settings'))).toEqual([]);
    opened.sync.close();
  });
});
