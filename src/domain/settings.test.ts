import type { PersonRef } from './minutes';
import {
  addToRoster,
  defaultGroupName,
  entryFromDirectory,
  kindFromName,
  newSettings,
  removeFromRoster,
  restoreSettings,
  rememberSeries,
  roleOf,
  rosterFromMembers,
  sameSettings,
  serialiseSettings,
  SETTINGS_SCHEMA_VERSION,
  templateChoices,
  updateRosterEntry,
  withTemplate,
  type DirectoryPerson,
  type GroupSettings,
  type RosterEntry,
} from './settings';

const NOW = new Date('2026-11-23T09:00:00Z');
const TEAM = { id: '4c536162-c681-4515-a05c-293d7178a85d', name: 'Nära vård', groupId: '4c536162-c681-4515-a05c-293d7178a85d' };
const CHANNEL = { id: '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2', name: 'Samordningsgrupp' };

const directory: DirectoryPerson[] = [
  { directoryId: 'A1', displayName: 'Örjan Ek', email: 'orjan.ek@regionostmark.se', companyName: 'Region Östmark', department: 'Psykiatrin' },
  { directoryId: 'b2', displayName: 'Sara Lind', email: 'sara.lind@ekby.se', department: 'Ekby kommun' },
  { directoryId: 'c3', displayName: 'Åsa Berg', email: 'asa.berg@regionostmark.se', officeLocation: 'Norrviks sjukhus' },
  { directoryId: 'd4', displayName: 'Zara Nord', email: 'zara@example.org', companyName: '  ', officeLocation: 'Hemma' },
];
const members = [
  { userId: 'a1', displayName: 'Örjan Ek (Extern)', email: 'orjan.ek@regionostmark.se' },
  { userId: 'b2', displayName: 'Sara Lind' },
  { userId: 'c3', displayName: 'Åsa Berg' },
  { userId: 'd4', displayName: 'Zara Nord' },
  { userId: 'e5', displayName: 'Eva Okänd', email: 'eva@ekby.se' },
];

function sample(): GroupSettings {
  const roster = rosterFromMembers(members, directory);
  return newSettings({ team: TEAM, channel: CHANNEL, roster, language: 'sv', planId: 'plan-1', secretary: { key: 'id:c3', displayName: 'Åsa Berg' }, now: NOW });
}

const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('the roster prefilled from the team and the directory', () => {
  const roster = rosterFromMembers(members, directory);

  it('lists every member once, in Swedish order (Å, Ä, Ö after Z)', () => {
    expect(roster.map((e) => e.person.displayName)).toEqual(['Eva Okänd', 'Sara Lind', 'Zara Nord', 'Åsa Berg', 'Örjan Ek']);
  });

  it('takes the organisation from companyName, else department, else officeLocation', () => {
    const org = (name: string) => roster.find((e) => e.person.displayName === name)?.organisation;
    expect(org('Örjan Ek')).toBe('Region Östmark');
    expect(org('Sara Lind')).toBe('Ekby kommun');
    expect(org('Åsa Berg')).toBe('Norrviks sjukhus');
    expect(org('Zara Nord')).toBe('Hemma');
    expect(org('Eva Okänd')).toBeUndefined();
  });

  it('makes everyone a member until the secretary says otherwise, and guesses the kind of organisation from its name', () => {
    expect(roster.every((e) => e.role === 'member')).toBe(true);
    expect(roster.map((e) => e.kind)).toEqual([undefined, 'municipality', undefined, 'hospital', 'region']);
    expect(kindFromName('Landstinget i Norr')).toBe('region');
    expect(kindFromName('Kommunikationsavdelningen')).toBeUndefined();
  });

  it('names people by their directory id, with the directory\'s name; a member the directory did not answer for by what the team says', () => {
    expect(roster.find((e) => e.person.displayName === 'Örjan Ek')?.person).toEqual({ key: 'id:a1', displayName: 'Örjan Ek', email: 'orjan.ek@regionostmark.se', organisation: 'Region Östmark' });
    expect(roster.find((e) => e.person.displayName === 'Eva Okänd')?.person).toEqual({ key: 'id:e5', displayName: 'Eva Okänd', email: 'eva@ekby.se' });
  });

  it('a person found by search joins the roster once, and what the secretary wrote about someone already there stays', () => {
    const edited = roster.map((e) => (e.person.key === 'id:b2' ? { ...e, organisation: 'Socialförvaltningen, Ekby' } : e));
    const added = addToRoster(edited, [entryFromDirectory(directory[1]!), entryFromDirectory({ directoryId: 'f6', displayName: 'Bo Ahl', companyName: 'Strömsby kommun' })]);
    expect(added.map((e) => e.person.displayName)).toEqual(['Bo Ahl', 'Eva Okänd', 'Sara Lind', 'Zara Nord', 'Åsa Berg', 'Örjan Ek']);
    expect(added.find((e) => e.person.key === 'id:b2')?.organisation).toBe('Socialförvaltningen, Ekby');
  });
});

