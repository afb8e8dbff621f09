// Use case "keep the minutes": nothing the secretary typed is ever lost (DESIGN.md, "Saving").
// Every change goes to the device first (at once), then to the channel folder (within seconds,
// coalesced: a burst of typing makes one write), with If-Match on the eTag of the copy it was based
// on. When someone else saved in between (412), their copy is read and merged with ours against the
// common base (domain/merge.ts: per section; both versions kept where both changed the same text)
// and written again. Offline, throttled or failing, the copy on the device holds everything and the
// write is tried again later; the status says which. Reopened later (a reload, a crash), a copy on
// the device that the server never got is merged with the server's and sent.

import { mergeMinutes, deepEqual } from '../domain/merge';
import type { Minutes } from '../domain/minutes';
import { toProblem, type Problem } from '../domain/problems';
import type { MinutesLocal } from '../store/localStore';

/** The minutes file in the channel folder, as the graph port reads and writes it. */
export interface MinutesRemote {
  /** The file and its eTag, or undefined when the meeting has no minutes file yet. */
  read(): Promise<{ minutes: Minutes; eTag: string } | undefined>;
  /**
   * Writes the file: with `ifMatch`, only over that version (a Problem of kind 'conflict' when the
   * file changed); without, only when there is no file yet ('conflict' when there is one).
   */
  write(minutes: Minutes, ifMatch: string | undefined): Promise<{ eTag: string }>;
}

export type SaveStatus =
  | { kind: 'saved' } // the server has every change
  | { kind: 'pending' } // changes wait for the next write (seconds)
  | { kind: 'saving' }
  | { kind: 'offline'; problem: Problem; retryInMs: number } // kept on the device, tried again later
  | { kind: 'failed'; problem: Problem }; // kept on the device; cannot be written (no rights): the page says what to do

export interface SyncOptions {
  /** How long edits are coalesced before a write. */
  delayMs?: number;
  /** First wait after a failed write; doubles up to maxRetryMs (or Microsoft 365's Retry-After). */
  retryMs?: number;
  maxRetryMs?: number;
  now?: () => Date;
}

const MERGE_ATTEMPTS = 3;

export class MinutesSync {
  private current!: Minutes;
  private base?: Minutes;
  private baseETag?: string;
  private dirty = false;
  private status: SaveStatus = { kind: 'saved' };
  private timer?: ReturnType<typeof setTimeout>;
  private writing?: Promise<void>;
  private retryMs: number;
  private deviceProblem?: Problem;
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<SyncOptions>;

  constructor(
    private readonly remote: MinutesRemote,
    private readonly local: MinutesLocal,
    options: SyncOptions = {},
  ) {
    this.options = { delayMs: 1500, retryMs: 2000, maxRetryMs: 60_000, now: () => new Date(), ...options };
    this.retryMs = this.options.retryMs;
  }

  /**
   * Opens the minutes: the server's copy, merged with edits the device still holds; `fresh` makes
   * new minutes when neither has any. Offline, the device's copy (or fresh minutes) opens, saying so.
   */
  async open(fresh: () => Minutes | Promise<Minutes>): Promise<Minutes> {
    const [saved, server] = await Promise.all([
      this.local.get().catch((e: unknown) => {
        this.deviceProblem = toProblem(e);
        return undefined;
      }),
      this.remote.read().then(
        (r) => ({ ok: true as const, value: r }),
        (e: unknown) => ({ ok: false as const, problem: toProblem(e) }),
      ),
    ]);
    if (!server.ok && server.problem.kind !== 'offline' && server.problem.kind !== 'throttled' && server.problem.kind !== 'server') {
      throw server.problem; // no rights, a file that is not minutes: the page says so
    }
    const remote = server.ok ? server.value : undefined;
    if (saved?.dirty) {
      this.current = remote ? mergeMinutes(saved.base ?? remote.minutes, saved.minutes, remote.minutes) : saved.minutes;
      this.base = remote?.minutes ?? saved.base;
      this.baseETag = remote?.eTag ?? saved.baseETag;
      this.dirty = true;
    } else if (remote) {
      this.current = remote.minutes;
      this.base = remote.minutes;
      this.baseETag = remote.eTag;
    } else {
      this.current = saved?.minutes ?? (await fresh());
      this.dirty = true;
    }
    if (!server.ok) this.setStatus({ kind: 'offline', problem: server.problem, retryInMs: this.retryMs });
    if (this.dirty) this.schedule(server.ok ? 0 : this.retryMs);
    return this.current;
  }

