// Counting what a use case costs in Graph traffic: requests, and sequential round trips (groups of
// requests in flight together; a request that starts after all earlier ones ended opens a new one).

import type { RequestObserver } from '../src/graph/client';

export interface RequestLog extends RequestObserver {
  requests: { method: string; url: string; startedAt: number; endedAt: number; status: number }[];
  roundTrips(): number;
  reset(): void;
}

export function requestLog(): RequestLog {
  const requests: RequestLog['requests'] = [];
  return {
    requests,
    onRequest: (r) => void requests.push(r),
    roundTrips() {
      const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
      let trips = 0;
      let openUntil = -Infinity;
      for (const r of sorted) {
        if (r.startedAt >= openUntil) trips += 1;
        openUntil = Math.max(openUntil, r.endedAt);
      }
      return trips;
    },
    reset: () => void requests.splice(0),
  };
}

/**
 * The longest chain of requests each sent after the one before it had its answer: how many
 * latencies a run waits one after another. roundTrips() counts groups of overlapping requests, and
 * a short chain that runs beside a slower request (a version read and its download beside a $batch)
 * hides in that request's group; the chain does not.
 */
export function longestChain(log: RequestLog): { length: number; levels: string[] } {
  const sorted = [...log.requests].sort((a, b) => a.startedAt - b.startedAt);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    depth[i] = 1 + Math.max(0, ...sorted.slice(0, i).flatMap((q, j) => (q.endedAt <= r.startedAt ? [depth[j]!] : [])));
  });
  const name = (r: RequestLog['requests'][number]) =>
    `${r.method} ${new URL(r.url).pathname.replace(/^\/v1\.0/, '').replace(/[0-9a-f-]{36}|[A-Za-z0-9!_-]{20,}/g, '…')}`;
  const length = Math.max(0, ...depth);
  const levels = Array.from({ length }, (_, d) => `  ${d + 1}. ${sorted.filter((_, i) => depth[i] === d + 1).map(name).join(' | ')}`);
  return { length, levels };
}

/** Prints a table: the first `textColumns` columns left-aligned, the figures after them right-aligned. */
export function printTable(header: string[], rows: string[][], textColumns: number): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < textColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}
