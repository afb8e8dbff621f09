// Users in the directory: the signed-in user, and invitees looked up by e-mail or id to learn their
// directory id and organisation (companyName, else department).

import type { Person } from '../domain/people';
import type { GraphCall } from './graph';
import { obj, optStr, page, query, odataString, str } from './read';

const USER_SELECT = 'id,displayName,mail,userPrincipalName,companyName,department';
/** Graph limits an `in` filter to 15 values by default (filter-query-parameter, known limits). */
export const IN_FILTER_LIMIT = 15;

export interface DirectoryUser extends Person {
  directoryId: string;
  userPrincipalName?: string;
}

function toUser(value: unknown, what = 'user'): DirectoryUser {
  const u = obj(value, what);
  return {
    directoryId: str(u.id, `${what}.id`),
    displayName: optStr(u.displayName) ?? optStr(u.mail) ?? str(u.id, `${what}.id`),
    email: optStr(u.mail) ?? optStr(u.userPrincipalName),
    userPrincipalName: optStr(u.userPrincipalName),
    organisation: optStr(u.companyName) ?? optStr(u.department),
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

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function usersWhere(property: 'mail' | 'id', values: readonly string[]): GraphCall<DirectoryUser[]>[] {
  const unique = [...new Set(values)];
  return chunks(unique, IN_FILTER_LIMIT).map((chunk) => ({
    path: `/users${query({
      $filter: `${property} in (${chunk.map(odataString).join(',')})`,
      $select: USER_SELECT,
      $top: IN_FILTER_LIMIT,
    })}`,
    parse: (body) => page(body, 'users', (v, i) => toUser(v, `users[${i}]`)).items,
  }));
}

/** Directory look-ups for many e-mail addresses: one request per 15, to be sent in a batch. */
export const usersByEmail = (emails: readonly string[]) => usersWhere('mail', emails.map((e) => e.toLowerCase()));

/** Directory look-ups for many object ids: one request per 15. */
export const usersById = (ids: readonly string[]) => usersWhere('id', ids);
