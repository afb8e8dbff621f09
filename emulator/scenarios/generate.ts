/**
 * Writes the generated scenario files, reproducibly (a seeded generator, relative dates):
 *   attendees-100.json, attendees-300.json   one ended meeting with that many invitees
 *   recurring-reports.json                   series with many reports, a missing one, a doubled one
 *   edge-cases.json                          phone, anonymous, external and unknown participants, ...
 *   demo.json                                hand-written, except the group's year that demoYear.ts writes
 *                                            into it: people added to the tenant and team, the
 *                                            Samordningsgrupp channel's settings and minutes files
 *
 *   npx tsx emulator/scenarios/generate.ts            write them
 *   npx tsx emulator/scenarios/generate.ts --check    fail if a file differs from what would be written
 */

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeYearInto } from './demoYear';
import { guidFrom, outlookIdFrom } from '../src/ids';
import type {
  Scenario,
  ScenarioAttendee,
  ScenarioEvent,
  ScenarioExternal,
  ScenarioRecord,
  ScenarioUser,
} from '../src/scenario/types';

const TENANT = { id: 'ec467dd0-76ff-41ca-a1bd-f36cf68eaad5', displayName: 'Region Östmark', domain: 'regionostmark.se' };
const DOMAIN = TENANT.domain;

/** mulberry32: small, seeded, good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Per', 'Sara', 'Anders', 'Lena', 'Mikael', 'Kristina', 'Fredrik', 'Elin', 'Daniel', 'Emma', 'Jonas', 'Sofia', 'Magnus', 'Ida', 'Henrik', 'Malin', 'Oskar', 'Linnea', 'Gustav', 'Helena', 'Patrik', 'Camilla', 'Tobias', 'Åsa', 'Björn', 'Ingrid', 'Mats', 'Annika', 'Niklas', 'Johanna', 'Stefan', 'Hanna', 'Peter', 'Fatima', 'Ali', 'Amira', 'Mohammed', 'Leila', 'Hassan', 'Aino', 'Jussi', 'Mirja', 'Dragan', 'Jelena', 'Tomasz', 'Agnieszka', 'Ulla', 'Göran', 'Birgitta', 'Kjell', 'Gunilla', 'Sven', 'Margareta'];
const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lundgren', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Danielsson', 'Håkansson', 'Eklund', 'Lundin', 'Gunnarsson', 'Holm', 'Björk', 'Bergman', 'Samuelsson', 'Fransson', 'Wikström', 'Isaksson', 'Öberg', 'Yilmaz', 'Hassan', 'Ali', 'Virtanen', 'Nieminen', 'Kovačević', 'Nowak', 'Åkesson', 'Ström', 'Hedlund'];
const REGION_DEPARTMENTS = ['Primärvården', 'Närsjukvården', 'Psykiatrin', 'Hälso- och sjukvårdsförvaltningen', 'Habiliteringen', 'Ambulanssjukvården', 'Tandvården'];
const REGION_TITLES = ['Enhetschef', 'Verksamhetsutvecklare', 'Distriktssköterska', 'Överläkare', 'Fysioterapeut', 'Kurator', 'Sjuksköterska', 'Utvecklingsledare', 'Avdelningschef', 'Arbetsterapeut'];
const KOMMUNER = [
  { name: 'Ekby kommun', domain: 'ekby.se', tenantId: '5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' },
  { name: 'Norrvik kommun', domain: 'norrvik.se', tenantId: 'd02399fa-4b05-4f0c-a8d5-592bda7149ca' },
  { name: 'Strömsby kommun', domain: 'stromsby.se', tenantId: '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d' },
  { name: 'Åby kommun', domain: 'aby.se', tenantId: '6828bac1-31b1-431c-a0fe-8fd4685b94da' },
  { name: 'Sjöhamns kommun', domain: 'sjohamn.se', tenantId: '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901' },
  { name: 'Bergsjö kommun', domain: 'bergsjo.se', tenantId: null },
];
const KOMMUN_TITLES = ['Socialchef', 'MAS', 'Enhetschef hemtjänst', 'Biståndshandläggare', 'Utvecklingsstrateg', 'Äldreomsorgschef', 'Verksamhetschef LSS'];

function ascii(s: string): string {
  return s
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/č/g, 'c')
    .replace(/[^a-z]/g, '');
}

/** The core cast shared with demo.json (same ids, so tokens and personas carry over). */
const CORE: ScenarioUser[] = [
  { id: 'a7ebf369-abe6-4ab5-98ee-ea8c3054427a', displayName: 'Karin Ekström', givenName: 'Karin', surname: 'Ekström', userPrincipalName: `karin.ekstrom@${DOMAIN}`, mail: `karin.ekstrom@${DOMAIN}`, jobTitle: 'Utvecklingsledare', department: 'Hälso- och sjukvårdsförvaltningen', companyName: 'Region Östmark', officeLocation: 'Regionens hus', preferredLanguage: 'sv-SE', businessPhones: [] },
  { id: '833c93fb-31e7-44fc-b510-de063426e461', displayName: 'Ahmed Yilmaz', givenName: 'Ahmed', surname: 'Yilmaz', userPrincipalName: `ahmed.yilmaz@${DOMAIN}`, mail: `ahmed.yilmaz@${DOMAIN}`, jobTitle: 'Utredare', department: 'Hälso- och sjukvårdsförvaltningen', companyName: 'Region Östmark', officeLocation: 'Regionens hus', preferredLanguage: 'sv-SE', businessPhones: [] },
  { id: '200e524a-1d89-4ede-b9c2-7a70d509b636', displayName: 'Olof Bergström', givenName: 'Olof', surname: 'Bergström', userPrincipalName: `olof.bergstrom@${DOMAIN}`, mail: `olof.bergstrom@${DOMAIN}`, jobTitle: 'Områdeschef primärvård', department: 'Primärvården', companyName: 'Region Östmark', officeLocation: 'Vårdcentralen Ekby', preferredLanguage: 'sv-SE', businessPhones: [] },
];
const [KARIN, AHMED, OLOF] = CORE as [ScenarioUser, ScenarioUser, ScenarioUser];
const PERSONAS = { secretary: AHMED.userPrincipalName, chair: KARIN.userPrincipalName, member: OLOF.userPrincipalName };

