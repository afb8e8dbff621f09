// The headers the app's pages are served with: what the demo sends and what production is told to send.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, MICROSOFT_AJAX_CDN, MICROSOFT_HOST_ORIGINS, securityHeaders, securityHeadersForConfig, TEAMS_JS_VALID_DOMAINS_URL } from './hosting';

/** The policy as a map of directive -> sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const demo = { graphBaseUrl: 'http://127.0.0.1:4101/v1.0', signIn: 'host', hostOrigins: ['http://127.0.0.1:4102'], frameAncestors: [] } as const;
const production = {
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  tokenProvider: 'naa',
  authority: 'https://login.microsoftonline.com/organizations',
  hostOrigins: [],
} as const;

describe('security headers of the demo', () => {
  const csp = directives(contentSecurityPolicy(demo));

  test('only the host simulator may frame the tab', () => {
    expect(csp.get('frame-ancestors')).toEqual(['http://127.0.0.1:4102']);
  });

  test('scripts come only from the app itself, never from strings', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy(demo)).not.toMatch(/unsafe-eval/);
  });

  test('connections go to the app, the emulated Graph and the list teams-js fetches, and no sign-in host', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:4101', TEAMS_JS_VALID_DOMAINS_URL]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
  });

  test('no plugins, no base URL, no forms, and nothing unnamed', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
  });

  test("Fluent's run-time styles, and images and fonts from the app or data URLs", () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
  });

  test('nosniff and no referrer, and no X-Frame-Options to fight frame-ancestors', () => {
    const headers = securityHeaders(demo);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(Object.keys(headers).map((h) => h.toLowerCase())).not.toContain('x-frame-options');
  });
});

describe('security headers in production', () => {
  const csp = directives(securityHeadersForConfig(production)['Content-Security-Policy']!);

  test("Teams, the Microsoft 365 app and Outlook may frame the tab, and nobody else", () => {
    expect(csp.get('frame-ancestors')).toEqual([...MICROSOFT_HOST_ORIGINS]);
    expect(csp.get('frame-ancestors')).toEqual(
      expect.arrayContaining(['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://outlook.office.com', 'https://outlook.office365.com']),
    );
    expect(csp.get('frame-ancestors')!.every((o) => o.startsWith('https://'))).toBe(true);
  });

  test('Nested App Authentication may reach the sign-in authority, and frame it for its silent fallback; files come from SharePoint', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://graph.microsoft.com', TEAMS_JS_VALID_DOMAINS_URL, 'https://login.microsoftonline.com', 'https://*.sharepoint.com']);
    expect(csp.get('frame-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
  });

  test("the README's production headers are the ones the function gives for the README's config.json", () => {
    const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Putting Justera into a real tenant'));
    const config = JSON.parse(section.match(/```json\n([\s\S]*?)```/)![1]!);
    const documented = section.match(/```http\n([\s\S]*?)```/)![1]!.trim();
    const expected = Object.entries(securityHeadersForConfig(config)).map(([name, value]) => `${name}: ${value}`).join('\n');
    expect(documented).toBe(expected);
  });

  test('extra host origins in config.json may frame the tab too', () => {
    const withExtra = directives(securityHeadersForConfig({ ...production, hostOrigins: ['https://teams.example.org'] })['Content-Security-Policy']!);
    expect(withExtra.get('frame-ancestors')).toEqual([...MICROSOFT_HOST_ORIGINS, 'https://teams.example.org']);
  });
});

describe("the Outlook pane's scripts", () => {
  const officeCdn = { ...production, officeJsUrl: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' };
  const scripts = (config: Parameters<typeof securityHeadersForConfig>[0], page: 'tab' | 'pane') =>
    directives(securityHeadersForConfig(config, page)['Content-Security-Policy']!).get('script-src');

  test("in production the pane may load office.js from Microsoft's CDN and the MicrosoftAjax office.js fetches; the tab may not", () => {
    expect(scripts(officeCdn, 'pane')).toEqual(["'self'", 'https://appsforoffice.microsoft.com', MICROSOFT_AJAX_CDN]);
    expect(scripts(officeCdn, 'tab')).toEqual(["'self'"]);
  });

  test('with office.js and a MicrosoftAjax stand-in on its own site (the demo, closed networks) the pane needs no other origin', () => {
    expect(scripts({ ...production, officeJsUrl: '/office/office.js', msAjaxUrl: '/office-standin/MicrosoftAjax.js' }, 'pane')).toEqual(["'self'"]);
  });
});

describe('what the policy refuses to be built from', () => {
  test.each([
    ["a quote", "https://evil.example 'unsafe-inline'"],
    ['a semicolon', 'https://a.example; script-src *'],
    ['a bare word', 'teams'],
  ])('%s in an origin', (_what, bad) => {
    expect(() => contentSecurityPolicy({ ...demo, hostOrigins: [bad] })).toThrow(/hostOrigins/);
  });

  test('nobody may frame the pages when no origin is named', () => {
    expect(directives(contentSecurityPolicy({ ...demo, hostOrigins: [] })).get('frame-ancestors')).toEqual(["'none'"]);
  });
});
