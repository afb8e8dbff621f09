// The approval part of the pane, loaded lazily (the Graph client and the document view stay out of the
// pane's first script): finds the version the mail's tag names, or the newest approval mail for the
// open meeting, and shows the approval view, or why there is nothing to approve.

import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { MailTag } from '../../app/mailTag';
import type { AppConfig } from '../../config/config';
import type { MailboxHost } from '../../host/host';
import LoadedApproval from '../components/approval/LoadedApproval';
import { useI18n } from '../i18n';
import { paneApprovalService } from './paneServices';

/** What the pane is open on: an approval mail (its tag and sender) or a meeting (its event id). */
export type ApprovalSource = { kind: 'mail'; tag: MailTag; from?: string } | { kind: 'meeting'; eventId: string };

export default function PaneApproval({ config, host, source }: { config: AppConfig; host: MailboxHost; source: ApprovalSource }) {
  const { t } = useI18n();
  const load = async () => {
    const service = await paneApprovalService(config, host);
    const outcome = source.kind === 'mail' ? await service.fromMail(source.tag, source.from) : await service.fromMeeting(source.eventId);
    return { outcome, answer: service.answer };
  };
  const none = (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{t('approval.meeting.none')}</MessageBarBody>
    </MessageBar>
  );
  return <LoadedApproval load={load} loadKey={source} loadingLabel={t(source.kind === 'mail' ? 'approval.loading' : 'approval.meeting.looking')} none={none} />;
}
