// The graph port's core: one typed request at a time, many in $batch (split into 20s, throttled
// items retried honouring their Retry-After, which the SDK's RetryHandler does not do for items
// inside a batch: PLATFORM.md), and @odata.nextLink paging relative to the configured base.
// Writes (PUT, POST, PATCH, DELETE) go one at a time through send(); file contents come from
// pre-authenticated download URLs through download().

import { BatchRequestContent, BatchResponseContent, GraphError, ResponseType } from '@microsoft/microsoft-graph-client';
import type { Client, Context, Middleware } from '@microsoft/microsoft-graph-client';
import { Problem, type ProblemKind } from '../domain/problems';
import { createDownloadChain, LONG_WAIT_MS, retryAfterMs, TOKEN_ERROR } from './client';

/** One Graph GET: a path relative to the version root ("/me/events/...") and how to read its body. */
export interface GraphCall<T> {
  path: string;
  headers?: Record<string, string>;
  parse(body: unknown): T;
  /** What a 404 means when it is an answer rather than a failure ("no such file yet"); else a 'not-found' Problem. */
  notFound?: () => T;
}

/**
 * One Graph request that changes something. A body is a string (JSON already stringified, or a
 * file's text) or a Blob, never a Uint8Array: the SDK turns typed arrays into a Node Buffer, which
 * is not defined in the browser (PLATFORM.md).
 *
 * Retries: the SDK's RetryHandler resends a PUT, POST or PATCH after 429, 503 or 504 (honouring
 * Retry-After), unless its Content-Type is exactly application/octet-stream (taken for a stream that
 * cannot be read twice). A string or Blob can be resent, so give file uploads a text or JSON type.
 *
 * A resent write with If-Match can meet its own first attempt: when the first attempt took effect
 * but its answer never came back as a success (a 504 from a gateway after SharePoint saved; a
 * connection dropped on the way back, which the caller retries later, since the SDK does not retry a
 * failed fetch), the eTag has moved on because of our own write, and the resend gets 412 'conflict'
 * though nobody else wrote. So a 'conflict' after a retry is not proof of someone else's edit: read
 * the file and compare (the same bytes, or lastModifiedBy is us with our content) before merging; a
 * merge of two identical sides is harmless too. test/integration/files.test.ts shows both ways.
 */
