// The device's copy of the group's files read for the year view (issue 13): each file's text with
// the eTag it was read at, so the next visit downloads only what changed since. Unlike the rest of
// what Justera keeps on the device (localStore.ts), this is a copy of what the tenant has, which the
// issue asks for ("kept on the device for the next visit"); the listing is read from Graph every
// time, so a file the tenant no longer has, or one the user may no longer read, is never shown from
// here. It lives in its own database, apart from the local store's sweep of unknown keys, and forgets
// each file KEEP_DAYS after it was downloaded (swept when the database is first opened on a visit):
// minutes are not left on a shared computer for good, and a file read again is simply downloaded again.

import { createStore, delMany, entries, get, set } from 'idb-keyval';

/** Days a downloaded file is kept on the device, as the rest of what Justera keeps (localStore.ts). */
export const KEEP_DAYS = 60;

/** A file's text as read, and the eTag of the version it was read from. */
export interface CachedFile {
  eTag: string;
  text: string;
}

/** Files by key (the year view keys them "<folder id>/<file name>"). */
export interface YearCache {
  get(key: string): Promise<CachedFile | undefined>;
  put(key: string, file: CachedFile): Promise<void>;
}

/** What the database holds per file: the file, and when it was kept (ISO instant). */
interface KeptFile extends CachedFile {
  keptAt: string;
}

/** The keys of files kept longer than KEEP_DAYS before `now`, or not readable as kept files. */
export function expiredKeys(kept: readonly [unknown, unknown][], now: Date): unknown[] {
  const oldest = now.getTime() - KEEP_DAYS * 86_400_000;
  return kept.flatMap(([key, raw]) => {
    const keptAt = Date.parse(String((raw as Partial<KeptFile> | undefined)?.keptAt));
    return restoreCached(raw) && keptAt >= oldest ? [] : [key];
  });
}

function restoreCached(raw: unknown): CachedFile | undefined {
  const r = raw as Partial<CachedFile> | undefined;
  return typeof r?.eTag === 'string' && typeof r.text === 'string' ? { eTag: r.eTag, text: r.text } : undefined;
}

/** In memory: for tests, and where the browser refuses IndexedDB. */
export function memoryYearCache(): YearCache & { readonly size: number } {
  const files = new Map<string, CachedFile>();
  return {
    get: async (key) => files.get(key),
    put: async (key, file) => void files.set(key, { ...file }),
    get size() {
      return files.size;
    },
  };
}

/**
 * In IndexedDB (idb-keyval), opened on first use. A browser that refuses it (blocked storage, some
 * private modes) makes each call reject; the year view then reads without its copy.
 */
export function indexedDbYearCache(now: () => Date = () => new Date()): YearCache {
  let opened: Promise<ReturnType<typeof createStore>> | undefined;
  // The first use on a visit forgets what has been kept too long; a failed sweep only leaves it for the next visit.
  const store = () =>
    (opened ??= (async () => {
      const db = createStore('justera-year', 'files');
      const stale = expiredKeys(await entries(db).catch(() => []), now());
      if (stale.length) await delMany(stale as IDBValidKey[], db).catch((e: unknown) => console.warn('Justera: old files of the year could not be forgotten', e));
      return db;
    })());
  return {
    get: async (key) => restoreCached(await get(key, await store())),
    put: async (key, file) => set(key, { eTag: file.eTag, text: file.text, keptAt: now().toISOString() } satisfies KeptFile, await store()),
  };
}