interface Person {
  kind: 'member' | 'guest' | 'external';
  user?: ScenarioUser;
  external?: ScenarioExternal;
  mail: string;
  name: string;
}

/** n people: region staff (directory), kommun guests (directory, #EXT#) and kommun externals. */
function people(n: number, seed: string, random: () => number): Person[] {
  const out: Person[] = [];
  const taken = new Set<string>(CORE.map((u) => u.mail ?? ''));
  for (let i = 0; out.length < n; i++) {
    const first = FIRST[Math.floor(random() * FIRST.length)] as string;
    const last = LAST[Math.floor(random() * LAST.length)] as string;
    const roll = random();
    const kind: Person['kind'] = roll < 0.55 ? 'member' : roll < 0.75 ? 'guest' : 'external';
    const org = kind === 'member' ? null : (KOMMUNER[Math.floor(random() * KOMMUNER.length)] as (typeof KOMMUNER)[number]);
    const domain = org ? org.domain : DOMAIN;
    let local = `${ascii(first)}.${ascii(last)}`;
    if (taken.has(`${local}@${domain}`)) local = `${local}${i}`;
    const mail = `${local}@${domain}`;
    taken.add(mail);
    const name = `${first} ${last}`;
    if (kind === 'external') {
      const external: ScenarioExternal = { mail, displayName: name, companyName: org?.name ?? '', tenantId: org?.tenantId ?? null, objectId: org?.tenantId ? guidFrom(`${seed}|ext|${mail}`) : null };
      out.push({ kind, external, mail, name });
      continue;
    }
    const user: ScenarioUser = {
      id: guidFrom(`${seed}|user|${mail}`),
      displayName: name,
      givenName: first,
      surname: last,
      userPrincipalName: kind === 'guest' ? `${local}_${domain}#EXT#@regionostmark.onmicrosoft.com` : mail,
      mail,
      jobTitle: kind === 'member' ? (REGION_TITLES[Math.floor(random() * REGION_TITLES.length)] as string) : (KOMMUN_TITLES[Math.floor(random() * KOMMUN_TITLES.length)] as string),
      department: kind === 'member' ? (REGION_DEPARTMENTS[Math.floor(random() * REGION_DEPARTMENTS.length)] as string) : 'Socialförvaltningen',
      companyName: org?.name ?? 'Region Östmark',
      businessPhones: [],
    };
    if (kind === 'guest') user.userType = 'Guest';
    else user.preferredLanguage = 'sv-SE';
    out.push({ kind, user, mail, name });
  }
  return out;
}

