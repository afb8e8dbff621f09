// Configuration, read once at start from config.json beside the page. It is the only thing that
// differs between a real tenant and the demo: Graph's base URL, the token provider, the extra host
// origins teams-js may accept, and where office.js comes from.

import { Problem } from '../domain/problems';

export interface AppConfig {
  graphBaseUrl: string;
  /** "naa": MSAL Nested App Authentication (real hosts). "host": the host's own token (demo, tests). */
  tokenProvider: 'naa' | 'host';
  /** Origins besides Microsoft's that may host the tab, with scheme and port. Empty in production. */
  hostOrigins: string[];
  /** Entra ID application (client) id, for NAA. */
  clientId: string;
  /** Authority for NAA, e.g. https://login.microsoftonline.com/organizations. */
  authority?: string;
  /**
   * office.js for the Outlook pane: Microsoft's CDN in production, the npm copy (/office/office.js) in
   * the demo and closed networks. Only the pane loads it, never a Teams tab.
   */
  officeJsUrl?: string;
  /**
   * A MicrosoftAjax.js loaded before office.js, where Microsoft's ajax CDN (from which office.js's
   * Outlook part fetches it) cannot be reached: the demo and tests serve a stand-in. Unset in production.
   */
  msAjaxUrl?: string;
  /**
   * How the pane's page signs in when opened in a plain browser (the approval mail's link on a Mac or a
   * phone): "msal", msal-browser's standard sign-in with redirects (a real tenant, the default), or
   * "emulator", the Graph emulator's sign-in page (demo, tests). auth/browserTokenProvider.ts.
   */
  browserSignIn: 'msal' | 'emulator';
  /**
   * The Outlook pane's page (pane.html) on Justera's own site: the approval mail links to it, so a
   * chair where the add-in does not run (Outlook for Mac, a phone) approves in the browser.
   */
  paneUrl?: string;
}

function fail(message: string): never {
  throw new Problem('config', `config.json: ${message}`);
}

/** Validates what config.json says; a wrong configuration stops the app with a clear message. */
export function parseConfig(raw: unknown): AppConfig {
  if (typeof raw !== 'object' || raw === null) fail('not an object');
  const c = raw as Record<string, unknown>;
  if (typeof c.graphBaseUrl !== 'string' || !/^https?:\/\/[^/]+\/[^/]+/.test(c.graphBaseUrl)) fail('graphBaseUrl must be an absolute URL with a version, e.g. https://graph.microsoft.com/v1.0');
  if (c.tokenProvider !== 'naa' && c.tokenProvider !== 'host') fail('tokenProvider must be "naa" or "host"');
  const origins = c.hostOrigins ?? [];
  if (!Array.isArray(origins) || origins.some((o) => typeof o !== 'string' || !/^https?:\/\/[^/]+$/.test(o))) {
    fail('hostOrigins must be a list of origins such as "http://127.0.0.1:4002" (scheme, host and port, no path)');
  }
  if (typeof c.clientId !== 'string' || !c.clientId) fail('clientId is missing');
  for (const key of ['officeJsUrl', 'msAjaxUrl'] as const) {
    const v = c[key];
    // A script the pane runs: https (or a path on Justera's own origin), never another scheme.
    if (v !== undefined && (typeof v !== 'string' || !/^(https:\/\/[^/]+\/|\/(?!\/))\S*$/.test(v))) fail(`${key} must be an https URL or a path on this site, such as /office/office.js`);
  }
  const browserSignIn = c.browserSignIn ?? 'msal';
  if (browserSignIn !== 'msal' && browserSignIn !== 'emulator') fail('browserSignIn must be "msal" or "emulator"');
  if (c.paneUrl !== undefined && (typeof c.paneUrl !== 'string' || !/^https:\/\/[^/\s]+\/\S*$/.test(c.paneUrl))) fail('paneUrl must be an https URL, such as https://justera.example.org/pane.html');
  return {
    graphBaseUrl: c.graphBaseUrl.replace(/\/+$/, ''),
    tokenProvider: c.tokenProvider,
    hostOrigins: origins as string[],
    clientId: c.clientId,
    authority: typeof c.authority === 'string' ? c.authority : undefined,
    officeJsUrl: typeof c.officeJsUrl === 'string' ? c.officeJsUrl : undefined,
    msAjaxUrl: typeof c.msAjaxUrl === 'string' ? c.msAjaxUrl : undefined,
    browserSignIn,
    paneUrl: typeof c.paneUrl === 'string' ? c.paneUrl : undefined,
  };
}

export async function loadConfig(url = 'config.json'): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (e) {
    throw new Problem('config', `config.json could not be loaded`, { cause: e });
  }
  if (!response.ok) throw new Problem('config', `config.json answered ${response.status}`, { status: response.status });
  return parseConfig(await response.json().catch(() => fail('not JSON')));
}
