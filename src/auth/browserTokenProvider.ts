// Sign-in for the pane's page opened in a plain browser (the approval mail's link on Outlook for Mac
// or a phone), where no Teams or Outlook host hands out a token and Nested App Authentication does
// not exist (PLATFORM.md, "msal"). Both ways leave the page for the sign-in page and come back to the
// same address, so the link's ?minutes=...&version=... survive:
//
// - "msal" (a real tenant): msal-browser's standard PublicClientApplication, loaded lazily (67 KB
//   gzip), with redirects: loginRedirect, then acquireTokenSilent, and acquireTokenRedirect when
//   interaction is required. Redirects rather than popups: phones block popups, and the page is a
//   whole tab anyway. Redirect URI: https://<host>/pane.html (README). msal keeps its cache in
//   sessionStorage.
// - "emulator" (the demo and tests): the Graph emulator's sign-in page (/_emulator/authorize on the
//   Graph base URL's origin), OAuth's implicit flow: the token comes back in the fragment with the
//   state this page made, which must match. The token is kept in sessionStorage for this tab only,
//   as msal does.
//
// The sign-in's answer (the fragment) is taken out of the address by takeSignInAnswer() before
// office.js loads: office.js sets history.replaceState to null (office.debug.js,
// OSF._OfficeAppFactory.initialize), after which the fragment, a token among it, could not be removed
// without reloading the page. msal then gets the answer as its `hash` option.

import type { AppConfig } from '../config/config';
import { Problem } from '../domain/problems';
import { GRAPH_SCOPES } from './naaTokenProvider';
import type { TokenProvider } from './tokenProvider';

/** Who is signed in, as the sign-in said (shown on the page; Graph checks the token itself). */
export interface BrowserAccount {
  name: string;
  username?: string;
}

export interface BrowserSession {
  account: BrowserAccount;
  tokens: TokenProvider;
}

export interface BrowserSignIn {
  /**
   * The session there already: just back from the sign-in page, or signed in earlier in this tab.
   * Undefined when the person has to sign in. A sign-in that came back cancelled or refused is a
   * 'sign-in-failed' Problem (code 'cancelled' when the person cancelled).
   */
  resume(): Promise<BrowserSession | undefined>;
  /** Leaves the page for the sign-in page, which comes back to this same address. */
  signIn(): Promise<void>;
}

/** The few parts of window a sign-in uses, passed in so each is visible (and replaceable in a unit test). */
export interface BrowserPage {
  location: Pick<Location, 'href' | 'assign'>;
  history: Pick<History, 'replaceState'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  randomState(): string;
  now(): number;
}

export function windowPage(): BrowserPage {
  return {
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    randomState: () => crypto.randomUUID(),
    now: () => Date.now(),
  };
}

export const CANCELLED = 'cancelled';

/** What a sign-in page sent back in the fragment (without "#"), taken out of the address. */
export type SignInAnswer = string | undefined;

/**
 * Takes a sign-in's answer out of the address, before anything else runs (office.js then disables
 * history.replaceState). Undefined when the fragment is not one (an OAuth answer has a state, a
 * token or code, or an error).
 */
export function takeSignInAnswer(page: Pick<BrowserPage, 'location' | 'history'> = windowPage()): SignInAnswer {
  const url = new URL(page.location.href);
  const fragment = url.hash.slice(1);
  const answer = new URLSearchParams(fragment);
  if (!['state', 'access_token', 'code', 'error'].some((k) => answer.has(k))) return undefined;
  // The token must not stay in the address bar, the history or a bookmark.
  page.history.replaceState(null, '', withoutFragment(url.href));
  return fragment;
}

/** The way config.json names: browserSignIn "msal" (a real tenant) or "emulator" (demo, tests). */
export async function browserSignIn(config: AppConfig, answer: SignInAnswer, page: BrowserPage = windowPage()): Promise<BrowserSignIn> {
  if (config.browserSignIn === 'emulator') return emulatorSignIn(new URL(config.graphBaseUrl).origin, answer, page);
  return msalSignIn({ clientId: config.clientId, authority: config.authority }, answer, page);
}