const round = (x: number): number => Math.round(x * 100) / 100;

function invite(p: Person, response: ScenarioAttendee['response'], responseTime?: string): ScenarioAttendee {
  const a: ScenarioAttendee = p.user ? { user: p.user.userPrincipalName } : { email: p.mail };
  if (response && response !== 'none') {
    a.response = response;
    if (responseTime) a.responseTime = responseTime;
  }
  return a;
}

function presentRecord(p: Person, random: () => number, minutes: number): ScenarioRecord {
  const join = round(-3 + random() * 10);
  const leave = round(minutes - 5 + random() * 8);
  const who: Partial<ScenarioRecord> = p.user ? { user: p.user.userPrincipalName } : { email: p.mail };
  if (random() < 0.08) {
    const out = round(join + 10 + random() * (minutes / 2));
    return { ...who, intervals: [{ join, leave: out }, { join: round(out + 1 + random() * 5), leave }] };
  }
  return { ...who, intervals: [{ join, leave }] };
}

function baseScenario(name: string, description: string, extraUsers: ScenarioUser[], externals: ScenarioExternal[]): Scenario {
  return { name, description, timeZone: 'Europe/Stockholm', tenant: TENANT, users: [...CORE, ...extraUsers], externals, events: [], personas: PERSONAS };
}

/** One ended meeting with n invitees; the secretary organised it, so its report is readable. */
export function attendeesScenario(n: number): Scenario {
  const seed = `attendees-${n}`;
  const random = rng(n * 7919);
  const invitees = people(n, seed, random);
  const minutes = 120;
  const attendees: ScenarioAttendee[] = [invite({ kind: 'member', user: KARIN, mail: KARIN.mail ?? '', name: KARIN.displayName }, 'accepted', 'tue-3w 09:10')];
  const records: ScenarioRecord[] = [
    { user: AHMED.userPrincipalName, role: 'Organizer', intervals: [{ join: -8, leave: minutes + 4 }] },
    { user: KARIN.userPrincipalName, role: 'Presenter', intervals: [{ join: -2.5, leave: minutes + 1 }] },
  ];
  let phones = 0;
  invitees.forEach((p, i) => {
    const r = random();
    const response = r < 0.06 ? 'declined' : r < 0.16 ? 'tentativelyAccepted' : r < 0.22 ? 'none' : 'accepted';
    attendees.push(invite(p, response, `tue-${2 + (i % 2)}w ${String(8 + (i % 9)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`));
    const present = response !== 'declined' && random() < 0.96;
    if (!present) return;
    if (phones < 3 && p.kind === 'external' && random() < 0.3) {
      phones++;
      records.push({ phone: `+4670${String(1000000 + Math.floor(random() * 8999999))}`, displayName: p.name, intervals: [{ join: round(random() * 5), leave: round(minutes - random() * 20) }] });
      return;
    }
    records.push(presentRecord(p, random, minutes));
  });
  // Guests: people who joined without an invitation.
  const guests = people(3, `${seed}-guests`, rng(n));
  for (const g of guests) records.push({ ...presentRecord(g, random, minutes), ...(g.user ? {} : { displayName: g.name }) });
  records.push({ anonymous: true, displayName: 'Gäst (Bergsjö)', intervals: [{ join: 14, leave: 61.5 }] });
  const users = [...invitees, ...guests].flatMap((p) => (p.user ? [p.user] : []));
  const externals = [...invitees, ...guests].flatMap((p) => (p.external ? [p.external] : []));
  const s = baseScenario(seed, `An ended Teams meeting with ${n} invitees (plus the chair), about 90% present, some declined, a few uninvited guests, phone and anonymous participants. The secretary persona organised it.`, users, externals);
  const event: ScenarioEvent = {
    id: outlookIdFrom(`${seed}|event`, AHMED.id),
    subject: `Regionalt dialogmöte Nära vård (${n} inbjudna)`,
    organizer: AHMED.userPrincipalName,
    start: 'tue-1w 13:00',
    end: 'tue-1w 15:00',
    createdDateTime: 'tue-4w 10:00',
    bodyHtml: '<html><body>\n<p>Välkomna till det regionala dialogmötet.</p>\n<p><b>Dagordning</b></p>\n<table>\n<tr><td>13.00</td><td>Inledning</td></tr>\n<tr><td>13.15</td><td>Lägesbild nära vård i länet</td></tr>\n<tr><td>14.00</td><td>Gruppdiskussioner</td></tr>\n<tr><td>14.45</td><td>Sammanfattning och nästa steg</td></tr>\n</table>\n<p>________________________________________________________________________________</p>\n<p>Microsoft Teams <a href="{{joinWebUrl}}">Delta i mötet nu</a></p>\n</body></html>',
    attendees,
    onlineMeeting: { attendanceReports: [{ id: guidFrom(`${seed}|report`), records }] },
  };
  s.events = [event];
  return s;
}

