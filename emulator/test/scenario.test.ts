import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generatedTexts } from '../scenarios/generate';
import { resolveDateString, resolveInstant } from '../src/scenario/dates';
import { loadScenario } from '../src/scenario/load';
import type { Scenario, ScenarioFile } from '../src/scenario/types';
import { ScenarioError } from '../src/scenario/validate';
import { walk } from '../src/drives';
import type { DriveItemModel, State } from '../src/state';
import { NOW, SCENARIOS, start, type Json } from './helpers';

const TZ = 'Europe/Stockholm';
const now = NOW.getTime();
const iso = (t: number) => new Date(t).toISOString();

function minimal(): Scenario {
  return {
    name: 'minimal',
    timeZone: TZ,
    tenant: { id: '11111111-1111-4111-8111-111111111111', displayName: 'T', domain: 't.example' },
    users: [
      { id: '22222222-2222-4222-8222-222222222222', displayName: 'A', userPrincipalName: 'a@t.example' },
      { id: '33333333-3333-4333-8333-333333333333', displayName: 'B', userPrincipalName: 'b@t.example' },
    ],
    events: [
      {
        id: 'AAMkAEVENT=',
        subject: 'S',
        organizer: 'a@t.example',
        start: 'fri-2w 08:00',
        end: 'fri-2w 09:00',
        attendees: [{ user: 'b@t.example', response: 'accepted' }],
        recurrence: { pattern: { type: 'weekly', daysOfWeek: ['friday'] }, range: { type: 'noEnd' } },
        onlineMeeting: { attendanceReports: [] },
      },
    ],
  };
}

function problemsOf(s: unknown): string[] {
  try {
    loadScenario(s as Scenario, now);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  return [];
}

describe('relative dates', () => {
  test('resolve in the scenario zone, across daylight saving time', () => {
    // NOW is Monday 2026-11-23 10:00 in Stockholm (UTC+1).
    expect(resolveDateString('today', now, TZ)).toBe('2026-11-23');
    expect(resolveDateString('fri', now, TZ)).toBe('2026-11-20');
    expect(resolveDateString('mon', now, TZ)).toBe('2026-11-23');
    expect(resolveDateString('fri-8w', now, TZ)).toBe('2026-09-25');
    expect(iso(resolveInstant('today-7d 08:00', now, TZ))).toBe('2026-11-16T07:00:00.000Z');
    expect(iso(resolveInstant('fri-8w 08:00', now, TZ))).toBe('2026-09-25T06:00:00.000Z');
    expect(iso(resolveInstant('2026-07-01 08:00', now, TZ))).toBe('2026-07-01T06:00:00.000Z');
    expect(iso(resolveInstant('2026-07-01T08:00:00Z', now, TZ))).toBe('2026-07-01T08:00:00.000Z');
    expect(iso(resolveInstant('now-90m', now, TZ))).toBe('2026-11-23T07:30:00.000Z');
    expect(() => resolveInstant('yesterday 08:00', now, TZ)).toThrow(/relative date/);
  });
});

describe('scenario validation', () => {
  test('a valid minimal scenario loads', () => {
    expect(problemsOf(minimal())).toEqual([]);
  });

  test('problems name the field', () => {
    const s = minimal() as Json;
    s.events[0].attendees[0].response = 'yes';
    s.users[1].colour = 'blue';
    delete s.tenant.domain;
    const problems = problemsOf(s);
    expect(problems).toContain('events[0].attendees[0].response: expected one of none, accepted, declined, tentativelyAccepted, got "yes"');
    expect(problems).toContain('users[1].colour: unknown field');
    expect(problems).toContain('tenant.domain: required');
  });

  test('references and times are checked when resolving', () => {
    const s = minimal() as Json;
    s.events[0].organizer = 'nobody@t.example';
    s.events[0].end = 'next friday';
    s.personas = { secretary: 'c@t.example' };
    const problems = problemsOf(s).join('\n');
    expect(problems).toContain('events[0].organizer: "nobody@t.example" is not a user or room');
    expect(problems).toContain('events[0].end: "next friday" is neither ISO 8601 nor a relative date');
    expect(problems).toContain('personas.secretary: "c@t.example" is not a user or room');
    const r = minimal() as Json;
    r.events[0].onlineMeeting.attendanceReports.push({ id: 'r1', records: [{ user: 'a@t.example', intervals: [{ join: 0, leave: 5 }] }] });
    expect(problemsOf(r).join('\n')).toContain('events[0].onlineMeeting.attendanceReports[0].occurrence: required for a recurring meeting');
  });

  test('a report cannot belong to a cancelled occurrence', () => {
    const s = minimal() as Json;
    s.events[0].exceptions = [{ occurrence: -1, cancelled: true }];
    s.events[0].onlineMeeting.attendanceReports.push({ id: 'r1', occurrence: -1, records: [{ user: 'a@t.example', intervals: [{ join: 0, leave: 5 }] }] });
    expect(problemsOf(s).join('\n')).toMatch(/attendanceReports\[0\]\.occurrence: occurrence 2026-11-20 is cancelled/);
  });

  test('POST /_emulator/scenario replaces the state or answers 400 with the problems', async () => {
    const emu = await start();
    try {
      const bad = await fetch(`${emu.url}/_emulator/scenario`, { method: 'POST', body: JSON.stringify({ name: 'x' }) });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.problems).toContain('timeZone: required');
      const ok = await fetch(`${emu.url}/_emulator/scenario`, { method: 'POST', body: JSON.stringify(minimal()) });
      expect(ok.status).toBe(200);
      const info = await (await fetch(`${emu.url}/_emulator/scenario`)).json();
      expect(info.name).toBe('minimal');
      expect(info.resolved.events[0].occurrences.filter((o: Json) => o.ended).map((o: Json) => o.date)).toEqual(['2026-11-06', '2026-11-13', '2026-11-20']);
    } finally {
      await emu.close();
    }
  });
});

