/** OData query options ($select, $top, $skip, $skiptoken, $orderby, $count, $filter) and paging. */

import { badRequest, GraphError } from './errors';
import type { GraphRequest } from './http';
import { queryParam } from './http';
import { evaluate, filterPaths, getPath, parseFilter, type FilterNode } from './odataFilter';

export interface Resource {
  /** OData type name for messages, e.g. "microsoft.graph.user". */
  typeName: string;
  /** Properties $select may name. */
  properties: readonly string[];
  /** Always returned whatever $select says (Outlook returns id and @odata.etag). */
  alwaysSelected: readonly string[];
}

/** The names $select asks for, validated; null when there is no $select. */
export function parseSelect(req: GraphRequest, res: Resource): string[] | null {
  const raw = queryParam(req.query, '$select');
  if (raw === undefined || raw.trim() === '') return null;
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  return names.map((n) => {
    const known = res.properties.find((p) => p.toLowerCase() === n.toLowerCase());
    if (!known) throw badRequest(`Could not find a property named '${n}' on type '${res.typeName}'.`);
    return known;
  });
}

export function applySelect(obj: Record<string, unknown>, select: string[] | null, res: Resource): Record<string, unknown> {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('@odata.') || res.alwaysSelected.includes(k) || select.includes(k)) out[k] = v;
  }
  return out;
}

