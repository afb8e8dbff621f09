// A group's settings, kept as one JSON file in its channel's folder (Justera/justera-settings.json),
// so whoever opens the tab later (a successor secretary) inherits them: which team and channel, the
// Planner plan and bucket policy, the template, the default chair, secretary and adjusters, the roster
// (each member's organisation and role) and the meeting series known to belong to the group.
// Pure: the file passes restoreSettings when read, field by field as restoreMinutes does.

import type { PersonRef } from './minutes';
import { normaliseEmail, normaliseName, personKey } from './people';
import { BUILT_IN_TEMPLATES, restoreTemplate, templatesOf, type Language, type Template } from './templates';

/** Bumped when the file's shape changes; restoreSettings migrates older versions. */
export const SETTINGS_SCHEMA_VERSION = 1;

/** The groups' practice: ordinarie, ersättare, adjungerad. */
export type RosterRole = 'member' | 'substitute' | 'coopted';
export const ROSTER_ROLES: readonly RosterRole[] = ['member', 'substitute', 'coopted'];

/** What kind of organisation a member comes from: region (county council), municipality, hospital. */
export type OrganisationKind = 'region' | 'municipality' | 'hospital' | 'other';
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['region', 'municipality', 'hospital', 'other'];

export interface RosterEntry {
  person: PersonRef;
  /** What the minutes print after the name ("Ekby kommun"). */
  organisation?: string;
  /** The county (län) the organisation belongs to. */
  county?: string;
  kind?: OrganisationKind;
  role: RosterRole;
}

/** Planner tasks go to one bucket per meeting, or always to one chosen bucket. */
export type BucketPolicy = 'per-meeting' | { bucketId: string };

export interface GroupSettings {
  schemaVersion: typeof SETTINGS_SCHEMA_VERSION;
  group: {
    name: string;
    /** Graph's id of the team: the id of the Microsoft 365 group behind it (what /teams/{id} takes). */
    teamId: string;
    channelId: string;
    /** The Microsoft 365 group (what /groups/{id}/planner takes); the team's id in today's Graph. */
    groupId?: string;
  };
  planId?: string;
  bucketPolicy: BucketPolicy;
  templateId: string;
  /** The group's own copies of templates (the chosen built-in one included), in the file as data. */
  templates: Template[];
  defaults: { chair?: PersonRef; secretary?: PersonRef; adjusters: PersonRef[] };
  roster: RosterEntry[];
  /** Meeting series (seriesMasterIds or iCalUIds) remembered as belonging to the group. */
  series: string[];
  /** When someone last saved: an ISO instant from the caller's clock. */
  updatedAt: string;
}

export type SettingsRestoreResult =
  | { ok: true; settings: GroupSettings; /** What had to be repaired, for the log. */ repairs: string[] }
  | { ok: false; reason: 'not-settings' | 'newer-version'; version?: number };

// ---------------------------------------------------------------------------------------------
// People in the roster

/** A person as the directory describes them (the graph port's DirectoryUser fits). */
export interface DirectoryPerson {
  directoryId: string;
  displayName: string;
  email?: string;
  companyName?: string;
  department?: string;
  officeLocation?: string;
}

/** A team member as the team lists them. */
export interface TeamMemberPerson {
  userId: string;
  displayName: string;
  email?: string;
}

