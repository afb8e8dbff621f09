// Two copies of the same minutes, changed apart (two people editing, or this device offline while
// someone else saved), merged against their common base, section by section (DESIGN.md, "Saving"):
// a 412 on save brings the server's copy, and this decides what is written back.
//
// The rules, in order, for every value:
//   - both sides agree, or only one side changed it: that side's value;
//   - lists of things with ids (agenda items, notes, decisions, actions, follow-ups, marks) are
//     merged per id: an addition on either side stays (in the place it was added), a deletion on
//     one side stands only where the other side left that thing unchanged (an edit beats a delete:
//     no one loses words), and things on both sides are merged the same way, field by field;
//   - objects are merged per field;
//   - a field both sides changed differently keeps our value in place and both values in
//     `conflicts`, for the secretary to settle: never silently dropped.
// `updatedAt` takes the later of the two; `conflicts` the union, less those one side settled (in the
// base, gone on that side): otherwise a conflict settled by one person comes back from the other's
// copy the next time the two meet. The organiser's copy of the
// attendance (attendance.organiserCopy) is one object by one writer: the newer fetch wins whole
// (organiserCopy.ts), never a mix of two lists field by field with conflicts for the secretary.
// Sign-off rounds (signOff.rounds) are facts of what was sent: both sides' rounds are kept, each
// once (by version and time sent), in the order they were sent.

import type { Conflict, Minutes } from './minutes';
import { newerOrganiserCopy } from './organiserCopy';
import type { SignOffRound } from './signOff';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The identity of an element of a list, when the list is one of things with ids. */
function keyOf(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  if (typeof v.id === 'string') return `id:${v.id}`;
  if (typeof v.key === 'string') return `key:${v.key}`;
  return undefined;
}

function isKeyedList(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.every((x) => keyOf(x) !== undefined);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? '';
}

class Merger {
  readonly conflicts: Conflict[] = [];

  value(base: unknown, ours: unknown, theirs: unknown, path: string): unknown {
    if (deepEqual(ours, theirs)) return ours;
    if (deepEqual(base, ours)) return theirs;
    if (deepEqual(base, theirs)) return ours;
    if (isKeyedList(ours) && isKeyedList(theirs) && (base === undefined || isKeyedList(base))) {
      return this.list(base ?? [], ours, theirs, path);
    }
    if (isObject(ours) && isObject(theirs)) return this.object(isObject(base) ? base : {}, ours, theirs, path);
    if (ours === undefined) return theirs; // removed here, changed there: the change stays
    if (theirs === undefined) return ours;
    this.conflicts.push({ path, base: base === undefined ? undefined : text(base), ours: text(ours), theirs: text(theirs) });
    return ours;
  }

  object(base: Record<string, unknown>, ours: Record<string, unknown>, theirs: Record<string, unknown>, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])];
    for (const k of keys) {
      const v = this.value(base[k], ours[k], theirs[k], `${path}/${k}`);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  list(base: Record<string, unknown>[], ours: Record<string, unknown>[], theirs: Record<string, unknown>[], path: string): Record<string, unknown>[] {
    const byKey = (xs: Record<string, unknown>[]) => new Map(xs.map((x) => [keyOf(x)!, x]));
    const b = byKey(base);
    const o = byKey(ours);
    const t = byKey(theirs);
    const merged = new Map<string, Record<string, unknown>>();
    const keep = (k: string) => {
      const inBase = b.get(k);
      const inOurs = o.get(k);
      const inTheirs = t.get(k);
      // Deleted on one side: gone only where the other side left it as it was.
      if (inBase && !inOurs && inTheirs && deepEqual(inBase, inTheirs)) return;
      if (inBase && !inTheirs && inOurs && deepEqual(inBase, inOurs)) return;
      if (!inOurs && !inTheirs) return;
      const v = this.value(inBase, inOurs, inTheirs, `${path}/${k.slice(k.indexOf(':') + 1)}`);
      if (isObject(v)) merged.set(k, v);
    };
    // Our order first; what only they added goes in after the thing it followed on their side.
    const order = ours.map((x) => keyOf(x)!);
    theirs.forEach((x, i) => {
      const k = keyOf(x)!;
      if (order.includes(k)) return;
      let at = 0;
      for (let j = i - 1; j >= 0; j -= 1) {
        const before = order.indexOf(keyOf(theirs[j])!);
        if (before >= 0) {
          at = before + 1;
          break;
        }
      }
      order.splice(at, 0, k);
    });
    for (const k of order) keep(k);
    return order.flatMap((k) => (merged.has(k) ? [merged.get(k)!] : []));
  }
}

