/** Shared helpers for the emulator's own tests: a server on a random port with a fixed clock. */

import path from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator, type Scenario } from '../src/server';

/** Monday 23 November 2026, 10:00 in Stockholm. */
export const NOW = new Date('2026-11-23T09:00:00Z');
export const SCENARIOS = path.resolve(__dirname, '..', 'scenarios');

export const SECRETARY = 'ahmed.yilmaz@regionostmark.se';
export const CHAIR = 'karin.ekstrom@regionostmark.se';
export const MEMBER = 'olof.bergstrom@regionostmark.se';
export const SECRETARY_ID = '833c93fb-31e7-44fc-b510-de063426e461';
export const CHAIR_ID = 'a7ebf369-abe6-4ab5-98ee-ea8c3054427a';
export const SERIES_ID =
  'AAMkADI2MDE0Nzc1LTRmYzgtNDU0Ny1hNjk4LThkODU5NzYyYmQzNwBGAAAAAAALr4muC7yg-KB39FTbKtjeBwCwqH3uQXUdGg026hc9xoPuAAAAAAENAAA4q_Ug0aVUfoXmlvP5QrYBAACU_ZaUAAA=';

export function start(scenario: Scenario | string = path.join(SCENARIOS, 'demo.json'), now: Date = NOW, options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ ...options, port: 0, scenario, now: () => now });
}

/** Parsed JSON from a response, inspected freely by the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
}

export async function call(emu: RunningEmulator, user: string | null, pathAndQuery: string, init: RequestInit = {}): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (user) headers.set('Authorization', `Bearer ${emu.tokenFor(user)}`);
  const url = pathAndQuery.startsWith('http') ? pathAndQuery : `${emu.graphBaseUrl}${pathAndQuery}`;
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export async function scenarioInfo(emu: RunningEmulator): Promise<Json> {
  return (await fetch(`${emu.url}/_emulator/scenario`)).json();
}

export function timeWindow(fromDays: number, toDays: number, now: Date = NOW): string {
  const d = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();
  return `startDateTime=${d(fromDays)}&endDateTime=${d(toDays)}`;
}
