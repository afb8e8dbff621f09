/**
 * The Graph emulator: a fake Microsoft 365 tenant over HTTP (node:http), Graph v1.0 under /v1.0,
 * admin endpoints under /_emulator. See emulator/README.md.
 */

import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { handleAdmin, type AdminEnv } from './admin';
import { authenticate, issueToken, userForToken } from './auth';
import { batchItemPaths, executeBatch } from './batch';
import { eTagOf, mimeTypeFor } from './drives';
import { badRequest, GraphError } from './errors';
import { errorResult, execute, routeKey, unexpected, type ExecEnv, type RequestIds } from './executor';
import { FaultController, validateFaults, type Faults } from './faults';
import type { GraphRequest, GraphResult } from './http';
import { Router } from './router';
import { registerCalendarRoutes } from './routes/calendar';
import { registerChannelMessageRoutes } from './routes/channelMessages';
import { DOWNLOAD_PREFIX, readDownloadToken, registerDriveRoutes } from './routes/drives';
import { registerMailRoutes } from './routes/mail';
import { registerOnlineMeetingRoutes } from './routes/onlineMeetings';
import { registerPlannerRoutes } from './routes/planner';
import { registerTeamsRoutes } from './routes/teams';
import { registerUserRoutes } from './routes/users';
import { loadScenario as resolveScenario } from './scenario/load';
import type { Scenario } from './scenario/types';
import type { State } from './state';
import { handleSignIn } from './signIn';
import { Stats, type StatsSnapshot } from './stats';

export type { Faults } from './faults';
export type { Scenario } from './scenario/types';
export { ScenarioError } from './scenario/validate';

export interface EmulatorOptions {
  /** 0 = a free port. Default 4001. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A scenario object or a JSON file path. Default emulator/scenarios/demo.json. */
  scenario?: Scenario | string;
  /** The clock: relative scenario dates, token lifetimes and report availability use it. */
  now?: () => Date;
  /**
   * Origins the sign-in page (GET /_emulator/authorize, signIn.ts) may send a token back to. Default:
   * loopback origins only (localhost, 127.0.0.1, [::1], any port).
   */
  signInRedirectOrigins?: string[];
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4001 (no trailing slash) */
  url: string;
  /** url + '/v1.0' */
  graphBaseUrl: string;
  /** A bearer token for a user named by id, UPN or mail. */
  tokenFor(user: string, opts?: { expiresInSeconds?: number }): string;
  loadScenario(s: Scenario | string): void;
  setFaults(f: Faults): void;
  clearFaults(): void;
  stats(): StatsSnapshot;
  resetStats(): void;
  close(): Promise<void>;
}

export const DEFAULT_SCENARIO = path.resolve(__dirname, '..', 'scenarios', 'demo.json');
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const CORS_ALLOW_HEADERS = [
  'Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Prefer', 'Retry-Attempt', 'SdkVersion',
  'client-request-id', 'return-client-request-id', 'ConsistencyLevel', 'Accept', 'Accept-Language', 'Cache-Control',
].join(', ');
const CORS_EXPOSE_HEADERS = ['Retry-After', 'ETag', 'request-id', 'client-request-id', 'Location', 'Preference-Applied', 'WWW-Authenticate', 'Date'].join(', ');

function buildRouter(): Router {
  const r = new Router();
  registerUserRoutes(r);
  registerCalendarRoutes(r);
  registerOnlineMeetingRoutes(r);
  registerTeamsRoutes(r);
  registerDriveRoutes(r);
  registerPlannerRoutes(r);
  registerChannelMessageRoutes(r);
  registerMailRoutes(r);
  return r;
}

function corsHeaders(req: http.IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    ...(origin ? { Vary: 'Origin' } : {}),
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
    'Access-Control-Expose-Headers': CORS_EXPOSE_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) reject(new GraphError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: unknown, raw?: Buffer): void {
  if (res.destroyed || res.headersSent) return;
  const bytes = raw ?? Buffer.from(body === undefined ? '' : JSON.stringify(body), 'utf8');
  res.writeHead(status, { ...headers, 'Content-Length': String(bytes.length) });
  res.end(bytes);
}

