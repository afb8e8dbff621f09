// What Justera keeps on this device: only what the tenant does not have yet. Today that is the
// secretary's own attendance marks per meeting and the chair chosen for a series, until the minutes
// file in the channel keeps them (issue 10). Never the prefilled attendance (names, addresses,
// organisations): Microsoft 365 holds that, and it is read again at every open.
//
// How long: marks are dropped 60 days after their last change, a remembered chair a year after it
// was last chosen; both at the first use of the store in a session.

import type { HandMark } from '../domain/attendance';
import type { Minutes } from '../domain/minutes';

export const MARKS_KEPT_DAYS = 60;
export const CHAIR_KEPT_DAYS = 365;

export interface SavedMarks {
  marks: HandMark[];
  chairKey?: string;
  savedAt: string;
}

export interface LocalStore {
  getChair(seriesId: string): Promise<string | undefined>;
  setChair(seriesId: string, chairKey: string | undefined): Promise<void>;
  getMarks(eventId: string): Promise<SavedMarks | undefined>;
  setMarks(eventId: string, saved: SavedMarks): Promise<void>;
}

const STATUSES = new Set(['present', 'absent', 'excused']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function restorePerson(v: unknown): HandMark['added'] {
  if (!isRecord(v) || typeof v.displayName !== 'string') return undefined;
  const opt = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return { displayName: v.displayName, directoryId: opt(v.directoryId), email: opt(v.email), organisation: opt(v.organisation) };
}

/**
 * Data read back from the device passes this one step: whatever an older version or another tab
 * wrote is repaired field by field, and what cannot be read is dropped rather than trusted.
 */
export function restoreMarks(raw: unknown): SavedMarks | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.marks) || typeof raw.savedAt !== 'string') return undefined;
  const marks: HandMark[] = [];
  for (const m of raw.marks) {
    if (!isRecord(m) || typeof m.key !== 'string' || typeof m.status !== 'string' || !STATUSES.has(m.status)) continue;
    const added = restorePerson(m.added);
    marks.push({ key: m.key, status: m.status as HandMark['status'], ...(added ? { added } : {}) });
  }
  return { marks, savedAt: raw.savedAt, ...(typeof raw.chairKey === 'string' ? { chairKey: raw.chairKey } : {}) };
}

/** What the device keeps of a meeting's minutes until the server has it (app/minutesSync.ts). */
export interface LocalCopy {
  minutes: Minutes;
  /** The server's copy our edits started from, and its eTag: the base of a merge. */
  base?: Minutes;
  baseETag?: string;
  /** There are edits the server does not have. */
  dirty: boolean;
}

export interface MinutesLocal {
  get(): Promise<LocalCopy | undefined>;
  set(copy: LocalCopy): Promise<void>;
}

/** The same store in memory: for Node (tests, bench) and for browsers that refuse IndexedDB. */
export function memoryStore(): LocalStore {
  const chairs = new Map<string, string>();
  const marks = new Map<string, SavedMarks>();
  return {
    getChair: async (id) => chairs.get(id),
    setChair: async (id, key) => void (key ? chairs.set(id, key) : chairs.delete(id)),
    getMarks: async (id) => marks.get(id),
    setMarks: async (id, saved) => void marks.set(id, saved),
  };
}

/** A device copy of minutes in memory: for Node (tests, bench) and browsers that refuse IndexedDB. */
export function memoryMinutes(): MinutesLocal & { copy?: LocalCopy } {
  const local: MinutesLocal & { copy?: LocalCopy } = {
    get: async () => local.copy && structuredClone(local.copy),
    set: async (copy) => void (local.copy = copy.dirty ? structuredClone(copy) : undefined),
  };
  return local;
}

// ---------------------------------------------------------------------------------------------
// The group a meeting series belongs to (app/meetingGroup.ts), so the next open needs no search.
// Only a shortcut: the group's settings file (its `series`) is the source of truth.

export const GROUP_KEPT_DAYS = 365;

export interface RememberedGroup {
  teamId: string;
  channelId: string;
  /** As shown: "<team> › <channel>", and the group's own name. */
  teamName: string;
  channelName: string;
  name: string;
  savedAt: string;
}

export interface GroupMemory {
  get(seriesKey: string): Promise<RememberedGroup | undefined>;
  set(seriesKey: string, group: RememberedGroup): Promise<void>;
}

/** A remembered group read back from the device, or undefined when it is not one. */
export function restoreRememberedGroup(raw: unknown): RememberedGroup | undefined {
  if (!isRecord(raw)) return undefined;
  const s = (k: string) => (Object.hasOwn(raw, k) && typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  const teamId = s('teamId');
  const channelId = s('channelId');
  const savedAt = s('savedAt');
  if (!teamId || !channelId || !savedAt || Number.isNaN(Date.parse(savedAt))) return undefined;
  return { teamId, channelId, savedAt, teamName: s('teamName') ?? '', channelName: s('channelName') ?? '', name: s('name') ?? '' };
}

/** The same in memory: for Node (tests) and browsers that refuse IndexedDB. */
export function memoryGroups(): GroupMemory {
  const groups = new Map<string, RememberedGroup>();
  return {
    get: async (key) => groups.get(key),
    set: async (key, group) => void groups.set(key, group),
  };
}
