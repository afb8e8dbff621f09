// Files in a team channel's folder (SharePoint, through Graph's drive API): the folder itself, its
// children, items by path, reading a file's text with the eTag it had, and writing text with
// If-Match and conflictBehavior. Minutes, settings and approvals are such files; what is in them is
// the domain's business, not this module's.

import { Problem } from '../domain/problems';
import type { Graph, GraphCall, GraphWrite, Page } from './graph';
import { obj, optStr, page, query, str, type Json } from './read';

/** Someone as a driveItem names them (createdBy / lastModifiedBy): set by SharePoint from the token. */
export interface DriveIdentity {
  id?: string;
  displayName?: string;
  email?: string;
}

export interface DriveItemRef {
  driveId: string;
  id: string;
  name: string;
  /** Changes with every change to the item; what If-Match names. */
  eTag: string;
  size: number;
  isFolder: boolean;
  /** ISO instants. */
  created?: string;
  lastModified: string;
  createdBy?: DriveIdentity;
  lastModifiedBy?: DriveIdentity;
  webUrl: string;
  /** The folder the item is in. */
  parentId?: string;
  /** Files: SharePoint's hash of the content (file.hashes.quickXorHash), to tell two versions' bytes apart. */
  quickXorHash?: string;
}

export interface FileContent {
  text: string;
  /** The eTag of the version the text was read from (or an older one: see downloadText). */
  eTag: string;
  item: DriveItemRef;
}

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export interface UploadOptions {
  /** Write only over this version: a newer one gives a 'conflict' Problem (412). */
  ifMatch?: string;
  /**
   * When the name is taken: 'replace' (Graph's default for uploads), 'fail' (a 'conflict' Problem,
   * 409: "create only"), or 'rename' (Graph picks "name 1.json").
   */
  conflictBehavior?: ConflictBehavior;
  /**
   * Default: application/json for .json names, else text/plain; charset=utf-8. SharePoint ignores it
   * (it derives the type from the extension). Never application/octet-stream: the SDK does not retry
   * a 429 or 503 for that type (it takes it for a stream).
   */
  contentType?: string;
}

const enc = encodeURIComponent;
/** "2026/Möte 1.json" as a path segment list, each name encoded ("#", "%", "?" and "&" are allowed in names). */
const encPath = (path: string) =>
  path
    .split('/')
    .filter((n) => n !== '')
    .map(enc)
    .join('/');

function identity(value: unknown, what: string): DriveIdentity | undefined {
  if (value === undefined || value === null) return undefined;
  const user = obj(value, what).user;
  if (user === undefined || user === null) return undefined;
  const u = obj(user, `${what}.user`);
  return { id: optStr(u.id), displayName: optStr(u.displayName), email: optStr(u.email) };
}

/** A driveItem as Graph answers it, mapped once; with the download URL files carry (internal: it expires in minutes). */
function readItem(body: unknown, what = 'driveItem'): { item: DriveItemRef; downloadUrl?: string } {
  const o = obj(body, what);
  const parent = obj(o.parentReference ?? {}, `${what}.parentReference`);
  const file = o.file === undefined || o.file === null ? undefined : obj(o.file, `${what}.file`);
  const hashes = file?.hashes === undefined || file.hashes === null ? undefined : obj(file.hashes, `${what}.file.hashes`);
  return {
    item: {
      driveId: str(parent.driveId, `${what}.parentReference.driveId`),
      id: str(o.id, `${what}.id`),
      name: str(o.name, `${what}.name`),
      eTag: str(o.eTag, `${what}.eTag`),
      size: typeof o.size === 'number' ? o.size : 0,
      isFolder: o.folder !== undefined && o.folder !== null,
      created: optStr(o.createdDateTime),
      lastModified: str(o.lastModifiedDateTime, `${what}.lastModifiedDateTime`),
      createdBy: identity(o.createdBy, `${what}.createdBy`),
      lastModifiedBy: identity(o.lastModifiedBy, `${what}.lastModifiedBy`),
      webUrl: str(o.webUrl, `${what}.webUrl`),
      parentId: optStr(parent.id),
      quickXorHash: optStr(hashes?.quickXorHash),
    },
    downloadUrl: optStr(o['@microsoft.graph.downloadUrl']),
  };
}

