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
