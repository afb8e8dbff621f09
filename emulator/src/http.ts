/** The shapes one Graph call takes inside the emulator, whether it came over HTTP or inside a $batch. */

import type { DirUser } from './state';

export const ODATA_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export interface GraphRequest {
  method: string;
  /** Path after /v1.0, still percent-encoded, without the query string: "/me/calendarView". */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
  /**
   * The request body as sent, for the routes that take bytes rather than JSON (PUT .../content);
   * on those routes `body` is left undefined. Inside $batch: the item's body if it was a string.
   */
  rawBody?: Buffer;
  /** The signed-in user (from the token of the HTTP request, also for $batch items). */
  caller: DirUser;
  /** Length of the request URL as sent (for the advanced-query URL length limit). */
  urlLength: number;
}

export interface GraphResult {
  status: number;
  /** Header names in Graph's casing (Content-Type, Retry-After, Preference-Applied, ...). */
  headers: Record<string, string>;
  body?: unknown;
  /** Bytes sent as they are instead of a JSON body (file downloads); Content-Type comes from headers. */
  raw?: Buffer;
}

export function ok(body: unknown, headers: Record<string, string> = {}): GraphResult {
  return { status: 200, headers: { 'Content-Type': ODATA_JSON, ...headers }, body };
}

/** Query parameters by case-insensitive name (Graph accepts $Top and StartDateTime alike). */
export function queryParam(q: URLSearchParams, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of q) if (k.toLowerCase() === want) return v;
  return undefined;
}
