// Sign-off's files in the meeting's folder (DESIGN.md "Sign-off"), shared by the secretary's tab, the
// chair's Outlook pane and the pane's page in a browser:
//
//   Justera/<meeting>/minutes.json                      the minutes; minutes.signOff.rounds lists what was sent
//   Justera/<meeting>/justering/version-<hash>.json     the exact version sent, written once by the sender
//   Justera/<meeting>/justering/svar-<hash12>-<time>-<rand>.json   one answer, created by the approver
//
// The approval mail names the meeting folder and the version (x-justera-minutes / x-justera-version).
// Whoever reads a version checks that its document hashes to the version it claims; whoever counts
// answers trusts only Graph's createdBy of each answer file (domain/signOff.ts roundStatus).

import type { Minutes, PersonRef } from '../domain/minutes';
import { Problem } from '../domain/problems';
import type { MinutesDocument } from '../domain/render';
import type { AnswerContent, AnswerFile, Approver } from '../domain/signOff';
import * as files from '../graph/files';
import type { DriveItemRef } from '../graph/files';
import type { Graph } from '../graph/graph';
import { documentVersion } from './documentVersion';

export const SIGN_OFF_FOLDER = 'justering';
export const VERSION_KIND = 'justera-version';
export const VERSION_SCHEMA_VERSION = 1;

/** The meeting's folder in the group's drive: where the minutes and their sign-off files live. */
export interface MeetingFolderAddress {
  driveId: string;
  folderId: string;
}

/** What the mail's x-justera-minutes header holds: "<driveId>/<folderId>" (drive ids have no "/"). */
export function minutesIdOf(address: MeetingFolderAddress): string {
  return `${address.driveId}/${address.folderId}`;
}

/**
 * The address a tag names; undefined when it is not of that form. Drive ids are "b!" and base64url,
 * item ids letters and digits: nothing else reaches a Graph path (no "..", "?", "%" or "/").
 */
export function addressOfMinutesId(minutesId: string): MeetingFolderAddress | undefined {
  const m = /^([A-Za-z0-9!_-]+)\/([A-Za-z0-9!_-]+)$/.exec(minutesId.trim());
  return m ? { driveId: m[1] as string, folderId: m[2] as string } : undefined;
}

/** A version is a SHA-256 in hex; anything else in a tag or a file name is refused before any request. */
export const isVersion = (v: string): boolean => /^[0-9a-f]{64}$/.test(v);

export const versionFileName = (version: string) => `version-${version}.json`;

/** An answer's file name: unique per answer, sortable by time, naming the version it answers. */
export function answerFileName(version: string, now: Date, random: string): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return `svar-${version.slice(0, 12)}-${stamp}-${random.replace(/[^0-9a-z]/gi, '').slice(0, 8)}.json`;
}

/** The exact version sent for approval, as stored beside the minutes. */
export interface VersionSnapshot {
  kind: typeof VERSION_KIND;
  schemaVersion: typeof VERSION_SCHEMA_VERSION;
  /** meetingFolder.ts meetingKey of the meeting's iCalUId: answers name it too. */
  meeting: string;
  version: string;
  /** What the approvers read and approve: the rendered document. Its hash is `version`. */
  document: MinutesDocument;
  /** The minutes as they were, for a later comparison or a new round. */
  minutes: Minutes;
  sentAt: string;
  sentBy: PersonRef;
  approvers: Approver[];
}

export interface ReadVersion {
  snapshot: VersionSnapshot;
  /** The file, with Graph's createdBy and lastModifiedBy. */
  item: DriveItemRef;
}

