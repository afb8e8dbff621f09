// The approval the mail's link names, for a person signed in in a browser (Outlook for Mac, a phone):
// the same view as in the Outlook pane, over Graph with the browser session's tokens. Loaded lazily
// with the approval view, as the pane's own approval part is.

import type { AppConfig } from '../../config/config';
import { createApprovalService } from '../../app/approval';
import LoadedApproval from '../components/approval/LoadedApproval';
import { useI18n } from '../i18n';
import type { ApprovalProps } from './BrowserApproval';

export default function LinkApproval({ config, session, request }: ApprovalProps & { config: AppConfig }) {
  const { t } = useI18n();
  const load = async () => {
    const service = createApprovalService(config.graphBaseUrl, session.tokens);
    return { outcome: await service.fromLink(request), answer: service.answer };
  };
  return <LoadedApproval load={load} loadKey={request} loadingLabel={t('approval.loading')} />;
}
