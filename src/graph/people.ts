// Finding people in the directory by what someone types (an owner picker for actions): /users with
// $search, which Graph allows on directory objects only as an advanced query (ConsistencyLevel:
// eventual). displayName is matched by the start of its words in any order; mail and
// userPrincipalName by their start (search-query-parameter, "Use $search on directory object collections").

import type { GraphCall } from './graph';
import { page, query } from './read';
import { toUser, USER_SELECT, type DirectoryUser } from './users';

/** Longer input only makes a longer URL: no name needs more. */
const MAX_TEXT = 100;

/**
 * One $search clause: "property:text" in double quotes, a quote or backslash in the text escaped
 * with a backslash (the rest is URL-encoded once, by query()).
 */
export function searchClause(property: string, text: string): string {
  return `"${property}:${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * People whose name, mail or user principal name starts (word by word, for names) with the text;
 * accounts that cannot sign in (rooms, disabled users) are left out. Call it with visible text only:
 * an empty clause matches everyone on mail.
 */
export const searchPeople = (text: string, top = 10): GraphCall<DirectoryUser[]> => {
  const t = text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  return {
    path: `/users${query({
      $search: ['displayName', 'mail', 'userPrincipalName'].map((p) => searchClause(p, t)).join(' OR '),
      $filter: 'accountEnabled eq true',
      $select: USER_SELECT,
      $top: top,
    })}`,
    headers: { ConsistencyLevel: 'eventual' },
    parse: (body) => page(body, 'users', (v, i) => toUser(v, `users[${i}]`)).items,
  };
};
