// Tokens from Outlook itself (office.js OfficeRuntime.auth.getAccessToken), for the pane when
// configuration says "host": in the demo and tests the Outlook simulator answers with an emulator token
// for its persona, the way the Teams simulator answers teams-js's getAuthToken. In a real tenant the
// pane uses NAA (naaTokenProvider.ts) instead.

import type { MailboxHost } from '../host/host';
import { hostTokenProvider } from './hostTokenProvider';
import type { TokenProvider } from './tokenProvider';

export function officeTokenProvider(host: Pick<MailboxHost, 'getAccessToken'>): TokenProvider {
  // The same caching and retry rules as the Teams host's token: one place keeps them.
  return hostTokenProvider({ getAuthToken: () => host.getAccessToken() });
}