export const driveItem = (body: unknown, what = 'driveItem'): DriveItemRef => readItem(body, what).item;

const itemPath = (driveId: string, itemId: string) => `/drives/${enc(driveId)}/items/${enc(itemId)}`;
/** Graph's path addressing below a folder: /drives/{d}/items/{folder}:/{path}: */
const pathBelow = (driveId: string, parentId: string, path: string) => `${itemPath(driveId, parentId)}:/${encPath(path)}:`;

/** The channel's folder in the team's document library (channel-get-filesfolder). */
export const channelFolder = (teamId: string, channelId: string): GraphCall<DriveItemRef> => ({
  path: `/teams/${enc(teamId)}/channels/${enc(channelId)}/filesFolder`,
  parse: (body) => driveItem(body, 'filesFolder'),
});

export const item = (driveId: string, itemId: string): GraphCall<DriveItemRef> => ({
  path: itemPath(driveId, itemId),
  parse: (body) => driveItem(body),
});

/** An item by its path below a folder ("Protokoll 2026-11-20.json", "2026/Möte.json"); undefined when there is none. */
export const itemByPath = (driveId: string, parentId: string, path: string): GraphCall<DriveItemRef | undefined> => ({
  path: pathBelow(driveId, parentId, path),
  parse: (body) => driveItem(body),
  notFound: () => undefined,
});

/** A folder's children, a page at a time (Graph's default page is 200): run with graph.all(). */
export const children = (driveId: string, folderId: string, top?: number): GraphCall<Page<DriveItemRef>> => ({
  path: `${itemPath(driveId, folderId)}/children${query({ $top: top })}`,
  parse: (body) => page(body, 'children', (v, i) => driveItem(v, `children[${i}]`)),
});

/** A children listing read with each file's download URL. */
const listedChildren = (path: string): GraphCall<Page<{ item: DriveItemRef; downloadUrl?: string }>> => ({
  path,
  parse: (body) => page(body, 'children', (v, i) => readItem(v, `children[${i}]`)),
});

/**
 * The children of a folder given by its path below another, each file with its download URL (Graph
 * puts @microsoft.graph.downloadUrl in a children listing too), in one request: no look-up of the
 * folder first, and no request per file for its URL. An empty page when there is no such folder.
 */
export const childrenAt = (driveId: string, parentId: string, path: string): GraphCall<Page<{ item: DriveItemRef; downloadUrl?: string }>> => ({
  ...listedChildren(`${pathBelow(driveId, parentId, path)}/children`),
  notFound: () => ({ items: [] }),
});

/**
 * A folder's children by its id, each file with its download URL, like childrenAt: a page at a time
 * (follow with graph.rest), and many folders' listings fit in one $batch.
 */
export const childrenListed = (driveId: string, folderId: string): GraphCall<Page<{ item: DriveItemRef; downloadUrl?: string }>> => listedChildren(`${itemPath(driveId, folderId)}/children`);

/** An item by its path below a folder with its download URL (as a listing gives it), for a reader that keeps files by eTag; undefined when there is none. */
export const itemListedAt = (driveId: string, parentId: string, path: string): GraphCall<{ item: DriveItemRef; downloadUrl?: string } | undefined> => ({
  path: pathBelow(driveId, parentId, path),
  parse: (body) => readItem(body),
  notFound: () => undefined,
});

/** The text behind a download URL a listing gave (childrenAt, childrenListed). */
export async function downloadListed(graph: Graph, found: { item: DriveItemRef; downloadUrl?: string }): Promise<FileContent> {
  return readText(graph, found);
}

const withDownloadUrl = (path: string): GraphCall<{ item: DriveItemRef; downloadUrl?: string }> => ({ path, parse: (body) => readItem(body) });

