/** Shared helpers while resolving a scenario: the problem list, time expressions, user lookup. */

import { DateExprError, resolveDate, resolveInstant } from './dates';
import type { DirUser } from '../state';
import type { LocalDate } from '../timezones';

export class ResolveContext {
  readonly problems: string[] = [];
  readonly userIndex = new Map<string, DirUser>();

  constructor(
    readonly now: number,
    readonly timeZone: string,
  ) {}

  problem(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  instant(expr: string, path: string, tz = this.timeZone): number | undefined {
    try {
      return resolveInstant(expr, this.now, tz);
    } catch (e) {
      if (e instanceof DateExprError) {
        this.problem(path, e.message);
        return undefined;
      }
      throw e;
    }
  }

  date(expr: string, path: string, tz = this.timeZone): LocalDate | undefined {
    try {
      return resolveDate(expr, this.now, tz);
    } catch (e) {
      if (e instanceof DateExprError) {
        this.problem(path, e.message);
        return undefined;
      }
      throw e;
    }
  }

  user(ref: string, path: string, opts: { room?: boolean } = {}): DirUser | undefined {
    const u = this.userIndex.get(ref.toLowerCase());
    if (!u) {
      this.problem(path, `"${ref}" is not a user or room of the scenario (give an id, userPrincipalName or mail)`);
      return undefined;
    }
    if (opts.room !== undefined && u.isRoom !== opts.room) {
      this.problem(path, `"${ref}" is ${u.isRoom ? 'a room' : 'a person'}; expected ${opts.room ? 'a room' : 'a person'}`);
      return undefined;
    }
    return u;
  }
}
