// Nested App Authentication with @azure/msal-browser, for Teams and Outlook hosts that support it.
// msal is 67 KB gzip, so this module is loaded only when configuration names it (a lazy chunk).
// Tokens are asked silently, then interactively (popup); msal keeps its cache in sessionStorage,
// never localStorage.

import type { IPublicClientApplication } from '@azure/msal-browser';
import { Problem } from '../domain/problems';
import type { TokenProvider } from './tokenProvider';

/**
 * The delegated Graph permissions Justera asks for, the least that do the job; the README says why
 * each one is needed, and manifest.json's nestedAppAuthInfo lists the same, in this order (a test
 * keeps the three in step).
 */
export const GRAPH_SCOPES = [
  'User.Read',
  'User.ReadBasic.All',
  'Calendars.Read',
  'OnlineMeetings.Read',
  'OnlineMeetingArtifact.Read.All',
  'Team.ReadBasic.All',
  'Channel.ReadBasic.All',
  'TeamMember.Read.All',
  'Files.ReadWrite.All',
  'Tasks.ReadWrite',
  'ChannelMessage.Send',
  'Mail.Send',
];

// If a NAA bridge exists but never answers, creating the application never resolves (PLATFORM.md).
const CREATE_TIMEOUT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Problem('sign-in-failed', message)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

export async function naaTokenProvider(options: { clientId: string; authority?: string; loginHint?: string }): Promise<TokenProvider> {
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const pca: IPublicClientApplication = await withTimeout(
    msal.createNestablePublicClientApplication({
      auth: { clientId: options.clientId, authority: options.authority ?? 'https://login.microsoftonline.com/organizations' },
      cache: { cacheLocation: 'sessionStorage' },
    }),
    CREATE_TIMEOUT_MS,
    'The host did not answer the sign-in bridge',
  );
  return {
    async getToken({ forceRefresh } = {}) {
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      const request = { scopes: GRAPH_SCOPES, loginHint: options.loginHint, forceRefresh };
      try {
        const result = account ? await pca.acquireTokenSilent({ ...request, account }) : await pca.ssoSilent(request);
        pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch (silentError) {
        if (!(silentError instanceof msal.InteractionRequiredAuthError)) {
          throw new Problem('sign-in-failed', 'Silent sign-in failed', { cause: silentError });
        }
        try {
          const result = await pca.acquireTokenPopup(request);
          pca.setActiveAccount(result.account);
          return result.accessToken;
        } catch (e) {
          throw new Problem('sign-in-failed', 'Sign-in was not completed', { cause: e });
        }
      }
    },
  };
}
