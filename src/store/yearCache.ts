// The device's copy of the group's files read for the year view (issue 13): each file's text with
// the eTag it was read at, so the next visit downloads only what changed since. Unlike the rest of
// what Justera keeps on the device (localStore.ts), this is a copy of what the tenant has, which the
// issue asks for ("kept on the device for the next visit"); the listing is read from Graph every
// time, so a file the tenant no longer has, or one the user may no longer read, is never shown from
// here. It lives in its own database, apart from the local store's sweep of unknown keys.

import { createStore, get, set } from 'idb-keyval';

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
export function indexedDbYearCache(): YearCache {
  let db: ReturnType<typeof createStore> | undefined;
  const store = () => (db ??= createStore('justera-year', 'files'));
  return {
    get: async (key) => restoreCached(await get(key, store())),
    put: async (key, file) => set(key, { eTag: file.eTag, text: file.text } satisfies CachedFile, store()),
  };
}