describe('scenario files', () => {
  test.each(['demo', 'attendees-100', 'attendees-300', 'recurring-reports', 'edge-cases'])('%s.json loads', (name) => {
    const state = loadScenario(path.join(SCENARIOS, `${name}.json`), now);
    expect(state.personas.get('secretary')?.userPrincipalName).toBe('ahmed.yilmaz@regionostmark.se');
  });

  test('the generated files are exactly what generate.ts writes', () => {
    for (const [file, text] of Object.entries(generatedTexts())) {
      expect(readFileSync(path.join(SCENARIOS, file), 'utf8')).toBe(text);
    }
  });
});

// Seeded files whose content follows "now": {{date:…}}, {{day:…}} and {{yearSeq:…}} placeholders
// (emulator/src/scenario/fileTemplates.ts), resolved when the scenario loads.
// NOW is Monday 2026-11-23 in Stockholm: "fri" is 2026-11-20, "fri-20w" 2026-07-03 (summer time).
function withFiles(files: ScenarioFile[]): Scenario {
  return {
    name: 'files',
    timeZone: 'Europe/Stockholm',
    tenant: { id: '11111111-1111-4111-8111-111111111111', displayName: 'T', domain: 't.example' },
    users: [{ id: '22222222-2222-4222-8222-222222222222', displayName: 'A', userPrincipalName: 'a@t.example' }],
    teams: [{ id: '44444444-4444-4444-8444-444444444444', displayName: 'Team', members: ['a@t.example'], channels: [{ id: '19:aa@thread.tacv2', displayName: 'Kanal', files }] }],
  };
}

/** The text of a seeded file, by its path below the channel folder. */
function fileText(state: State, filePath: string): string {
  const drive = [...state.drives.values()][0]!;
  const folder = drive.items.get(state.teams[0]!.channels[0]!.folderId) as DriveItemModel;
  const found = walk(drive, folder, filePath.split('/'));
  if (!found.item) throw new Error(`${filePath} is not in the folder`);
  return found.item.content.toString('utf8');
}

describe('placeholders in seeded files', () => {
  test('dates and days in the name, in JSON values (alone or inside text) and in text files', () => {
    const state = loadScenario(
      withFiles([
        {
          name: 'Justera/{{day:fri-20w}} Möte (abc)/minutes.json',
          json: {
            meeting: { start: '{{date:fri-20w 08:00}}', end: '{{date:fri-20w 09:00}}' },
            actions: [{ due: '{{day:fri-16w+3d}}', what: 'Återkoppla senast {{day:fri-18w}}' }],
            untouched: ['{{joinWebUrl}}', 7, null, true],
          },
        },
        { name: 'anteckning.txt', text: 'Skrivet {{date:now-2h}}' },
      ]),
      now,
    );
    expect(JSON.parse(fileText(state, 'Justera/2026-07-03 Möte (abc)/minutes.json'))).toEqual({
      meeting: { start: '2026-07-03T06:00:00.000Z', end: '2026-07-03T07:00:00.000Z' },
      actions: [{ due: '2026-08-03', what: 'Återkoppla senast 2026-07-17' }],
      untouched: ['{{joinWebUrl}}', 7, null, true],
    });
    expect(fileText(state, 'anteckning.txt')).toBe('Skrivet 2026-11-23T07:00:00.000Z');
  });

  test('yearSeq numbers restart in January and count every file of the same name, in date order', () => {
    // fri-50w 2025-12-05, fri-48w 2025-12-19, fri-46w 2026-01-02, fri-44w 2026-01-16.
    const file = (when: string, size: number, name = 'para') => ({ name: `${when}.json`, json: { firstParagraph: `{{yearSeq:${name}|${when} 08:00|${size}}}`, title: `§{{yearSeq:${name}|${when} 08:00|${size}}}` } });
    const state = loadScenario(withFiles([file('fri-44w', 2), file('fri-50w', 4), file('fri-46w', 3), file('fri-48w', 5), file('fri-45w', 9, 'other')]), now);
    const first = (when: string) => JSON.parse(fileText(state, `${when}.json`)).firstParagraph;
    expect(['fri-50w', 'fri-48w', 'fri-46w', 'fri-44w'].map(first)).toEqual([1, 5, 1, 4]);
    expect(first('fri-45w')).toBe(1);
    expect(JSON.parse(fileText(state, 'fri-48w.json')).title).toBe('§5');
  });

  test('an unknown placeholder, a bad date and a malformed yearSeq are problems at their path', () => {
    const problems = problemsOf(
      withFiles([
        { name: 'a.json', json: { a: '{{date:next friday}}', b: 'vecka {{week:fri}}' } },
        { name: 'b.json', json: { list: ['{{yearSeq:para|fri-2w}}'] } },
        { name: 'c.txt', text: '{{day:fri 08:00}}' },
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'teams[0].channels[0].files[0].json.b: unknown placeholder {{week:…}} (date, day or yearSeq)',
        expect.stringMatching(/^teams\[0\]\.channels\[0\]\.files\[0\]\.json\.a: "next friday" is neither ISO 8601 nor a relative date/),
        'teams[0].channels[0].files[1].json.list[0]: {{yearSeq:para|fri-2w}} must be {{yearSeq:NAME|WHEN|SIZE}} with a whole SIZE of 0 or more',
        'teams[0].channels[0].files[2].text: "fri 08:00" must be a date without time',
      ]),
    );
  });
});
