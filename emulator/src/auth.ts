/**
 * Tokens: unsigned JWTs (alg "none") naming a directory user. The emulator checks format,
 * audience, tenant, lifetime and that the user exists; it does not check signatures or scopes.
 */

import { GraphError } from './errors';
import { findUser, type DirUser, type State } from './state';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** Delegated scopes written into tokens (informational: the emulator does not enforce them). */
const SCOPES = [
  'Calendars.Read',
  'Channel.ReadBasic.All',
  'Chat.ReadBasic',
  'OnlineMeetingArtifact.Read.All',
  'OnlineMeetings.Read',
  'Team.ReadBasic.All',
  'User.Read',
  'User.ReadBasic.All',
].join(' ');

export interface TokenPayload {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  oid: string;
  tid: string;
  upn: string;
  unique_name: string;
  name: string;
  scp: string;
  ver: string;
}

const b64url = (s: string): string => Buffer.from(s).toString('base64url');

export function issueToken(state: State, user: DirUser, nowMs: number, expiresInSeconds: number): string {
  const iat = Math.floor(nowMs / 1000);
  const payload: TokenPayload = {
    aud: GRAPH_AUDIENCE,
    iss: `https://sts.windows.net/${state.tenant.id}/`,
    iat,
    nbf: Math.min(iat, iat + expiresInSeconds),
    exp: iat + expiresInSeconds,
    oid: user.id,
    tid: state.tenant.id,
    upn: user.userPrincipalName,
    unique_name: user.userPrincipalName,
    name: user.displayName,
    scp: SCOPES,
    ver: '1.0',
  };
  return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.`;
}

/** A user who can sign in (not a room), by id, UPN or mail. */
export function userForToken(state: State, ref: string): DirUser | undefined {
  const u = findUser(state, ref);
  return u && !u.isRoom ? u : undefined;
}

const WWW_AUTHENTICATE = {
  'WWW-Authenticate':
    'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
};

const unauthorized = (message: string): GraphError => new GraphError(401, 'InvalidAuthenticationToken', message, WWW_AUTHENTICATE);

function decodePayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[0] || !parts[1]) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The user an Authorization header signs in, or a 401 GraphError. */
export function authenticate(state: State, authorization: string | undefined, nowMs: number): DirUser {
  if (!authorization || authorization.trim() === '') throw unauthorized('Access token is empty.');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m?.[1]) throw unauthorized('Access token is empty.');
  const payload = decodePayload(m[1]);
  if (!payload) throw unauthorized('IDX14100: JWT is not well formed, there are no dots (.) or the token could not be decoded.');
  if (payload.aud !== GRAPH_AUDIENCE && payload.aud !== '00000003-0000-0000-c000-000000000000') {
    throw unauthorized('Access token validation failure. Invalid audience.');
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= nowMs) throw unauthorized('Lifetime validation failed, the token is expired.');
  if (typeof payload.nbf === 'number' && payload.nbf * 1000 > nowMs + 300_000) throw unauthorized('Lifetime validation failed, the token is not yet valid.');
  if (payload.tid !== state.tenant.id) throw unauthorized('Access token validation failure. Invalid issuer or tenant.');
  const oid = typeof payload.oid === 'string' ? payload.oid : undefined;
  const user = oid ? findUser(state, oid) : undefined;
  if (!user || user.isRoom) throw unauthorized('Access token validation failure. The user in the token is not in this tenant.');
  return user;
}
