// What Justera remembers per meeting series on this device (the chosen chair) and per meeting (the
// attendance with the secretary's hand marks, until the minutes file keeps it in the tenant).

import type { Attendance } from '../domain/attendance';

export interface SavedAttendance {
  attendance: Attendance;
  chairKey?: string;
  savedAt: string;
}

export interface LocalStore {
  getChair(seriesId: string): Promise<string | undefined>;
  setChair(seriesId: string, chairKey: string | undefined): Promise<void>;
  getAttendance(eventId: string): Promise<SavedAttendance | undefined>;
  setAttendance(eventId: string, saved: SavedAttendance): Promise<void>;
}

/** The same store in memory: for Node (tests, bench) and for browsers that refuse IndexedDB. */
export function memoryStore(): LocalStore {
  const chairs = new Map<string, string>();
  const attendance = new Map<string, SavedAttendance>();
  return {
    getChair: async (id) => chairs.get(id),
    setChair: async (id, key) => void (key ? chairs.set(id, key) : chairs.delete(id)),
    getAttendance: async (id) => attendance.get(id),
    setAttendance: async (id, saved) => void attendance.set(id, saved),
  };
}
