// The demo without a tenant (`npm start`): the Graph emulator, the built app, and the Teams host
// simulator with a start page, each on its own 127.0.0.1 port. Also used by end-to-end tests
// through startDemo().
//
//   app    (APP_PORT, 4000):            dist/app/ + /config.json + /office/ (office.js, if installed),
//                                       every answer with the app's security headers (scripts/hosting.ts)
//   host   (HOST_PORT, 4002):           start page at /, /sim-config.json, dist/simulators/ (teams.html)
//   Graph  (GRAPH_EMULATOR_PORT, 4001): the emulator, in this process
//   outlook (OUTLOOK_PORT, 4003):       https://localhost: the Outlook host simulator (outlook.html, /sim-config.json)
//   pane   (PANE_PORT, 4004):           https://localhost: dist/app/ for the Outlook pane (pane.html), /config.json,
//                                       /office/ and the MicrosoftAjax stand-in; office.js needs https and the
//                                       host's hostname, so both use one self-signed certificate made at start

import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import sirv from 'sirv';
import { startEmulator, type RunningEmulator } from '../emulator/src/server';
import { paneScriptOrigins, securityHeaders } from './hosting';
import { normalizeScenario, type SimScenario } from '../simulators/teams-host/scenario';
import { LOCALHOST, makeLocalhostCertificate, type Certificate } from '../simulators/outlook-host/certificate';
import { readMsAjaxStandIn } from '../simulators/outlook-host/msAjaxStandIn';

export interface DemoOptions {
  /** Graph emulator port (env GRAPH_EMULATOR_PORT, default 4001; 0 = any free port). */
  emulatorPort?: number;
  /** App port (env APP_PORT, default 4000; 0 = any free port). */
  appPort?: number;
  /** Host simulator port (env HOST_PORT or HOST_SIM_PORT, default 4002; 0 = any free port). */
  hostPort?: number;
  /** Outlook host simulator port, https (env OUTLOOK_PORT, default 4003; 0 = any free port). */
  outlookPort?: number;
  /** The Outlook pane's port, https (env PANE_PORT, default 4004; 0 = any free port). */
  panePort?: number;
  /** Scenario JSON file (env GRAPH_EMULATOR_SCENARIO, default emulator/scenarios/demo.json). */
  scenario?: string;
  /** The build output holding app/ and simulators/ (default <repo>/dist). */
  distDir?: string;
  /** Print the URLs (default: only when run directly). */
  log?: (line: string) => void;
}

export interface RunningDemo {
  emulator: RunningEmulator;
  /** Origin of the app server, "http://127.0.0.1:4000". */
  appUrl: string;
  /** Origin of the host simulator server, "http://127.0.0.1:4002" (the start page is hostUrl + "/"). */
  hostUrl: string;
  /** The tab page, appUrl + "/tab.html". */
  tabUrl: string;
  /** The Teams host simulator page, hostUrl + "/teams.html" (add URL parameters to choose a view). */
  simulatorUrl: string;
  /** The Outlook host simulator page, "https://localhost:4003/outlook.html"; null when no certificate could be made. */
  outlookSimulatorUrl: string | null;
  /** The Outlook pane, "https://localhost:4004/pane.html" (office.js finds no host when opened by itself). */
  paneUrl: string | null;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const REPO_ROOT = path.resolve(__dirname, '..');
const START_PAGE_TEMPLATE = path.join(REPO_ROOT, 'simulators', 'start', 'index.html');
const OFFICE_DIST = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const MANIFEST = path.join(REPO_ROOT, 'manifest', 'manifest.json');
/** Where the pane's server serves the MicrosoftAjax stand-in (config.json's msAjaxUrl). */
const MS_AJAX_STAND_IN_PATH = '/office-standin/MicrosoftAjax.js';

const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function envPort(names: string[], fallback: number): number {
  for (const name of names) {
    const raw = process.env[name];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name}=${raw} is not a port number`);
    return n;
  }
  return fallback;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, head = false): void {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

function sendJson(res: http.ServerResponse, body: unknown, head: boolean): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(body, null, 2), head);
}

/** For /favicon.ico when the build has none: no 404 in every test's console. */
function noContent(res: http.ServerResponse): void {
  res.writeHead(204, BASE_HEADERS);
  res.end();
}

function notFound(res: http.ServerResponse, hint = ''): void {
  send(res, 404, 'text/plain; charset=utf-8', `Not found.${hint ? ` ${hint}` : ''}\n`);
}

/**
 * Static files from `root` (sirv: it keeps requests inside the folder and sets content types),
 * always fresh from disk and never cached, so a rebuild shows at the next reload. Resolves false
 * when no file matched, so the caller can answer 404 its own way.
 */
function staticFiles(root: string): (req: http.IncomingMessage, res: http.ServerResponse, urlPath: string) => Promise<boolean> {
  const handler = sirv(root, {
    dev: true,
    dotfiles: false,
    setHeaders: (res) => Object.entries(BASE_HEADERS).forEach(([name, value]) => res.setHeader(name, value)),
  });
  return (req, res, urlPath) =>
    new Promise<boolean>((resolve) => {
      res.once('close', () => resolve(true));
      req.url = urlPath;
      handler(req, res, () => resolve(false));
    });
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, head: boolean) => Promise<void>;

/**
 * `headers()` are set on every answer, errors and 404s included (send() and sirv add to them). With
 * `tls`, the server speaks https.
 */
function createServer(handler: Handler, headers: () => Record<string, string> = () => ({}), tls?: Certificate): http.Server {
  const listener: http.RequestListener = (req, res) => {
    for (const [name, value] of Object.entries(headers())) res.setHeader(name, value);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.\n');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request.\n');
      return;
    }
    handler(req, res, url, method === 'HEAD').catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${String(err)}\n`);
      else res.destroy();
    });
  };
  return tls ? https.createServer(tls, listener) : http.createServer(listener);
}