/** Two series organised by the secretary: gaps, a doubled report, and more than 50 reports. */
export function recurringReportsScenario(): Scenario {
  const seed = 'recurring-reports';
  const random = rng(4242);
  const members = people(9, seed, random);
  const users = members.flatMap((p) => (p.user ? [p.user] : []));
  const externals = members.flatMap((p) => (p.external ? [p.external] : []));
  const s = baseScenario(
    seed,
    'Series organised by the secretary persona. "Styrgrupp Hjärta och kärl" (Tuesdays): reports for the last ended occurrences except -3 (missing), and -2 has two reports because the chair rejoined after the end. "Ledningsgrupp primärvård" (Mondays): 55 ended occurrences with reports, more than the 50 Graph lists.',
    users,
    externals,
  );
  const attendees = [invite({ kind: 'member', user: KARIN, mail: KARIN.mail ?? '', name: '' }, 'accepted', 'tue-12w 09:00'), ...members.map((p) => invite(p, 'accepted', 'tue-12w 10:00'))];
  const reports = [];
  for (let k = 1; k <= 9; k++) {
    if (k === 3) continue;
    const records: ScenarioRecord[] = [
      { user: AHMED.userPrincipalName, role: 'Organizer', intervals: [{ join: -4, leave: 91 }] },
      { user: KARIN.userPrincipalName, role: 'Presenter', intervals: [{ join: -1, leave: 90.5 }] },
      ...members.filter(() => random() < 0.85).map((p) => presentRecord(p, random, 90)),
    ];
    reports.push({ id: guidFrom(`${seed}|A|${k}`), occurrence: -k, records });
    if (k === 2) {
      reports.push({ id: guidFrom(`${seed}|A|2|rejoin`), occurrence: -2, records: [{ user: KARIN.userPrincipalName, role: 'Presenter' as const, intervals: [{ join: 104, leave: 107.5 }] }] });
    }
  }
  const seriesA: ScenarioEvent = {
    id: outlookIdFrom(`${seed}|A`, AHMED.id),
    subject: 'Styrgrupp Hjärta och kärl',
    organizer: AHMED.userPrincipalName,
    start: 'tue-10w 13:00',
    end: 'tue-10w 14:30',
    createdDateTime: 'tue-12w 08:30',
    bodyHtml: '<html><body><p><b>Dagordning</b></p><ol><li>Föregående protokoll</li><li>Uppföljning av vårdförlopp</li><li>Övrigt</li></ol><p>Microsoft Teams <a href="{{joinWebUrl}}">Delta i mötet nu</a></p></body></html>',
    recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' }, range: { type: 'numbered', numberOfOccurrences: 16 } },
    attendees,
    onlineMeeting: { attendanceReports: reports },
  };
  const small = members.slice(0, 3);
  const reportsB = [];
  for (let k = 1; k <= 55; k++) {
    reportsB.push({
      id: guidFrom(`${seed}|B|${k}`),
      occurrence: -k,
      records: [{ user: AHMED.userPrincipalName, role: 'Organizer' as const, intervals: [{ join: -1, leave: 60 }] }, ...small.map((p) => presentRecord(p, random, 60))],
    });
  }
  const seriesB: ScenarioEvent = {
    id: outlookIdFrom(`${seed}|B`, AHMED.id),
    subject: 'Ledningsgrupp primärvård',
    organizer: AHMED.userPrincipalName,
    start: 'mon-60w 09:00',
    end: 'mon-60w 10:00',
    createdDateTime: 'mon-62w 09:00',
    bodyHtml: '<html><body><p>Veckovis ledningsgrupp.</p><p>Microsoft Teams <a href="{{joinWebUrl}}">Delta i mötet nu</a></p></body></html>',
    recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' }, range: { type: 'numbered', numberOfOccurrences: 64 } },
    attendees: small.map((p) => invite(p, 'accepted', 'mon-61w 10:00')),
    onlineMeeting: { attendanceReports: reportsB },
  };
  s.events = [seriesA, seriesB];
  return s;
}

