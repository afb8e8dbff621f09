/**
 * Drives and driveItems (a team's SharePoint document library): GET /drives/{id}, items by id or by
 * path ("items/{parentId}:/{path}:"), children (paged), GET .../content (302 to a pre-authenticated
 * download URL), simple upload PUT .../content (raw bytes, 4 MB, conflictBehavior, If-Match),
 * POST .../children (folders), DELETE (If-Match). Only members of the team may read or write.
 * createdBy and lastModifiedBy always come from the token, never from the request.
 */

import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  MAX_SIMPLE_UPLOAD_BYTES,
  addItem,
  cTagOf,
  childNamed,
  childrenOf,
  eTagOf,
  mimeTypeFor,
  namesFromRoot,
  quickXorHash,
  removeItem,
  sizeOf,
  tagMatches,
  touch,
  uniqueName,
  validName,
  walk,
} from '../drives';
import { GraphError, methodNotAllowed, segmentNotFound } from '../errors';
import { ok, queryParam, type GraphResult } from '../http';
import { guidFrom, uriComponent } from '../ids';
import { applyOrderBy, applySelect, collectionBody, paginate, parseSelect, type Resource } from '../odata';
import type { HandlerContext, Router } from '../router';
import type { Drive, DriveItemModel, State, Team } from '../state';
import { formatUtc } from '../timezones';

export const DRIVE_ITEM: Resource = {
  typeName: 'microsoft.graph.driveItem',
  properties: [
    'id', 'name', 'eTag', 'cTag', 'size', 'webUrl', 'createdDateTime', 'lastModifiedDateTime', 'createdBy', 'lastModifiedBy',
    'parentReference', 'file', 'folder', 'root', 'fileSystemInfo', '@microsoft.graph.downloadUrl',
  ],
  alwaysSelected: [],
};

// Error codes as OneDrive and SharePoint answer them through Graph (OneDrive API "Error responses").
const accessDenied = (): GraphError => new GraphError(403, 'accessDenied', 'Access denied');
const itemNotFound = (): GraphError => new GraphError(404, 'itemNotFound', 'The resource could not be found.');
const invalidRequest = (message: string): GraphError => new GraphError(400, 'invalidRequest', message);
const nameAlreadyExists = (): GraphError => new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
const resourceModified = (): GraphError => new GraphError(412, 'resourceModified', "ETag does not match current item's value");
const tooLarge = (): GraphError =>
  new GraphError(413, 'requestEntityTooLarge', `The request size exceeds the maximum limit: a simple upload takes at most ${MAX_SIMPLE_UPLOAD_BYTES} bytes; use an upload session.`);

type ConflictBehavior = 'fail' | 'replace' | 'rename';
const CONFLICT_PARAM = '@microsoft.graph.conflictBehavior';

function conflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null) return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw invalidRequest(`Invalid value for ${CONFLICT_PARAM}: '${String(value)}'. Expected fail, replace or rename.`);
}

// ---- download URLs: pre-authenticated, short-lived, like SharePoint's @microsoft.graph.downloadUrl ----

const DOWNLOAD_LIFETIME_MS = 60 * 60 * 1000;
export const DOWNLOAD_PREFIX = '/_download/';

function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function downloadUrlFor(ctx: HandlerContext, drive: Drive, item: DriveItemModel): string {
  const payload = Buffer.from(JSON.stringify([drive.id, item.id, ctx.now + DOWNLOAD_LIFETIME_MS])).toString('base64url');
  const origin = ctx.baseUrl.replace(/\/v1\.0$/, '');
  return `${origin}${DOWNLOAD_PREFIX}${payload}.${sign(ctx.state.downloadSecret, payload)}`;
}

