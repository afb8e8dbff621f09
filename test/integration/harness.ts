// Integration-test harness: the real Graph client, our graph port and use cases, the emulator over HTTP.

import { emulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import type { TokenProvider } from '../../src/auth/tokenProvider';
import { createGraphClient, type RequestObserver } from '../../src/graph/client';
import { Graph } from '../../src/graph/graph';
import { memoryStore } from '../../src/store/localStore';
import { prefill, type MeetingRef } from '../../src/app/prefill';
import { initialWindow } from '../../src/domain/dateWindow';
import { listMyMeetings } from '../../src/app/myMeetings';
import { startEmulator, type RunningEmulator, type Scenario } from '../../emulator/src/server';
import { readScenarioFile } from '../../emulator/src/scenario/load';
import { withoutSeededFiles } from '../../emulator/src/scenario/seededFiles';
import path from 'node:path';
import { Problem } from '../../src/domain/problems';

export const scenarioFile = (name: string) => path.resolve(__dirname, '../../emulator/scenarios', `${name}.json`);

export function graphAs(emulator: Pick<RunningEmulator, 'url' | 'graphBaseUrl'>, user: string, opts: { tokens?: TokenProvider; observer?: RequestObserver; baseUrl?: string } = {}) {
  const tokens = opts.tokens ?? emulatorTokenProvider(emulator.url, user);
  const { client, version } = createGraphClient({ endpoint: { baseUrl: opts.baseUrl ?? emulator.graphBaseUrl }, tokens, observer: opts.observer });
  return new Graph(client, version);
}

export function useCases(graph: Graph, now: Date, tenantId?: string) {
  const store = memoryStore();
  return {
    store,
    list: () => listMyMeetings(graph, initialWindow(now), 'Europe/Stockholm'),
    prefill: (ref: MeetingRef) => prefill({ graph, now: () => now, timeZone: 'Europe/Stockholm', tenantId, store }, ref),
  };
}

/** An emulator with a scenario: a file of emulator/scenarios by name, or a scenario object (demoScenario). */
export async function emulatorWith(scenario: string | Scenario, now?: Date): Promise<RunningEmulator> {
  return startEmulator({ port: 0, scenario: typeof scenario === 'string' ? scenarioFile(scenario) : scenario, now: now ? () => now : undefined });
}

/**
 * The demo tenant; `configured: false` without the files seeded in its channels (the group's
 * settings and its year of minutes), for tests that set the group up, or write its first minutes.
 */
export function demoScenario(options: { configured?: boolean } = {}): Scenario {
  const s = readScenarioFile(scenarioFile('demo'));
  return options.configured === false ? withoutSeededFiles(s) : s;
}

/** The demo tenant (emulator/scenarios/demo.json) as the tests name it. */
export const DEMO = {
  SECRETARY: 'ahmed.yilmaz@regionostmark.se',
  CHAIR: 'karin.ekstrom@regionostmark.se',
  MEMBER: 'olof.bergstrom@regionostmark.se',
  /** Not a member of the team. */
  OUTSIDER: 'nils.ahl@regionostmark.se',
  /** The team "Nära vård" (its Microsoft 365 group id) and its channels. */
  TEAM: '4c536162-c681-4515-a05c-293d7178a85d',
  CHANNEL: '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2',
  GENERAL: '19:4c536162c6814515a05c293d7178a85d@thread.tacv2',
  SERIES: 'Samordningsgrupp Nära vård',
} as const;

/** The Problem a promise fails with (or a failure of the test when it succeeds). */
export async function failure(p: Promise<unknown>): Promise<Problem> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Problem);
  return e as Problem;
}
