/** Matching Graph paths (after /v1.0) to handlers; segment names match case-insensitively, like Graph. */

import { badRequest, GraphError, methodNotAllowed, segmentNotFound } from './errors';
import type { GraphRequest, GraphResult } from './http';
import type { State } from './state';

export interface HandlerContext {
  req: GraphRequest;
  state: State;
  now: number;
  /** The emulator's Graph base, "http://127.0.0.1:4001/v1.0". */
  baseUrl: string;
  /** Decoded path parameters named in the template ({userId}, {eventId}, ...). */
  params: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => GraphResult;

interface Route {
  method: string;
  template: string;
  segments: string[];
  handler: Handler;
}

export interface Match {
  route: { method: string; template: string };
  handler: Handler;
  params: Record<string, string>;
}

export function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw badRequest(`The path segment '${s}' is not valid percent-encoding.`);
      }
    });
}

const isParam = (seg: string): boolean => seg.startsWith('{') && seg.endsWith('}');
/** A last template segment "{*name}" takes every remaining segment (one or more), joined by "/". */
const isRest = (seg: string): boolean => seg.startsWith('{*') && seg.endsWith('}');

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: Handler): this {
    this.routes.push({ method, template, segments: template.split('/').filter(Boolean), handler });
    return this;
  }

  /** The same route under /me and /users/{userId}. */
  addForUser(method: string, suffix: string, handler: Handler): this {
    this.add(method, `/me${suffix}`, handler);
    return this.add(method, `/users/{userId}${suffix}`, handler);
  }

  private matchSegments(route: Route, segs: string[]): Record<string, string> | null {
    const last = route.segments[route.segments.length - 1] ?? '';
    const rest = isRest(last);
    if (rest ? segs.length < route.segments.length : route.segments.length !== segs.length) return null;
    const params: Record<string, string> = {};
    for (let i = 0; i < segs.length; i++) {
      const t = route.segments[i] as string;
      const s = segs[i] as string;
      if (rest && i === route.segments.length - 1) {
        params[t.slice(2, -1)] = segs.slice(i).join('/');
        break;
      }
      if (isParam(t)) params[t.slice(1, -1)] = s;
      else if (t.toLowerCase() !== s.toLowerCase()) return null;
    }
    return params;
  }

  /** The handler for a request, or the 400/405 GraphError Graph would answer. */
  resolve(method: string, path: string): Match {
    const segs = splitPath(path);
    let pathMatched = false;
    for (const r of this.routes) {
      const params = this.matchSegments(r, segs);
      if (!params) continue;
      pathMatched = true;
      if (r.method === method) return { route: { method: r.method, template: r.template }, handler: r.handler, params };
    }
    if (pathMatched) throw methodNotAllowed();
    // Name the first segment no route knows at that position.
    let depth = 0;
    for (const r of this.routes) {
      let k = 0;
      while (k < segs.length && k < r.segments.length) {
        const t = r.segments[k] as string;
        if (!isParam(t) && t.toLowerCase() !== (segs[k] as string).toLowerCase()) break;
        k++;
      }
      depth = Math.max(depth, k);
    }
    if (segs.length === 0) throw badRequest('Invalid request: the URL names no resource.');
    throw segmentNotFound(segs[Math.min(depth, segs.length - 1)] as string);
  }
}

export function isGraphError(e: unknown): e is GraphError {
  return e instanceof GraphError;
}
