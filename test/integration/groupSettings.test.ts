// The group's settings file in its channel: a first load with none, a prefill from the team, the
// directory and Planner, save and reload, a save over someone else's newer one (412), the team-only
// rule, and files Justera cannot read. The real Graph client and our use cases against the emulator
// over HTTP.

import type { RunningEmulator } from '../../emulator/src/server';
import { loadSettings, prefillSettings, saveSettings, SETTINGS_NEWER, SETTINGS_PATH, SETTINGS_UNREADABLE, type GroupContext, type SavedSettings, type SettingsFolder } from '../../src/app/groupSettings';
import { sameSettings, updateRosterEntry, withTemplate, type GroupSettings } from '../../src/domain/settings';
import { downloadTextAt, uploadText } from '../../src/graph/files';
import { DEMO, demoScenario, emulatorWith, graphAs, failure } from './harness';

const { SECRETARY, CHAIR, MEMBER, OUTSIDER, TEAM, CHANNEL, GENERAL } = DEMO;

const NOW = new Date('2026-11-23T09:00:00Z');
const SECRETARY_ID = '833c93fb-31e7-44fc-b510-de063426e461';

const context: GroupContext = {
  team: { id: TEAM, groupId: TEAM, name: 'Nära vård' },
  channel: { id: CHANNEL, name: 'Samordningsgrupp' },
  user: { id: SECRETARY_ID, displayName: 'Ahmed Yilmaz', upn: SECRETARY },
  language: 'sv',
};

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith(demoScenario({ configured: false }), NOW);
});
afterEach(() => emulator.clearFaults());
afterAll(() => emulator.close());

describe("the group's settings in its channel", () => {
  let folder: SettingsFolder;
  let prefilled: GroupSettings;
  let saved: SavedSettings;

  it('a channel without settings loads as none, with the folder to save them in', async () => {
    const loaded = await loadSettings(graphAs(emulator, SECRETARY), TEAM, CHANNEL);
    expect(loaded.settings).toBeUndefined();
    expect(loaded.eTag).toBeUndefined();
    expect(loaded.folder).toEqual({ driveId: expect.any(String), folderId: expect.any(String) });
    folder = loaded.folder;
  });

  it("prefills the roster from the team's members and the directory, the group's only plan and the secretary, in two round trips", async () => {
    emulator.resetStats();
    const { settings, plans, warnings } = await prefillSettings(graphAs(emulator, SECRETARY), context, () => NOW);
    expect(emulator.stats().requests).toBe(2);
    expect(warnings).toEqual([]);
    expect(plans.map((p) => p.title)).toEqual(['Samordningsgrupp Nära vård']);
    expect(settings.planId).toBe(plans[0]!.id);
    expect(settings.group).toEqual({ name: 'Nära vård – Samordningsgrupp', teamId: TEAM, channelId: CHANNEL, groupId: TEAM });
    expect(settings.roster).toHaveLength(14);
    expect(settings.roster.map((e) => e.person.displayName)).toEqual([
      'Ahmed Yilmaz', 'Anneli Forsberg', 'Daniel Lundgren', 'Emma Nyberg', 'Erik Sandberg', 'Gunilla Eklund', 'Hanna Virtanen',
      'Karin Ekström', 'Lars Öberg', 'Lina Karlsson', 'Maja Holm', 'Mikael Törnqvist', 'Olof Bergström', 'Sara Lind',
    ]);
    const sara = settings.roster.find((e) => e.person.displayName === 'Sara Lind')!;
    expect(sara).toEqual({ person: { key: 'id:88b6dfbb-222b-46c7-a75e-ce6a5d2ad300', displayName: 'Sara Lind', email: 'sara.lind@ekby.se', organisation: 'Ekby kommun' }, organisation: 'Ekby kommun', kind: 'municipality', role: 'member' });
    expect(settings.roster.every((e) => e.role === 'member' && e.organisation)).toBe(true);
    expect(settings.defaults).toEqual({ secretary: expect.objectContaining({ key: `id:${SECRETARY_ID}`, displayName: 'Ahmed Yilmaz', organisation: 'Region Östmark' }), adjusters: [] });
    expect(settings.templateId).toBe('minnesanteckningar-sv');
    prefilled = settings;
  });

  it('saves, and reading them back gives the same settings, with who saved them', async () => {
    let settings = withTemplate(prefilled, 'protokoll-sv');
    const olof = settings.roster.find((e) => e.person.displayName === 'Olof Bergström')!;
    settings = updateRosterEntry(settings, olof.person.key, { organisation: 'Vårdcentralen Ekby', county: 'Östmarks län', role: 'substitute' });
    saved = await saveSettings(graphAs(emulator, SECRETARY), folder, settings, undefined, () => new Date('2026-11-23T09:05:00Z'));
    expect(saved.settings.updatedAt).toBe('2026-11-23T09:05:00.000Z');
    expect(saved.savedBy).toBe('Ahmed Yilmaz');

    const loaded = await loadSettings(graphAs(emulator, SECRETARY), TEAM, CHANNEL);
    expect(loaded.settings).toEqual(saved.settings);
    expect(loaded.eTag).toBe(saved.eTag);
    expect(loaded.repairs).toEqual([]);
    expect(loaded.savedBy).toBe('Ahmed Yilmaz');
  });

  it('a successor secretary (another member of the team) opens the same settings', async () => {
    const loaded = await loadSettings(graphAs(emulator, MEMBER), TEAM, CHANNEL);
    expect(loaded.settings).toEqual(saved.settings);
    expect(loaded.settings!.roster.find((e) => e.person.displayName === 'Olof Bergström')).toMatchObject({ organisation: 'Vårdcentralen Ekby', county: 'Östmarks län', role: 'substitute' });
  });

  it("a save over someone else's newer save is a conflict (412), and reading again shows theirs", async () => {
    const chair = graphAs(emulator, CHAIR);
    const theirs = await loadSettings(chair, TEAM, CHANNEL);
    const secretaryCopy = await loadSettings(graphAs(emulator, SECRETARY), TEAM, CHANNEL);
    const chairs = await saveSettings(chair, folder, { ...theirs.settings!, group: { ...theirs.settings!.group, name: 'Samordningsgruppen' } }, theirs.eTag);

    const conflict = await failure(saveSettings(graphAs(emulator, SECRETARY), folder, { ...secretaryCopy.settings!, planId: undefined }, secretaryCopy.eTag));
    expect(conflict).toMatchObject({ kind: 'conflict', status: 412 });

    const again = await loadSettings(graphAs(emulator, SECRETARY), TEAM, CHANNEL);
    expect(again.settings!.group.name).toBe('Samordningsgruppen');
    expect(again.savedBy).toBe('Karin Ekström');
    expect(sameSettings(again.settings!, chairs.settings)).toBe(true);
    expect(again.settings!.planId).toBe(prefilled.planId);
  });

  it('creating settings where someone created them meanwhile is a conflict (409), never an overwrite', async () => {
    const conflict = await failure(saveSettings(graphAs(emulator, SECRETARY), folder, prefilled));
    expect(conflict).toMatchObject({ kind: 'conflict', status: 409 });
    expect((await loadSettings(graphAs(emulator, SECRETARY), TEAM, CHANNEL)).settings!.group.name).toBe('Samordningsgruppen');
  });

  it("only the team's members: someone outside reads nothing and writes nothing ('forbidden')", async () => {
    const outsider = graphAs(emulator, OUTSIDER);
    expect(await failure(loadSettings(outsider, TEAM, CHANNEL))).toMatchObject({ kind: 'forbidden', status: 403 });
    const current = await loadSettings(graphAs(emulator, SECRETARY), TEAM, CHANNEL);
    expect(await failure(saveSettings(outsider, folder, prefilled, current.eTag))).toMatchObject({ kind: 'forbidden' });
    expect(await failure(prefillSettings(outsider, context))).toMatchObject({ kind: 'forbidden' });
    expect((await loadSettings(graphAs(emulator, SECRETARY), TEAM, CHANNEL)).eTag).toBe(current.eTag);
  });
});