/** Awkward participants and meetings, all organised by the secretary unless said otherwise. */
export function edgeCasesScenario(): Scenario {
  const seed = 'edge-cases';
  const anna: ScenarioUser = { id: guidFrom(`${seed}|anna`), displayName: 'Anna Berg', givenName: 'Anna', surname: 'Berg', userPrincipalName: `anna.berg@${DOMAIN}`, mail: `Anna.Berg@${DOMAIN}`, jobTitle: 'Kurator', department: 'Psykiatrin', companyName: 'Region Östmark', businessPhones: [] };
  const noMail: ScenarioUser = { id: guidFrom(`${seed}|nomail`), displayName: 'Tomas Lind', givenName: 'Tomas', surname: 'Lind', userPrincipalName: `tomas.lind@${DOMAIN}`, mail: null, jobTitle: 'Konsult', companyName: null, businessPhones: [] };
  const quote: ScenarioUser = { id: guidFrom(`${seed}|quote`), displayName: "Conor O'Brien", givenName: 'Conor', surname: "O'Brien", userPrincipalName: `conor.obrien@${DOMAIN}`, mail: `conor.o'brien@${DOMAIN}`, jobTitle: 'Läkare', department: 'Närsjukvården', companyName: 'Region Östmark', businessPhones: [] };
  // No mail at all (the field is left out): invited by, and found through, the userPrincipalName alone.
  const upnOnly: ScenarioUser = { id: guidFrom(`${seed}|upnonly`), displayName: 'Elin Sjöberg', givenName: 'Elin', surname: 'Sjöberg', userPrincipalName: `Elin.Sjoberg@${DOMAIN}`, jobTitle: 'Anhörigkonsulent', department: 'Anhörigstöd', companyName: 'Anhörigcentrum Östmark', businessPhones: [] };
  const zeroSeconds: ScenarioUser = { id: guidFrom(`${seed}|zero`), displayName: 'Lisa Holmberg', givenName: 'Lisa', surname: 'Holmberg', userPrincipalName: `lisa.holmberg@${DOMAIN}`, mail: `lisa.holmberg@${DOMAIN}`, jobTitle: 'Sjuksköterska', department: 'Psykiatrin', companyName: 'Region Östmark', businessPhones: [] };
  const externals: ScenarioExternal[] = [
    { mail: 'lena.strom@anhorigforeningen.se', displayName: 'Lena Ström', companyName: 'Anhörigföreningen Östmark', tenantId: null },
    { mail: 'kjell.nowak@gmail.com', displayName: 'Kjell Nowak', tenantId: null },
  ];
  const s = baseScenario(seed, 'Edge cases: phone and anonymous participants, external guests by e-mail, an invitee unknown to the directory, a person who left and rejoined three times, users without mail (one found only by userPrincipalName), attendance records of 0 seconds (an invitee and an uninvited guest), a meeting with no attendees, meetings without Teams, a cancelled meeting, a meeting without a report, a meeting whose originalStartTimeZone is "constructor", e-mail case differences and a quote in an address.', [anna, noMail, quote, upnOnly, zeroSeconds], externals);
  const teams = (key: string) => ({ id: outlookIdFrom(`${seed}|${key}`, AHMED.id) });
  s.rooms = [{ id: guidFrom(`${seed}|room`), displayName: 'Regionens hus, sal Linnéa', mail: `sal.linnea@${DOMAIN}`, capacity: 24, building: 'Regionens hus' }];
  s.events = [
    {
      ...teams('dialog'),
      subject: 'Dialogmöte med anhörigföreningar',
      organizer: AHMED.userPrincipalName,
      start: 'mon-1w 17:00',
      end: 'mon-1w 18:30',
      bodyHtml: '<html><body><p>Dialog om anhörigstöd.</p><p>Microsoft Teams <a href="{{joinWebUrl}}">Delta i mötet nu</a></p></body></html>',
      attendees: [
        { user: KARIN.userPrincipalName, response: 'accepted', responseTime: 'mon-2w 09:00' },
        { email: 'anna.berg@regionostmark.se', response: 'accepted', responseTime: 'mon-2w 10:00' },
        { user: quote.userPrincipalName, response: 'tentativelyAccepted', responseTime: 'mon-2w 11:00' },
        { email: 'lena.strom@anhorigforeningen.se', response: 'accepted', responseTime: 'mon-2w 12:00' },
        { email: 'kjell.nowak@gmail.com' },
        { email: 'bo.ek@regionostmark.se', name: 'Bo Ek' },
        { email: 'okand.person@example.org', name: 'okand.person@example.org' },
        { user: noMail.userPrincipalName, type: 'optional' },
        { user: upnOnly.userPrincipalName, response: 'accepted', responseTime: 'mon-2w 13:00' },
        { user: zeroSeconds.userPrincipalName, response: 'accepted', responseTime: 'mon-2w 14:00' },
      ],
      onlineMeeting: {
        attendanceReports: [
          {
            id: guidFrom(`${seed}|dialog|report`),
            records: [
              { user: AHMED.userPrincipalName, role: 'Organizer', intervals: [{ join: -5, leave: 92 }] },
              { user: KARIN.userPrincipalName, role: 'Presenter', intervals: [{ join: -1, leave: 20 }, { join: 24, leave: 51 }, { join: 55.5, leave: 90 }] },
              { email: 'ANNA.BERG@regionostmark.se', intervals: [{ join: 2, leave: 88 }] },
              { email: 'lena.strom@anhorigforeningen.se', intervals: [{ join: 0.5, leave: 90.2 }] },
              { anonymous: true, displayName: 'Kjell N', intervals: [{ join: 6, leave: 70 }] },
              { phone: '+46812345678', displayName: '+46 8 123 456 78', intervals: [{ join: 3, leave: 85 }] },
              { phone: '+46701112233', displayName: 'Bo Ek', intervals: [{ join: 10, leave: 80 }] },
              { anonymous: true, displayName: 'Gäst', intervals: [{ join: 30, leave: 31 }] },
              { email: 'per.gast@norrvik.se', displayName: 'Per Gäst', tenantId: 'd02399fa-4b05-4f0c-a8d5-592bda7149ca', intervals: [{ join: 15, leave: 60 }] },
              { user: noMail.userPrincipalName, intervals: [{ join: 40, leave: 41 }] },
              { user: upnOnly.userPrincipalName, intervals: [{ join: 1.5, leave: 86 }] },
              // In the report with no time: joined and left in the same second (totalAttendanceInSeconds 0).
              { user: zeroSeconds.userPrincipalName, intervals: [{ join: 25, leave: 25 }] },
              { email: 'maria.lund@stromsby.se', displayName: 'Maria Lund', tenantId: '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', intervals: [{ join: 47, leave: 47 }] },
            ],
          },
        ],
      },
    },
    {
      ...teams('alone'),
      subject: 'Avstämning utan deltagare',
      organizer: AHMED.userPrincipalName,
      start: 'tue-1w 15:00',
      end: 'tue-1w 15:30',
      attendees: [],
      onlineMeeting: { attendanceReports: [{ id: guidFrom(`${seed}|alone|report`), records: [{ user: AHMED.userPrincipalName, role: 'Organizer', intervals: [{ join: 0, leave: 12 }] }] }] },
    },
    {
      ...teams('noreport'),
      subject: 'Teams-möte utan närvarorapport',
      organizer: AHMED.userPrincipalName,
      start: 'wed-1w 10:00',
      end: 'wed-1w 11:00',
      attendees: [{ user: KARIN.userPrincipalName, response: 'accepted' }, { user: OLOF.userPrincipalName, response: 'accepted' }],
      onlineMeeting: {},
    },
    {
      ...teams('nonline'),
      subject: 'Planeringsmöte (utan Teams)',
      organizer: AHMED.userPrincipalName,
      start: 'thu-1w 09:00',
      end: 'thu-1w 10:00',
      room: `sal.linnea@${DOMAIN}`,
      attendees: [{ user: KARIN.userPrincipalName, response: 'accepted' }, { user: OLOF.userPrincipalName, response: 'declined' }, { user: anna.userPrincipalName, response: 'accepted' }],
    },
    {
      ...teams('visit'),
      subject: 'Studiebesök Vårdcentralen Ekby',
      organizer: KARIN.userPrincipalName,
      start: 'fri-1w 10:00',
      end: 'fri-1w 12:00',
      location: 'Vårdcentralen Ekby, Storgatan 12',
      attendees: [{ user: AHMED.userPrincipalName, response: 'accepted' }, { user: OLOF.userPrincipalName, response: 'accepted' }],
    },
    {
      ...teams('cancelled'),
      subject: 'Inställt: Nätverksträff digital vård',
      organizer: KARIN.userPrincipalName,
      start: 'thu+1w 14:00',
      end: 'thu+1w 15:00',
      isCancelled: true,
      attendees: [{ user: AHMED.userPrincipalName, response: 'accepted' }],
      onlineMeeting: {},
    },
    {
      ...teams('oddzone'),
      subject: 'Möte med konstig tidszon',
      organizer: AHMED.userPrincipalName,
      start: 'thu-2w 13:00',
      end: 'thu-2w 14:00',
      // Times are Stockholm's; Graph reports a zone name no table knows (and an inherited member's name).
      originalStartTimeZoneAs: 'constructor',
      bodyHtml: '<html><body><p>Mötet skapades av en klient som skriver en egen tidszon.</p><p>Microsoft Teams <a href="{{joinWebUrl}}">Delta i mötet nu</a></p></body></html>',
      attendees: [{ user: KARIN.userPrincipalName, response: 'accepted' }, { user: OLOF.userPrincipalName, response: 'accepted' }],
      onlineMeeting: {
        attendanceReports: [
          {
            id: guidFrom(`${seed}|oddzone|report`),
            records: [
              { user: AHMED.userPrincipalName, role: 'Organizer', intervals: [{ join: -2, leave: 58 }] },
              { user: KARIN.userPrincipalName, intervals: [{ join: 0, leave: 57 }] },
              { user: OLOF.userPrincipalName, intervals: [{ join: 3, leave: 55 }] },
            ],
          },
        ],
      },
    },
    {
      ...teams('upcoming'),
      subject: 'Uppföljning anhörigdialog',
      organizer: AHMED.userPrincipalName,
      start: 'mon+1w 17:00',
      end: 'mon+1w 18:00',
      attendees: [{ email: 'lena.strom@anhorigforeningen.se', response: 'accepted' }, { user: anna.userPrincipalName }],
      onlineMeeting: {},
    },
  ];
  return s;
}

