// The members of a team (team-list-members): who may read and write the channel's files, and whom
// the group's settings can name. Owners carry the role "owner", guests (B2B) "guest".

import type { GraphCall, Page } from './graph';
import { list, obj, optStr, str } from './read';

export interface TeamMember {
  /** The directory (Entra ID) object id. */
  userId: string;
  displayName: string;
  email?: string;
  /** "owner", "guest", or none for an ordinary member. */
  roles: string[];
}

function member(value: unknown, what: string): TeamMember | undefined {
  const m = obj(value, what);
  // Only directory users have a userId (aadUserConversationMember); anything else is not a person we can name.
  const userId = optStr(m.userId);
  if (!userId) return undefined;
  return {
    userId,
    displayName: optStr(m.displayName) ?? optStr(m.email) ?? userId,
    email: optStr(m.email),
    roles: (m.roles === undefined || m.roles === null ? [] : list(m.roles, `${what}.roles`)).map((r, i) => str(r, `${what}.roles[${i}]`).toLowerCase()),
  };
}

/** A page of the team's members: run with graph.all(). */
export const teamMembers = (teamId: string): GraphCall<Page<TeamMember>> => ({
  path: `/teams/${encodeURIComponent(teamId)}/members`,
  parse: (body) => {
    const o = obj(body, 'members');
    const items = list(o.value, 'members.value').flatMap((v, i) => {
      const m = member(v, `members[${i}]`);
      return m ? [m] : [];
    });
    return { items, nextLink: optStr(o['@odata.nextLink']) };
  },
});