const collator = new Intl.Collator('sv', { sensitivity: 'base' });
/** Swedish order, names first: Å, Ä and Ö after Z, as a Swedish reader expects. */
export const byName = (a: RosterEntry, b: RosterEntry) => collator.compare(a.person.displayName, b.person.displayName) || a.person.key.localeCompare(b.person.key);

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * A guess at the kind of organisation from its name ("Region Östmark", "Ekby kommun", "Norrviks
 * sjukhus"); undefined when the name says nothing, for the secretary to fill in.
 */
export function kindFromName(organisation: string | undefined): OrganisationKind | undefined {
  const name = organisation?.toLocaleLowerCase('sv') ?? '';
  if (/\b(region|landsting)/u.test(name)) return 'region';
  if (/kommun\b/u.test(name)) return 'municipality';
  if (/(sjukhus|lasarett)/u.test(name)) return 'hospital';
  return undefined;
}

/** A directory user as a roster entry: organisation from companyName, else department, else officeLocation. */
export function entryFromDirectory(user: DirectoryPerson, role: RosterRole = 'member'): RosterEntry {
  const organisation = blank(user.companyName) ?? blank(user.department) ?? blank(user.officeLocation);
  const person: PersonRef = { key: personKey(user), displayName: user.displayName };
  if (user.email) person.email = user.email;
  if (organisation) person.organisation = organisation;
  const entry: RosterEntry = { person, role };
  if (organisation) entry.organisation = organisation;
  const kind = kindFromName(organisation);
  if (kind) entry.kind = kind;
  return entry;
}

/**
 * The roster prefilled from the team's members and what the directory says of them; everyone a
 * member ('ordinarie') until the secretary says otherwise, in Swedish order. A member the directory
 * did not answer for is still listed, by name and address.
 */
export function rosterFromMembers(members: readonly TeamMemberPerson[], directoryUsers: readonly DirectoryPerson[]): RosterEntry[] {
  const directory = new Map(directoryUsers.map((u) => [u.directoryId.toLowerCase(), u]));
  const seen = new Set<string>();
  const roster: RosterEntry[] = [];
  for (const m of members) {
    const user = directory.get(m.userId.toLowerCase()) ?? { directoryId: m.userId, displayName: m.displayName, email: m.email };
    const entry = entryFromDirectory({ ...user, displayName: user.displayName || m.displayName, email: user.email ?? m.email });
    if (seen.has(entry.person.key)) continue;
    seen.add(entry.person.key);
    roster.push(entry);
  }
  return roster.sort(byName);
}

/** The keys a person reference can be found by: its own key, then its address, then its name. */
function refKeys(p: Pick<PersonRef, 'key' | 'email' | 'displayName'>): { strong: string[]; name?: string } {
  const strong = new Set<string>();
  if (!p.key.startsWith('name:')) strong.add(p.key.toLowerCase());
  const email = normaliseEmail(p.email);
  if (email) strong.add(`mail:${email}`);
  return { strong: [...strong], name: normaliseName(p.displayName) };
}

/** Whether two references name the same person: by key or address when both have one, by name only otherwise. */
export function sameRef(a: Pick<PersonRef, 'key' | 'email' | 'displayName'>, b: Pick<PersonRef, 'key' | 'email' | 'displayName'>): boolean {
  if (a.key === b.key) return true;
  const ka = refKeys(a);
  const kb = refKeys(b);
  if (ka.strong.length > 0 && kb.strong.length > 0) return ka.strong.some((k) => kb.strong.includes(k));
  return ka.name !== undefined && ka.name === kb.name;
}

/** The person's entry in the roster, if they are in it. */
export function rosterEntryOf(roster: readonly RosterEntry[], person: Pick<PersonRef, 'key' | 'email' | 'displayName'>): RosterEntry | undefined {
  return roster.find((e) => sameRef(e.person, person));
}

/** The person's role in the group, or undefined for someone outside the roster (a guest). */
export function roleOf(roster: readonly RosterEntry[], person: Pick<PersonRef, 'key' | 'email' | 'displayName'>): RosterRole | undefined {
  return rosterEntryOf(roster, person)?.role;
}

/** The person as the minutes should name them: the roster's organisation wins over the directory's. */
export function refFromEntry(entry: RosterEntry): PersonRef {
  const ref: PersonRef = { key: entry.person.key, displayName: entry.person.displayName };
  if (entry.person.email) ref.email = entry.person.email;
  const organisation = entry.organisation ?? entry.person.organisation;
  if (organisation) ref.organisation = organisation;
  return ref;
}

// ---------------------------------------------------------------------------------------------
// New settings, and changes the form makes

export interface NewSettings {
  team: { id: string; name?: string; groupId?: string };
  channel: { id: string; name?: string };
  roster: RosterEntry[];
  language: Language;
  planId?: string;
  /** Who is setting up the group: the default secretary when they are in the roster. */
  secretary?: Pick<PersonRef, 'key' | 'email' | 'displayName'>;
  now: Date;
}

/** The group's name until someone names it: the channel's, with the team's ("Nära vård – Samordningsgrupp"), or the team's for General. */
export function defaultGroupName(team: { name?: string }, channel: { name?: string }): string {
  const t = team.name?.trim() ?? '';
  const c = channel.name?.trim() ?? '';
  if (!c || c.toLowerCase() === 'general' || c.toLowerCase() === 'allmänt') return t || c;
  return t ? `${t} – ${c}` : c;
}

/** The default template for a language: the informal "Minnesanteckningar" (or "Meeting notes"). */
export function defaultTemplateId(language: Language): string {
  return BUILT_IN_TEMPLATES.find((t) => t.language === language && !t.numberedParagraphs)!.id;
}

/** Settings for a group that has none yet, from what the team and directory say. */
export function newSettings(input: NewSettings): GroupSettings {
  const secretaryEntry = input.secretary ? rosterEntryOf(input.roster, input.secretary) : undefined;
  const settings: GroupSettings = {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    group: { name: defaultGroupName(input.team, input.channel), teamId: input.team.id, channelId: input.channel.id },
    bucketPolicy: 'per-meeting',
    templateId: defaultTemplateId(input.language),
    templates: [],
    defaults: { adjusters: [] },
    roster: [...input.roster].sort(byName),
    series: [],
    updatedAt: input.now.toISOString(),
  };
  if (input.team.groupId) settings.group.groupId = input.team.groupId;
  if (input.planId) settings.planId = input.planId;
  if (secretaryEntry) settings.defaults.secretary = refFromEntry(secretaryEntry);
  return withTemplate(settings, settings.templateId);
}

/** Every template the group can choose: its own copies first, then the built-in ones it has no copy of. */
export function templateChoices(settings: Pick<GroupSettings, 'templates'>): Template[] {
  return templatesOf(settings.templates);
}

/**
 * The template chosen by id; the group keeps a copy of a built-in one, so its minutes keep their
 * shape whatever a later Justera ships, and renaming a section changes only the group's copy.
 */
export function withTemplate(settings: GroupSettings, templateId: string): GroupSettings {
  const template = templateChoices(settings).find((t) => t.id === templateId);
  if (!template) return settings;
  const templates = settings.templates.some((t) => t.id === templateId) ? settings.templates : [...settings.templates, structuredCopy(template)];
  return { ...settings, templateId, templates };
}

const structuredCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Adds a series to the group once (by its seriesMasterId or iCalUId). */
export function rememberSeries(settings: GroupSettings, seriesId: string): GroupSettings {
  const id = seriesId.trim();
  if (!id || settings.series.includes(id)) return settings;
  return { ...settings, series: [...settings.series, id] };
}

/** Whether a series belongs to the group. */
export function hasSeries(settings: Pick<GroupSettings, 'series'>, seriesId: string | undefined): boolean {
  return seriesId !== undefined && settings.series.includes(seriesId);
}

/**
 * Adds people to the roster (each once), in Swedish order. A person already there keeps their entry:
 * what the secretary wrote is not overwritten by what the directory says.
 */
export function addToRoster(roster: readonly RosterEntry[], entries: readonly RosterEntry[]): RosterEntry[] {
  const out = [...roster];
  for (const e of entries) if (!out.some((x) => sameRef(x.person, e.person))) out.push(e);
  return out.sort(byName);
}

/**
 * Removes a person from the roster, and from the defaults that name them (a default chair or
 * adjuster who is no longer in the group would print a name nobody chose).
 */
export function removeFromRoster(settings: GroupSettings, key: string): GroupSettings {
  const entry = settings.roster.find((e) => e.person.key === key);
  if (!entry) return settings;
  const keep = (p: PersonRef | undefined) => (p && sameRef(p, entry.person) ? undefined : p);
  const defaults: GroupSettings['defaults'] = { adjusters: settings.defaults.adjusters.filter((p) => !sameRef(p, entry.person)) };
  const chair = keep(settings.defaults.chair);
  const secretary = keep(settings.defaults.secretary);
  if (chair) defaults.chair = chair;
  if (secretary) defaults.secretary = secretary;
  return { ...settings, roster: settings.roster.filter((e) => e !== entry), defaults };
}

/** Changes one roster entry (organisation, county, kind, role), found by the person's key. */
export function updateRosterEntry(settings: GroupSettings, key: string, change: Partial<Omit<RosterEntry, 'person'>>): GroupSettings {
  const roster = settings.roster.map((e) => {
    if (e.person.key !== key) return e;
    const next: RosterEntry = { ...e, ...change };
    for (const field of ['organisation', 'county', 'kind'] as const) {
      if (next[field] === undefined || next[field] === '') delete next[field];
    }
    return next;
  });
  // The defaults print the organisation too: keep them in step with the roster.
  const refresh = (p: PersonRef | undefined) => {
    if (!p) return undefined;
    const e = roster.find((x) => sameRef(x.person, p));
    return e ? refFromEntry(e) : p;
  };
  const defaults: GroupSettings['defaults'] = { adjusters: settings.defaults.adjusters.map((p) => refresh(p)!) };
  const chair = refresh(settings.defaults.chair);
  const secretary = refresh(settings.defaults.secretary);
  if (chair) defaults.chair = chair;
  if (secretary) defaults.secretary = secretary;
  return { ...settings, roster, defaults };
}

// ---------------------------------------------------------------------------------------------
// Reading the file

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An own field only: never something inherited (a "__proto__" key, Object.prototype's members). */
const own = (r: Rec, key: string): unknown => (Object.hasOwn(r, key) ? r[key] : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Text from the file, trimmed to a sane length: a name is never 10,000 characters. */
const text = (v: unknown, max = 300): string | undefined => {
  const s = str(v);
  return s?.trim() ? s.slice(0, max) : undefined;
};
const ROLES = new Set<string>(ROSTER_ROLES);
const KINDS = new Set<string>(ORGANISATION_KINDS);

class Restorer {
  readonly repairs: string[] = [];

  note(what: string) {
    if (this.repairs.length < 50) this.repairs.push(what);
  }

  person(v: unknown, what: string): PersonRef | undefined {
    if (v === undefined) return undefined;
    const key = isRec(v) ? text(own(v, 'key')) : undefined;
    const displayName = isRec(v) ? text(own(v, 'displayName')) : undefined;
    if (!isRec(v) || !key || !displayName) {
      this.note(`${what} is not a person`);
      return undefined;
    }
    const ref: PersonRef = { key, displayName };
    const email = text(own(v, 'email'));
    const organisation = text(own(v, 'organisation'));
    if (email) ref.email = email;
    if (organisation) ref.organisation = organisation;
    return ref;
  }

  people(v: unknown, what: string): PersonRef[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.note(`${what} is not a list`);
      return [];
    }
    const out: PersonRef[] = [];
    v.forEach((p, i) => {
      const ref = this.person(p, `${what}[${i}]`);
      if (!ref) return;
      if (out.some((o) => sameRef(o, ref))) return this.note(`${what}[${i}] repeats ${ref.key}`);
      out.push(ref);
    });
    return out;
  }

  entry(v: unknown, what: string): RosterEntry | undefined {
    if (!isRec(v)) return undefined;
    const person = this.person(own(v, 'person'), `${what}.person`);
    if (!person) return undefined;
    const rawRole = own(v, 'role');
    const role = typeof rawRole === 'string' && ROLES.has(rawRole) ? (rawRole as RosterRole) : undefined;
    if (!role) this.note(`${what}.role is not a role`);
    const entry: RosterEntry = { person, role: role ?? 'member' };
    const organisation = text(own(v, 'organisation'));
    const county = text(own(v, 'county'));
    const rawKind = own(v, 'kind');
    if (organisation) entry.organisation = organisation;
    if (county) entry.county = county;
    if (typeof rawKind === 'string' && KINDS.has(rawKind)) entry.kind = rawKind as OrganisationKind;
    else if (rawKind !== undefined) this.note(`${what}.kind is not a kind`);
    return entry;
  }

  roster(v: unknown): RosterEntry[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.note('roster is not a list');
      return [];
    }
    const out: RosterEntry[] = [];
    v.forEach((raw, i) => {
      const entry = this.entry(raw, `roster[${i}]`);
      if (!entry) return this.note(`roster[${i}] could not be read`);
      if (out.some((o) => sameRef(o.person, entry.person))) return this.note(`roster[${i}] repeats ${entry.person.key}`);
      out.push(entry);
    });
    return out;
  }

  templates(v: unknown): Template[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.note('templates is not a list');
      return [];
    }
    const out: Template[] = [];
    v.forEach((raw, i) => {
      const t = isRec(raw) ? restoreTemplate(raw) : undefined;
      if (!t) return this.note(`templates[${i}] could not be read`);
      if (out.some((o) => o.id === t.id)) return this.note(`templates[${i}] repeats ${t.id}`);
      out.push(t);
    });
    return out;
  }

  bucketPolicy(v: unknown): BucketPolicy {
    if (v === undefined || v === 'per-meeting') return 'per-meeting';
    const bucketId = isRec(v) ? text(own(v, 'bucketId')) : undefined;
    if (bucketId) return { bucketId };
    this.note('bucketPolicy is not a policy');
    return 'per-meeting';
  }

  series(v: unknown): string[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.note('series is not a list');
      return [];
    }
    return [...new Set(v.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim().slice(0, 1000)))];
  }
}

