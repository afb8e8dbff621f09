// Why a mail or a meeting gives nothing to approve (app/approval.ts RefusalReason), as a person reads it.

import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { RefusalReason } from '../../../app/approval';
import { useI18n } from '../../i18n';

export function ApprovalRefused({ reason }: { reason: RefusalReason }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('approval.refused.heading')}</MessageBarTitle>
        {t(`approval.refused.${reason}`)}
      </MessageBarBody>
    </MessageBar>
  );
}
