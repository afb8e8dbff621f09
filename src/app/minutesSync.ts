// Use case "keep the minutes": nothing the secretary typed is ever lost (DESIGN.md, "Saving").
// Every change goes to the device first (at once), then to the channel folder (within seconds,
// coalesced: a burst of typing makes one write), with If-Match on the eTag of the copy it was based
// on. When someone else saved in between (412), their copy is read and merged with ours against the
// common base (domain/merge.ts: per section; both versions kept where both changed the same text)
// and written again. Offline, throttled or failing, the copy on the device holds everything and the
// write is tried again later; the status says which. Reopened later (a reload, a crash), a copy on
// the device that the server never got is merged with the server's and sent.
// While the page is in sight (a PageVisibility port: the app touches no document), the file's eTag is
// checked every 20 s and at once when the page comes back into view; a newer copy is read and merged
// in the same way, so others' edits (and the organiser's copy of the attendance) reach an open page
// without a reload, and nothing typed here is lost. Hidden or offline, nothing is checked; a check
// refused (429, 503) waits as long as Microsoft 365 asks, and longer each time.

import { mergeMinutes, deepEqual } from '../domain/merge';
import type { Minutes } from '../domain/minutes';
import { toProblem, type Problem } from '../domain/problems';
import type { PageVisibility } from '../host/pageVisibility';
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
  /** The file's eTag now, without its content (one small request), or undefined when there is no file. */
  version(): Promise<string | undefined>;
}

export type SaveStatus =
  | { kind: 'saved' } // the server has every change
  | { kind: 'pending' } // changes wait for the next write (seconds)
  | { kind: 'saving' }
  | { kind: 'merging' } // someone else saved first (412): their copy is read and merged with ours, then written
  | { kind: 'offline'; problem: Problem; retryInMs: number } // kept on the device, tried again later
  | { kind: 'failed'; problem: Problem }; // kept on the device; cannot be written (no rights): the page says what to do

export interface SyncOptions {
  /** How long edits are coalesced before a write. */
  delayMs?: number;
  /** First wait after a failed write; doubles up to maxRetryMs (or Microsoft 365's Retry-After). */
  retryMs?: number;
  maxRetryMs?: number;
  now?: () => Date;
  /** Whether the page is in sight: only then is the file checked for others' changes. None: never checked. */
  visibility?: PageVisibility;
  /** How often the file is checked for others' changes while the page is in sight. */
  checkEveryMs?: number;
  /** The longest wait between checks after failed ones (unless Microsoft 365 asks for longer). */
  maxCheckMs?: number;
}

const MERGE_ATTEMPTS = 3;

export class MinutesSync {
  private current!: Minutes;
  private base?: Minutes;
  private baseETag?: string;
  private dirty = false;
  private status: SaveStatus = { kind: 'saved' };
  private timer?: ReturnType<typeof setTimeout>;
  /** A write or a check under way: never both at once, so neither merges against a base the other moved. */
  private busy?: Promise<void>;
  private retryMs: number;
  private checkTimer?: ReturnType<typeof setTimeout>;
  private checkMs: number;
  /** Microsoft 365 asked for a wait (Retry-After) before the next check: coming into view does not cut it short. */
  private checkWaitAsked = false;
  private unwatch?: () => void;
  private closed = false;
  private deviceProblem?: Problem;
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<Omit<SyncOptions, 'visibility'>> & Pick<SyncOptions, 'visibility'>;

  constructor(
    private readonly remote: MinutesRemote,
    private readonly local: MinutesLocal,
    options: SyncOptions = {},
  ) {
    this.options = { delayMs: 1500, retryMs: 2000, maxRetryMs: 60_000, now: () => new Date(), checkEveryMs: 20_000, maxCheckMs: 300_000, ...options };
    this.retryMs = this.options.retryMs;
    this.checkMs = this.options.checkEveryMs;
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
    this.watch();
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
    while (this.busy) await this.busy;
    if (!this.dirty) return;
    this.busy = this.write().finally(() => (this.busy = undefined));
    await this.busy;
  }

  /**
   * Looks for a newer copy on the server now, and merges it in: the eTag first (no content), the
   * file only when it changed. Skipped while a write is under way or waiting to be retried: a write
   * meets any newer copy itself (412) and merges it.
   */
  async check(): Promise<void> {
    clearTimeout(this.checkTimer);
    try {
      if (!this.busy && this.status.kind !== 'offline' && this.status.kind !== 'failed') {
        this.busy = this.pull().finally(() => (this.busy = undefined));
        await this.busy;
      }
      this.checkMs = this.options.checkEveryMs;
      this.checkWaitAsked = false;
    } catch (e) {
      // Throttled or failing: as long as Microsoft 365 asks, and at least twice the last wait.
      const asked = toProblem(e).retryAfterMs ?? 0;
      this.checkMs = Math.max(asked, Math.min(this.checkMs * 2, this.options.maxCheckMs));
      this.checkWaitAsked = asked > 0;
    }
    if (this.options.visibility?.isVisible()) this.checkIn(this.checkMs);
  }

  /** Stops the timers and the checks (the page closed); the device keeps what the server does not have. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearTimeout(this.checkTimer);
    this.unwatch?.();
    this.listeners.clear();
  }

  /** Checks while the page is in sight: now when it comes back into view (or online), none while hidden. */
  private watch() {
    const visibility = this.options.visibility;
    if (!visibility || this.unwatch || this.closed) return;
    this.unwatch = visibility.subscribe((visible) => {
      if (!visible) return clearTimeout(this.checkTimer);
      // Back online: a write that waits only for the network goes now (a throttled one keeps its wait).
      if (this.status.kind === 'offline' && this.status.problem.kind === 'offline') void this.flush();
      this.checkIn(this.checkWaitAsked ? this.checkMs : 0);
    });
    if (visibility.isVisible()) this.checkIn(this.checkMs);
  }

  private checkIn(ms: number) {
    clearTimeout(this.checkTimer);
    if (!this.closed) this.checkTimer = setTimeout(() => void this.check(), ms);
  }

  /** A newer copy on the server, if there is one, merged into ours. */
  private async pull() {
    const eTag = await this.remote.version();
    if (eTag === undefined || eTag === this.baseETag) return;
    const server = await this.remote.read();
    if (!server || server.eTag === this.baseETag) return;
    this.takeIn(server);
    if (this.dirty) {
      await this.keepLocally();
      this.setStatus({ kind: 'pending' });
      this.schedule(this.options.delayMs);
    }
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
          this.setStatus({ kind: 'merging' });
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
    this.takeIn(server);
  }

  /**
   * The server's copy becomes the base; ours is merged with it (nothing typed here is lost), or
   * simply replaced by it when this device has no unsent change. A write whose answer was lost
   * arrives here too: the server already has exactly our copy.
   */
  private takeIn(server: { minutes: Minutes; eTag: string }) {
    const before = this.current;
    if (!this.dirty || deepEqual(server.minutes, this.current)) {
      this.current = server.minutes;
      this.dirty = false;
    } else {
      this.current = mergeMinutes(this.base ?? server.minutes, this.current, server.minutes);
      this.dirty = !deepEqual(this.current, server.minutes);
    }
    this.base = server.minutes;
    this.baseETag = server.eTag;
    if (this.current !== before) this.emit();
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