/** Every round either side sent, each once (by version and time sent), oldest first; undefined when neither sent any. */
export function mergeRounds(...sides: (readonly SignOffRound[] | undefined)[]): SignOffRound[] | undefined {
  const all = new Map<string, SignOffRound>();
  for (const side of sides) for (const r of side ?? []) if (!all.has(`${r.version}@${r.sentAt}`)) all.set(`${r.version}@${r.sentAt}`, r);
  return all.size ? [...all.values()].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt)) : undefined;
}

/** Merges our copy and theirs against the base both started from. */
export function mergeMinutes(base: Minutes, ours: Minutes, theirs: Minutes): Minutes {
  const merger = new Merger();
  const organiserCopy = newerOrganiserCopy(ours.attendance?.organiserCopy, theirs.attendance?.organiserCopy);
  const rounds = mergeRounds(ours.signOff?.rounds, theirs.signOff?.rounds);
  // What publishing created is a fact too: the record of the more complete run (a rerun's) is kept whole.
  const publication = [ours.publication, theirs.publication].filter((p) => p !== undefined).sort((a, b) => b.tasks.length - a.tasks.length || b.publishedAt.localeCompare(a.publishedAt))[0];
  const withoutCopy = (m: Minutes): Minutes => {
    const { signOff: _s, publication: _p, ...rest } = m;
    return m.attendance?.organiserCopy ? { ...rest, attendance: { ...m.attendance, organiserCopy: undefined } } : rest;
  };
  const { conflicts: bc, updatedAt: _bu, ...b } = withoutCopy(base);
  const { conflicts: oc, updatedAt: ou, ...o } = withoutCopy(ours);
  const { conflicts: tc, updatedAt: tu, ...t } = withoutCopy(theirs);
  const merged = merger.value(b, o, t, '') as Omit<Minutes, 'conflicts' | 'updatedAt'>;
  const paths = (cs: Conflict[]) => new Set(cs.map((c) => c.path));
  const [inBase, inOurs, inTheirs] = [paths(bc ?? []), paths(oc), paths(tc)];
  const settled = (c: Conflict) => inBase.has(c.path) && !(inOurs.has(c.path) && inTheirs.has(c.path));
  const conflicts = new Map<string, Conflict>();
  for (const c of [...tc, ...oc].filter((c) => !settled(c))) conflicts.set(c.path, c);
  for (const c of merger.conflicts) conflicts.set(c.path, c);
  const attendance = organiserCopy ? { ...merged.attendance, organiserCopy } : merged.attendance;
  return { ...merged, attendance, conflicts: [...conflicts.values()], ...(rounds && { signOff: { rounds } }), ...(publication && { publication }), updatedAt: ou > tu ? ou : tu };
}

/** The secretary settles a conflict with the text to keep; the field gets it and the conflict goes. */
export function settleConflict(minutes: Minutes, path: string, keep: string): Minutes {
  const segments = path.split('/').filter(Boolean);
  const set = (node: unknown, i: number): unknown => {
    if (i === segments.length) return keep;
    const seg = segments[i]!;
    if (Array.isArray(node)) return node.map((x) => (keyOf(x)?.endsWith(`:${seg}`) ? set(x, i + 1) : x));
    if (isObject(node) && Object.hasOwn(node, seg)) return { ...node, [seg]: set(node[seg], i + 1) };
    return node;
  };
  const { conflicts, ...rest } = minutes;
  return { ...(set(rest, 0) as Omit<Minutes, 'conflicts'>), conflicts: conflicts.filter((c) => c.path !== path) };
}
