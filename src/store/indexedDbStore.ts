// The local store in IndexedDB (idb-keyval), so hand marks survive a reload or a closed tab.

import { createStore, del, get, set } from 'idb-keyval';
import type { LocalStore, SavedAttendance } from './localStore';

export function indexedDbStore(): LocalStore {
  const db = createStore('justera', 'local');
  return {
    getChair: (seriesId) => get<string>(`chair:${seriesId}`, db),
    setChair: (seriesId, key) => (key ? set(`chair:${seriesId}`, key, db) : del(`chair:${seriesId}`, db)),
    getAttendance: (eventId) => get<SavedAttendance>(`attendance:${eventId}`, db),
    setAttendance: (eventId, saved) => set(`attendance:${eventId}`, saved, db),
  };
}
