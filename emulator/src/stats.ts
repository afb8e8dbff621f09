/** Counting Graph traffic: HTTP round trips, $batch items, and operations per route. */

export interface StatsSnapshot {
  /** HTTP requests to /v1.0 (a $batch is one). CORS preflights are not counted. */
  requests: number;
  /** Requests carried inside $batch bodies. */
  batchItems: number;
  /**
   * Per "METHOD /route/{template}": plain requests, outer $batch POSTs and batch items, including
   * the ones answered with an injected fault or a 401 (dropped connections are not counted).
   */
  byRoute: Record<string, number>;
}

export class Stats {
  private requests = 0;
  private batchItems = 0;
  private byRoute = new Map<string, number>();

  request(): void {
    this.requests++;
  }

  batchItem(): void {
    this.batchItems++;
  }

  route(key: string): void {
    this.byRoute.set(key, (this.byRoute.get(key) ?? 0) + 1);
  }

  snapshot(): StatsSnapshot {
    return { requests: this.requests, batchItems: this.batchItems, byRoute: Object.fromEntries(this.byRoute) };
  }

  reset(): void {
    this.requests = 0;
    this.batchItems = 0;
    this.byRoute.clear();
  }
}