/** Simple upload (PUT .../content) takes the file's bytes as they are, whatever the Content-Type: never JSON. */
const isContentUpload = (method: string, graphPath: string): boolean => method === 'PUT' && /\/content\/?$/i.test(graphPath);

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const nowMs = (): number => (opts.now ? opts.now().getTime() : Date.now());
  let state: State = resolveScenario(opts.scenario ?? DEFAULT_SCENARIO, nowMs());
  const router = buildRouter();
  const faults = new FaultController();
  const stats = new Stats();
  const timers = new Set<NodeJS.Timeout>();
  const host = opts.host ?? '127.0.0.1';
  /** Set once the server listens (the port may be chosen by the system). */
  let graphBaseUrl = '';

  const loadScenario = (s: Scenario | string): void => {
    state = resolveScenario(s, nowMs());
  };
  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const adminEnv: AdminEnv = { state: () => state, now: nowMs, loadScenario, faults, stats };

  async function handleGraph(req: http.IncomingMessage, res: http.ServerResponse, target: URL, cors: Record<string, string>): Promise<void> {
    stats.request();
    const requestId = randomUUID();
    const clientRequestId = (req.headers['client-request-id'] as string | undefined) ?? requestId;
    const ids: RequestIds = { requestId, clientRequestId };
    const baseHeaders = { ...cors, 'request-id': requestId, 'client-request-id': clientRequestId, 'Cache-Control': 'no-cache' };
    const reply = (r: GraphResult): void => send(res, r.status, { ...baseHeaders, ...r.headers }, r.body, r.raw);
    const method = (req.method ?? 'GET').toUpperCase();
    const graphPath = target.pathname.slice('/v1.0'.length) || '/';
    const isBatch = method === 'POST' && /^\/\$batch\/?$/i.test(graphPath);
    /** Whether byRoute already counts this request (faults and 401s are counted on their route too). */
    let counted = false;
    try {
      const bytes = await readBody(req);
      const rawUpload = isContentUpload(method, graphPath);
      const text = rawUpload ? '' : bytes.toString('utf8');
      let body: unknown;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
        }
      }
      const paths = isBatch ? ['/$batch', ...batchItemPaths(body)] : [graphPath];
      const latency = faults.latencyFor(paths);
      if (latency > 0) await delay(latency);
      const fault = faults.httpFault(paths);
      if (fault?.kind === 'drop' && !fault.afterHandling) {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'error' && !fault.afterHandling) throw fault.error;
      const now = nowMs();
      const caller = authenticate(state, req.headers.authorization, now);
      if (!isBatch || !faults.throttlesBatchItems) {
        const t = faults.throttle(paths);
        if (t) throw t;
      }
      const greq: GraphRequest = {
        method,
        path: graphPath,
        query: target.searchParams,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v ?? ''])),
        body,
        ...(rawUpload ? { rawBody: bytes } : {}),
        caller,
        urlLength: 'https://graph.microsoft.com'.length + (req.url ?? '').length,
      };
      const env: ExecEnv = { router, state, now, baseUrl: graphBaseUrl, stats };
      counted = true;
      let result: GraphResult;
      if (isBatch) {
        stats.route('POST /$batch');
        result = executeBatch(env, faults, greq, ids);
      } else {
        result = execute(env, greq, ids);
      }
      // A fault "after handling": the request took effect, but its answer is lost or replaced by a 5xx.
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      reply(fault?.kind === 'error' ? errorResult(fault.error, ids, now) : result);
    } catch (e) {
      if (!counted) stats.route(isBatch ? 'POST /$batch' : routeKey(router, method, graphPath));
      reply(errorResult(e instanceof GraphError ? e : unexpected(e), ids, nowMs()));
    }
  }

  /**
   * A pre-authenticated download URL (@microsoft.graph.downloadUrl, and where GET .../content
   * redirects): no token, like SharePoint's. It answers a simple cross-origin GET
   * (Access-Control-Allow-Origin: *) but no preflight, as SharePoint does: a browser can fetch the
   * URL itself, but cannot follow the 302 from .../content when the request carried an
   * Authorization header (Microsoft's "Downloading files in JavaScript apps").
   */
  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, target: URL): Promise<void> {
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'private' };
    const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}) =>
      send(res, status, { ...headers, ...extra, 'Content-Type': 'application/json' }, { error: { code, message } });
    // SharePoint throttles and fails too: faults reach download URLs when `paths` names them ("^/_download").
    const paths = [target.pathname];
    if (faults.targets(target.pathname)) {
      const latency = faults.latencyFor(paths);
      if (latency > 0) await delay(latency);
      const fault = faults.httpFault(paths);
      if (fault?.kind === 'drop') return void req.socket.destroy();
      if (fault?.kind === 'error') return fail(fault.error.status, fault.error.code, fault.error.message);
      const t = faults.throttle(paths);
      if (t) return fail(429, t.code, t.message, t.headers);
    }
    if ((req.method ?? 'GET').toUpperCase() !== 'GET') return fail(405, 'notAllowed', 'Only GET is allowed here.');
    const found = readDownloadToken(state, target.pathname.slice(DOWNLOAD_PREFIX.length), nowMs());
    if (found === 'invalid') return fail(401, 'unauthenticated', 'The download URL is not valid.');
    if (found === 'expired') return fail(401, 'unauthenticated', 'The download URL has expired; ask Graph for a new one.');
    if (found === 'gone') return fail(404, 'itemNotFound', 'The resource could not be found.');
    const { item } = found;
    send(
      res,
      200,
      {
        ...headers,
        'Content-Type': mimeTypeFor(item.name),
        ETag: eTagOf(item),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`,
      },
      undefined,
      item.content,
    );
  }

  async function handleAdminRequest(req: http.IncomingMessage, res: http.ServerResponse, target: URL, cors: Record<string, string>): Promise<void> {
    const headers = { ...cors, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
    let body: unknown;
    try {
      const text = (await readBody(req)).toString('utf8');
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      send(res, 400, headers, { error: { code: 'BadRequest', message: 'The body is not valid JSON.' } });
      return;
    }
    const r = handleAdmin(adminEnv, (req.method ?? 'GET').toUpperCase(), target.pathname, body, target.searchParams);
    send(res, r.status, headers, r.body);
  }

  const server = http.createServer((req, res) => {
    const cors = corsHeaders(req);
    if ((req.url ?? '').startsWith(DOWNLOAD_PREFIX)) {
      if (req.method === 'OPTIONS') {
        // No CORS headers: a preflighted request (one with Authorization) cannot follow a redirect here.
        res.writeHead(204, { Allow: 'GET' });
        res.end();
        return;
      }
      req.resume();
      handleDownload(req, res, new URL(req.url ?? '/', 'http://emulator.invalid')).catch((e: unknown) => {
        send(res, 500, { 'Content-Type': 'application/json' }, { error: { code: 'InternalServerError', message: String(e) } });
      });
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    const target = new URL(req.url ?? '/', 'http://emulator.invalid');
    const p = target.pathname;
    let work: Promise<void>;
    if (p === '/v1.0' || p.startsWith('/v1.0/')) work = handleGraph(req, res, target, cors);
    else if (p.startsWith('/_emulator/authorize')) {
      // The sign-in page is a page, not an API: no CORS headers, and only GET.
      const page = req.method === 'GET' ? handleSignIn(state, nowMs(), p, target.searchParams, opts.signInRedirectOrigins) : undefined;
      if (page) return send(res, page.status, page.headers, undefined, Buffer.from(page.body, 'utf8'));
      work = handleAdminRequest(req, res, target, cors);
    } else if (p === '/_emulator' || p.startsWith('/_emulator/')) work = handleAdminRequest(req, res, target, cors);
    else if (p === '/' || p === '') {
      send(res, 200, { ...cors, 'Content-Type': 'application/json; charset=utf-8' }, {
        name: 'Justera Graph emulator',
        graphBaseUrl,
        scenario: state.scenario.name,
        admin: ['/_emulator/token', '/_emulator/authorize', '/_emulator/mail/deliver', '/_emulator/scenario', '/_emulator/faults', '/_emulator/landed', '/_emulator/stats', '/_emulator/health'],
      });
      return;
    } else {
      const version = p.split('/')[1] ?? '';
      send(res, 400, { ...cors, 'Content-Type': 'application/json' }, {
        error: { code: 'BadRequest', message: `Invalid version: ${version}. The emulator serves Graph v1.0 only.` },
      });
      return;
    }
    work.catch((e: unknown) => {
      send(res, 500, { ...cors, 'Content-Type': 'application/json' }, { error: { code: 'InternalServerError', message: String(e) } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4001, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  graphBaseUrl = `${url}/v1.0`;

  return {
    url,
    graphBaseUrl,
    tokenFor(user, o = {}) {
      const u = userForToken(state, user);
      if (!u) throw new Error(`No user "${user}" who can sign in is in scenario "${state.scenario.name}".`);
      return issueToken(state, u, nowMs(), o.expiresInSeconds ?? 3600);
    },
    loadScenario,
    setFaults(f) {
      faults.set(validateFaults(f));
    },
    clearFaults() {
      faults.clear();
    },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
