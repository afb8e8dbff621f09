/** Helpers shared by the route modules. */

import { accessDenied, GraphError } from '../errors';
import type { HandlerContext } from '../router';
import { findUser, type DirUser } from '../state';

/** The mailbox a /me/... or /users/{userId}/... route addresses: only the caller's own. */
export function ownMailbox(ctx: HandlerContext): DirUser {
  const ref = ctx.params.userId;
  if (ref === undefined) return ctx.req.caller;
  const u = findUser(ctx.state, ref);
  if (!u) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${ref}' is invalid.`);
  if (u.id !== ctx.req.caller.id) throw accessDenied();
  return u;
}

/** "users('<id>')" as used in @odata.context. */
export function userContext(u: DirUser): string {
  return `users('${u.id}')`;
}
