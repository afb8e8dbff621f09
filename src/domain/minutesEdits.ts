// The edits a person makes to the minutes, each a pure `(minutes, ...) => minutes`. Each one changes
// only the field it is about and leaves every other object as it was (the same reference), so the
// per-section merge (merge.ts) sees exactly what this person changed and nothing else: two people
// editing different fields of the same agenda item never collide. New things get their ids from the
// caller's `newId` (crypto.randomUUID at the edge), so the same edit applied twice gives the same
// result. An edit that names something no longer there (removed by someone else meanwhile) changes
// nothing and returns the same minutes.

import { settleConflict } from './merge';
import { agendaItem, type Action, type AgendaItem, type Conflict, type Decision, type FollowUp, type FollowUpState, type Minutes, type NoteBlock, type PersonRef } from './minutes';
import type { AgendaDraftItem } from './agenda';

export { settleConflict, settleConflict as settle };

// ---------------------------------------------------------------------------------------------
// Helpers: replace one thing in a list, set or clear one field.

/** The object with one field set, or removed when the value is undefined (files keep no `null`s). */
function withField<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  if (obj[key] === value) return obj;
  if (value === undefined) {
    if (!Object.hasOwn(obj, key)) return obj;
    const copy = { ...obj };
    delete copy[key];
    return copy;
  }
  return { ...obj, [key]: value };
}

function replaceById<T extends { id: string }>(list: readonly T[], id: string, change: (x: T) => T): T[] | undefined {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) return undefined;
  const next = change(list[i]!);
  if (next === list[i]) return undefined;
  const copy = list.slice();
  copy[i] = next;
  return copy;
}

function insertAt<T>(list: readonly T[], index: number | undefined, x: T): T[] {
  const at = index === undefined ? list.length : Math.max(0, Math.min(list.length, Math.trunc(index)));
  return [...list.slice(0, at), x, ...list.slice(at)];
}

function updateItem(m: Minutes, itemId: string, change: (item: AgendaItem) => AgendaItem): Minutes {
  const agenda = replaceById(m.agenda, itemId, change);
  return agenda ? { ...m, agenda } : m;
}

type ItemList = 'notes' | 'decisions' | 'actions';
type Of<L extends ItemList> = AgendaItem[L][number];

function updateInItem<L extends ItemList>(m: Minutes, itemId: string, list: L, id: string, change: (x: Of<L>) => Of<L>): Minutes {
  return updateItem(m, itemId, (item) => {
    const next = replaceById(item[list] as Of<L>[], id, change);
    return next ? { ...item, [list]: next } : item;
  });
}

function addToItem<L extends ItemList>(m: Minutes, itemId: string, list: L, x: Of<L>, index?: number): Minutes {
  return updateItem(m, itemId, (item) => {
    // The same id twice (an edit applied again): already there.
    if ((item[list] as Of<L>[]).some((y) => y.id === x.id)) return item;
    return { ...item, [list]: insertAt(item[list] as Of<L>[], index, x) };
  });
}

function removeFromItem(m: Minutes, itemId: string, list: ItemList, id: string): Minutes {
  return updateItem(m, itemId, (item) => {
    const rest = (item[list] as { id: string }[]).filter((x) => x.id !== id);
    return rest.length === item[list].length ? item : { ...item, [list]: rest };
  });
}