export function generatedScenarios(): Record<string, Scenario> {
  return {
    'attendees-100.json': attendeesScenario(100),
    'attendees-300.json': attendeesScenario(300),
    'recurring-reports.json': recurringReportsScenario(),
    'edge-cases.json': edgeCasesScenario(),
  };
}

export function serialize(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** Every file's text as generate.ts writes it: the generated scenarios, and demo.json with its year. */
export function generatedTexts(): Record<string, string> {
  const texts = Object.fromEntries(Object.entries(generatedScenarios()).map(([file, s]) => [file, serialize(s)]));
  texts['demo.json'] = writeYearInto(readFileSync(path.join(__dirname, 'demo.json'), 'utf8'));
  return texts;
}

function main(): void {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of Object.entries(generatedTexts())) {
    const target = path.join(__dirname, file);
    if (check) {
      let current = '';
      try {
        current = readFileSync(target, 'utf8');
      } catch {
        /* missing */
      }
      if (current !== text) {
        stale++;
        console.error(`${file} is not what generate.ts writes; run: npx tsx emulator/scenarios/generate.ts`);
      }
    } else {
      writeFileSync(target, text);
      console.log(`wrote ${path.relative(process.cwd(), target)} (${Math.round(text.length / 1024)} KB)`);
    }
  }
  if (stale) process.exit(1);
}

if (require.main === module) main();