export interface GraphWrite<T> {
  method: 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string | Blob;
  /** Reads the answer: its JSON body (undefined when empty) and status, and its ETag header if any. */
  parse(body: unknown, answer: { status: number; eTag?: string }): T;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** The outcome of one call in a batch; a call left out (undefined) has none. */
type OutcomeOf<X> = X extends GraphCall<infer R> ? Outcome<R> : undefined;
/** The outcomes of a tuple of calls, each typed by its own call. */
export type Outcomes<C extends readonly (GraphCall<unknown> | undefined)[]> = { [K in keyof C]: OutcomeOf<C[K]> };

export interface Page<T> {
  items: T[];
  nextLink?: string;
}

const BATCH_LIMIT = 20; // Graph's documented maximum per $batch
// BatchRequestContent strips scheme and host from each Request's URL, so any absolute origin works
// here; the item then reads "/me/...", relative to the version as Graph's $batch expects.
const BATCH_ITEM_ORIGIN = 'https://graph.microsoft.com';
const MAX_ITEM_RETRIES = 3;

/** One request inside a $batch. */
interface BatchItem {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A Retry-After too long to have been waited out silently: the page shows it (client.ts). */
function longWait(headers: Pick<Headers, 'get'> | undefined): number | undefined {
  const wait = retryAfterMs(headers);
  return wait !== undefined && wait > LONG_WAIT_MS ? wait : undefined;
}

/** Maps an HTTP status and Graph error code to what a person can be told. */
export function problemFromStatus(status: number, code: string | undefined, message: string, cause?: unknown, headers?: Pick<Headers, 'get'>): Problem {
  if (status === 401) return new Problem('signed-out', message, { status, code, cause });
  if (status === 403) return new Problem('forbidden', message, { status, code, cause });
  if (status === 404) return new Problem('not-found', message, { status, code, cause });
  // 412: If-Match named an older version (resourceModified); 409: the name is taken (nameAlreadyExists).
  if (status === 409 || status === 412) return new Problem('conflict', message, { status, code, cause });
  if (status === 429) return new Problem('throttled', message, { status, code, cause, retryAfterMs: longWait(headers) });
  if (status === 503) return new Problem('server', message, { status, code, cause, retryAfterMs: longWait(headers) });
  if (status >= 500) return new Problem('server', message, { status, code, cause });
  if (status <= 0) return new Problem('offline', message, { status, code, cause });
  return new Problem('bad-data', message, { status, code, cause });
}

function problemFromError(e: unknown): Problem {
  if (e instanceof Problem) return e;
  if (e instanceof GraphError) {
    if (e.code?.startsWith(`${TOKEN_ERROR}:`)) {
      return new Problem(e.code.slice(TOKEN_ERROR.length + 1) as ProblemKind, e.message, { cause: e });
    }
    // The SDK reports a network failure (fetch rejected) as statusCode -1.
    return problemFromStatus(e.statusCode, e.code ?? undefined, e.message, e, e.headers);
  }
  if (e instanceof TypeError) return new Problem('offline', e.message, { cause: e });
  return new Problem('unknown', e instanceof Error ? e.message : String(e), { cause: e });
}

function graphErrorBody(body: unknown): { code?: string; message: string } {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    code: typeof err?.code === 'string' ? err.code : undefined,
    message: typeof err?.message === 'string' ? err.message : 'Graph request failed',
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Graph {
  constructor(
    private readonly client: Client,
    /** The version segment of the base URL, e.g. "v1.0", to read nextLinks relative to it. */
    private readonly version: string,
    /** Runs requests to pre-authenticated URLs (download()): retry, no token. */
    private readonly downloader: Middleware = createDownloadChain(),
  ) {}

  private parse<T>(call: GraphCall<T>, body: unknown): T {
    try {
      return call.parse(body);
    } catch (e) {
      throw new Problem('bad-data', `Unexpected answer from ${call.path}: ${(e as Error).message}`, { cause: e });
    }
  }

  /** One request; retries of 429/5xx happen in the middleware. */
  async get<T>(call: GraphCall<T>): Promise<T> {
    try {
      let request = this.client.api(call.path);
      if (call.headers) request = request.headers(call.headers);
      const body: unknown = await request.get();
      return this.parse(call, body);
    } catch (e) {
      const problem = problemFromError(e);
      if (problem.kind === 'not-found' && call.notFound) return call.notFound();
      throw problem;
    }
  }

  /**
   * One write. Errors map as for reads (409 and 412 are 'conflict'); the SDK's retry of 429/503/504
   * applies (see GraphWrite for what that means with If-Match).
   */
  async send<T>(call: GraphWrite<T>): Promise<T> {
    let response: Response;
    let text: string;
    try {
      // RAW: the Response itself, whatever its status, so its headers (ETag) can be read.
      let request = this.client.api(call.path).responseType(ResponseType.RAW);
      if (call.headers) request = request.headers(call.headers);
      const body = call.body ?? '';
      if (call.method === 'PUT') response = await request.put(body);
      else if (call.method === 'POST') response = await request.post(body);
      else if (call.method === 'PATCH') response = await request.patch(body);
      else response = await request.delete();
      text = await response.text();
    } catch (e) {
      throw problemFromError(e);
    }
    let body: unknown;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (!response.ok) {
      const { code, message } = graphErrorBody(body);
      throw problemFromStatus(response.status, code, message, undefined, response.headers);
    }
    try {
      return call.parse(body, { status: response.status, eTag: response.headers.get('ETag') ?? undefined });
    } catch (e) {
      throw new Problem('bad-data', `Unexpected answer from ${call.method} ${call.path}: ${(e as Error).message}`, { cause: e });
    }
  }

  /**
   * The text behind a pre-authenticated URL (a driveItem's @microsoft.graph.downloadUrl), decoded as
   * UTF-8. Not GET .../content: that answers 302 to SharePoint's host, and a browser cannot follow a
   * redirect to another origin that does not answer the preflight a token-carrying request needs
   * (driveitem-get-content, "Downloading files in JavaScript apps"). The URL itself needs no token.
   */
  async download(url: string): Promise<string> {
    const context: Context = { request: url, options: { method: 'GET' } };
    try {
      await this.downloader.execute(context);
      const response = context.response;
      if (!response) throw new Problem('offline', `No answer from ${new URL(url).host}`);
      if (!response.ok) {
        const { code, message } = graphErrorBody(await response.json().catch(() => undefined));
        throw problemFromStatus(response.status, code, message, undefined, response.headers);
      }
      return await response.text();
    } catch (e) {
      throw problemFromError(e);
    }
  }

  /**
   * Many independent requests in as few round trips as Graph allows: chunks of 20 sent at once.
   * Results come back in the order of `calls`; one failed item never hides the others, and a
   * chunk whose whole request failed (dropped connection, 5xx) gives each of its items that
   * failure, so the caller decides per item what is optional. A call given as undefined (not
   * needed this time) is skipped and its outcome is undefined.
   */
  async batch<const C extends readonly (GraphCall<unknown> | undefined)[]>(calls: C): Promise<Outcomes<C>> {
    const items = calls.map((call) => (call ? { method: 'GET', path: call.path, headers: call.headers } : undefined));
    const results = await this.runBatch(items, (i, response) => this.readItem(calls[i]!, response));
    return results as Outcomes<C>;
  }

  /**
   * Many independent writes (creates, patches) in as few round trips as Graph allows, each with its
   * own headers (If-Match, Prefer): chunks of 20 at once, items throttled inside a batch resent after
   * their own Retry-After (a 429 means the item was not done). Bodies must be JSON strings: a batch
   * carries JSON, not file bytes (upload those with send()). Results in the order of `writes`; a write
   * given as undefined is skipped. A chunk whose whole request failed gives each of its items that
   * failure: whether any of them was done is unknown, so the caller must look before writing again.
   */
  async batchWrites<T>(writes: readonly (GraphWrite<T> | undefined)[]): Promise<(Outcome<T> | undefined)[]> {
    const items = writes.map((w) => {
      if (!w) return undefined;
      if (typeof w.body !== 'string' && w.body !== undefined) throw new Problem('bad-data', `A batched write needs a JSON body: ${w.method} ${w.path}`);
      return { method: w.method, path: w.path, headers: w.headers, body: w.body };
    });
    return this.runBatch(items, (i, response) => this.readWrite(writes[i]!, response));
  }

  private async runBatch<R>(items: readonly (BatchItem | undefined)[], read: (index: number, response: Response) => Promise<Outcome<R>>): Promise<(Outcome<R> | undefined)[]> {
    const results: (Outcome<R> | undefined)[] = new Array(items.length);
    let pending = items.flatMap((item, i) => (item ? [i] : []));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const chunks: number[][] = [];
      for (let i = 0; i < pending.length; i += BATCH_LIMIT) chunks.push(pending.slice(i, i + BATCH_LIMIT));
      const throttled: { index: number; waitMs: number }[] = [];
      await Promise.all(
        chunks.map(async (chunk) => {
          let responses: Map<string, Response>;
          try {
            responses = await this.postBatch(chunk.map((i) => ({ id: String(i), item: items[i]! })));
          } catch (e) {
            const problem = problemFromError(e);
            for (const index of chunk) results[index] = { ok: false, problem };
            return;
          }
          for (const index of chunk) {
            const response = responses.get(String(index));
            const waitMs = response?.status === 429 ? (retryAfterMs(response.headers) ?? 1000) : 0;
            if (!response) {
              results[index] = { ok: false, problem: new Problem('bad-data', `No answer for batch item ${items[index]!.path}`) };
            } else if (response.status === 429 && attempt < MAX_ITEM_RETRIES && waitMs <= LONG_WAIT_MS) {
              throttled.push({ index, waitMs });
            } else {
              results[index] = await read(index, response);
            }
          }
        }),
      );
      pending = throttled.map((t) => t.index);
      if (pending.length > 0) await sleep(Math.max(...throttled.map((t) => t.waitMs)));
    }
    return [...results];
  }

  private async postBatch(items: { id: string; item: BatchItem }[]): Promise<Map<string, Response>> {
    const content = new BatchRequestContent(
      items.map(({ id, item }) => ({
        id,
        request: new Request(`${BATCH_ITEM_ORIGIN}${item.path}`, { method: item.method, headers: item.headers, body: item.body }),
      })),
    );
    try {
      const body: unknown = await this.client.api('/$batch').post(await content.getContent());
      return new BatchResponseContent(body as { responses: [] }).getResponses();
    } catch (e) {
      throw problemFromError(e);
    }
  }

  private async readWrite<T>(write: GraphWrite<T>, response: Response): Promise<Outcome<T>> {
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const { code, message } = graphErrorBody(body);
      return { ok: false, problem: problemFromStatus(response.status, code, message, undefined, response.headers) };
    }
    try {
      return { ok: true, value: write.parse(body, { status: response.status, eTag: response.headers.get('ETag') ?? undefined }) };
    } catch (e) {
      return { ok: false, problem: new Problem('bad-data', `Unexpected answer from ${write.method} ${write.path}: ${(e as Error).message}`, { cause: e }) };
    }
  }