/** The page's own address without its fragment: where the sign-in comes back to. */
const withoutFragment = (href: string): string => href.replace(/#.*$/, '');

const STATE_KEY = 'justera.browserSignIn.state';
const SESSION_KEY = 'justera.browserSignIn.session';

interface StoredSession {
  token: string;
  expiresAt: number;
  account: BrowserAccount;
}

/** The name in an emulator token (an unsigned JWT), for the page to show; never trusted for anything else. */
function accountOf(token: string): BrowserAccount {
  try {
    // base64url of UTF-8 JSON: atob gives the bytes, TextDecoder the text ("Ekström", not "EkstrÃ¶m").
    const bytes = Uint8Array.from(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    return { name: typeof payload.name === 'string' ? payload.name : '', username: typeof payload.upn === 'string' ? payload.upn : undefined };
  } catch {
    return { name: '' };
  }
}

export function emulatorSignIn(emulatorOrigin: string, fragment: SignInAnswer, page: BrowserPage): BrowserSignIn {
  const stored = (): StoredSession | undefined => {
    try {
      const s = JSON.parse(page.storage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null;
      return s && typeof s.token === 'string' && typeof s.expiresAt === 'number' ? s : undefined;
    } catch {
      return undefined;
    }
  };
  const session = (s: StoredSession): BrowserSession => ({
    account: s.account,
    tokens: {
      async getToken() {
        const current = stored();
        // The emulator's page gives no refresh token: an expired session means signing in again.
        if (!current || current.expiresAt <= page.now()) {
          page.storage.removeItem(SESSION_KEY);
          throw new Problem('signed-out', 'The sign-in has expired');
        }
        return current.token;
      },
    },
  });

  return {
    async resume() {
      if (fragment !== undefined) {
        const answer = new URLSearchParams(fragment);
        // One answer, read once: a reload does not read it again.
        fragment = undefined;
        const expected = page.storage.getItem(STATE_KEY);
        page.storage.removeItem(STATE_KEY);
        if (!expected || answer.get('state') !== expected) throw new Problem('sign-in-failed', 'The sign-in answer was not for this page (state differs)', { code: 'state' });
        const error = answer.get('error');
        if (error) throw new Problem('sign-in-failed', `Sign-in answered ${error}`, { code: error === 'access_denied' ? CANCELLED : error });
        const token = answer.get('access_token');
        if (!token) throw new Problem('sign-in-failed', 'The sign-in answered without a token');
        const lifetime = Number(answer.get('expires_in') ?? '3600');
        const s: StoredSession = { token, expiresAt: page.now() + (Number.isFinite(lifetime) ? lifetime : 3600) * 1000, account: accountOf(token) };
        page.storage.setItem(SESSION_KEY, JSON.stringify(s));
        return session(s);
      }
      const s = stored();
      return s && s.expiresAt > page.now() ? session(s) : undefined;
    },
    async signIn() {
      const state = page.randomState();
      page.storage.setItem(STATE_KEY, state);
      const target = new URL('/_emulator/authorize', emulatorOrigin);
      target.search = new URLSearchParams({ redirect_uri: withoutFragment(page.location.href), state }).toString();
      page.location.assign(target.href);
    },
  };
}

async function msalSignIn(options: { clientId: string; authority?: string }, answer: SignInAnswer, page: BrowserPage): Promise<BrowserSignIn> {
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const here = new URL(page.location.href);
  const pca = await msal.createStandardPublicClientApplication({
    auth: {
      clientId: options.clientId,
      authority: options.authority ?? 'https://login.microsoftonline.com/organizations',
      // The registered redirect URI is the page itself; msal then returns to the address sign-in started from.
      redirectUri: `${here.origin}${here.pathname}`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const cancelled = (e: unknown) => e instanceof msal.AuthError && ['user_cancelled', 'access_denied'].includes(e.errorCode);
  const failed = (e: unknown, what: string) => new Problem('sign-in-failed', what, { code: cancelled(e) ? CANCELLED : e instanceof msal.AuthError ? e.errorCode : undefined, cause: e });
  const request = { scopes: GRAPH_SCOPES };

  return {
    async resume() {
      let result;
      try {
        result = await pca.handleRedirectPromise(answer === undefined ? undefined : { hash: `#${answer}` });
      } catch (e) {
        throw failed(e, 'Sign-in was not completed');
      }
      const account = result?.account ?? pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      if (!account) return undefined;
      pca.setActiveAccount(account);
      return {
        account: { name: account.name ?? account.username, username: account.username },
        tokens: {
          async getToken({ forceRefresh } = {}) {
            try {
              return (await pca.acquireTokenSilent({ ...request, account, forceRefresh })).accessToken;
            } catch (e) {
              if (!(e instanceof msal.InteractionRequiredAuthError)) throw failed(e, 'Silent sign-in failed');
              // Leaves the page; the person comes back signed in to the same address.
              await pca.acquireTokenRedirect({ ...request, account });
              throw new Problem('signed-out', 'Signing in again');
            }
          },
        },
      };
    },
    async signIn() {
      await pca.loginRedirect(request);
    },
  };
}
