// The local store in IndexedDB (idb-keyval), so hand marks survive a reload or a closed tab.
// The database is opened on first use: a browser that refuses IndexedDB (blocked storage, some
// private modes) then rejects each call, which the UI reports, instead of stopping the app.

import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { LocalStore, SavedAttendance } from './localStore';

export function indexedDbStore(): LocalStore {
  let db: UseStore | undefined;
  const store = () => (db ??= createStore('justera', 'local'));
  return {
    getChair: async (seriesId) => get<string>(`chair:${seriesId}`, store()),
    setChair: async (seriesId, key) => (key ? set(`chair:${seriesId}`, key, store()) : del(`chair:${seriesId}`, store())),
    getAttendance: async (eventId) => get<SavedAttendance>(`attendance:${eventId}`, store()),
    setAttendance: async (eventId, saved) => set(`attendance:${eventId}`, saved, store()),
  };
}
