/**
 * The emulator's sign-in page, for the pane's page opened in a browser (the approval mail's link on a
 * Mac or a phone), where no Teams or Outlook host hands out a token. It stands in for Entra ID's
 * authorize endpoint in OAuth's implicit flow (RFC 6749 4.2):
 *
 *   GET /_emulator/authorize?redirect_uri=<page>&state=<opaque>   a page listing the scenario's people
 *   GET /_emulator/authorize/grant?redirect_uri&state&user=<id|upn|mail>
 *       -> 302 <page>#access_token=<token>&token_type=Bearer&expires_in=3600&state=<state>
 *   GET /_emulator/authorize/grant?redirect_uri&state&error=access_denied   (the page's "Avbryt")
 *       -> 302 <page>#error=access_denied&error_description=...&state=<state>
 *
 * As in OAuth, a redirect_uri that is not absolute http(s), carries a fragment, or is not on an
 * allowed origin is never redirected to (the page says so, 400): only loopback origins (localhost,
 * 127.0.0.1, [::1], any port, as RFC 8252 7.3 allows for local apps) unless the emulator was started
 * with `signInRedirectOrigins`. The state is handed back untouched; the page that asked checks it.
 */

import { issueToken, userForToken } from './auth';
import type { DirUser, State } from './state';

export const AUTHORIZE_PATH = '/_emulator/authorize';
export const GRANT_PATH = '/_emulator/authorize/grant';
const TOKEN_LIFETIME_SECONDS = 3600;

export interface SignInResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The redirect URI when it may be redirected to; otherwise why not. */
export function checkRedirectUri(raw: string | null, allowedOrigins: readonly string[] | undefined): { ok: true; url: URL } | { ok: false; reason: string } {
  if (!raw) return { ok: false, reason: 'redirect_uri is missing.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'redirect_uri is not an absolute URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'redirect_uri must be http or https.' };
  if (url.hash || raw.includes('#')) return { ok: false, reason: 'redirect_uri must not have a fragment.' };
  const allowed = allowedOrigins ? allowedOrigins.includes(url.origin) : LOOPBACK_HOSTS.has(url.hostname);
  if (!allowed) return { ok: false, reason: `redirect_uri's origin ${url.origin} is not allowed to receive tokens.` };
  return { ok: true, url };
}

function page(status: number, title: string, content: string, returnsTo?: URL): SignInResult {
  const html = `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}button{display:block;width:100%;margin:.4rem 0;padding:.6rem;font-size:1rem;text-align:left}
.error{color:#a4262c}fieldset{border:1px solid #ccc;margin:1rem 0}small{color:#555}</style></head>
<body>${content}</body></html>`;
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // Only this page's own inline style; it runs no script and may not be framed (clickjacking a
      // sign-in). form-action covers the grant's redirect too (browsers check redirects of a form's
      // submission), so it names the page the token goes back to.
      'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'${returnsTo ? ` ${returnsTo.origin}` : ''}; frame-ancestors 'none'; base-uri 'none'`,
      'X-Content-Type-Options': 'nosniff',
    },
    body: html,
  };
}

/** The scenario's personas first (secretary, chair, member), then everyone else who can sign in. */
function people(state: State): { user: DirUser; role?: string }[] {
  const personas = [...state.personas.entries()].filter(([, u]) => !u.isRoom);
  const seen = new Set(personas.map(([, u]) => u.id));
  const others = state.users.filter((u) => !u.isRoom && !seen.has(u.id)).sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
  return [...personas.map(([role, user]) => ({ user, role })), ...others.map((user) => ({ user }))];
}

function signInPage(state: State, redirectUri: URL, stateParam: string, error?: string): SignInResult {
  const hidden = `<input type="hidden" name="redirect_uri" value="${escapeHtml(redirectUri.href)}"><input type="hidden" name="state" value="${escapeHtml(stateParam)}">`;
  const button = ({ user, role }: { user: DirUser; role?: string }) =>
    `<button type="submit" name="user" value="${escapeHtml(user.id)}">${escapeHtml(user.displayName)}${role ? ` <small>(${escapeHtml(role)})</small>` : ''}<br><small>${escapeHtml(user.userPrincipalName)}</small></button>`;
  const list = people(state);
  return page(
    error ? 400 : 200,
    'Logga in – Graph-emulatorn',
    `<h1>Logga in</h1>
<p>Graph-emulatorn står för Microsoft 365 i demon och testerna. Välj vem du loggar in som i ${escapeHtml(state.tenant.displayName)}.</p>
<p><small>Sidan som bad om inloggningen: ${escapeHtml(redirectUri.origin)}</small></p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="get" action="${GRANT_PATH}">${hidden}
<fieldset><legend>Personer</legend>${list.slice(0, 12).map(button).join('\n')}</fieldset>
<label>Annan användare (UPN eller e-post) <input name="login" autocomplete="off"></label>
<button type="submit">Logga in som den användaren</button>
<button type="submit" name="error" value="access_denied">Avbryt</button>
</form>`,
    redirectUri,
  );
}

function refused(reason: string): SignInResult {
  return page(400, 'Inloggningen nekas', `<h1>Inloggningen nekas</h1><p class="error" role="alert">${escapeHtml(reason)}</p>`);
}

function redirect(to: URL, fragment: Record<string, string>): SignInResult {
  const target = new URL(to.href);
  target.hash = new URLSearchParams(fragment).toString();
  return { status: 302, headers: { Location: target.href, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }, body: '' };
}

/** Answers GET /_emulator/authorize and /_emulator/authorize/grant; undefined for any other path. */
export function handleSignIn(state: State, nowMs: number, path: string, query: URLSearchParams, allowedOrigins: readonly string[] | undefined): SignInResult | undefined {
  const p = path.replace(/\/+$/, '');
  if (p !== AUTHORIZE_PATH && p !== GRANT_PATH) return undefined;
  const checked = checkRedirectUri(query.get('redirect_uri'), allowedOrigins);
  if (!checked.ok) return refused(checked.reason);
  const stateParam = query.get('state') ?? '';
  if (p === AUTHORIZE_PATH) return signInPage(state, checked.url, stateParam);

  const back = (fragment: Record<string, string>) => redirect(checked.url, { ...fragment, ...(stateParam ? { state: stateParam } : {}) });
  if (query.get('error') === 'access_denied') return back({ error: 'access_denied', error_description: 'The user cancelled the sign-in.' });
  const ref = (query.get('user') || query.get('login') || '').trim();
  const user = ref ? userForToken(state, ref) : undefined;
  if (!user) return signInPage(state, checked.url, stateParam, ref ? `Ingen användare "${ref}" som kan logga in finns i scenariot.` : 'Välj en person.');
  return back({ access_token: issueToken(state, user, nowMs, TOKEN_LIFETIME_SECONDS), token_type: 'Bearer', expires_in: String(TOKEN_LIFETIME_SECONDS) });
}