/**
 * Reads a group's settings from parsed JSON (the file's text goes through JSON.parse at the edge
 * first): what can be read is repaired field by field, a file written by a newer Justera is refused
 * with its version, and anything that names no team and channel is not settings at all.
 */
export function restoreSettings(raw: unknown): SettingsRestoreResult {
  if (!isRec(raw)) return { ok: false, reason: 'not-settings' };
  const version = own(raw, 'schemaVersion');
  if (typeof version === 'number' && version > SETTINGS_SCHEMA_VERSION) return { ok: false, reason: 'newer-version', version };
  const rawGroup = own(raw, 'group');
  const group = isRec(rawGroup) ? rawGroup : undefined;
  const teamId = group && text(own(group, 'teamId'), 200);
  const channelId = group && text(own(group, 'channelId'), 200);
  if (version !== SETTINGS_SCHEMA_VERSION || !group || !teamId || !channelId) {
    return { ok: false, reason: 'not-settings', ...(typeof version === 'number' ? { version } : {}) };
  }
  const r = new Restorer();
  const rawDefaults = own(raw, 'defaults');
  const defaults = isRec(rawDefaults) ? rawDefaults : {};
  if (rawDefaults !== undefined && !isRec(rawDefaults)) r.note('defaults is not an object');
  const templates = r.templates(own(raw, 'templates'));
  const settings: GroupSettings = {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    group: { name: text(own(group, 'name')) ?? '', teamId, channelId },
    bucketPolicy: r.bucketPolicy(own(raw, 'bucketPolicy')),
    templateId: '',
    templates,
    defaults: { adjusters: r.people(own(defaults, 'adjusters'), 'defaults.adjusters') },
    roster: r.roster(own(raw, 'roster')),
    series: r.series(own(raw, 'series')),
    updatedAt: text(own(raw, 'updatedAt'), 40) ?? new Date(0).toISOString(),
  };
  const groupId = text(own(group, 'groupId'), 200);
  if (groupId) settings.group.groupId = groupId;
  const planId = text(own(raw, 'planId'), 200);
  if (planId) settings.planId = planId;
  const chair = r.person(own(defaults, 'chair'), 'defaults.chair');
  const secretary = r.person(own(defaults, 'secretary'), 'defaults.secretary');
  if (chair) settings.defaults.chair = chair;
  if (secretary) settings.defaults.secretary = secretary;
  // A template the group cannot have (a typo, one a newer Justera knows): the default of the file's
  // language, noted, rather than a page that cannot render.
  const templateId = text(own(raw, 'templateId'), 200);
  const known = templateId !== undefined && templateChoices(settings).some((t) => t.id === templateId);
  if (!known) r.note(`templateId ${templateId ?? '(none)'} is not a template`);
  settings.templateId = known ? templateId : defaultTemplateId(templates[0]?.language ?? 'sv');
  settings.roster.sort(byName);
  return { ok: true, settings, repairs: r.repairs };
}

/** The file's text: stable key order (as the type lists them), indented, so a person can read a diff. */
export function serialiseSettings(settings: GroupSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** JSON with object keys sorted, so two objects that say the same compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRec(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/** Whether two settings say the same (ignoring when they were saved): the form is unchanged. */
export function sameSettings(a: GroupSettings, b: GroupSettings): boolean {
  return canonical({ ...a, updatedAt: '' }) === canonical({ ...b, updatedAt: '' });
}