  private async readItem<T>(call: GraphCall<T>, response: Response): Promise<Outcome<T>> {
    if (response.status === 404 && call.notFound) return { ok: true, value: call.notFound() };
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) {
      try {
        return { ok: true, value: this.parse(call, body) };
      } catch (e) {
        return { ok: false, problem: problemFromError(e) };
      }
    }
    const { code, message } = graphErrorBody(body);
    return { ok: false, problem: problemFromStatus(response.status, code, message, undefined, response.headers) };
  }

  /**
   * The path of a nextLink relative to our version root. The SDK follows only absolute https
   * nextLinks and mangles others (PLATFORM.md), so we always go through our configured base.
   */
  relativeNextLink(nextLink: string): string {
    const url = new URL(nextLink);
    const marker = `/${this.version}/`;
    const at = url.pathname.indexOf(marker);
    if (at < 0) throw new Problem('bad-data', `nextLink outside ${this.version}: ${nextLink}`);
    return url.pathname.slice(at + marker.length - 1) + url.search;
  }

  /** Follows @odata.nextLink from a first page (fetched alone or in a batch) to the end. */
  async rest<T>(first: Page<T>, call: GraphCall<Page<T>>, onPage?: (count: number) => void): Promise<T[]> {
    const items = [...first.items];
    let next = first.nextLink;
    while (next) {
      const page = await this.get({ ...call, path: this.relativeNextLink(next) });
      items.push(...page.items);
      onPage?.(items.length);
      next = page.nextLink;
    }
    return items;
  }

  /** Every item of a collection, page after page. */
  async all<T>(call: GraphCall<Page<T>>): Promise<T[]> {
    return this.rest(await this.get(call), call);
  }
}