  get minutes(): Minutes {
    return this.current;
  }

  get saveStatus(): SaveStatus {
    return this.status;
  }

  /** Whether the device could not keep the copy (storage blocked or full): the page says so. */
  get notKeptOnDevice(): Problem | undefined {
    return this.deviceProblem;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A change by the person: on the device at once, to the server after a pause in the typing. */
  update(change: (m: Minutes) => Minutes): Minutes {
    this.current = { ...change(this.current), updatedAt: this.options.now().toISOString() };
    this.dirty = true;
    void this.keepLocally();
    if (this.status.kind !== 'offline' && this.status.kind !== 'failed') this.setStatus({ kind: 'pending' });
    this.schedule(this.options.delayMs);
    this.emit();
    return this.current;
  }

  /** Writes now what is pending (closing the page, "save now"). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.writing) await this.writing;
    if (!this.dirty) return;
    this.writing = this.write().finally(() => (this.writing = undefined));
    await this.writing;
  }

  /** Stops the timers (the page closed); the device keeps what the server does not have. */
  close(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private async keepLocally() {
    try {
      await this.local.set({ minutes: this.current, base: this.base, baseETag: this.baseETag, dirty: this.dirty });
      this.deviceProblem = undefined;
    } catch (e) {
      this.deviceProblem = toProblem(e);
      this.emit();
    }
  }

  private async write(): Promise<void> {
    this.setStatus({ kind: 'saving' });
    try {
      for (let attempt = 1; ; attempt += 1) {
        const sending = this.current;
        try {
          const { eTag } = await this.remote.write(sending, this.baseETag);
          this.base = sending;
          this.baseETag = eTag;
          // Edits made while the write was on its way are still to be sent.
          this.dirty = this.current !== sending;
          break;
        } catch (e) {
          const problem = toProblem(e);
          if (problem.kind !== 'conflict' || attempt >= MERGE_ATTEMPTS) throw problem;
          await this.mergeWithServer();
          if (!this.dirty) break;
        }
      }
      this.retryMs = this.options.retryMs;
      await this.keepLocally();
      this.setStatus(this.dirty ? { kind: 'pending' } : { kind: 'saved' });
      if (this.dirty) this.schedule(this.options.delayMs);
    } catch (e) {
      const problem = toProblem(e);
      if (problem.kind === 'forbidden' || problem.kind === 'bad-data' || problem.kind === 'signed-out' || problem.kind === 'sign-in-failed') {
        this.setStatus({ kind: 'failed', problem });
        return;
      }
      const wait = Math.min(Math.max(problem.retryAfterMs ?? 0, this.retryMs), Math.max(this.options.maxRetryMs, problem.retryAfterMs ?? 0));
      this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs);
      this.setStatus({ kind: 'offline', problem, retryInMs: wait });
      this.schedule(wait);
    }
  }

  /** Someone else saved first: their copy, merged with ours against the copy both started from. */
  private async mergeWithServer() {
    const server = await this.remote.read();
    if (!server) {
      // The file is gone (deleted while we edited): write ours as a new file.
      this.baseETag = undefined;
      return;
    }
    // A write whose answer was lost arrives here too: the server already has exactly our copy.
    if (deepEqual(server.minutes, this.current)) {
      this.base = server.minutes;
      this.baseETag = server.eTag;
      this.dirty = false;
      return;
    }
    this.current = mergeMinutes(this.base ?? server.minutes, this.current, server.minutes);
    this.base = server.minutes;
    this.baseETag = server.eTag;
    this.emit();
  }

  private setStatus(status: SaveStatus) {
    this.status = status;
    this.emit();
  }

  private emit() {
    for (const l of this.listeners) l();
  }
}

/** For the page: whether what is on screen is safe somewhere. */
export function isKept(status: SaveStatus): boolean {
  return status.kind === 'saved';
}

