/**
 * Document libraries (drives) as SharePoint keeps them for a team: a tree of folders and files with
 * SharePoint-style ids, eTags and cTags ("{GUID},version"), quickXorHash, and the name rules Graph
 * applies. Pure functions over the State's Drive objects; the routes (routes/drives.ts) do the HTTP.
 */

import { createHash } from 'node:crypto';
import { guidFrom } from './ids';
import type { Drive, DriveItemModel } from './state';

/** Simple upload (PUT .../content) takes at most 4 MB (driveitem-put-content, v1.0 as PLATFORM.md records it). */
export const MAX_SIMPLE_UPLOAD_BYTES = 4 * 1024 * 1024;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function sha(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A SharePoint drive id: "b!" and 64 base64url characters. */
export function driveIdFor(teamId: string): string {
  return `b!${Buffer.concat([sha(`drive|${teamId}`), sha(`drive2|${teamId}`)]).subarray(0, 48).toString('base64url')}`;
}

/** A SharePoint driveItem id: "01" and 32 base32 characters, e.g. 01H7CFEKENJSSIUHGADZBKODARINQC5JMD. */
function itemIdFrom(seed: string): string {
  return `01${base32(sha(`item|${seed}`).subarray(0, 20))}`;
}

function newItem(drive: Drive, seed: string, fields: Omit<DriveItemModel, 'id' | 'uniqueId' | 'version'>): DriveItemModel {
  const item: DriveItemModel = { id: itemIdFrom(`${drive.id}|${seed}`), uniqueId: guidFrom(`unique|${drive.id}|${seed}`).toUpperCase(), version: 1, ...fields };
  drive.items.set(item.id, item);
  return item;
}

export function newDrive(teamId: string, webUrl: string, createdDateTime: number): Drive {
  const drive: Drive = { id: driveIdFor(teamId), teamId, rootId: '', webUrl, createdDateTime, items: new Map(), created: 0 };
  const root = newItem(drive, 'root', {
    name: 'root',
    parentId: null,
    isFolder: true,
    content: Buffer.alloc(0),
    createdBy: null,
    lastModifiedBy: null,
    createdDateTime,
    lastModifiedDateTime: createdDateTime,
  });
  drive.rootId = root.id;
  return drive;
}

export const eTagOf = (item: DriveItemModel): string => `"{${item.uniqueId}},${item.version}"`;
export const cTagOf = (item: DriveItemModel): string => `"c:{${item.uniqueId}},${item.version}"`;

/**
 * Whether an If-Match / If-None-Match value names the item's current version: its eTag or cTag
 * (driveitem-update: "eTag (or cTag)"), or "*". The header is compared whole, since SharePoint's
 * tags themselves contain a comma ("{GUID},3") and cannot be listed.
 */
export function tagMatches(header: string, item: DriveItemModel): boolean {
  const value = header.trim().replace(/^W\//, '');
  return value === '*' || value === eTagOf(item) || value === cTagOf(item);
}

export function childrenOf(drive: Drive, parentId: string): DriveItemModel[] {
  const out: DriveItemModel[] = [];
  for (const item of drive.items.values()) if (item.parentId === parentId) out.push(item);
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.name < b.name ? -1 : 1));
}

/** Names in a SharePoint folder are unique regardless of case. */
export function childNamed(drive: Drive, parentId: string, name: string): DriveItemModel | undefined {
  const key = name.toLowerCase();
  for (const item of drive.items.values()) if (item.parentId === parentId && item.name.toLowerCase() === key) return item;
  return undefined;
}

