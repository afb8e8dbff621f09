// The pane's approval service over Graph, with the token provider configuration names: Outlook's own
// token (OfficeRuntime.auth) in the demo and tests, NAA in a real tenant (msal, a lazy chunk of its own).
// Loaded with the approval view, never in the pane's first script.

import { createApprovalService, type ApprovalService } from '../../app/approval';
import { officeTokenProvider } from '../../auth/officeTokenProvider';
import type { TokenProvider } from '../../auth/tokenProvider';
import type { AppConfig } from '../../config/config';
import type { MailboxHost } from '../../host/host';

async function paneTokens(config: AppConfig, host: MailboxHost): Promise<TokenProvider> {
  if (config.tokenProvider === 'host') return officeTokenProvider(host);
  const { naaTokenProvider } = await import(/* webpackChunkName: "naa" */ '../../auth/naaTokenProvider');
  return naaTokenProvider({ clientId: config.clientId, authority: config.authority, loginHint: host.user.emailAddress });
}

export async function paneApprovalService(config: AppConfig, host: MailboxHost): Promise<ApprovalService> {
  return createApprovalService(config.graphBaseUrl, await paneTokens(config, host));
}
