// The demo group's year in figures (issue 13), computed from the scenario file as the emulator serves
// it at "now", without Justera's code: what a secretary would count by hand from the year's minutes
// and the roster in the group's settings file. The tests hold the domain's registers and attendance
// (src/domain/year.ts) against these, so the two must be worked out apart: nothing here comes from src/.
//
// How a secretary reads a minutes file: who was there is the organiser's list (its status per
// person), with the secretary's own marks laid over it (a mark names a person by key and wins); a
// mark for someone not on the list is a person of the roster. Each person came from the organisation
// the minutes name for them at that meeting, else the roster's. A meeting's date is the day it
// started in its own zone.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seededFiles } from '../emulator/src/scenario/seededFiles';
import type { Scenario } from '../emulator/src/scenario/types';

const CHANNEL = '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2';
const MINUTES = /^Justera\/[^/]+\/minutes\.json$/;
const SETTINGS = 'Justera/justera-settings.json';

interface Entry {
  key: string;
  displayName: string;
  organisation?: string;
  status: string;
}
interface ScenarioMinutes {
  meeting: { start: string; timeZone: string };
  agenda: { decisions: { text: string }[]; actions: unknown[] }[];
  attendance: { marks: { key: string; status: string }[]; organiserCopy?: { entries: Entry[] } };
}
interface ScenarioRoster {
  person: { key: string; displayName: string; organisation?: string };
  organisation?: string;
  county?: string;
}

export interface DemoYearFigures {
  /** Meetings of the period whose minutes can be read. */
  meetings: number;
  decisions: number;
  /** The decisions' texts by meeting date (YYYY-MM-DD), in agenda order. */
  decisionsByDate: Record<string, string[]>;
  actions: number;
  /** Per organisation of the roster: the meetings someone from it was present at. */
  organisations: Record<string, number>;
  /** Organisations of the roster present at no meeting of the period, sorted. */
  neverRepresented: string[];
  /** Per county of the roster: the meetings some organisation of it was represented at, and its organisations never represented. */
  counties: Record<string, { meetings: number; neverRepresented: string[] }>;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function demoYearFigures(now: number, period: { from: string; to: string }): DemoYearFigures {
  const scenario = JSON.parse(readFileSync(path.resolve(__dirname, '../emulator/scenarios/demo.json'), 'utf8')) as Scenario;
  const seeded = seededFiles(scenario, now, CHANNEL);
  const settings = seeded.find((f) => f.path === SETTINGS);
  const roster: ScenarioRoster[] = settings ? (JSON.parse(settings.text) as { roster: ScenarioRoster[] }).roster : [];
  const orgOfEntry = (r: ScenarioRoster) => r.organisation ?? r.person.organisation;
  const rosterOrgs = [...new Set(roster.flatMap((r) => orgOfEntry(r) ?? []))];
  const countyOf = new Map(roster.flatMap((r) => (orgOfEntry(r) && r.county ? [[orgOfEntry(r)!, r.county] as const] : [])));

  const minutes: ScenarioMinutes[] = [];
  for (const f of seeded.filter((x) => MINUTES.test(x.path))) {
    try {
      minutes.push(JSON.parse(f.text) as ScenarioMinutes);
    } catch {
      // The file that is not JSON is listed by the view, never counted.
    }
  }
  const dayOf = (m: ScenarioMinutes) => new Intl.DateTimeFormat('en-CA', { timeZone: m.meeting.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(m.meeting.start));
  const ofPeriod = minutes.map((m) => ({ m, date: dayOf(m) })).filter(({ date }) => date >= period.from && date <= period.to);

  const decisionsByDate: Record<string, string[]> = {};
  let decisions = 0;
  let actions = 0;
  const organisations: Record<string, number> = Object.fromEntries(rosterOrgs.map((o) => [o, 0]));
  const counties: Record<string, { meetings: number; neverRepresented: string[] }> = {};
  for (const county of new Set(countyOf.values())) counties[county] = { meetings: 0, neverRepresented: [] };

  for (const { m, date } of ofPeriod) {
    for (const item of m.agenda) {
      for (const d of item.decisions) (decisionsByDate[date] ??= []).push(d.text);
      decisions += item.decisions.length;
      actions += item.actions.length;
    }
    // Who was present, and for which organisation.
    const status = new Map<string, { organisation?: string; status: string }>();
    for (const e of m.attendance.organiserCopy?.entries ?? []) status.set(e.key, { organisation: e.organisation, status: e.status });
    for (const mark of m.attendance.marks) {
      const listed = status.get(mark.key);
      if (listed) listed.status = mark.status;
      else if (roster.some((r) => r.person.key === mark.key)) status.set(mark.key, { status: mark.status });
    }
    const present = new Set<string>();
    for (const [key, s] of status) {
      if (s.status !== 'present') continue;
      const inRoster = roster.find((r) => r.person.key === key);
      const organisation = s.organisation?.trim() ? s.organisation : inRoster && orgOfEntry(inRoster);
      const known = organisation && rosterOrgs.find((o) => same(o, organisation));
      if (known) present.add(known);
    }
    for (const o of present) organisations[o]! += 1;
    for (const county of Object.keys(counties)) if ([...present].some((o) => countyOf.get(o) === county)) counties[county]!.meetings += 1;
  }
  for (const o of rosterOrgs) if (organisations[o] === 0 && countyOf.get(o)) counties[countyOf.get(o)!]!.neverRepresented.push(o);
  for (const c of Object.values(counties)) c.neverRepresented.sort();

  return {
    meetings: ofPeriod.length,
    decisions,
    decisionsByDate,
    actions,
    organisations,
    neverRepresented: rosterOrgs.filter((o) => organisations[o] === 0).sort(),
    counties,
  };
}