/** "…/$metadata#users('id')/events(subject,start)/$entity" */
export function contextUrl(baseUrl: string, collection: string, select: string[] | null, entity = false): string {
  return `${baseUrl}/$metadata#${collection}${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;
}

/** 400 for a property path whose first segment the resource does not have ("constructor", "__proto__", a typo). */
export function checkProperties(paths: string[], res: Resource): void {
  for (const p of paths) {
    const first = p.split('/')[0] ?? '';
    if (!res.properties.some((known) => known.toLowerCase() === first.toLowerCase())) {
      throw badRequest(`Could not find a property named '${first}' on type '${res.typeName}'.`);
    }
  }
}

/** $filter parsed; with a resource, every property it names must be one of the resource's. */
export function parseFilterParam(req: GraphRequest, res?: Resource): FilterNode | null {
  const raw = queryParam(req.query, '$filter');
  const filter = raw === undefined || raw.trim() === '' ? null : parseFilter(raw);
  if (filter && res) checkProperties(filterPaths(filter), res);
  return filter;
}

export function applyFilter<T>(items: T[], filter: FilterNode | null): T[] {
  return filter ? items.filter((i) => evaluate(filter, i)) : items;
}

/** $orderby (or the fallback); with a resource, every property it names must be one of the resource's. */
export function applyOrderBy(items: Record<string, unknown>[], req: GraphRequest, fallback?: string, res?: Resource): Record<string, unknown>[] {
  const raw = queryParam(req.query, '$orderby') ?? fallback;
  if (!raw) return items;
  const keys = raw.split(',').map((part) => {
    const [path = '', dir = 'asc'] = part.trim().split(/\s+/);
    if (!['asc', 'desc'].includes(dir.toLowerCase())) throw badRequest(`Invalid $orderby direction '${dir}'.`);
    return { path, sign: dir.toLowerCase() === 'desc' ? -1 : 1 };
  });
  if (res) checkProperties(keys.map((k) => k.path), res);
  const val = (o: unknown, p: string): string | number => {
    const v = getPath(o, p);
    return typeof v === 'number' ? v : typeof v === 'string' ? v.toLowerCase() : '';
  };
  return [...items].sort((a, b) => {
    for (const k of keys) {
      const x = val(a, k.path);
      const y = val(b, k.path);
      if (x < y) return -k.sign;
      if (x > y) return k.sign;
    }
    return 0;
  });
}

export interface PageOptions {
  baseUrl: string;
  defaultPageSize: number;
  maxPageSize: number;
  /** Outlook pages with $skip, directory and Teams with an opaque $skiptoken. */
  paging: 'skip' | 'skiptoken';
  /** Honour Prefer: odata.maxpagesize (Outlook does). */
  maxPageSizePreference?: boolean;
  /** Message for a $top out of range. */
  topError?: (top: string) => GraphError;
}

const SKIPTOKEN_PREFIX = 'RFNwdAIAAQAAA';

function encodeSkipToken(offset: number): string {
  return SKIPTOKEN_PREFIX + Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeSkipToken(token: string): number {
  if (!token.startsWith(SKIPTOKEN_PREFIX)) throw badRequest('The specified page token value has expired or is invalid.', 'Directory_ExpiredPageToken');
  const m = /^offset:(\d+)$/.exec(Buffer.from(token.slice(SKIPTOKEN_PREFIX.length), 'base64url').toString());
  if (!m) throw badRequest('The specified page token value has expired or is invalid.', 'Directory_ExpiredPageToken');
  return Number(m[1]);
}

export interface Page<T> {
  items: T[];
  nextLink?: string;
  preferenceApplied?: string;
}

export function preferences(req: GraphRequest): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.prefer ?? '').split(',')) {
    const m = /^\s*([\w.-]+)\s*(?:=\s*"?([^"]*)"?)?\s*$/.exec(part);
    if (m?.[1]) out.set(m[1].toLowerCase(), m[2] ?? '');
  }
  return out;
}

/** One page of items, with an absolute @odata.nextLink on the emulator's own origin. */
/** A collection answer as Graph shapes it: context, the count when asked, the next page when more, the items. */
export function collectionBody(context: string, value: unknown[], more: { nextLink?: string; count?: number } = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { '@odata.context': context };
  if (more.count !== undefined) body['@odata.count'] = more.count;
  if (more.nextLink) body['@odata.nextLink'] = more.nextLink;
  body.value = value;
  return body;
}

export function paginate<T>(items: T[], req: GraphRequest, opts: PageOptions): Page<T> {
  const topRaw = queryParam(req.query, '$top');
  let size = opts.defaultPageSize;
  let preferenceApplied: string | undefined;
  if (topRaw !== undefined) {
    const n = Number(topRaw);
    if (!/^\d+$/.test(topRaw) || n < 1 || n > opts.maxPageSize) {
      throw opts.topError?.(topRaw) ?? badRequest(`Invalid value '${topRaw}' for $top: expected an integer from 1 to ${opts.maxPageSize}.`);
    }
    size = n;
  } else if (opts.maxPageSizePreference) {
    const pref = preferences(req).get('odata.maxpagesize');
    if (pref && /^\d+$/.test(pref) && Number(pref) > 0) {
      size = Math.min(Number(pref), opts.maxPageSize);
      preferenceApplied = `odata.maxpagesize=${size}`;
    }
  }
  let offset = 0;
  if (opts.paging === 'skip') {
    const skip = queryParam(req.query, '$skip');
    if (skip !== undefined) {
      if (!/^\d+$/.test(skip)) throw badRequest(`Invalid value '${skip}' for $skip.`);
      offset = Number(skip);
    }
  } else {
    const token = queryParam(req.query, '$skiptoken');
    if (token !== undefined) offset = decodeSkipToken(token);
  }
  const slice = items.slice(offset, offset + size);
  const page: Page<T> = { items: slice };
  if (preferenceApplied) page.preferenceApplied = preferenceApplied;
  if (offset + size < items.length) {
    const params: string[] = [];
    for (const [k, v] of req.query) {
      const lk = k.toLowerCase();
      if (lk === '$skip' || lk === '$skiptoken') continue;
      params.push(`${encodeKey(k)}=${encodeValue(v)}`);
    }
    params.push(opts.paging === 'skip' ? `$skip=${offset + size}` : `$skiptoken=${encodeSkipToken(offset + size)}`);
    page.nextLink = `${opts.baseUrl}${req.path}?${params.join('&')}`;
  }
  return page;
}

const encodeKey = (k: string): string => encodeURIComponent(k).replace(/^%24/, '$');
const encodeValue = (v: string): string => encodeURIComponent(v).replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');

export function wantsCount(req: GraphRequest): boolean {
  return (queryParam(req.query, '$count') ?? '').toLowerCase() === 'true';
}
