// The HTTP headers of Justera's pages, wherever they are served from: the demo server sends them on
// every file of the app port, and production static hosting sends the same values (README, "Hosting
// headers"; `npx tsx scripts/hosting.ts <config.json>` prints them for a configuration).
//
// What the CSP allows, and why (each found by reading the package or running the tab under it):
// - script-src 'self' only, no 'unsafe-eval': the bundle is our own files, webpack loads its lazy
//   chunks as <script src> from the same folder, and neither webpack's runtime nor teams-js nor
//   msal-browser evaluates strings (the one `new Function("return this")` in webpack's runtime is
//   reached only where `globalThis` is missing, which no supported browser lacks). A development
//   build must not use an eval devtool for the same reason (webpack.config.js).
// - style-src 'unsafe-inline': Fluent UI v9's Griffel inserts <style> rules at run time and no nonce
//   is wired through; tab.html has a style attribute.
// - connect-src: config.json ('self'), Graph (the configured base URL's origin), the valid-domains
//   list teams-js fetches at load (TEAMS_JS_VALID_DOMAINS_URL, from
//   node_modules/@microsoft/teams-js/dist/esm/packages/teams-js/src/internal/constants.js; offline or
//   blocked it falls back to its built-in list, but the request would be a CSP violation), and with
//   Nested App Authentication the sign-in authority: msal-browser (5.29, msal-common's Authority and
//   Constants) talks only to the authority's host (OpenID metadata, instance discovery, token
//   endpoint) and, where NAA is missing and it falls back to the standard client, opens a hidden
//   iframe there for silent sign-in, which comes back to our own page (frame-src 'self' + authority).
//   Under NAA itself tokens come through the host's bridge (postMessage), with no request at all.
// - script-src of the Outlook pane (pane.html) only: office.js's origin when officeJsUrl is absolute
//   (Microsoft's CDN in production), and Microsoft's ajax CDN, from which office.js's Outlook part
//   loads MicrosoftAjax.js (outlook-web-16.01.js, MicrosoftAjaxFactory.loadMsAjaxFull) unless
//   config.json names a msAjaxUrl to load first. The tab's pages never allow either.
// - frame-ancestors: who may frame the tab. Production: Microsoft's Teams, Microsoft 365 and Outlook
//   hosts (MICROSOFT_HOST_ORIGINS); the demo: the host simulator's origin only.

/** teams-js 2.58 fetches this at load (constants.js, `validOriginsCdnEndpoint`, 1.5 s abort). */
export const TEAMS_JS_VALID_DOMAINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

/** Where file downloads go: the tenant's SharePoint (the pre-authenticated @microsoft.graph.downloadUrl). */
export const SHAREPOINT_DOWNLOADS = 'https://*.sharepoint.com';

/** Where office.js's Outlook part loads MicrosoftAjax.js from when it is not loaded already. */
export const MICROSOFT_AJAX_CDN = 'https://ajax.aspnetcdn.com';

/** msal's default, and what config.json names for NAA (README). */
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/organizations';

/**
 * The origins that may frame Justera's pages in production: the frame-ancestors Microsoft lists for
 * Teams apps in Teams, the Microsoft 365 app and Outlook ("Prerequisites" of Teams tabs,
 * learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements, its include
 * msteams-docs/msteams-platform/includes/tabs/content-security-policy-headers.md, 2026), checked
 * against teams-js 2.58's own list of hosts it accepts messages from
 * (node_modules/@microsoft/teams-js/dist/esm/packages/teams-js/src/artifactsForCDN/validDomains.json.js:
 * teams.microsoft.com, outlook.office.com, outlook.office365.com, *.cloud.microsoft, www.office.com,
 * *.www.microsoft365.com, ...). Left out on purpose: copilot.microsoft.com (Justera declares no
 * Copilot surface) and outlook.live.com (consumer Outlook.com mailboxes, where Nested App
 * Authentication is not available and Justera's work data is not). Sovereign clouds
 * (teams.microsoft.us, ...) need their own hosts added here.
 */
