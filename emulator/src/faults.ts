/**
 * Fault injection for Graph requests (never for /_emulator): latency, 429 with Retry-After,
 * 5xx, and dropped connections, optionally only for paths matching a regular expression.
 * Counted faults take `skip`: let that many matching requests through first, so a test can fail
 * exactly the 1st, 2nd, ... Nth request of a run (`{ skip: n - 1, count: 1 }`).
 */

import { GraphError, serverError, throttled } from './errors';

export interface Faults {
  /** Added once per HTTP request (a $batch costs one latency, like one round trip). */
  latencyMs?: number;
  throttle?: {
    /** Every Nth Graph request gets 429. */
    every?: number;
    /** The next N Graph requests get 429. */
    count?: number;
    /** Let this many matching Graph operations through before the counted 429s start. */
    skip?: number;
    retryAfterSeconds: number;
    /** Throttle the items inside a $batch (429 per item) instead of the outer POST. */
    inBatchItems?: boolean;
  };
  /**
   * The next N HTTP requests get this status (default 503). With afterHandling the request takes
   * effect first and only its answer is replaced (a gateway timing out on a write that landed).
   */
  serverError?: { count: number; skip?: number; status?: 500 | 502 | 503 | 504; afterHandling?: boolean };
  /**
   * The next N HTTP requests get this 4xx Graph error: what a tenant answers when a right is
   * missing (403, e.g. reports without OnlineMeetingArtifact.Read.All) or a thing is gone (404).
   */
  clientError?: { count: number; skip?: number; status: 400 | 403 | 404 | 409; code?: string; message?: string };
  /**
   * The next N HTTP requests: the socket is destroyed without an answer. With afterHandling the
   * request takes effect first (a write that landed, whose answer was lost on the way back).
   */
  drop?: { count: number; skip?: number; afterHandling?: boolean };
  /** Regular expression: faults apply only to Graph paths (after /v1.0) that match. */
  paths?: string;
}

const CLIENT_ERROR_CODES = new Map<number, string>([[400, 'BadRequest'], [403, 'Forbidden'], [404, 'NotFound'], [409, 'Conflict']]);

export type HttpFault = { kind: 'drop'; afterHandling: boolean } | { kind: 'error'; error: GraphError; afterHandling: boolean } | null;

function checkCount(v: unknown, name: string, min = 0): void {
  if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < min)) {
    throw new Error(`${name} must be an integer >= ${min}`);
  }
}

export function validateFaults(input: unknown): Faults {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error('faults must be a JSON object');
  const f = input as Faults;
  const known = ['latencyMs', 'throttle', 'serverError', 'clientError', 'drop', 'paths'];
  for (const k of Object.keys(f)) if (!known.includes(k)) throw new Error(`unknown fault "${k}" (known: ${known.join(', ')})`);
  checkCount(f.latencyMs, 'latencyMs');
  if (f.throttle) {
    checkCount(f.throttle.every, 'throttle.every', 1);
    checkCount(f.throttle.count, 'throttle.count');
    checkCount(f.throttle.skip, 'throttle.skip');
    checkCount(f.throttle.retryAfterSeconds, 'throttle.retryAfterSeconds');
    if (f.throttle.retryAfterSeconds === undefined) throw new Error('throttle.retryAfterSeconds is required');
    if (f.throttle.every === undefined && f.throttle.count === undefined) throw new Error('throttle needs every or count');
  }
  if (f.serverError) {
    checkCount(f.serverError.count, 'serverError.count');
    checkCount(f.serverError.skip, 'serverError.skip');
    if (f.serverError.status !== undefined && ![500, 502, 503, 504].includes(f.serverError.status)) {
      throw new Error('serverError.status must be 500, 502, 503 or 504');
    }
  }
  if (f.clientError) {
    checkCount(f.clientError.count, 'clientError.count');
    checkCount(f.clientError.skip, 'clientError.skip');
    if (![400, 403, 404, 409].includes(f.clientError.status)) throw new Error('clientError.status must be 400, 403, 404 or 409');
  }
  if (f.drop) {
    checkCount(f.drop.count, 'drop.count');
    checkCount(f.drop.skip, 'drop.skip');
  }
  for (const [name, v] of [['drop', f.drop?.afterHandling], ['serverError', f.serverError?.afterHandling]] as const) {
    if (v !== undefined && typeof v !== 'boolean') throw new Error(`${name}.afterHandling must be true or false`);
  }
  if (f.paths !== undefined) {
    try {
      new RegExp(f.paths);
    } catch {
      throw new Error(`paths is not a valid regular expression: ${f.paths}`);
    }
  }
  return f;
}