function isSnapshot(v: unknown): v is VersionSnapshot {
  if (v === null || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return (
    s.kind === VERSION_KIND &&
    s.schemaVersion === VERSION_SCHEMA_VERSION &&
    typeof s.meeting === 'string' &&
    typeof s.version === 'string' &&
    typeof s.document === 'object' &&
    s.document !== null &&
    typeof s.minutes === 'object' &&
    Array.isArray(s.approvers)
  );
}

export interface SignOffStore {
  readonly address: MeetingFolderAddress;
  /** Stores a version once; a version already there (the same hash) is kept as it is. */
  saveVersion(snapshot: VersionSnapshot): Promise<DriveItemRef>;
  /**
   * Reads a version and checks it: its document must hash to the version asked for, and the file
   * must not have been changed by anyone but its creator. Otherwise a 'bad-data' Problem with code
   * 'version-missing', 'version-unreadable', 'version-mismatch' or 'version-altered'.
   */
  readVersion(version: string): Promise<ReadVersion>;
  /** The versions stored (names and Graph's metadata), without reading them. */
  listVersions(): Promise<{ version: string; item: DriveItemRef }[]>;
  /** Every answer file with its content (undefined content when not JSON), as roundStatus takes them. */
  listAnswers(): Promise<AnswerFile[]>;
  /** Creates an answer file as the signed-in user. A 403 (no write rights in the folder) is a 'forbidden' Problem. */
  writeAnswer(content: AnswerContent, now: Date, random: string): Promise<DriveItemRef>;
}

export function signOffStore(graph: Graph, address: MeetingFolderAddress): SignOffStore {
  const { driveId, folderId } = address;
  // Answer files never change once written (a change is flagged, not read twice): keep their text by id and eTag.
  const answerCache = new Map<string, { eTag: string; content: unknown }>();

  /** The sign-off folder's files with their download URLs, in one request (none when the folder is not there yet). */
  async function listing(): Promise<{ item: DriveItemRef; downloadUrl?: string }[]> {
    return graph.all(files.childrenAt(driveId, folderId, SIGN_OFF_FOLDER));
  }

  const parseJson = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };

  return {
    address,
    async saveVersion(snapshot) {
      try {
        return await graph.send(
          files.uploadText(driveId, folderId, `${SIGN_OFF_FOLDER}/${versionFileName(snapshot.version)}`, JSON.stringify(snapshot, null, 2), {
            conflictBehavior: 'fail',
            contentType: 'application/json',
          }),
        );
      } catch (e) {
        // The same version sent again (a second round of unchanged minutes): the file is already there.
        if (e instanceof Problem && e.kind === 'conflict') {
          const existing = await graph.get(files.itemByPath(driveId, folderId, `${SIGN_OFF_FOLDER}/${versionFileName(snapshot.version)}`));
          if (existing) return existing;
        }
        throw e;
      }
    },
    async readVersion(version) {
      if (!isVersion(version)) throw new Problem('bad-data', `Not a version: ${version}`, { code: 'version-mismatch' });
      const file = await files.downloadTextAt(graph, driveId, folderId, `${SIGN_OFF_FOLDER}/${versionFileName(version)}`);
      if (!file) throw new Problem('bad-data', `Version ${version.slice(0, 12)} is not in the meeting's folder`, { code: 'version-missing' });
      const snapshot = parseJson(file.text);
      if (!isSnapshot(snapshot)) throw new Problem('bad-data', `Version ${version.slice(0, 12)} cannot be read`, { code: 'version-unreadable' });
      const { createdBy, lastModifiedBy } = file.item;
      if (lastModifiedBy?.id && createdBy?.id && lastModifiedBy.id.toLowerCase() !== createdBy.id.toLowerCase()) {
        throw new Problem('bad-data', `Version ${version.slice(0, 12)} was changed after it was sent`, { code: 'version-altered' });
      }
      if (snapshot.version !== version || (await documentVersion(snapshot.document)) !== version) {
        throw new Problem('bad-data', `Version ${version.slice(0, 12)} does not hold what was sent`, { code: 'version-mismatch' });
      }
      return { snapshot, item: file.item };
    },
    async listVersions() {
      return (await listing()).flatMap(({ item }) => {
        const m = /^version-([0-9a-f]{64})\.json$/.exec(item.name);
        return m && !item.isFolder ? [{ version: m[1] as string, item }] : [];
      });
    },
    async listAnswers() {
      const answers = (await listing()).filter(({ item }) => !item.isFolder && item.name.startsWith('svar-'));
      return Promise.all(
        answers.map(async (found): Promise<AnswerFile> => {
          const { item } = found;
          let cached = answerCache.get(item.id);
          if (!cached || cached.eTag !== item.eTag) {
            // The listing's download URL; a file listed without one (not Graph's way) is looked up by id.
            const file = found.downloadUrl ? await files.downloadListed(graph, found) : await files.downloadText(graph, driveId, item.id);
            cached = { eTag: item.eTag, content: parseJson(file.text) };
            answerCache.set(item.id, cached);
          }
          return { name: item.name, createdBy: item.createdBy, lastModifiedBy: item.lastModifiedBy, createdDateTime: item.created ?? item.lastModified, content: cached.content };
        }),
      );
    },
    async writeAnswer(content, now, random) {
      return graph.send(
        files.uploadText(driveId, folderId, `${SIGN_OFF_FOLDER}/${answerFileName(content.version, now, random)}`, JSON.stringify(content, null, 2), {
          conflictBehavior: 'fail',
          contentType: 'application/json',
        }),
      );
    },
  };
}