/** Text a person typed, as kept: undefined when blank (for optional fields). */
function optional(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

// ---------------------------------------------------------------------------------------------
// Agenda items

/** A new item at `index` (the end when not given), empty or from a draft. */
export function addAgendaItem(m: Minutes, newId: () => string, index?: number, draft: Partial<AgendaDraftItem> = {}): Minutes {
  const id = newId();
  if (m.agenda.some((i) => i.id === id)) return m;
  return { ...m, agenda: insertAt(m.agenda, index, agendaItem(id, draft)) };
}

export function removeAgendaItem(m: Minutes, itemId: string): Minutes {
  const agenda = m.agenda.filter((i) => i.id !== itemId);
  return agenda.length === m.agenda.length ? m : { ...m, agenda };
}

/** Puts back an item removed a moment ago ("Ångra"), where it was. */
export function restoreAgendaItem(m: Minutes, item: AgendaItem, index: number): Minutes {
  if (m.agenda.some((i) => i.id === item.id)) return m;
  return { ...m, agenda: insertAt(m.agenda, index, item) };
}

/** Moves an item to a place in the list (clamped to the list). */
export function moveAgendaItem(m: Minutes, itemId: string, toIndex: number): Minutes {
  const from = m.agenda.findIndex((i) => i.id === itemId);
  if (from < 0) return m;
  const to = Math.max(0, Math.min(m.agenda.length - 1, Math.trunc(toIndex)));
  if (to === from) return m;
  const rest = m.agenda.filter((i) => i.id !== itemId);
  return { ...m, agenda: insertAt(rest, to, m.agenda[from]!) };
}

export function moveAgendaItemUp(m: Minutes, itemId: string): Minutes {
  const i = m.agenda.findIndex((x) => x.id === itemId);
  return i > 0 ? moveAgendaItem(m, itemId, i - 1) : m;
}

export function moveAgendaItemDown(m: Minutes, itemId: string): Minutes {
  const i = m.agenda.findIndex((x) => x.id === itemId);
  return i >= 0 && i < m.agenda.length - 1 ? moveAgendaItem(m, itemId, i + 1) : m;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "09:00", or undefined to clear. A text that is not a time of day changes nothing. */
export function setAgendaItemTime(m: Minutes, itemId: string, time: string | undefined): Minutes {
  const value = optional(time);
  if (value !== undefined && !TIME.test(value)) return m;
  return updateItem(m, itemId, (item) => withField(item, 'time', value));
}

export function setAgendaItemEndTime(m: Minutes, itemId: string, endTime: string | undefined): Minutes {
  const value = optional(endTime);
  if (value !== undefined && !TIME.test(value)) return m;
  return updateItem(m, itemId, (item) => withField(item, 'endTime', value));
}

export function setAgendaItemTitle(m: Minutes, itemId: string, title: string): Minutes {
  return updateItem(m, itemId, (item) => withField(item, 'title', title));
}

export function setAgendaItemPresenter(m: Minutes, itemId: string, presenter: string | undefined): Minutes {
  return updateItem(m, itemId, (item) => withField(item, 'presenter', optional(presenter)));
}

export function setAgendaItemSubPoints(m: Minutes, itemId: string, subPoints: readonly string[]): Minutes {
  return updateItem(m, itemId, (item) =>
    item.subPoints.length === subPoints.length && item.subPoints.every((s, i) => s === subPoints[i]) ? item : { ...item, subPoints: [...subPoints] },
  );
}

// ---------------------------------------------------------------------------------------------
// Notes: the item's own block, and one block per breakout group with its scribe

export function addNoteBlock(m: Minutes, itemId: string, newId: () => string, block: { group?: string; scribe?: PersonRef; html?: string } = {}): Minutes {
  const note: NoteBlock = { id: newId(), html: block.html ?? '' };
  if (block.group !== undefined) note.group = block.group;
  if (block.scribe) note.scribe = block.scribe;
  return addToItem(m, itemId, 'notes', note);
}

export function removeNoteBlock(m: Minutes, itemId: string, noteId: string): Minutes {
  return removeFromItem(m, itemId, 'notes', noteId);
}

export function restoreNoteBlock(m: Minutes, itemId: string, note: NoteBlock, index: number): Minutes {
  return addToItem(m, itemId, 'notes', note, index);
}

/** The path merge.ts gives a field, for conflicts. */
export function fieldPath(itemId: string, ...rest: string[]): string {
  return ['', 'agenda', itemId, ...rest].join('/');
}

/**
 * The notes' new HTML from the editor. `seen` is the HTML the editor started from (or last sent):
 * when the notes changed meanwhile (someone else's words arrived through a merge while these were
 * being typed), ours goes in place and both versions become a conflict to settle, so neither is lost.
 */
export function setNoteHtml(m: Minutes, itemId: string, noteId: string, html: string, seen?: string): Minutes {
  let replaced: string | undefined;
  const next = updateInItem(m, itemId, 'notes', noteId, (note) => {
    if (note.html === html) return note;
    replaced = note.html;
    return { ...note, html };
  });
  if (next === m || seen === undefined || replaced === undefined || replaced === seen) return next;
  const path = fieldPath(itemId, 'notes', noteId, 'html');
  const conflict: Conflict = { path, base: seen, ours: html, theirs: replaced };
  return { ...next, conflicts: [...next.conflicts.filter((c) => c.path !== path), conflict] };
}

export function setNoteGroup(m: Minutes, itemId: string, noteId: string, group: string): Minutes {
  return updateInItem(m, itemId, 'notes', noteId, (note) => withField(note, 'group', group));
}

export function setNoteScribe(m: Minutes, itemId: string, noteId: string, scribe: PersonRef | undefined): Minutes {
  return updateInItem(m, itemId, 'notes', noteId, (note) => (samePerson(note.scribe, scribe) ? note : withField(note, 'scribe', scribe)));
}

// ---------------------------------------------------------------------------------------------
// Decisions

export function addDecision(m: Minutes, itemId: string, newId: () => string, text = ''): Minutes {
  return addToItem(m, itemId, 'decisions', { id: newId(), text });
}

export function removeDecision(m: Minutes, itemId: string, decisionId: string): Minutes {
  return removeFromItem(m, itemId, 'decisions', decisionId);
}

export function restoreDecision(m: Minutes, itemId: string, decision: Decision, index: number): Minutes {
  return addToItem(m, itemId, 'decisions', decision, index);
}

export function setDecisionText(m: Minutes, itemId: string, decisionId: string, text: string): Minutes {
  return updateInItem(m, itemId, 'decisions', decisionId, (d) => withField(d, 'text', text));
}

// ---------------------------------------------------------------------------------------------
// Actions ("Fram till kommande möte")

export function addAction(m: Minutes, itemId: string, newId: () => string, action: Partial<Omit<Action, 'id'>> = {}): Minutes {
  const a: Action = { id: newId(), what: action.what ?? '' };
  if (action.owner) a.owner = action.owner;
  if (action.due && isCalendarDate(action.due)) a.due = action.due;
  return addToItem(m, itemId, 'actions', a);
}

export function removeAction(m: Minutes, itemId: string, actionId: string): Minutes {
  return removeFromItem(m, itemId, 'actions', actionId);
}

export function restoreAction(m: Minutes, itemId: string, action: Action, index: number): Minutes {
  return addToItem(m, itemId, 'actions', action, index);
}

export function setActionWhat(m: Minutes, itemId: string, actionId: string, what: string): Minutes {
  return updateInItem(m, itemId, 'actions', actionId, (a) => withField(a, 'what', what));
}

function samePerson(a: PersonRef | undefined, b: PersonRef | undefined): boolean {
  return a === b || (!!a && !!b && a.key === b.key && a.displayName === b.displayName && a.email === b.email && a.organisation === b.organisation);
}

export function setActionOwner(m: Minutes, itemId: string, actionId: string, owner: PersonRef | undefined): Minutes {
  return updateInItem(m, itemId, 'actions', actionId, (a) => (samePerson(a.owner, owner) ? a : withField(a, 'owner', owner)));
}

/** YYYY-MM-DD naming a day that exists. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A due date (YYYY-MM-DD), or undefined to clear. A day in the past is allowed (the page marks it); a text that is no date changes nothing. */
export function setActionDue(m: Minutes, itemId: string, actionId: string, due: string | undefined): Minutes {
  const value = optional(due);
  if (value !== undefined && !isCalendarDate(value)) return m;
  return updateInItem(m, itemId, 'actions', actionId, (a) => withField(a, 'due', value));
}

/** Whether a due date lies before `today` (both YYYY-MM-DD). */
export function isPastDue(due: string | undefined, today: string): boolean {
  return !!due && isCalendarDate(due) && due < today;
}

// ---------------------------------------------------------------------------------------------
// Follow-up of earlier actions, the next meeting, the adjusters

function updateFollowUp(m: Minutes, followUpId: string, change: (f: FollowUp) => FollowUp): Minutes {
  const followUp = replaceById(m.followUp, followUpId, change);
  return followUp ? { ...m, followUp } : m;
}

export function setFollowUpState(m: Minutes, followUpId: string, state: FollowUpState): Minutes {
  return updateFollowUp(m, followUpId, (f) => withField(f, 'state', state));
}

export function setFollowUpComment(m: Minutes, followUpId: string, comment: string | undefined): Minutes {
  return updateFollowUp(m, followUpId, (f) => withField(f, 'comment', optional(comment)));
}

/** The next meeting's text, start and end (ISO instants) or place; only the fields given change, null clears. */
export function setNextMeeting(m: Minutes, change: { text?: string; start?: string | null; end?: string | null; place?: string | null }): Minutes {
  let next = m.nextMeeting;
  if (change.text !== undefined) next = withField(next, 'text', change.text);
  for (const key of ['start', 'end', 'place'] as const) {
    const value = change[key];
    if (value !== undefined) next = withField(next, key, value === null ? undefined : optional(value));
  }
  return next === m.nextMeeting ? m : { ...m, nextMeeting: next };
}

/** "Justerare": the people named, once each, in the order given. */
export function setAdjusters(m: Minutes, adjusters: readonly PersonRef[]): Minutes {
  const seen = new Set<string>();
  const unique = adjusters.filter((p) => !seen.has(p.key) && (seen.add(p.key), true));
  const same = unique.length === m.header.adjusters.length && unique.every((p, i) => samePerson(p, m.header.adjusters[i]));
  return same ? m : { ...m, header: { ...m.header, adjusters: unique } };
}

// ---------------------------------------------------------------------------------------------
// Conflicts: keep one of the two versions

/** The value at a merge path ("/agenda/<id>/title"), or undefined when nothing is there any more. */
export function valueAt(m: Minutes, path: string): unknown {
  let node: unknown = m;
  for (const seg of path.split('/').filter(Boolean)) {
    if (Array.isArray(node)) node = node.find((x: { id?: unknown; key?: unknown }) => x?.id === seg || x?.key === seg);
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, seg)) node = (node as Record<string, unknown>)[seg];
    else return undefined;
  }
  return node;
}