export class FaultController {
  private faults: Faults = {};
  private pathRe: RegExp | null = null;
  private throttleLeft = 0;
  private throttleSeen = 0;
  private errorsLeft = 0;
  private clientErrorsLeft = 0;
  private dropsLeft = 0;
  /** Matching requests still to let through before each counted fault starts. */
  private skip = { throttle: 0, serverError: 0, clientError: 0, drop: 0 };

  set(f: Faults): void {
    this.faults = JSON.parse(JSON.stringify(f)) as Faults;
    this.pathRe = f.paths ? new RegExp(f.paths) : null;
    this.throttleLeft = f.throttle?.count ?? 0;
    this.throttleSeen = 0;
    this.errorsLeft = f.serverError?.count ?? 0;
    this.clientErrorsLeft = f.clientError?.count ?? 0;
    this.dropsLeft = f.drop?.count ?? 0;
    this.skip = { throttle: f.throttle?.skip ?? 0, serverError: f.serverError?.skip ?? 0, clientError: f.clientError?.skip ?? 0, drop: f.drop?.skip ?? 0 };
  }

  clear(): void {
    this.set({});
  }

  /** The faults in force, with what is left of the counted ones. */
  current(): Faults & {
    remaining: { throttle: number; serverError: number; clientError: number; drop: number };
    toSkip: { throttle: number; serverError: number; clientError: number; drop: number };
  } {
    return {
      ...this.faults,
      remaining: { throttle: this.throttleLeft, serverError: this.errorsLeft, clientError: this.clientErrorsLeft, drop: this.dropsLeft },
      toSkip: { ...this.skip },
    };
  }

  /**
   * Whether a counted fault is due for this request: every request that matches counts against
   * each fault's own `skip`, whichever fault fires, so "the Nth request" means the Nth one sent.
   */
  private due(kind: 'serverError' | 'clientError' | 'drop', left: number): boolean {
    if (left <= 0) return false;
    if (this.skip[kind] > 0) {
      this.skip[kind]--;
      return false;
    }
    return true;
  }

  matches(path: string): boolean {
    return !this.pathRe || this.pathRe.test(path);
  }

  /** Whether `paths` is set and names this path: download URLs (/_download/...) get faults only then. */
  targets(path: string): boolean {
    return this.pathRe !== null && this.pathRe.test(path);
  }

  /** Latency for one HTTP request whose Graph paths are given ($batch: "/$batch" and its items). */
  latencyFor(paths: string[]): number {
    return this.faults.latencyMs && paths.some((p) => this.matches(p)) ? this.faults.latencyMs : 0;
  }

  /** Drop or 5xx for one HTTP request. */
  httpFault(paths: string[]): HttpFault {
    if (!paths.some((p) => this.matches(p))) return null;
    const dropDue = this.due('drop', this.dropsLeft);
    const errorDue = this.due('serverError', this.errorsLeft);
    const clientDue = this.due('clientError', this.clientErrorsLeft);
    if (dropDue) {
      this.dropsLeft--;
      return { kind: 'drop', afterHandling: this.faults.drop?.afterHandling === true };
    }
    if (errorDue) {
      this.errorsLeft--;
      return { kind: 'error', error: serverError(this.faults.serverError?.status ?? 503), afterHandling: this.faults.serverError?.afterHandling === true };
    }
    const ce = this.faults.clientError;
    if (ce && clientDue) {
      this.clientErrorsLeft--;
      const code = ce.code ?? CLIENT_ERROR_CODES.get(ce.status) ?? 'BadRequest';
      return { kind: 'error', error: new GraphError(ce.status, code, ce.message ?? `Injected ${ce.status} ${code}`), afterHandling: false };
    }
    return null;
  }

  /** Whether throttling counts $batch items (true) or the outer $batch POST (false). */
  get throttlesBatchItems(): boolean {
    return this.faults.throttle?.inBatchItems === true;
  }

  /** 429 for one Graph operation (a plain request, an outer $batch, or a $batch item), or null. */
  throttle(paths: string[]): GraphError | null {
    const t = this.faults.throttle;
    if (!t || !paths.some((p) => this.matches(p))) return null;
    if (this.throttleLeft > 0 && this.skip.throttle > 0) {
      this.skip.throttle--;
    } else if (this.throttleLeft > 0) {
      this.throttleLeft--;
      return throttled(t.retryAfterSeconds);
    }
    if (t.every) {
      this.throttleSeen++;
      if (this.throttleSeen % t.every === 0) return throttled(t.retryAfterSeconds);
    }
    return null;
  }
}
