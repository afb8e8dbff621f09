// Users in the directory: the signed-in user, and invitees looked up by e-mail or id to learn their
// directory id and organisation (companyName, else department). The three organisation fields are kept
// as the directory has them too, for the group's roster (which falls back to officeLocation).

import { normaliseEmail, type Person } from '../domain/people';
import type { GraphCall } from './graph';
import { obj, optStr, page, query, odataString, str } from './read';

/** The user properties the port reads (toUser). */
export const USER_SELECT = 'id,displayName,mail,userPrincipalName,companyName,department,officeLocation';
/** Graph allows 15 OR clauses in a filter, and counts each value of an `in` as one (filter-query-parameter, known limits). */
export const IN_FILTER_LIMIT = 15;

export interface DirectoryUser extends Person {
  directoryId: string;
  userPrincipalName?: string;
  /** The directory's own fields, as it has them (organisation above is companyName, else department). */
  companyName?: string;
  department?: string;
  officeLocation?: string;
}

/** A directory user as Graph answers with USER_SELECT selected, mapped once. */
export function toUser(value: unknown, what = 'user'): DirectoryUser {
  const u = obj(value, what);
  return {
    directoryId: str(u.id, `${what}.id`),
    displayName: optStr(u.displayName) ?? optStr(u.mail) ?? str(u.id, `${what}.id`),
    email: optStr(u.mail) ?? optStr(u.userPrincipalName),
    userPrincipalName: optStr(u.userPrincipalName),
    organisation: optStr(u.companyName) ?? optStr(u.department),
    companyName: optStr(u.companyName),
    department: optStr(u.department),
    officeLocation: optStr(u.officeLocation),
  };
}

export const me = (): GraphCall<DirectoryUser> => ({
  path: `/me${query({ $select: USER_SELECT })}`,
  parse: (body) => toUser(body, 'me'),
});

/** One user by id, UPN or e-mail (the one-at-a-time way, used by the naive baseline). */
export const user = (idOrUpn: string): GraphCall<DirectoryUser> => ({
  path: `/users/${encodeURIComponent(idOrUpn)}${query({ $select: USER_SELECT })}`,
  parse: (body) => toUser(body),
});

/**
 * Whether a user is a member of the organisation or a guest (userType); undefined when the directory
 * no longer has them (404: someone who has left).
 */
export const userType = (id: string): GraphCall<'Member' | 'Guest' | undefined> => ({
  path: `/users/${encodeURIComponent(id)}${query({ $select: 'id,userType' })}`,
  parse: (body) => {
    const t = (body as { userType?: unknown } | undefined)?.userType;
    return t === 'Guest' ? 'Guest' : 'Member';
  },
  notFound: () => undefined,
});

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Users whose properties match any of the values. Graph counts each value of an `in` as one clause
 * of an OR and allows 15 in all, so values go 15 per request on one property, 7 on two.
 */
function usersWhere(properties: readonly ('mail' | 'userPrincipalName' | 'id')[], values: readonly string[]): GraphCall<DirectoryUser[]>[] {
  const unique = [...new Set(values)];
  return chunks(unique, Math.floor(IN_FILTER_LIMIT / properties.length)).map((chunk) => {
    const list = chunk.map(odataString).join(',');
    return {
      path: `/users${query({
        $filter: properties.map((p) => `${p} in (${list})`).join(' or '),
        $select: USER_SELECT,
        // Each value may match once per property (one user's mail, another's UPN).
        $top: chunk.length * properties.length,
      })}`,
      parse: (body) => page(body, 'users', (v, i) => toUser(v, `users[${i}]`)).items,
    };
  });
}

/**
 * Directory look-ups for many e-mail addresses: one request per 15, to be sent in a batch. An
 * address is matched against `mail` and the user principal name, since a user without a mailbox
 * address is invited by their UPN.
 */
export const usersByEmail = (emails: readonly string[]) => usersWhere(['mail', 'userPrincipalName'], emails.map((e) => e.toLowerCase()));

/** The addresses a directory user can be invited by: mail and user principal name, normalised. */
export function addressesOf(user: DirectoryUser): string[] {
  return [...new Set([user.email, user.userPrincipalName].map(normaliseEmail).filter((a): a is string => !!a))];
}

/** Directory look-ups for many object ids: one request per 15. */
export const usersById = (ids: readonly string[]) => usersWhere(['id'], ids);
