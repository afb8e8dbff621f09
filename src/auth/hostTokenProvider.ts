// Tokens from the host itself (Teams' authentication.getAuthToken). In the demo and tests the host
// simulator answers with an emulator token for the persona; configuration chooses this provider.

import type { Host } from '../host/host';
import type { TokenProvider } from './tokenProvider';

export function hostTokenProvider(host: Pick<Host, 'getAuthToken'>): TokenProvider {
  let cached: Promise<string> | undefined;
  return {
    getToken({ forceRefresh } = {}) {
      if (forceRefresh || !cached) {
        cached = host.getAuthToken();
        // A failed attempt is not remembered: the next request asks again.
        cached.catch(() => (cached = undefined));
      }
      return cached;
    },
  };
}