function listen(server: http.Server, port: number, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`Port ${port} (${what}) is in use. Stop the other process or choose another port.`)
          : err,
      );
    };
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

// ---------------------------------------------------------------------------------------------
// Start page

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const PERSONA_WORDS = {
  secretary: { sv: 'Sekreterare', en: 'Secretary' },
  chair: { sv: 'Ordförande', en: 'Chair' },
  member: { sv: 'Ledamot', en: 'Member' },
} as const;

function personaList(s: SimScenario | null, lang: 'sv' | 'en'): string {
  const unknown = lang === 'sv' ? 'okänd (scenariot kunde inte läsas)' : 'unknown (the scenario could not be read)';
  return (['secretary', 'chair', 'member'] as const)
    .map((p) => {
      const u = s?.personas[p];
      const who = u
        ? `${escapeHtml(u.displayName)}${u.companyName ? `, ${escapeHtml(u.companyName)}` : ''} (<code>${escapeHtml(u.userPrincipalName)}</code>)`
        : unknown;
      return `<li><strong>${PERSONA_WORDS[p][lang]}</strong>: ${who}</li>`;
    })
    .join('\n          ');
}

async function readScenario(emulator: RunningEmulator): Promise<SimScenario | null> {
  try {
    const res = await fetch(new URL('/_emulator/scenario', emulator.url));
    if (!res.ok) return null;
    return normalizeScenario(await res.json());
  } catch {
    return null;
  }
}