describe('roles', () => {
  const roster: RosterEntry[] = [
    { person: { key: 'id:a1', displayName: 'Anna Berg', email: 'anna.berg@ekby.se' }, role: 'member' },
    { person: { key: 'id:b2', displayName: 'Bo Ek', email: 'bo.ek@ekby.se' }, role: 'substitute' },
    { person: { key: 'name:carl dahl', displayName: 'Carl Dahl' }, role: 'coopted' },
  ];

  it('finds a person by key, then by address (any case), and by name only when there is nothing stronger', () => {
    expect(roleOf(roster, { key: 'id:b2', displayName: 'B. Ek' })).toBe('substitute');
    expect(roleOf(roster, { key: 'mail:anna.berg@ekby.se', email: 'Anna.Berg@EKBY.se', displayName: 'Anna' })).toBe('member');
    expect(roleOf(roster, { key: 'name:carl dahl', displayName: 'Carl  Dahl (Gäst)' })).toBe('coopted');
    // Same name, another person: a different address wins over the name.
    expect(roleOf(roster, { key: 'id:zz', email: 'anna.berg@norrvik.se', displayName: 'Anna Berg' })).toBeUndefined();
  });

  it('someone outside the roster has no role (a guest)', () => {
    expect(roleOf(roster, { key: 'id:x', displayName: 'Gäst Gästsson' })).toBeUndefined();
    expect(roleOf([], { key: 'constructor', displayName: 'constructor' })).toBeUndefined();
  });
});

describe('new settings', () => {
  it('names the group from the team and channel, chooses the informal template, and makes the one setting it up the secretary', () => {
    const s = sample();
    expect(s.group).toEqual({ name: 'Nära vård – Samordningsgrupp', teamId: TEAM.id, channelId: CHANNEL.id, groupId: TEAM.groupId });
    expect(s.templateId).toBe('minnesanteckningar-sv');
    expect(s.templates.map((t) => t.id)).toEqual(['minnesanteckningar-sv']);
    expect(s.defaults).toEqual({ secretary: { key: 'id:c3', displayName: 'Åsa Berg', email: 'asa.berg@regionostmark.se', organisation: 'Norrviks sjukhus' }, adjusters: [] });
    expect(s.planId).toBe('plan-1');
    expect(s.bucketPolicy).toBe('per-meeting');
    expect(s.updatedAt).toBe(NOW.toISOString());
    expect(defaultGroupName({ name: 'Nära vård' }, { name: 'General' })).toBe('Nära vård');
    expect(defaultGroupName({}, { name: 'Styrgrupp' })).toBe('Styrgrupp');
  });

  it('in English, the English informal template', () => {
    expect(newSettings({ team: TEAM, channel: CHANNEL, roster: [], language: 'en', now: NOW }).templateId).toBe('minnesanteckningar-en');
  });

  it('keeps a copy of a chosen built-in template, once, and lists its own copies first', () => {
    const s = withTemplate(withTemplate(sample(), 'protokoll-sv'), 'protokoll-sv');
    expect(s.templateId).toBe('protokoll-sv');
    expect(s.templates.map((t) => t.id)).toEqual(['minnesanteckningar-sv', 'protokoll-sv']);
    expect(templateChoices(s).map((t) => t.id)).toEqual(['minnesanteckningar-sv', 'protokoll-sv', 'minnesanteckningar-en', 'protokoll-en']);
    expect(withTemplate(s, 'no-such-template')).toBe(s);
  });

  it('a roster change reaches the defaults that name the person, and removing someone removes them from the defaults', () => {
    let s = sample();
    const asa = s.roster.find((e) => e.person.displayName === 'Åsa Berg')!;
    s = { ...s, defaults: { ...s.defaults, adjusters: [asa.person] } };
    s = updateRosterEntry(s, asa.person.key, { organisation: 'Region Östmark', role: 'substitute', county: '' });
    expect(s.roster.find((e) => e.person.key === asa.person.key)).toMatchObject({ organisation: 'Region Östmark', role: 'substitute' });
    expect(s.roster.find((e) => e.person.key === asa.person.key)).not.toHaveProperty('county');
    expect(s.defaults.secretary?.organisation).toBe('Region Östmark');
    expect(s.defaults.adjusters[0]?.organisation).toBe('Region Östmark');
    s = removeFromRoster(s, asa.person.key);
    expect(s.roster.some((e) => e.person.key === asa.person.key)).toBe(false);
    expect(s.defaults).toEqual({ adjusters: [] });
  });

  it('remembers a series once', () => {
    const s = rememberSeries(rememberSeries(sample(), 'AAMk-series'), ' AAMk-series ');
    expect(s.series).toEqual(['AAMk-series']);
  });
});

