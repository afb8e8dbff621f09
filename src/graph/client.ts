// The Graph client: the SDK's own middleware chain (auth -> retry -> HTTP), the same for Microsoft
// Graph and the emulator. Only the base URL and the token provider differ (PLATFORM.md: the SDK's
// AuthenticationHandler skips non-https hosts, so our auth middleware sets the header itself, and
// only for the configured Graph origin).

import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '../auth/tokenProvider';
import { toProblem } from '../domain/problems';

/**
 * The SDK turns an error thrown inside middleware into a GraphError keeping only its name and
 * message (GraphErrorHandler.constructError). A token failure therefore travels as an Error named
 * "TokenProviderError:<kind>", which the graph port turns back into that Problem.
 */
export const TOKEN_ERROR = 'TokenProviderError';

export interface GraphEndpoint {
  /** e.g. "https://graph.microsoft.com/v1.0" or "http://127.0.0.1:4001/v1.0". */
  baseUrl: string;
}

/** Called around every HTTP request the client sends (for the bench and diagnostics). */
export interface RequestObserver {
  onRequest(info: { method: string; url: string; startedAt: number; endedAt: number; status: number }): void;
}

function urlOf(request: RequestInfo): string {
  return typeof request === 'string' ? request : request.url;
}

/** Adds the bearer token for our Graph origin and, after one 401, retries once with a fresh token. */
class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly origin: string,
    private readonly tokens: TokenProvider,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('BearerTokenMiddleware has no next middleware');
    if (new URL(urlOf(context.request)).origin !== this.origin) return this.next.execute(context);
    await this.send(context, false);
    if (context.response?.status === 401) await this.send(context, true);
  }

  private async send(context: Context, forceRefresh: boolean): Promise<void> {
    let token: string;
    try {
      token = await this.tokens.getToken({ forceRefresh });
    } catch (e) {
      const problem = toProblem(e);
      const carrier = new Error(problem.message);
      carrier.name = `${TOKEN_ERROR}:${problem.kind}`;
      throw carrier;
    }
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    options.headers = Object.fromEntries(headers.entries());
    await this.next!.execute(context);
  }
}

/** Records each request's timing; it sits after the retry handler, so a retried request counts twice. */
class ObserverMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly observer: RequestObserver) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const startedAt = performance.now();
    try {
      await this.next!.execute(context);
    } finally {
      this.observer.onRequest({
        method: context.options?.method ?? 'GET',
        url: urlOf(context.request),
        startedAt,
        endedAt: performance.now(),
        status: context.response?.status ?? 0,
      });
    }
  }
}

export interface GraphClientOptions {
  endpoint: GraphEndpoint;
  tokens: TokenProvider;
  observer?: RequestObserver;
  /** Retries of 429/503/504 honouring Retry-After (SDK default 3). */
  maxRetries?: number;
}

/**
 * The longest Retry-After waited out silently. A longer one is not slept through behind a spinner:
 * the request fails at once as 'throttled' carrying the wait, and the page shows the time left,
 * tries again by itself, and lets the person stop waiting (ProblemMessage).
 */
export const LONG_WAIT_MS = 5_000;

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(headers: Pick<Headers, 'get'> | undefined, now = Date.now()): number | undefined {
  const value = headers?.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Splits "https://graph.microsoft.com/v1.0" into the origin and the version the SDK wants apart. */
export function splitBaseUrl(baseUrl: string): { origin: string; version: string } {
  const url = new URL(baseUrl);
  const version = url.pathname.replace(/^\/+|\/+$/g, '');
  if (!version) throw new Error(`Graph base URL needs a version path, e.g. /v1.0: ${baseUrl}`);
  return { origin: url.origin, version };
}

/** The RetryHandler's options: 429/503/504 retried, unless Microsoft 365 asks for a long wait (said, not slept). */
function retryOptions(maxRetries = 3): RetryHandlerOptions {
  return new RetryHandlerOptions(undefined, maxRetries, (_delay, _attempt, _request, _options, response) => {
    const wait = retryAfterMs(response?.headers);
    return wait === undefined || wait <= LONG_WAIT_MS;
  });
}

/**
 * Keeps a download a CORS "simple" request: no headers at all. The RetryHandler adds Retry-Attempt
 * when it sends a request again, and a request with such a header needs a preflight, which
 * SharePoint's download host does not answer: in a browser the retry would fail as a network error.
 */
class NoHeadersMiddleware implements Middleware {
  private next?: Middleware;
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    if (context.options) delete context.options.headers;
    await this.next!.execute(context);
  }
}

/**
 * The chain for pre-authenticated URLs (a driveItem's @microsoft.graph.downloadUrl, on SharePoint's
 * host): the same retry, no token (the URL carries its own, and a bearer token must not leave for
 * another host). Client.api() cannot take such a URL (it parses any https URL as Graph's and
 * mangles http ones, PLATFORM.md), so the graph port runs this chain on a context itself.
 */
export function createDownloadChain(options: Pick<GraphClientOptions, 'maxRetries' | 'observer'> = {}): Middleware {
  const retry = new RetryHandler(retryOptions(options.maxRetries));
  const noHeaders = new NoHeadersMiddleware();
  const http = new HTTPMessageHandler();
  retry.setNext(noHeaders);
  if (options.observer) {
    const observer = new ObserverMiddleware(options.observer);
    noHeaders.setNext(observer);
    observer.setNext(http);
  } else {
    noHeaders.setNext(http);
  }
  return retry;
}

export function createGraphClient(options: GraphClientOptions): { client: Client; origin: string; version: string } {
  const { origin, version } = splitBaseUrl(options.endpoint.baseUrl);
  const chain: Middleware[] = [new BearerTokenMiddleware(origin, options.tokens), new RetryHandler(retryOptions(options.maxRetries))];
  if (options.observer) chain.push(new ObserverMiddleware(options.observer));
  chain.push(new HTTPMessageHandler());
  // The client links an array of middleware in order itself.
  const client = Client.initWithMiddleware({ baseUrl: origin, defaultVersion: version, middleware: chain });
  return { client, origin, version };
}
