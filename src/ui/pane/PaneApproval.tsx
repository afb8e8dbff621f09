// The approval part of the pane, loaded lazily (the Graph client and the document view stay out of the
// pane's first script): finds the version the mail's tag names, or the newest approval mail for the
// open meeting, and shows the approval view, or why there is nothing to approve.

import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApprovalOutcome, ApprovalService } from '../../app/approval';
import type { MailTag } from '../../app/mailTag';
import type { AppConfig } from '../../config/config';
import { toProblem, type Problem } from '../../domain/problems';
import type { MailboxHost } from '../../host/host';
import { ApprovalRefused } from '../components/approval/ApprovalRefused';
import { ApprovalView } from '../components/approval/ApprovalView';
import { ProblemMessage } from '../components/ProblemMessage';
import { useI18n } from '../i18n';
import { paneApprovalService } from './paneServices';

/** What the pane is open on: an approval mail (its tag and sender) or a meeting (its event id). */
export type ApprovalSource = { kind: 'mail'; tag: MailTag; from?: string } | { kind: 'meeting'; eventId: string };

type State = { phase: 'loading' } | { phase: 'failed'; problem: Problem } | { phase: 'ready'; service: ApprovalService; outcome: ApprovalOutcome };

export default function PaneApproval({ config, host, source }: { config: AppConfig; host: MailboxHost; source: ApprovalSource }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ phase: 'loading' });
    (async () => {
      try {
        const service = await paneApprovalService(config, host);
        const outcome = source.kind === 'mail' ? await service.fromMail(source.tag, source.from) : await service.fromMeeting(source.eventId);
        if (live) setState({ phase: 'ready', service, outcome });
      } catch (e) {
        if (live) setState({ phase: 'failed', problem: toProblem(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [config, host, source, attempt]);

  if (state.phase === 'loading') return <Spinner size="tiny" label={t(source.kind === 'mail' ? 'approval.loading' : 'approval.meeting.looking')} />;
  if (state.phase === 'failed') return <ProblemMessage problem={state.problem} onRetry={() => setAttempt((a) => a + 1)} />;
  const { outcome, service } = state;
  if (outcome.kind === 'refused') return <ApprovalRefused reason={outcome.reason} />;
  if (outcome.kind === 'none') {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('approval.meeting.none')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <ApprovalView approval={outcome.approval} onAnswer={(decision, comment, section) => service.answer(outcome.approval, decision, comment, section)} />;
}