// SharePoint refuses these characters in file and folder names, and names that are blank, end in a
// dot or start or end with a space (Microsoft's "Restrictions and limitations in OneDrive and SharePoint").
const INVALID_NAME = /["*:<>?/\\|]/;
const hasControlCharacter = (name: string) => [...name].some((c) => c.charCodeAt(0) < 0x20);

export function validName(name: string): boolean {
  return name.length > 0 && name.length <= 400 && !INVALID_NAME.test(name) && !hasControlCharacter(name) && name.trim() === name && !name.endsWith('.');
}

/** "Protokoll.json" taken: "Protokoll 1.json", then "Protokoll 2.json" (what conflictBehavior=rename gives). */
export function uniqueName(drive: Drive, parentId: string, name: string): string {
  if (!childNamed(drive, parentId, name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!childNamed(drive, parentId, candidate)) return candidate;
  }
}

/** Marks a change of the item by a user at a time: a new version, so new eTag and cTag. */
export function touch(item: DriveItemModel, by: string | null, at: number): void {
  item.version += 1;
  item.lastModifiedBy = by;
  item.lastModifiedDateTime = at;
}

/** Adds a file or folder; the parent folder's metadata (childCount) changes with it. */
export function addItem(
  drive: Drive,
  parent: DriveItemModel,
  name: string,
  by: string | null,
  at: number,
  file?: { content: Buffer },
  seed?: string,
): DriveItemModel {
  const item = newItem(drive, seed ?? `created|${drive.created++}`, {
    name,
    parentId: parent.id,
    isFolder: !file,
    content: file?.content ?? Buffer.alloc(0),
    createdBy: by,
    lastModifiedBy: by,
    createdDateTime: at,
    lastModifiedDateTime: at,
  });
  touch(parent, parent.lastModifiedBy, parent.lastModifiedDateTime);
  return item;
}

/** Removes an item and everything under it. */
export function removeItem(drive: Drive, item: DriveItemModel): void {
  for (const child of childrenOf(drive, item.id)) removeItem(drive, child);
  drive.items.delete(item.id);
  const parent = item.parentId ? drive.items.get(item.parentId) : undefined;
  if (parent) touch(parent, parent.lastModifiedBy, parent.lastModifiedDateTime);
}

/** Folders report the size of everything under them, as SharePoint does. */
export function sizeOf(drive: Drive, item: DriveItemModel): number {
  if (!item.isFolder) return item.content.length;
  return childrenOf(drive, item.id).reduce((sum, c) => sum + sizeOf(drive, c), 0);
}

/** The folder names from the root down to the item, the root excluded. */
export function namesFromRoot(drive: Drive, item: DriveItemModel): string[] {
  const names: string[] = [];
  for (let at: DriveItemModel | undefined = item; at && at.parentId !== null; at = drive.items.get(at.parentId)) names.unshift(at.name);
  return names;
}

/**
 * Walks a path of names ("2026/Protokoll.json") down from a folder. Gives the item when all of it
 * exists; otherwise the deepest existing folder and the names still missing below it.
 */
export function walk(drive: Drive, from: DriveItemModel, names: readonly string[]): { item?: DriveItemModel; deepest: DriveItemModel; missing: string[] } {
  let at = from;
  for (let i = 0; i < names.length; i++) {
    const next = at.isFolder ? childNamed(drive, at.id, names[i] as string) : undefined;
    if (!next) return { deepest: at, missing: names.slice(i) };
    at = next;
  }
  return { item: at, deepest: at, missing: [] };
}

const MIME_TYPES = new Map<string, string>([
  ['json', 'application/json'],
  ['txt', 'text/plain'],
  ['html', 'text/html'],
  ['htm', 'text/html'],
  ['md', 'text/markdown'],
  ['csv', 'text/csv'],
  ['xml', 'text/xml'],
  ['pdf', 'application/pdf'],
  ['png', 'image/png'],
  ['jpg', 'image/jpeg'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
]);

/** SharePoint derives a file's mimeType from its extension, not from the upload's Content-Type. */
export function mimeTypeFor(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot >= 0 ? MIME_TYPES.get(name.slice(dot + 1).toLowerCase()) : undefined) ?? 'application/octet-stream';
}

/**
 * QuickXorHash, the only hash SharePoint and OneDrive for Business report (file.hashes.quickXorHash):
 * each byte XORed into a 160-bit register at a bit offset 11 places on from the previous byte's
 * (wrapping), then the length as a 64-bit little-endian number XORed into the last 8 bytes; base64.
 */
export function quickXorHash(data: Buffer): string {
  const WIDTH_BITS = 160;
  const SHIFT = 11;
  const register = Buffer.alloc(WIDTH_BITS / 8);
  let shift = 0;
  for (const b of data) {
    const at = shift >> 3;
    const spread = b << (shift & 7);
    register[at] = (register[at] as number) ^ (spread & 0xff);
    const next = (at + 1) % register.length;
    register[next] = (register[next] as number) ^ (spread >> 8);
    shift = (shift + SHIFT) % WIDTH_BITS;
  }
  let length = BigInt(data.length);
  for (let i = 0; i < 8; i++) {
    const at = register.length - 8 + i;
    register[at] = (register[at] as number) ^ Number(length & 0xffn);
    length >>= 8n;
  }
  return register.toString('base64');
}
