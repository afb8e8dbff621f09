// What the demo group's year (the minutes seeded in its channel folder, emulator/scenarios/
// demoYear.ts) leads a test to expect of the next minutes, read from the scenario file as the
// emulator serves it at "now", without Justera's code: the last earlier minutes that can be read,
// the § their successor starts at, and the actions it must follow up. Shared by the integration
// and end-to-end tests of the demo's year.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seededFiles } from '../emulator/src/scenario/seededFiles';
import type { Scenario } from '../emulator/src/scenario/types';

const CHANNEL = '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2';
const MINUTES = /^Justera\/[^/]+\/minutes\.json$/;

interface Person {
  displayName: string;
}
interface EarlierMinutes {
  folder: string;
  meeting: { start: string };
  firstParagraph?: number;
  agenda: { actions: { what: string; owner?: Person }[] }[];
  followUp: { what: string; owner?: Person; state: string }[];
}

export interface DemoYear {
  /** The minutes files that are JSON, oldest first. */
  readable: EarlierMinutes[];
  /** The folders whose minutes file is not JSON. */
  unreadable: string[];
}

export function demoYear(now: number): DemoYear {
  const scenario = JSON.parse(readFileSync(path.resolve(__dirname, '../emulator/scenarios/demo.json'), 'utf8')) as Scenario;
  const readable: EarlierMinutes[] = [];
  const unreadable: string[] = [];
  for (const f of seededFiles(scenario, now, CHANNEL).filter((x) => MINUTES.test(x.path))) {
    const folder = f.path.split('/')[1]!;
    try {
      readable.push({ ...(JSON.parse(f.text) as EarlierMinutes), folder });
    } catch {
      unreadable.push(folder);
    }
  }
  readable.sort((a, b) => Date.parse(a.meeting.start) - Date.parse(b.meeting.start));
  return { readable, unreadable };
}

export interface Continuation {
  /** The earlier minutes the new ones continue from. */
  previous: EarlierMinutes;
  /** § of the new minutes' first item: on from the previous minutes in the same year, else 1. */
  firstParagraph: number;
  /** What the follow-up lists: the actions still carried on, then the previous meeting's own actions. */
  followUp: { what: string; owner?: string }[];
}

/** What new minutes for a meeting starting at `start` continue from, in the demo's year. */
export function continuation(year: DemoYear, start: string): Continuation {
  const previous = year.readable.filter((m) => Date.parse(m.meeting.start) < Date.parse(start)).at(-1);
  if (!previous) throw new Error(`no readable minutes before ${start}`);
  const sameYear = new Date(previous.meeting.start).getUTCFullYear() === new Date(start).getUTCFullYear();
  const row = (a: { what: string; owner?: Person }) => ({ what: a.what, owner: a.owner?.displayName });
  return {
    previous,
    firstParagraph: sameYear && previous.firstParagraph ? previous.firstParagraph + previous.agenda.length : 1,
    followUp: [...previous.followUp.filter((f) => f.state === 'open' || f.state === 'carried').map(row), ...previous.agenda.flatMap((i) => i.actions.map(row))],
  };
}