/** The drive and item a download token names, or why not. */
export function readDownloadToken(state: State, token: string, now: number): { drive: Drive; item: DriveItemModel } | 'invalid' | 'expired' | 'gone' {
  const [payload = '', signature = ''] = token.split('.');
  const expected = Buffer.from(sign(state.downloadSecret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'invalid';
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return 'invalid';
  const [driveId, itemId, expires] = parsed as [unknown, unknown, unknown];
  if (typeof expires !== 'number' || expires <= now) return 'expired';
  const drive = typeof driveId === 'string' ? state.drives.get(driveId) : undefined;
  const item = drive && typeof itemId === 'string' ? drive.items.get(itemId) : undefined;
  return drive && item && !item.isFolder ? { drive, item } : 'gone';
}

// ---- JSON ----

function identity(state: State, userId: string | null): Record<string, unknown> {
  const u = userId ? state.users.find((x) => x.id === userId) : undefined;
  if (!u) return { user: { displayName: 'SharePoint App' } };
  return { user: { email: u.mail ?? u.userPrincipalName, id: u.id, displayName: u.displayName } };
}

function siteIdOf(state: State, drive: Drive): string {
  const host = new URL(drive.webUrl).host;
  return `${host},${guidFrom(`site|${drive.teamId}`)},${guidFrom(`web|${drive.teamId}`)}`;
}

export function itemWebUrl(drive: Drive, item: DriveItemModel): string {
  const names = namesFromRoot(drive, item);
  return names.length ? `${drive.webUrl}/${names.map(uriComponent).join('/')}` : drive.webUrl;
}

export function itemJson(ctx: HandlerContext, drive: Drive, item: DriveItemModel): Record<string, unknown> {
  const { state } = ctx;
  const parent = item.parentId ? drive.items.get(item.parentId) : undefined;
  const parentNames = parent ? namesFromRoot(drive, parent) : [];
  const json: Record<string, unknown> = {};
  if (!item.isFolder) json['@microsoft.graph.downloadUrl'] = downloadUrlFor(ctx, drive, item);
  Object.assign(json, {
    createdBy: identity(state, item.createdBy),
    createdDateTime: formatUtc(item.createdDateTime),
    eTag: eTagOf(item),
    id: item.id,
    lastModifiedBy: identity(state, item.lastModifiedBy),
    lastModifiedDateTime: formatUtc(item.lastModifiedDateTime),
    name: item.name,
    parentReference: parent
      ? {
          driveType: 'documentLibrary',
          driveId: drive.id,
          id: parent.id,
          name: parent.parentId === null ? 'Shared Documents' : parent.name,
          path: `/drives/${drive.id}/root:${parentNames.map((n) => `/${n}`).join('')}`,
          siteId: siteIdOf(state, drive),
        }
      : { driveType: 'documentLibrary', driveId: drive.id },
    webUrl: itemWebUrl(drive, item),
    cTag: cTagOf(item),
    fileSystemInfo: { createdDateTime: formatUtc(item.createdDateTime), lastModifiedDateTime: formatUtc(item.lastModifiedDateTime) },
    size: sizeOf(drive, item),
  });
  if (item.isFolder) json.folder = { childCount: childrenOf(drive, item.id).length };
  else json.file = { mimeType: mimeTypeFor(item.name), hashes: { quickXorHash: quickXorHash(item.content) } };
  if (item.parentId === null) json.root = {};
  return json;
}

function itemResult(ctx: HandlerContext, drive: Drive, item: DriveItemModel, status = 200): GraphResult {
  const select = parseSelect(ctx.req, DRIVE_ITEM);
  const body = { '@odata.context': `${ctx.baseUrl}/$metadata#drives('${drive.id}')/items/$entity`, ...applySelect(itemJson(ctx, drive, item), select, DRIVE_ITEM) };
  return { ...ok(body, { ETag: eTagOf(item) }), status };
}

// ---- addressing ----

function teamOf(state: State, drive: Drive): Team | undefined {
  return state.teams.find((t) => t.id === drive.teamId);
}

/** The drive a request names, if the caller is a member of its team (403 otherwise, as SharePoint answers). */
export function driveForCaller(ctx: HandlerContext, driveId: string): Drive {
  const drive = ctx.state.drives.get(driveId);
  if (!drive) throw itemNotFound();
  if (!teamOf(ctx.state, drive)?.memberIds.has(ctx.req.caller.id)) throw accessDenied();
  return drive;
}

function itemById(drive: Drive, id: string): DriveItemModel {
  const item = id.toLowerCase() === 'root' ? drive.items.get(drive.rootId) : drive.items.get(id);
  if (!item) throw itemNotFound();
  return item;
}

type Suffix = '' | 'content' | 'children';

interface Address {
  /** The item the id names ("root" included). */
  base: DriveItemModel;
  /** Names below base, for path addressing ("items/{id}:/a/b.json:"); empty for an id alone. */
  names: string[];
  suffix: Suffix;
}

function suffixOf(text: string): Suffix {
  const s = text.replace(/^\/+|\/+$/g, '');
  if (s === '') return '';
  if (s.toLowerCase() === 'content') return 'content';
  if (s.toLowerCase() === 'children') return 'children';
  throw segmentNotFound(s.split('/')[0] ?? s);
}

/**
 * "{id}", "{id}/content", "{id}:/a/b.json:", "{id}:/a/b.json:/content", "{id}:/a/b.json" (the closing
 * colon may be left out at the end, as Graph allows). File and folder names cannot hold ":".
 */
function parseAddress(drive: Drive, address: string): Address {
  const colon = address.indexOf(':');
  if (colon < 0) {
    const slash = address.indexOf('/');
    const id = slash < 0 ? address : address.slice(0, slash);
    return { base: itemById(drive, id), names: [], suffix: suffixOf(slash < 0 ? '' : address.slice(slash)) };
  }
  const base = itemById(drive, address.slice(0, colon));
  const after = address.slice(colon + 1);
  if (!after.startsWith('/')) throw invalidRequest(`Invalid path address: '${address}'.`);
  const close = after.indexOf(':');
  const path = close < 0 ? after : after.slice(0, close);
  const names = path.split('/').filter((n) => n !== '');
  if (names.length === 0) throw invalidRequest(`Invalid path address: '${address}'.`);
  return { base, names, suffix: suffixOf(close < 0 ? '' : after.slice(close + 1)) };
}

function resolve(drive: Drive, a: Address): DriveItemModel {
  const found = walk(drive, a.base, a.names);
  if (!found.item) throw itemNotFound();
  return found.item;
}

// ---- operations ----

function getItem(ctx: HandlerContext, drive: Drive, item: DriveItemModel): GraphResult {
  const ifNoneMatch = ctx.req.headers['if-none-match'];
  if (ifNoneMatch && tagMatches(ifNoneMatch, item)) return { status: 304, headers: { ETag: eTagOf(item) } };
  return itemResult(ctx, drive, item);
}

function listChildren(ctx: HandlerContext, drive: Drive, folder: DriveItemModel): GraphResult {
  const select = parseSelect(ctx.req, DRIVE_ITEM);
  const all = applyOrderBy(
    (folder.isFolder ? childrenOf(drive, folder.id) : []).map((c) => itemJson(ctx, drive, c)),
    ctx.req,
    undefined,
    DRIVE_ITEM,
  );
  // Graph's default page of children is 200 (driveitem-list-children); the maximum $top is the emulator's choice.
  const page = paginate(all, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 200, maxPageSize: 1000, paging: 'skiptoken' });
  const context = `${ctx.baseUrl}/$metadata#drives('${drive.id}')/items('${folder.id}')/children`;
  return ok(collectionBody(context, page.items.map((j) => applySelect(j, select, DRIVE_ITEM)), { nextLink: page.nextLink }));
}

/** 302 to the pre-authenticated download URL, as Graph answers (driveitem-get-content). */
function getContent(ctx: HandlerContext, drive: Drive, item: DriveItemModel): GraphResult {
  if (item.isFolder) throw itemNotFound();
  const ifNoneMatch = ctx.req.headers['if-none-match'];
  if (ifNoneMatch && tagMatches(ifNoneMatch, item)) return { status: 304, headers: { ETag: eTagOf(item) } };
  return { status: 302, headers: { Location: downloadUrlFor(ctx, drive, item) } };
}

function uploadBytes(ctx: HandlerContext): Buffer {
  const { rawBody, body } = ctx.req;
  const bytes = rawBody ?? (typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.alloc(0));
  if (bytes.length > MAX_SIMPLE_UPLOAD_BYTES) throw tooLarge();
  return bytes;
}

function checkPreconditions(ctx: HandlerContext, existing: DriveItemModel | undefined): void {
  const ifMatch = ctx.req.headers['if-match'];
  const ifNoneMatch = ctx.req.headers['if-none-match'];
  // RFC 9110: If-Match fails on a resource that does not exist; If-None-Match: * fails on one that does.
  if (ifMatch && (!existing || !tagMatches(ifMatch, existing))) throw resourceModified();
  if (ifNoneMatch && existing && tagMatches(ifNoneMatch, existing)) throw resourceModified();
}

function replaceContent(ctx: HandlerContext, drive: Drive, item: DriveItemModel, bytes: Buffer): GraphResult {
  item.content = bytes;
  touch(item, ctx.req.caller.id, ctx.now);
  return itemResult(ctx, drive, item);
}

/** PUT .../content: replace by id, or create or replace by path under a folder. */
function putContent(ctx: HandlerContext, drive: Drive, a: Address): GraphResult {
  const bytes = uploadBytes(ctx);
  if (a.names.length === 0) {
    if (a.base.isFolder) throw invalidRequest('The item is a folder; only files have content.');
    checkPreconditions(ctx, a.base);
    return replaceContent(ctx, drive, a.base, bytes);
  }
  const behavior = conflictBehavior(queryParam(ctx.req.query, CONFLICT_PARAM), 'replace');
  const found = walk(drive, a.base, a.names);
  const name = a.names[a.names.length - 1] as string;
  if (found.item) {
    const parent = drive.items.get(found.item.parentId ?? '') as DriveItemModel;
    if (behavior === 'rename') return itemResult(ctx, drive, addItem(drive, parent, uniqueName(drive, parent.id, name), ctx.req.caller.id, ctx.now, { content: bytes }), 201);
    if (behavior === 'fail' || found.item.isFolder) throw nameAlreadyExists();
    checkPreconditions(ctx, found.item);
    return replaceContent(ctx, drive, found.item, bytes);
  }
  checkPreconditions(ctx, undefined);
  if (!found.deepest.isFolder) throw invalidRequest(`'${found.deepest.name}' is a file, not a folder.`);
  for (const n of found.missing) if (!validName(n)) throw invalidRequest(`The name '${n}' is not valid for a file or folder.`);
  // Graph creates the folders a path names that do not exist yet.
  let parent = found.deepest;
  for (const folder of found.missing.slice(0, -1)) parent = addItem(drive, parent, folder, ctx.req.caller.id, ctx.now);
  return itemResult(ctx, drive, addItem(drive, parent, name, ctx.req.caller.id, ctx.now, { content: bytes }), 201);
}

/** POST .../children: a new folder (driveitem-post-children); conflictBehavior defaults to fail. */
function createChild(ctx: HandlerContext, drive: Drive, parent: DriveItemModel): GraphResult {
  const body = ctx.req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidRequest('The request body must be a driveItem.');
  const b = body as Record<string, unknown>;
  if (typeof b.name !== 'string' || !validName(b.name)) throw invalidRequest(`The name '${String(b.name)}' is not valid for a file or folder.`);
  if (!b.folder || typeof b.folder !== 'object') throw invalidRequest('The emulator creates folders here ("folder": {}); upload files with PUT .../content.');
  if (!parent.isFolder) throw invalidRequest(`'${parent.name}' is a file, not a folder.`);
  const behavior = conflictBehavior(b[CONFLICT_PARAM] ?? queryParam(ctx.req.query, CONFLICT_PARAM), 'fail');
  let name = b.name;
  const existing = childNamed(drive, parent.id, name);
  if (existing) {
    if (behavior === 'fail') throw nameAlreadyExists();
    if (behavior === 'rename') name = uniqueName(drive, parent.id, name);
    else removeItem(drive, existing);
  }
  // Whatever the body says about createdBy, lastModifiedBy or dates is ignored: the token decides.
  return itemResult(ctx, drive, addItem(drive, parent, name, ctx.req.caller.id, ctx.now), 201);
}

function deleteItem(ctx: HandlerContext, drive: Drive, item: DriveItemModel): GraphResult {
  if (item.parentId === null) throw accessDenied();
  checkPreconditions(ctx, item);
  removeItem(drive, item);
  return { status: 204, headers: {} };
}

function dispatch(ctx: HandlerContext, method: string, drive: Drive, a: Address): GraphResult {
  if (method === 'PUT') {
    if (a.suffix !== 'content') throw methodNotAllowed();
    return putContent(ctx, drive, a);
  }
  const item = resolve(drive, a);
  if (method === 'GET') {
    if (a.suffix === 'content') return getContent(ctx, drive, item);
    if (a.suffix === 'children') return listChildren(ctx, drive, item);
    return getItem(ctx, drive, item);
  }
  if (method === 'POST' && a.suffix === 'children') return createChild(ctx, drive, item);
  if (method === 'DELETE' && a.suffix === '') return deleteItem(ctx, drive, item);
  throw methodNotAllowed();
}

/** Items by id ({itemId} and a fixed suffix), or by path when the id carries ":/" (then the generic address). */
function byId(method: string, suffix: Suffix) {
  return (ctx: HandlerContext): GraphResult => {
    const drive = driveForCaller(ctx, ctx.params.driveId ?? '');
    // "/items/{parentId}:/children" names a file called "children": parseAddress sees the colon.
    const address = `${ctx.params.itemId ?? 'root'}${suffix ? `/${suffix}` : ''}`;
    return dispatch(ctx, method, drive, parseAddress(drive, address));
  };
}

function byAddress(method: string) {
  return (ctx: HandlerContext): GraphResult => {
    const drive = driveForCaller(ctx, ctx.params.driveId ?? '');
    return dispatch(ctx, method, drive, parseAddress(drive, ctx.params.address ?? ''));
  };
}

/** "/drives/{id}/root:/a/b.json:" is the same as "/drives/{id}/items/root:/a/b.json:". */
function byRootAddress(method: string) {
  return (ctx: HandlerContext): GraphResult => {
    const drive = driveForCaller(ctx, ctx.params.driveId ?? '');
    const address = ctx.params.address ?? '';
    if (!/^root(:|\/|$)/i.test(address)) throw segmentNotFound(address.split('/')[0] ?? address);
    return dispatch(ctx, method, drive, parseAddress(drive, address));
  };
}

function getDrive(ctx: HandlerContext): GraphResult {
  const drive = driveForCaller(ctx, ctx.params.driveId ?? '');
  const team = teamOf(ctx.state, drive);
  const root = drive.items.get(drive.rootId) as DriveItemModel;
  return ok({
    '@odata.context': `${ctx.baseUrl}/$metadata#drives/$entity`,
    createdDateTime: formatUtc(drive.createdDateTime),
    description: '',
    id: drive.id,
    lastModifiedDateTime: formatUtc(root.lastModifiedDateTime),
    name: 'Documents',
    webUrl: drive.webUrl,
    driveType: 'documentLibrary',
    createdBy: { user: { displayName: 'System Account' } },
    owner: { group: { email: null, id: drive.teamId, displayName: team?.displayName ?? null } },
    quota: { deleted: 0, remaining: 27487790694400 - sizeOf(drive, root), state: 'normal', total: 27487790694400, used: sizeOf(drive, root) },
  });
}

export function registerDriveRoutes(r: Router): void {
  r.add('GET', '/drives/{driveId}', getDrive);
  r.add('GET', '/drives/{driveId}/root', byId('GET', ''));
  r.add('GET', '/drives/{driveId}/items/{itemId}', byId('GET', ''));
  r.add('DELETE', '/drives/{driveId}/items/{itemId}', byId('DELETE', ''));
  r.add('GET', '/drives/{driveId}/items/{itemId}/children', byId('GET', 'children'));
  r.add('POST', '/drives/{driveId}/items/{itemId}/children', byId('POST', 'children'));
  r.add('GET', '/drives/{driveId}/items/{itemId}/content', byId('GET', 'content'));
  r.add('PUT', '/drives/{driveId}/items/{itemId}/content', byId('PUT', 'content'));
  for (const method of ['GET', 'PUT', 'POST', 'DELETE']) {
    r.add(method, '/drives/{driveId}/items/{*address}', byAddress(method));
    r.add(method, '/drives/{driveId}/{*address}', byRootAddress(method));
  }
}
