// Page model of the Teams host simulator with Justera's tab inside it.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { PORTS } from '../../../playwright.config';
import type { Scenario } from '../../../emulator/src/scenario/types';
import { withoutSeededFiles } from '../../../emulator/src/scenario/seededFiles';

export const EMULATOR = `http://127.0.0.1:${PORTS.emulator}`;

export interface HostOptions {
  persona?: 'secretary' | 'chair' | 'member';
  frame?: 'content' | 'sidePanel' | 'meetingStage' | 'meetingDetails' | 'settings';
  theme?: 'default' | 'dark' | 'contrast';
  locale?: 'sv-SE' | 'en-US';
  token?: 'valid' | 'expired' | 'denied';
  event?: string;
  /** A Teams deep link into the personal tab (as a mail carries it): the tab opens with its subEntityId. */
  deepLink?: string;
}

export class TeamsHost {
  readonly tab: FrameLocator;

  constructor(readonly page: Page) {
    this.tab = page.frameLocator('iframe');
  }

  /** Opens the simulator; teams-js's fetch of Microsoft's valid-domains list is answered locally (offline). */
  async open(options: HostOptions = {}) {
    await this.page.route('https://res.cdn.office.net/**', (route) => route.fulfill({ json: { validOrigins: ['teams.microsoft.com'] } }));
    const params = new URLSearchParams(Object.entries(options).filter((e): e is [string, string] => e[1] !== undefined));
    await this.page.goto(`/teams.html?${params}`);
    await expect.poll(() => this.page.evaluate(() => (window as unknown as { __teamsSimulator?: { ready?: boolean } }).__teamsSimulator?.ready)).toBe(true);
    return this;
  }

  /** Every teams-js call the simulator could not answer: a test fails on any. */
  async unhandledCalls(): Promise<unknown[]> {
    return this.page.evaluate(() => {
      const sim = (window as unknown as { __teamsSimulator?: { unhandled: unknown[]; problems: unknown[] } }).__teamsSimulator;
      return sim ? [...sim.unhandled, ...sim.problems] : [];
    });
  }

  async setTheme(theme: 'default' | 'dark' | 'contrast') {
    return this.page.evaluate((t) => (window as unknown as { __teamsSimulator: { setTheme(t: string): boolean } }).__teamsSimulator.setTheme(t), theme);
  }
}

/** The emulator's admin endpoints: faults and scenarios, reset after each test that uses them. */
export const emulatorAdmin = {
  async faults(request: import('@playwright/test').APIRequestContext, faults: object) {
    expect((await request.post(`${EMULATOR}/_emulator/faults`, { data: faults })).ok()).toBe(true);
  },
  async clearFaults(request: import('@playwright/test').APIRequestContext) {
    await request.delete(`${EMULATOR}/_emulator/faults`);
  },
  async scenario(request: import('@playwright/test').APIRequestContext, scenario: object) {
    expect((await request.post(`${EMULATOR}/_emulator/scenario`, { data: scenario })).ok()).toBe(true);
  },
};

/**
 * The demo tenant as emulator/scenarios/demo.json seeds it: what tests load to start from it again.
 * `configured: false` leaves out the files seeded in its channels (the group's settings and its
 * year of minutes): a group that has not set Justera up, for tests that start from a blank folder.
 */
export function demoScenario(options: { configured?: boolean } = {}): Scenario {
  const s = JSON.parse(readFileSync(path.resolve(__dirname, '../../../emulator/scenarios/demo.json'), 'utf8')) as Scenario;
  return options.configured === false ? withoutSeededFiles(s) : s;
}
