// Seeded files whose content follows "now": {{date:…}}, {{day:…}} and {{yearSeq:…}} placeholders
// (emulator/src/scenario/fileTemplates.ts), resolved when the scenario loads.

import { walk } from '../src/drives';
import { loadScenario } from '../src/scenario/load';
import type { Scenario, ScenarioFile } from '../src/scenario/types';
import { ScenarioError } from '../src/scenario/validate';
import type { DriveItemModel, State } from '../src/state';
import { NOW } from './helpers';

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

function problemsOf(s: Scenario): string[] {
  try {
    loadScenario(s, NOW.getTime());
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  return [];
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
      NOW.getTime(),
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
    const state = loadScenario(withFiles([file('fri-44w', 2), file('fri-50w', 4), file('fri-46w', 3), file('fri-48w', 5), file('fri-45w', 9, 'other')]), NOW.getTime());
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
