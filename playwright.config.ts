// End-to-end tests: the built app in Debian's chromium (never a downloaded browser), hosted by the
// Teams host simulator, signed in to the Graph emulator. One worker: the tests share one tenant.

import { defineConfig } from '@playwright/test';

// E2E_PORT_BASE moves all the ports, so that two checkouts can run their end-to-end tests at once.
const BASE = Number(process.env.E2E_PORT_BASE ?? 4100);
// outlook and pane are https://localhost (the Outlook simulator; office.js requires https).
export const PORTS = { app: BASE, emulator: BASE + 1, host: BASE + 2, outlook: BASE + 3, pane: BASE + 4 };

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORTS.host}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx scripts/demo-server.ts',
    url: `http://127.0.0.1:${PORTS.host}/sim-config.json`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      APP_PORT: String(PORTS.app),
      GRAPH_EMULATOR_PORT: String(PORTS.emulator),
      HOST_PORT: String(PORTS.host),
      OUTLOOK_PORT: String(PORTS.outlook),
      PANE_PORT: String(PORTS.pane),
    },
  },
});
