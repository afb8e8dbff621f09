// Loads an approval (from a mail, a meeting or the tab's round) and shows it: a spinner, a problem
// with a retry, why there is nothing to approve, or the approval view. Shared by the Outlook pane and
// the Teams tab; `load` is whatever reaches Graph for them.

import { Spinner } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApprovalOutcome, ApprovalService } from '../../../app/approval';
import { toProblem, type Problem } from '../../../domain/problems';
import { ProblemMessage } from '../ProblemMessage';
import { ApprovalRefused } from './ApprovalRefused';
import { ApprovalView } from './ApprovalView';

export interface LoadedApprovalProps {
  /** The outcome, and how to answer it. Runs again when `loadKey` changes, or on retry. */
  load: () => Promise<{ outcome: ApprovalOutcome; answer: ApprovalService['answer'] }>;
  loadKey: unknown;
  loadingLabel: string;
  /** What to show when there is nothing sent for approval (nothing by default). */
  none?: ReactNode;
}

type State = { phase: 'loading' } | { phase: 'failed'; problem: Problem } | { phase: 'ready'; outcome: ApprovalOutcome; answer: ApprovalService['answer'] };

export default function LoadedApproval({ load, loadKey, loadingLabel, none = null }: LoadedApprovalProps) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The latest loader, so a parent's re-render does not load again.
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    let live = true;
    setState({ phase: 'loading' });
    loader.current().then(
      ({ outcome, answer }) => live && setState({ phase: 'ready', outcome, answer }),
      (e: unknown) => live && setState({ phase: 'failed', problem: toProblem(e) }),
    );
    return () => {
      live = false;
    };
  }, [loadKey, attempt]);

  if (state.phase === 'loading') return <Spinner size="tiny" label={loadingLabel} />;
  if (state.phase === 'failed') return <ProblemMessage problem={state.problem} onRetry={() => setAttempt((a) => a + 1)} />;
  const { outcome, answer } = state;
  if (outcome.kind === 'refused') return <ApprovalRefused reason={outcome.reason} />;
  if (outcome.kind === 'none') return <>{none}</>;
  return <ApprovalView approval={outcome.approval} onAnswer={(decision, comment, section) => answer(outcome.approval, decision, comment, section)} />;
}
