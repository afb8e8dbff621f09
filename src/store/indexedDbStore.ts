// The local store in IndexedDB (idb-keyval), so hand marks survive a reload or a closed tab.
// The database is opened on first use: a browser that refuses IndexedDB (blocked storage, some
// private modes) then rejects each call, which the UI reports, instead of stopping the app.
// At first use it also forgets what is past its time (localStore.ts) and anything an earlier
// version kept that is no longer kept (the full attendance, under "attendance:").

import { createStore, del, delMany, entries, get, set, type UseStore } from 'idb-keyval';
import { restoreMinutes } from '../domain/restoreMinutes';
import {
  CHAIR_KEPT_DAYS,
  GROUP_KEPT_DAYS,
  MARKS_KEPT_DAYS,
  restoreMarks,
  restoreRememberedGroup,
  type GroupMemory,
  type LocalCopy,
  type LocalStore,
  type MinutesLocal,
} from './localStore';

const DAY = 86_400_000;

interface SavedChair {
  chairKey: string;
  savedAt: string;
}

function chairOf(raw: unknown): SavedChair | undefined {
  // Earlier versions kept the key alone.
  if (typeof raw === 'string') return { chairKey: raw, savedAt: new Date(0).toISOString() };
  const r = raw as Partial<SavedChair> | undefined;
  return typeof r?.chairKey === 'string' && typeof r.savedAt === 'string' ? { chairKey: r.chairKey, savedAt: r.savedAt } : undefined;
}

/** Keys to forget: the old full attendance, and marks and chairs past their time. */
export function expiredKeys(all: [IDBValidKey, unknown][], now: Date): IDBValidKey[] {
  const older = (savedAt: string | undefined, days: number) => !savedAt || now.getTime() - Date.parse(savedAt) > days * DAY || Number.isNaN(Date.parse(savedAt));
  return all
    .filter(([key, value]) => {
      const k = String(key);
      if (k.startsWith('attendance:')) return true;
      if (k.startsWith('marks:')) return older(restoreMarks(value)?.savedAt, MARKS_KEPT_DAYS);
      // Minutes the server never got are kept as long as marks; saved ones are not kept at all.
      if (k.startsWith('minutes:')) return older((value as { savedAt?: string } | undefined)?.savedAt, MARKS_KEPT_DAYS);
      // The group of a series: a year after it was last found or chosen, like the chair.
      if (k.startsWith('group:')) return older(restoreRememberedGroup(value)?.savedAt, GROUP_KEPT_DAYS);
      if (k.startsWith('chair:')) {
        const chair = chairOf(value);
        return !chair || (chair.savedAt !== new Date(0).toISOString() && older(chair.savedAt, CHAIR_KEPT_DAYS));
      }
      return true;
    })
    .map(([key]) => key);
}

/** The database, opened on first use, after forgetting what is past its time (once per adapter). */
function sweptStore(now: () => Date): () => Promise<UseStore> {
  let db: Promise<UseStore> | undefined;
  return () =>
    (db ??= (async () => {
      const opened = createStore('justera', 'local');
      const stale = expiredKeys(await entries(opened), now());
      if (stale.length) await delMany(stale, opened);
      return opened;
    })());
}

export function indexedDbStore(now: () => Date = () => new Date()): LocalStore {
  const store = sweptStore(now);
  return {
    getChair: async (seriesId) => chairOf(await get(`chair:${seriesId}`, await store()))?.chairKey,
    setChair: async (seriesId, key) =>
      key ? set(`chair:${seriesId}`, { chairKey: key, savedAt: now().toISOString() } satisfies SavedChair, await store()) : del(`chair:${seriesId}`, await store()),
    getMarks: async (eventId) => restoreMarks(await get(`marks:${eventId}`, await store())),
    setMarks: async (eventId, saved) => set(`marks:${eventId}`, saved, await store()),
  };
}

/**
 * The device's copy of one meeting's minutes, only while the server does not have every change
 * (MinutesSync): a copy the server has is deleted, since the tenant keeps it. Read back through
 * the same restore step as the file.
 */
export function indexedDbMinutes(key: string, now: () => Date = () => new Date()): MinutesLocal {
  const store = createStore('justera', 'local');
  const id = `minutes:${key}`;
  return {
    async get() {
      const raw = (await get(id, store)) as { minutes?: unknown; base?: unknown; baseETag?: unknown; dirty?: unknown } | undefined;
      if (!raw) return undefined;
      const minutes = restoreMinutes(raw.minutes);
      if (!minutes.ok) return undefined;
      const base = raw.base === undefined ? undefined : restoreMinutes(raw.base);
      return {
        minutes: minutes.minutes,
        base: base?.ok ? base.minutes : undefined,
        baseETag: typeof raw.baseETag === 'string' ? raw.baseETag : undefined,
        dirty: raw.dirty === true,
      } satisfies LocalCopy;
    },
    async set(copy) {
      if (!copy.dirty) return del(id, store);
      return set(id, { ...copy, savedAt: now().toISOString() }, store);
    },
  };
}

/**
 * The group each series belongs to, on this device (key "group:<series key>"), read back through
 * restoreRememberedGroup; forgotten a year after it was last found, at the store's first use.
 */
export function indexedDbGroups(now: () => Date = () => new Date()): GroupMemory {
  // The same database as indexedDbStore, and the same sweep of what is past its time.
  const store = sweptStore(now);
  return {
    get: async (key) => restoreRememberedGroup(await get(`group:${key}`, await store())),
    set: async (key, group) => set(`group:${key}`, group, await store()),
  };
}
