// The follow-up's status from Planner while the minutes are open: read when they open, when a
// follow-up gets its task, and when the tab comes into sight again (a member may have completed a
// task meanwhile). Only the latest read counts; a read that fails as a whole (offline) says why and
// keeps what was read before.

import { useEffect, useRef, useState } from 'react';
import type { FollowUpStatusService } from '../../../app/services';
import type { FollowUpStatus } from '../../../domain/followUpStatus';
import type { FollowUp } from '../../../domain/minutes';
import { toProblem, type Problem } from '../../../domain/problems';

export interface FollowUpStatusView {
  /** By follow-up id; undefined until the first read has answered. */
  statuses?: ReadonlyMap<string, FollowUpStatus>;
  reading: boolean;
  problem?: Problem;
}

const NOTHING: FollowUpStatusView = { reading: false };

export function useFollowUpStatus(service: FollowUpStatusService | undefined, followUp: readonly FollowUp[]): FollowUpStatusView {
  const [view, setView] = useState<FollowUpStatusView>(NOTHING);
  const latest = useRef(followUp);
  latest.current = followUp;
  // Read again when the tasks change, not on every edit of a comment.
  const tasks = followUp.map((f) => `${f.id}=${f.taskId ?? ''}`).join('\n');
  const hasTasks = followUp.some((f) => f.taskId !== undefined);
  useEffect(() => {
    if (!service || !hasTasks) {
      setView(NOTHING);
      return;
    }
    let live = true;
    let run = 0;
    const read = () => {
      const mine = ++run;
      setView((v) => ({ ...v, reading: true }));
      service.read(latest.current).then(
        (statuses) => live && mine === run && setView({ statuses, reading: false }),
        (e: unknown) => live && mine === run && setView((v) => ({ statuses: v.statuses, reading: false, problem: toProblem(e) })),
      );
    };
    read();
    const stop = service.onShown(read);
    return () => {
      live = false;
      stop();
    };
  }, [service, tasks, hasTasks]);
  return view;
}