describe('reading a settings file', () => {
  it('reads back exactly what was written', () => {
    const s = withTemplate(sample(), 'protokoll-sv');
    const text = serialiseSettings(s);
    expect(restoreSettings(JSON.parse(text))).toEqual({ ok: true, settings: roundTrip(s), repairs: [] });
    const restored = restoreSettings(JSON.parse(text));
    if (!restored.ok) throw new Error('expected settings');
    expect(sameSettings(restored.settings, s)).toBe(true);
  });

  it('refuses what is not settings, with a reason', () => {
    expect(restoreSettings(null)).toEqual({ ok: false, reason: 'not-settings' });
    expect(restoreSettings([1])).toEqual({ ok: false, reason: 'not-settings' });
    expect(restoreSettings({ schemaVersion: 1, hello: 'world' })).toEqual({ ok: false, reason: 'not-settings', version: 1 });
    const { schemaVersion: _v, ...rest } = roundTrip(sample());
    expect(restoreSettings(rest)).toEqual({ ok: false, reason: 'not-settings' });
  });

  it('refuses a file written by a newer Justera, naming its version', () => {
    expect(restoreSettings({ ...roundTrip(sample()), schemaVersion: SETTINGS_SCHEMA_VERSION + 1 })).toEqual({ ok: false, reason: 'newer-version', version: 2 });
  });

  it('repairs what it can, field by field, and says what it repaired', () => {
    const raw = roundTrip(sample());
    const roster = raw.roster as Record<string, unknown>[];
    roster.push(roster[0]!); // the same person twice
    roster.push('not a person' as never);
    roster[1]!.role = 'ordförande';
    roster[2]!.kind = 'county';
    raw.defaults = { chair: { displayName: 'No key' }, adjusters: 'Åsa' };
    raw.bucketPolicy = { bucketId: 42 };
    raw.series = ['s1', 's1', 7, ''];
    raw.templateId = 'gone';
    raw.templates = [{ id: 'minnesanteckningar-sv', name: 'Minnesanteckningar', header: [{ id: 'date', label: 'Dag' }, { id: 'nonsense', label: 'x' }] }, 'x'];
    const result = restoreSettings(raw);
    if (!result.ok) throw new Error('expected settings');
    const s = result.settings;
    expect(s.roster).toHaveLength(5);
    expect(s.roster[1]!.role).toBe('member');
    expect(s.roster[2]).not.toHaveProperty('kind');
    expect(s.defaults).toEqual({ adjusters: [] });
    expect(s.bucketPolicy).toBe('per-meeting');
    expect(s.series).toEqual(['s1']);
    expect(s.templateId).toBe('minnesanteckningar-sv');
    expect(s.templates[0]!.header[0]).toEqual({ id: 'date', label: 'Dag', show: true });
    expect(s.templates[0]!.header.some((f) => (f.id as string) === 'nonsense')).toBe(false);
    expect(result.repairs).toEqual([
      'templates[1] could not be read',
      'bucketPolicy is not a policy',
      'defaults.adjusters is not a list',
      'roster[1].role is not a role',
      'roster[2].kind is not a kind',
      'roster[5] repeats id:e5',
      'roster[6] could not be read',
      'defaults.chair is not a person',
      'templateId gone is not a template',
    ]);
  });

  it('keeps hostile text as text, and never takes an inherited member for a field', () => {
    const raw = roundTrip(sample());
    (raw.group as Record<string, unknown>).name = '<img src=x onerror=alert(1)>';
    const roster = raw.roster as Record<string, unknown>[];
    roster[0]!.role = 'constructor';
    roster[1]!.kind = '__proto__';
    raw.bucketPolicy = 'toString';
    delete raw.planId;
    const result = restoreSettings(JSON.parse(JSON.stringify(raw).replace('"roster"', '"__proto__":{"polluted":true,"planId":"evil"},"roster"')));
    if (!result.ok) throw new Error('expected settings');
    expect(result.settings.group.name).toBe('<img src=x onerror=alert(1)>');
    expect(result.settings.roster.map((e) => e.role)).toEqual(['member', 'member', 'member', 'member', 'member']);
    expect(result.settings.roster.map((e) => e.kind)).toEqual([undefined, undefined, undefined, 'hospital', 'region']);
    expect(result.settings.bucketPolicy).toBe('per-meeting');
    expect(result.settings.planId).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a name of 10,000 characters is cut, not refused', () => {
    const raw = roundTrip(sample());
    (raw.group as Record<string, unknown>).name = 'x'.repeat(10_000);
    const result = restoreSettings(raw);
    expect(result.ok && result.settings.group.name.length).toBe(300);
  });
});

describe('whether the form changed anything', () => {
  it('ignores when it was saved and the order of keys', () => {
    const s = sample();
    const { defaults, ...rest } = s;
    const reordered = JSON.parse(JSON.stringify({ defaults: { adjusters: defaults.adjusters, secretary: defaults.secretary }, ...rest, updatedAt: 'later' })) as GroupSettings;
    expect(Object.keys(reordered)[0]).toBe('defaults');
    expect(sameSettings(s, reordered)).toBe(true);
    const adjuster: PersonRef = s.roster[0]!.person;
    expect(sameSettings(s, { ...s, defaults: { ...s.defaults, adjusters: [adjuster] } })).toBe(false);
  });
});
