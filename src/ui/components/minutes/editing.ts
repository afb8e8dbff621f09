// What every part of the minutes editor is given: the one way to change the minutes (`update` with a
// pure edit from domain/minutesEdits), ids for new things, the people to pick from, the conflicts
// to show beside their fields, and a way to offer "Ångra" after a removal. The container builds it
// once; the parts never call Graph or the sync themselves.

import type { Conflict, Minutes, PersonRef } from '../../../domain/minutes';

export interface MinutesEditing {
  update(change: (m: Minutes) => Minutes): void;
  newId(): string;
  /** Attendees and roster, for the owner and scribe pickers. */
  people: readonly PersonRef[];
  /** Directory search, when typed text matches no one in `people`. */
  searchPeople?: (text: string) => Promise<PersonRef[]>;
  conflicts: readonly Conflict[];
  /** After a removal: a message and the edit that puts it back. */
  offerUndo(message: string, undo: (m: Minutes) => Minutes): void;
  /** Today as YYYY-MM-DD on this device, to mark a due date that has passed. */
  today: string;
  /** Comments of approvers who returned the minutes, by the agenda item (or section) they name. */
  returned?: ReadonlyMap<string, { by: string; comment: string }[]>;
}

export function conflictAt(conflicts: readonly Conflict[], path: string): Conflict | undefined {
  return conflicts.find((c) => c.path === path);
}

export function conflictsUnder(conflicts: readonly Conflict[], prefix: string): Conflict[] {
  return conflicts.filter((c) => c.path === prefix || c.path.startsWith(`${prefix}/`));
}

/** YYYY-MM-DD of a moment on this device's calendar. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Whether a conflict sits beside a field the editor shows; the others are listed together at the
 * top, so none is ever out of sight. `shown` says which sections the template shows.
 */
export function isPlacedConflict(path: string, m: Minutes, shown: { agenda: boolean; followUp: boolean; nextMeeting: boolean }): boolean {
  const seg = path.split('/').filter(Boolean);
  if (seg[0] === 'agenda' && shown.agenda) {
    const item = m.agenda.find((i) => i.id === seg[1]);
    if (!item) return false;
    if (seg.length === 3) return ['title', 'time', 'endTime', 'presenter', 'subPoints'].includes(seg[2]!);
    const [, , list, id, field] = seg;
    if (list === 'notes') return item.notes.some((n) => n.id === id) && (field === 'html' || field === 'group' || field === 'scribe');
    if (list === 'decisions') return item.decisions.some((d) => d.id === id) && field === 'text' && seg.length === 5;
    if (list === 'actions') return item.actions.some((a) => a.id === id) && (field === 'owner' || ((field === 'what' || field === 'due') && seg.length === 5));
    return false;
  }
  if (seg[0] === 'followUp' && shown.followUp) {
    return m.followUp.some((f) => f.id === seg[1]) && seg.length === 3 && (seg[2] === 'state' || seg[2] === 'comment');
  }
  if (seg[0] === 'nextMeeting' && shown.nextMeeting) return path === '/nextMeeting/text';
  return false;
}
