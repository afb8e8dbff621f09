// The local store in IndexedDB (idb-keyval), so hand marks survive a reload or a closed tab.
// The database is opened on first use: a browser that refuses IndexedDB (blocked storage, some
// private modes) then rejects each call, which the UI reports, instead of stopping the app.
// At first use it also forgets what is past its time (localStore.ts) and anything an earlier
// version kept that is no longer kept (the full attendance, under "attendance:").

import { createStore, del, delMany, entries, get, set, type UseStore } from 'idb-keyval';
import { CHAIR_KEPT_DAYS, MARKS_KEPT_DAYS, restoreMarks, type LocalStore } from './localStore';

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
      if (k.startsWith('chair:')) {
        const chair = chairOf(value);
        return !chair || (chair.savedAt !== new Date(0).toISOString() && older(chair.savedAt, CHAIR_KEPT_DAYS));
      }
      return true;
    })
    .map(([key]) => key);
}

export function indexedDbStore(now: () => Date = () => new Date()): LocalStore {
  let db: Promise<UseStore> | undefined;
  const store = () =>
    (db ??= (async () => {
      const opened = createStore('justera', 'local');
      const stale = expiredKeys(await entries(opened), now());
      if (stale.length) await delMany(stale, opened);
      return opened;
    })());
  return {
    getChair: async (seriesId) => chairOf(await get(`chair:${seriesId}`, await store()))?.chairKey,
    setChair: async (seriesId, key) =>
      key ? set(`chair:${seriesId}`, { chairKey: key, savedAt: now().toISOString() } satisfies SavedChair, await store()) : del(`chair:${seriesId}`, await store()),
    getMarks: async (eventId) => restoreMarks(await get(`marks:${eventId}`, await store())),
    setMarks: async (eventId, saved) => set(`marks:${eventId}`, saved, await store()),
  };
}