export const MICROSOFT_HOST_ORIGINS: readonly string[] = [
  // Teams, on its old and new domains (*.cloud.microsoft covers teams.cloud.microsoft; named for the reader).
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  // All Microsoft 365 hosts are moving here (Outlook: outlook.cloud.microsoft; the Microsoft 365 app: m365.cloud.microsoft).
  'https://*.cloud.microsoft',
  // The Microsoft 365 app and Outlook on the web.
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

export interface HostingOptions {
  /** config.json's graphBaseUrl: connect-src gets its origin. */
  graphBaseUrl: string;
  /** config.json's tokenProvider: "naa" adds the sign-in authority (connect-src, frame-src); "host" needs nothing. */
  signIn: 'naa' | 'host';
  /** config.json's authority, for "naa" (default DEFAULT_AUTHORITY). */
  authority?: string;
  /** Origins that may frame the pages: MICROSOFT_HOST_ORIGINS in production, none in the demo. */
  frameAncestors: readonly string[];
  /** config.json's hostOrigins (the host simulator's in the demo): these may frame the pages too. */
  hostOrigins?: readonly string[];
  /** More origins scripts may come from (the Outlook pane's office.js; see paneScriptOrigins). */
  scriptOrigins?: readonly string[];
  /** More origins the pages may connect to, e.g. the tenant's SharePoint if file content is ever downloaded through Graph's redirect. */
  connectOrigins?: readonly string[];
}

// An origin with scheme and host (a leading "*." allowed), an optional port, no path: anything else
// could widen or break the policy (a quote, a semicolon, a space).
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

function origin(value: string, what: string): string {
  if (ORIGIN.test(value)) return value.toLowerCase();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what}: ${JSON.stringify(value)} is not a URL`);
  }
  if (!ORIGIN.test(url.origin)) throw new Error(`${what}: ${JSON.stringify(value)} has no http(s) origin`);
  return url.origin;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The Content-Security-Policy of the app's pages, one directive per entry. */
export function contentSecurityPolicy(options: HostingOptions): string {
  const graph = origin(options.graphBaseUrl, 'graphBaseUrl');
  const signIn = options.signIn === 'naa' ? [origin(options.authority ?? DEFAULT_AUTHORITY, 'authority')] : [];
  const extra = (options.connectOrigins ?? []).map((o) => origin(o, 'connectOrigins'));
  const scripts = (options.scriptOrigins ?? []).map((o) => origin(o, 'scriptOrigins'));
  const ancestors = unique([
    ...options.frameAncestors.map((o) => origin(o, 'frameAncestors')),
    ...(options.hostOrigins ?? []).map((o) => origin(o, 'hostOrigins')),
  ]);
  const directives: [string, string[]][] = [
    // Anything not named below (workers, media, manifests, ...) is not used, so not allowed.
    ['default-src', ["'none'"]],
    ['script-src', unique(["'self'", ...scripts])],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['connect-src', unique(["'self'", graph, TEAMS_JS_VALID_DOMAINS_URL, ...signIn, ...extra])],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'", 'data:']],
    ['frame-src', signIn.length ? ["'self'", ...signIn] : ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ancestors.length ? ancestors : ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/**
 * Every header the app's pages (tab.html, config.json, the scripts) are served with.
 *
 * No X-Frame-Options: it cannot name the Teams and Outlook origins (ALLOW-FROM was never supported
 * by Chromium and is gone from Firefox), so the only values it has, DENY and SAMEORIGIN, would stop
 * Teams itself from framing the tab; frame-ancestors is the allow-list, and browsers that know it
 * ignore X-Frame-Options anyway.
 */
export function securityHeaders(options: HostingOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    // Nothing Justera talks to needs to know which page asked (CORS sends Origin regardless).
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * The script origins the Outlook pane needs besides its own: office.js's when it is not on Justera's
 * own site, and Microsoft's ajax CDN unless a MicrosoftAjax is configured to load first.
 */
export function paneScriptOrigins(config: { officeJsUrl?: string; msAjaxUrl?: string }): string[] {
  const absolute = [config.officeJsUrl, config.msAjaxUrl].filter((u): u is string => typeof u === 'string' && /^https:\/\//.test(u));
  return unique([...absolute.map((u) => origin(u, 'officeJsUrl')), ...(config.msAjaxUrl ? [] : [MICROSOFT_AJAX_CDN])]);
}

type ProductionConfig = { graphBaseUrl: string; tokenProvider: 'naa' | 'host'; authority?: string; hostOrigins?: readonly string[]; officeJsUrl?: string; msAjaxUrl?: string };

/**
 * The headers for a config.json as production serves it: framed by Microsoft's hosts and its
 * hostOrigins. `page` "pane" is the Outlook pane (pane.html), which alone may load office.js.
 */
export function securityHeadersForConfig(config: ProductionConfig, page: 'tab' | 'pane' = 'tab'): Record<string, string> {
  return securityHeaders({
    scriptOrigins: page === 'pane' ? paneScriptOrigins(config) : [],
    graphBaseUrl: config.graphBaseUrl,
    signIn: config.tokenProvider,
    authority: config.authority,
    hostOrigins: config.hostOrigins,
    frameAncestors: MICROSOFT_HOST_ORIGINS,
    // The minutes files' bytes come from SharePoint's pre-authenticated download URL (files.ts).
    connectOrigins: [SHAREPOINT_DOWNLOADS],
  });
}

// `npx tsx scripts/hosting.ts path/to/config.json`: the headers to configure on the static host.
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npx tsx scripts/hosting.ts <config.json>   (prints the headers to serve the app with)');
    process.exit(2);
  }
  const { readFile } = await import('node:fs/promises');
  const config = JSON.parse(await readFile(file, 'utf8'));
  for (const page of ['tab', 'pane'] as const) {
    console.log(page === 'tab' ? '# Every file except pane.html:' : '\n# pane.html (the Outlook pane, which loads office.js):');
    for (const [name, value] of Object.entries(securityHeadersForConfig(config, page))) console.log(`${name}: ${value}`);
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
