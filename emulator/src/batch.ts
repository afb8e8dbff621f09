/**
 * POST /v1.0/$batch: JSON batching as documented. At most 20 requests with unique ids; dependsOn
 * orders them and a failed dependency gives 424; every item runs as the batch's signed-in user.
 * Responses come back in an order different from the requests (Graph promises no order).
 */

import { badRequest, GraphError } from './errors';
import { errorResult, execute, routeKey, type ExecEnv, type RequestIds } from './executor';
import type { FaultController } from './faults';
import { ODATA_JSON, type GraphRequest, type GraphResult } from './http';

export const MAX_BATCH_REQUESTS = 20;
const GRAPH_ORIGIN_LENGTH = 'https://graph.microsoft.com/v1.0'.length;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const invalidBatch = (detail: string): GraphError => badRequest(`Invalid batch payload format. ${detail}`);

function parseItems(body: unknown): BatchItem[] {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { requests?: unknown }).requests)) {
    throw invalidBatch('The body must be a JSON object with a "requests" array.');
  }
  const raw = (body as { requests: unknown[] }).requests;
  if (raw.length > MAX_BATCH_REQUESTS) {
    throw badRequest(`The batch has ${raw.length} requests; at most ${MAX_BATCH_REQUESTS} are allowed in one batch.`);
  }
  const items = raw.map((r, i): BatchItem => {
    if (!r || typeof r !== 'object') throw invalidBatch(`requests[${i}] is not an object.`);
    const o = r as Record<string, unknown>;
    if (typeof o.id !== 'string' || o.id === '') throw invalidBatch(`requests[${i}].id must be a non-empty string.`);
    if (typeof o.method !== 'string') throw invalidBatch(`requests[${i}].method is required.`);
    if (typeof o.url !== 'string' || o.url === '') throw invalidBatch(`requests[${i}].url is required.`);
    let headers: Record<string, string> = {};
    if (o.headers !== undefined) {
      if (!o.headers || typeof o.headers !== 'object') throw invalidBatch(`requests[${i}].headers must be an object.`);
      // fromEntries defines own properties: a header named "__proto__" is a header, not a prototype.
      headers = Object.fromEntries(Object.entries(o.headers as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), String(v)]));
    }
    const dependsOn = o.dependsOn === undefined ? [] : o.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) {
      throw invalidBatch(`requests[${i}].dependsOn must be an array of request ids.`);
    }
    return { id: o.id, method: o.method.toUpperCase(), url: o.url, headers, body: o.body, dependsOn: dependsOn as string[] };
  });
  const ids = new Set<string>();
  for (const it of items) {
    const k = it.id.toLowerCase();
    if (ids.has(k)) throw badRequest(`Batch request ids must be unique; '${it.id}' appears more than once.`);
    ids.add(k);
  }
  for (const it of items) {
    for (const d of it.dependsOn) {
      if (!ids.has(d.toLowerCase()) || d.toLowerCase() === it.id.toLowerCase()) {
        throw badRequest(`Request '${it.id}' depends on '${d}', which is not another request of this batch.`);
      }
    }
  }
  return items;
}

/** Graph paths of the items (for fault matching), best effort on a body that may be invalid. */
export function batchItemPaths(body: unknown): string[] {
  const reqs = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(reqs)) return [];
  return reqs.flatMap((r) => {
    const url = (r as { url?: unknown } | null)?.url;
    return typeof url === 'string' ? [splitUrl(url).path] : [];
  });
}

/**
 * Item URLs are relative to the version ("/me", "me"); the Graph JavaScript client's
 * BatchRequestContent sends them with the version ("/v1.0/me"), which Graph accepts too.
 */
function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  let p = q < 0 ? url : url.slice(0, q);
  if (!p.startsWith('/')) p = `/${p}`;
  if (/^\/v1\.0(\/|$)/i.test(p)) p = p.slice('/v1.0'.length) || '/';
  return { path: p, query: q < 0 ? '' : url.slice(q + 1) };
}

function runItem(env: ExecEnv, faults: FaultController, outer: GraphRequest, it: BatchItem, ids: RequestIds): GraphResult {
  if (/^[a-z]+:\/\//i.test(it.url)) return errorResult(badRequest('Invalid request URL: batch items take a URL relative to the version, such as "/me".'), ids, env.now);
  const { path, query } = splitUrl(it.url);
  if (/^\/\$batch\b/i.test(path)) return errorResult(badRequest('A $batch request cannot contain another $batch.'), ids, env.now);
  if (it.body !== undefined && !it.headers['content-type']) {
    return errorResult(badRequest('A Content-Type header is required in a batch request that has a body.'), ids, env.now);
  }
  if (faults.throttlesBatchItems) {
    const t = faults.throttle([path]);
    if (t) {
      env.stats.route(routeKey(env.router, it.method, path));
      return errorResult(t, ids, env.now);
    }
  }
  const req: GraphRequest = {
    method: it.method,
    path,
    query: new URLSearchParams(query),
    headers: it.headers,
    body: it.body,
    caller: outer.caller,
    urlLength: GRAPH_ORIGIN_LENGTH + path.length + (query ? query.length + 1 : 0),
  };
  return execute(env, req, ids);
}

function itemResponse(id: string, r: GraphResult): BatchResponse {
  const ok = r.status < 400;
  const headers: Record<string, string> = ok ? { 'Cache-Control': 'no-cache', 'OData-Version': '4.0', ...r.headers } : { ...r.headers };
  if (!headers['Content-Type'] && r.body !== undefined) headers['Content-Type'] = ok ? ODATA_JSON : 'application/json';
  const out: BatchResponse = { id, status: r.status, headers };
  if (r.body !== undefined) out.body = r.body;
  return out;
}

export function executeBatch(env: ExecEnv, faults: FaultController, outer: GraphRequest, ids: RequestIds): GraphResult {
  const items = parseItems(outer.body);
  const done = new Map<string, number>();
  const responses: BatchResponse[] = [];
  const pending = [...items];
  while (pending.length) {
    const idx = pending.findIndex((it) => it.dependsOn.every((d) => done.has(d.toLowerCase())));
    if (idx < 0) throw badRequest('The dependsOn references of this batch form a cycle.');
    const [it] = pending.splice(idx, 1) as [BatchItem];
    env.stats.batchItem();
    const failedDep = it.dependsOn.find((d) => (done.get(d.toLowerCase()) ?? 0) >= 400);
    const result = failedDep
      ? errorResult(new GraphError(424, 'FailedDependency', `The request depends on request '${failedDep}', which failed.`), ids, env.now)
      : runItem(env, faults, outer, it, ids);
    done.set(it.id.toLowerCase(), result.status);
    responses.push(itemResponse(it.id, result));
  }
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses: responses.reverse() } };
}