async function readText(graph: Graph, found: { item: DriveItemRef; downloadUrl?: string }): Promise<FileContent> {
  if (!found.downloadUrl) throw new Problem('bad-data', `${found.item.name} has no content to read (a folder?)`);
  return { text: await graph.download(found.downloadUrl), eTag: found.item.eTag, item: found.item };
}

/**
 * A file's text and the eTag to write it back with, in two round trips: the item (eTag, download
 * URL), then its bytes from SharePoint. The eTag is read first, so the text is never older than it:
 * when someone saves in between, the text is newer than its eTag, the next If-Match write gets 412,
 * and a merge finds their side unchanged against this text. No edit is lost either way.
 */
export async function downloadText(graph: Graph, driveId: string, itemId: string): Promise<FileContent> {
  return readText(graph, await graph.get(withDownloadUrl(itemPath(driveId, itemId))));
}

/** The same by path below a folder; undefined when there is no such file yet. */
export async function downloadTextAt(graph: Graph, driveId: string, parentId: string, path: string): Promise<FileContent | undefined> {
  const found = await graph.get({ ...withDownloadUrl(pathBelow(driveId, parentId, path)), notFound: () => undefined });
  return found && readText(graph, found);
}

function uploadHeaders(name: string, opts: UploadOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': opts.contentType ?? (/\.json$/i.test(name) ? 'application/json' : 'text/plain; charset=utf-8'),
  };
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
  return headers;
}

/**
 * Writes a file's text by name below a folder (driveitem-put-content, simple upload: up to 4 MB).
 * `name` may be a path ("2026/Möte.json"): Graph creates the folders it names. A 412 (ifMatch
 * stale) or 409 (conflictBehavior 'fail', name taken) is a 'conflict' Problem. See GraphWrite on
 * what a retried write with If-Match can answer.
 */
export const uploadText = (driveId: string, parentId: string, name: string, text: string, opts: UploadOptions = {}): GraphWrite<DriveItemRef> => ({
  method: 'PUT',
  path: `${pathBelow(driveId, parentId, name)}/content${query({ '@microsoft.graph.conflictBehavior': opts.conflictBehavior })}`,
  headers: uploadHeaders(name, opts),
  body: text,
  parse: (body) => driveItem(body),
});

/**
 * Writes a file's bytes by name below a folder (simple upload, up to 4 MB), as uploadText. The body
 * is a Blob (never a Uint8Array: see GraphWrite), with its own type so that a throttled upload can be
 * resent (not application/octet-stream).
 */
export const uploadFile = (driveId: string, parentId: string, name: string, content: Blob, opts: UploadOptions = {}): GraphWrite<DriveItemRef> => ({
  ...uploadText(driveId, parentId, name, '', { contentType: content.type || 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ...opts }),
  body: content,
});

/** Replaces a file's text by id, so a renamed or moved file is still the same file. */
export const replaceText = (driveId: string, itemId: string, text: string, opts: Pick<UploadOptions, 'ifMatch' | 'contentType'> = {}): GraphWrite<DriveItemRef> => ({
  method: 'PUT',
  path: `${itemPath(driveId, itemId)}/content`,
  headers: uploadHeaders('', { contentType: 'text/plain; charset=utf-8', ...opts }),
  body: text,
  parse: (body) => driveItem(body),
});

/** A folder below another (driveitem-post-children); by default a taken name is a 'conflict' Problem. */
export const createFolder = (driveId: string, parentId: string, name: string, conflictBehavior: ConflictBehavior = 'fail'): GraphWrite<DriveItemRef> => ({
  method: 'POST',
  path: `${itemPath(driveId, parentId)}/children`,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ name, folder: {}, '@microsoft.graph.conflictBehavior': conflictBehavior } satisfies Json),
  parse: (body) => driveItem(body),
});

/** Deletes an item (to the site's recycle bin); with ifMatch only that version. */
export const deleteItem = (driveId: string, itemId: string, ifMatch?: string): GraphWrite<void> => ({
  method: 'DELETE',
  path: itemPath(driveId, itemId),
  headers: ifMatch ? { 'If-Match': ifMatch } : undefined,
  parse: () => undefined,
});
