// The approvers' answers, as the secretary's open tab follows them (DESIGN.md "Sign-off": each
// answer shows without a manual reload): the answer files are listed every 20 s while the page is in
// sight, and at once when it comes back into view or is focused, through the same PageVisibility
// port MinutesSync uses; never while hidden or offline. A failed listing waits longer each time
// (or as long as Microsoft 365 asks), and the page is told the problem.

import type { AnswerFile } from '../domain/signOff';
import { toProblem, type Problem } from '../domain/problems';
import type { PageVisibility } from '../host/pageVisibility';

export interface AnswerWatchOptions {
  visibility?: PageVisibility;
  everyMs?: number;
  maxMs?: number;
}

/** Lists the answers now and then as described above; returns the stop. */
export function watchAnswers(
  list: () => Promise<AnswerFile[]>,
  onAnswers: (files: AnswerFile[]) => void,
  onProblem: (problem: Problem) => void,
  { visibility, everyMs = 20_000, maxMs = 300_000 }: AnswerWatchOptions = {},
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wait = everyMs;
  let running = false;
  /** Microsoft 365 asked for a wait (Retry-After): coming into view does not cut it short. */
  let waitAsked = false;
  const next = (ms: number) => {
    clearTimeout(timer);
    if (!stopped && (visibility?.isVisible() ?? true)) timer = setTimeout(() => void tick(), ms);
  };
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const files = await list();
      if (stopped) return;
      wait = everyMs;
      waitAsked = false;
      onAnswers(files);
    } catch (e) {
      if (stopped) return;
      const problem = toProblem(e);
      wait = Math.max(problem.retryAfterMs ?? 0, Math.min(wait * 2, maxMs));
      waitAsked = (problem.retryAfterMs ?? 0) > 0;
      onProblem(problem);
    } finally {
      running = false;
    }
    next(wait);
  };
  const unwatch = visibility?.subscribe((visible) => (visible ? next(waitAsked ? wait : 0) : clearTimeout(timer)));
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unwatch?.();
  };
}