async function renderStartPage(emulator: RunningEmulator, outlookSimulatorUrl: string | null): Promise<string> {
  const template = await fs.promises.readFile(START_PAGE_TEMPLATE, 'utf8');
  const s = await readScenario(emulator);
  const meeting = s?.meetings.find((m) => m.eventId === s.defaultEventId);
  const values: Record<string, string> = {
    emulatorUrl: escapeHtml(emulator.url),
    graphBaseUrl: escapeHtml(emulator.graphBaseUrl),
    tenant: escapeHtml(s?.tenantName || s?.tenantId || '?'),
    team: escapeHtml(s?.team ? `${s.team.displayName}${s.channel ? ` › ${s.channel.displayName}` : ''}` : '?'),
    meeting: escapeHtml(meeting?.title ?? '?'),
    personasSv: personaList(s, 'sv'),
    personasEn: personaList(s, 'en'),
    // On its own https origin (office.js's host check); without a certificate the link says why.
    outlookChairUrl: escapeHtml(outlookSimulatorUrl ? `${outlookSimulatorUrl}?persona=chair` : '#no-outlook-simulator'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

// ---------------------------------------------------------------------------------------------

export async function startDemo(opts: DemoOptions = {}): Promise<RunningDemo> {
  const distDir = path.resolve(opts.distDir ?? path.join(REPO_ROOT, 'dist'));
  const appDir = path.join(distDir, 'app');
  const simDir = path.join(distDir, 'simulators');
  const scenario = path.resolve(
    opts.scenario ?? process.env.GRAPH_EMULATOR_SCENARIO ?? path.join(REPO_ROOT, 'emulator', 'scenarios', 'demo.json'),
  );
  const emulatorPort = opts.emulatorPort ?? envPort(['GRAPH_EMULATOR_PORT'], 4001);
  const wantedAppPort = opts.appPort ?? envPort(['APP_PORT'], 4000);
  const wantedHostPort = opts.hostPort ?? envPort(['HOST_PORT', 'HOST_SIM_PORT'], 4002);
  const wantedOutlookPort = opts.outlookPort ?? envPort(['OUTLOOK_PORT'], 4003);
  const wantedPanePort = opts.panePort ?? envPort(['PANE_PORT'], 4004);
  const log = opts.log ?? ((): void => undefined);

  const emulator = await startEmulator({ port: emulatorPort, host: LOOPBACK, scenario });
  const servers: http.Server[] = [];
  // Known once both servers listen (ports may be 0 = any). The host simulator listens first, so the
  // app's headers (whose frame-ancestors name it) are complete before the app port takes a request.
  let appOrigin = '';
  let hostOrigin = '';
  let appHeaders: Record<string, string> = {};
  let outlookOrigin = '';
  let paneOrigin = '';
  let paneHeaders: Record<string, string> = {};
  // config.json, and the headers derived from it (below).
  const appConfig = () => ({
    graphBaseUrl: emulator.graphBaseUrl,
    tokenProvider: 'host' as const,
    hostOrigins: [hostOrigin],
    clientId: 'justera-demo',
    officeJsUrl: '/office/office.js',
    // The approval mail's browser link (sendForApproval.ts): the pane's page, when the pane runs.
    ...(paneOrigin ? { paneUrl: `${paneOrigin}/pane.html` } : {}),
  });
  // The pane's config.json: office.js from this site, and a MicrosoftAjax stand-in loaded before it,
  // since office.js would fetch MicrosoftAjax from Microsoft's CDN (msAjaxStandIn.ts).
  // Opened in a plain browser (the approval mail's link), the pane signs in on the emulator's page.
  const paneConfig = () => ({ ...appConfig(), msAjaxUrl: MS_AJAX_STAND_IN_PATH, browserSignIn: 'emulator' as const });
  const [appFiles, officeFiles, simulatorFiles] = [appDir, OFFICE_DIST, simDir].map(staticFiles);

  /** /office/... from the installed @microsoft/office-js; false when the path is not under /office. */
  const serveOffice = async (req: http.IncomingMessage, res: http.ServerResponse, p: string): Promise<boolean> => {
    if (p !== '/office' && !p.startsWith('/office/')) return false;
    if (!(await officeFiles!(req, res, p.slice('/office'.length) || '/'))) notFound(res, fs.existsSync(OFFICE_DIST) ? '' : '@microsoft/office-js is not installed.');
    return true;
  };
  const appServer = createServer(async (req, res, url, head) => {
    const p = url.pathname;
    if (p === '/config.json') {
      sendJson(res, appConfig(), head);
      return;
    }
    if (await serveOffice(req, res, p)) return;
    if (await appFiles!(req, res, p)) return;
    if (p === '/favicon.ico') return noContent(res);
    notFound(res, fs.existsSync(appDir) ? '' : `${appDir} does not exist: run the build (npm run build).`);
  }, () => appHeaders);

  const hostServer = createServer(async (req, res, url, head) => {
    const p = url.pathname;
    if (p === '/' || p === '/index.html') {
      send(res, 200, 'text/html; charset=utf-8', await renderStartPage(emulator, outlookOrigin ? `${outlookOrigin}/outlook.html` : null), head);
      return;
    }
    if (p === '/sim-config.json') {
      sendJson(
        res,
        {
          appUrl: `${appOrigin}/tab.html`,
          configUrl: `${appOrigin}/tab.html`,
          emulatorUrl: emulator.url,
          graphBaseUrl: emulator.graphBaseUrl,
        },
        head,
      );
      return;
    }
    if (await simulatorFiles!(req, res, p)) return;
    if (p === '/favicon.ico') return noContent(res);
    notFound(res, fs.existsSync(simDir) ? '' : `${simDir} does not exist: run the build (npm run build).`);
  });

  let msAjaxStandIn: string | null = null;
  const paneServer = (tls: Certificate) =>
    createServer(async (req, res, url, head) => {
      const p = url.pathname;
      if (p === '/config.json') return sendJson(res, paneConfig(), head);
      if (p === MS_AJAX_STAND_IN_PATH) {
        msAjaxStandIn ??= readMsAjaxStandIn(OFFICE_DIST);
        return send(res, 200, 'text/javascript; charset=utf-8', msAjaxStandIn, head);
      }
      if (await serveOffice(req, res, p)) return;
      if (await appFiles!(req, res, p)) return;
      if (p === '/favicon.ico') return noContent(res);
      notFound(res, fs.existsSync(appDir) ? '' : `${appDir} does not exist: run the build (npm run build).`);
    }, () => paneHeaders, tls);

  const outlookServer = (tls: Certificate) =>
    createServer(async (req, res, url, head) => {
      const p = url.pathname;
      if (p === '/') {
        res.writeHead(302, { ...BASE_HEADERS, Location: `/outlook.html${url.search}` });
        res.end();
        return;
      }
      if (p === '/sim-config.json') {
        const manifest = JSON.parse(await fs.promises.readFile(MANIFEST, 'utf8')) as { id?: string };
        return sendJson(res, { paneUrl: `${paneOrigin}/pane.html`, emulatorUrl: emulator.url, graphBaseUrl: emulator.graphBaseUrl, appId: manifest.id }, head);
      }
      if (await simulatorFiles!(req, res, p)) return;
      if (p === '/favicon.ico') return noContent(res);
      notFound(res, fs.existsSync(simDir) ? '' : `${simDir} does not exist: run the build (npm run build).`);
    }, undefined, tls);

  try {
    let tls: Certificate | null = null;
    try {
      tls = makeLocalhostCertificate();
    } catch (err) {
      log(`  Warning: no Outlook simulator: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (tls) {
      // The simulator first: the pane's frame-ancestors name it. Both listen before the Teams host,
      // whose /sim-config.json is what end-to-end tests wait for.
      const outlook = outlookServer(tls);
      servers.push(outlook);
      outlookOrigin = `https://${LOCALHOST}:${await listen(outlook, wantedOutlookPort, 'Outlook host simulator')}`;
      const config = paneConfig();
      paneHeaders = securityHeaders({ graphBaseUrl: config.graphBaseUrl, signIn: config.tokenProvider, hostOrigins: [outlookOrigin], frameAncestors: [], scriptOrigins: paneScriptOrigins(config) });
      const pane = paneServer(tls);
      servers.push(pane);
      paneOrigin = `https://${LOCALHOST}:${await listen(pane, wantedPanePort, 'Outlook pane')}`;
    }
    servers.push(hostServer);
    const hostPort = await listen(hostServer, wantedHostPort, 'Teams host simulator');
    hostOrigin = `http://${LOOPBACK}:${hostPort}`;
    // The same function as production (README, "Hosting headers") on the demo's config.json: the
    // emulator's Graph, the host's own token, and no Microsoft host: only the simulator may frame the tab.
    const config = appConfig();
    appHeaders = securityHeaders({ graphBaseUrl: config.graphBaseUrl, signIn: config.tokenProvider, hostOrigins: config.hostOrigins, frameAncestors: [] });
    servers.push(appServer);
    const appPort = await listen(appServer, wantedAppPort, 'app');
    appOrigin = `http://${LOOPBACK}:${appPort}`;
  } catch (err) {
    await Promise.all(servers.map(closeServer));
    await emulator.close();
    throw err;
  }

  const demo: RunningDemo = {
    emulator,
    appUrl: appOrigin,
    hostUrl: hostOrigin,
    tabUrl: `${appOrigin}/tab.html`,
    simulatorUrl: `${hostOrigin}/teams.html`,
    outlookSimulatorUrl: outlookOrigin ? `${outlookOrigin}/outlook.html` : null,
    paneUrl: paneOrigin ? `${paneOrigin}/pane.html` : null,
    close: async () => {
      await Promise.all(servers.map(closeServer));
      await emulator.close();
    },
  };

  log(`Justera demo: ${hostOrigin}/`);
  log('');
  log(`  Start page             ${hostOrigin}/`);
  log(`  Teams host simulator   ${demo.simulatorUrl}`);
  log(`  Channel and Planner    ${hostOrigin}/landed.html   (what landed in the demo team)`);
  log(`  App (tab)              ${demo.tabUrl}   (config: ${appOrigin}/config.json)`);
  if (demo.outlookSimulatorUrl) {
    log(`  Outlook host simulator ${demo.outlookSimulatorUrl}   (self-signed certificate: accept it once)`);
    log(`  Outlook pane           ${demo.paneUrl}`);
  }
  log(`  Graph emulator         ${emulator.url}   (Graph base ${emulator.graphBaseUrl})`);
  log(`  Scenario               ${path.relative(process.cwd(), scenario) || scenario}`);
  for (const [dir, file] of [
    [appDir, 'tab.html'],
    [simDir, 'teams.html'],
  ] as const) {
    if (!fs.existsSync(path.join(dir, file))) log(`  Warning: ${path.join(dir, file)} is missing; run npm run build.`);
  }
  if (!fs.existsSync(OFFICE_DIST)) log('  (office.js: @microsoft/office-js is not installed; /office/ answers 404)');
  log('');
  log('Press Ctrl-C to stop.');
  return demo;
}

async function main(): Promise<void> {
  let demo: RunningDemo;
  try {
    demo = await startDemo({ log: (line) => console.log(line) });
  } catch (err) {
    console.error(`Could not start the demo: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) {
      process.exit(1); // second Ctrl-C: do not wait
    }
    closing = true;
    console.log(`\n${signal}: stopping the demo…`);
    demo.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) void main();