describe('a settings file Justera cannot read', () => {
  let folder: SettingsFolder;
  beforeAll(async () => {
    folder = (await loadSettings(graphAs(emulator, SECRETARY), TEAM, GENERAL)).folder;
  });

  async function write(text: string) {
    await graphAs(emulator, SECRETARY).send(uploadText(folder.driveId, folder.folderId, SETTINGS_PATH, text));
  }

  it('that is not JSON: bad data, said in words, and the file is left as it is', async () => {
    const text = '{"schemaVersion": 1, "group": {"teamId": "x", ';
    await write(text);
    const problem = await failure(loadSettings(graphAs(emulator, SECRETARY), TEAM, GENERAL));
    expect(problem).toMatchObject({ kind: 'bad-data', code: SETTINGS_UNREADABLE });
    expect(problem.message).toBe("The group's settings file Justera/justera-settings.json is not valid JSON; Justera left it as it is.");
    expect((await downloadTextAt(graphAs(emulator, SECRETARY), folder.driveId, folder.folderId, SETTINGS_PATH))?.text).toBe(text);
  });

  it('that is JSON but not settings: bad data, said in words', async () => {
    await write('{"hello": "world"}');
    const problem = await failure(loadSettings(graphAs(emulator, SECRETARY), TEAM, GENERAL));
    expect(problem).toMatchObject({ kind: 'bad-data', code: SETTINGS_UNREADABLE });
    expect(problem.message).toMatch(/holds no settings Justera can read/);
  });

  it('written by a newer Justera: refused, naming the version', async () => {
    await write(JSON.stringify({ schemaVersion: 7, group: { teamId: TEAM, channelId: GENERAL } }));
    const problem = await failure(loadSettings(graphAs(emulator, SECRETARY), TEAM, GENERAL));
    expect(problem).toMatchObject({ kind: 'bad-data', code: SETTINGS_NEWER });
    expect(problem.message).toMatch(/schema version 7/);
  });

  it('copied from another channel: read, and it names the channel it is in', async () => {
    const { settings } = await prefillSettings(graphAs(emulator, SECRETARY), context, () => NOW);
    await write(JSON.stringify(settings));
    const loaded = await loadSettings(graphAs(emulator, SECRETARY), TEAM, GENERAL);
    expect(loaded.settings!.group.channelId).toBe(GENERAL);
    expect(loaded.repairs).toEqual([`group named ${TEAM} / ${CHANNEL}, the file is in ${TEAM} / ${GENERAL}`]);
  });
});