/**
 * Keeps one side of a conflict. Texts go in as they are (settleConflict); a field that holds a list
 * or a number (sub-points, the first §) was recorded as JSON and goes back in as what it was, so a
 * settled field keeps its type. A conflict that is no longer there changes nothing.
 */
export function keepVersion(m: Minutes, path: string, side: 'ours' | 'theirs'): Minutes {
  const conflict = m.conflicts.find((c) => c.path === path);
  if (!conflict) return m;
  const chosen = conflict[side];
  const current = valueAt(m, path);
  if (current === undefined || typeof current === 'string') return settleConflict(m, path, chosen);
  let parsed: unknown;
  try {
    parsed = JSON.parse(chosen);
  } catch {
    return settleConflict(m, path, chosen);
  }
  const settled = settleConflict(m, path, chosen);
  const segments = path.split('/').filter(Boolean);
  const set = (node: unknown, i: number): unknown => {
    if (i === segments.length) return parsed;
    const seg = segments[i]!;
    if (Array.isArray(node)) return node.map((x: { id?: unknown; key?: unknown }) => (x?.id === seg || x?.key === seg ? set(x, i + 1) : x));
    if (typeof node === 'object' && node !== null && Object.hasOwn(node, seg)) return { ...node, [seg]: set((node as Record<string, unknown>)[seg], i + 1) };
    return node;
  };
  return set(settled, 0) as Minutes;
}

/** Keeps one side of every conflict under a path (the owner of an action: key, name, e-mail at once). */
export function keepVersionUnder(m: Minutes, prefix: string, side: 'ours' | 'theirs'): Minutes {
  return m.conflicts.filter((c) => c.path === prefix || c.path.startsWith(`${prefix}/`)).reduce((acc, c) => keepVersion(acc, c.path, side), m);
}
