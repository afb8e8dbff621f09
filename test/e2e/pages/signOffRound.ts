// A round of sign-off as the secretary's tab sends it, made straight through the emulator's Graph as
// the secretary (app/signOffStore.ts is the contract): the exact version stored in the meeting's folder
// as `Justera/<meeting>/justering/version-<hash>.json`, its hash computed here with the app's own
// canonical JSON and SHA-256, and the approval mail with Justera's tag sent to the chair. Also reads
// back the answer files the approvers created, with Graph's createdBy.

import { createHash } from 'node:crypto';
import { expect, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import type { DocumentItem, MinutesDocument } from '../../../src/domain/render';
import { canonicalJson } from '../../../src/domain/signOff';
import { graphAs, mailChair, PEOPLE } from './outlookHost';
import { EMULATOR } from './teamsHost';

/** An agenda item as the template renders it: "§ 1 Title", with its decisions. */
export interface ItemText {
  id: string;
  title: string;
  decisions?: string[];
}

/** A small document as render.ts lays minutes out: a title, a date and numbered agenda items. */
export function minutesDocument(title: string, items: ItemText[]): MinutesDocument {
  const agenda: DocumentItem[] = items.map((item, i) => ({
    id: item.id,
    number: `§ ${i + 1}`,
    title: item.title,
    heading: `§ ${i + 1} ${item.title}`,
    subPoints: [],
    notes: [],
    decisionsLabel: 'Beslut',
    decisions: item.decisions ?? [],
    actionsLabel: 'Uppdrag',
    actions: [],
  }));
  return {
    language: 'sv',
    locale: 'sv-SE',
    title,
    header: [{ id: 'date', label: 'Datum', value: '2026-11-24' }],
    sections: [{ kind: 'agenda', label: 'Dagordning', items: agenda }],
    properties: { title, subject: title, creator: PEOPLE.secretary.name },
    fileName: `2026-11-24 ${title}.docx`,
  };
}

/** The version of a document: SHA-256 in hex of its canonical JSON, as app/documentVersion.ts computes it. */
export const versionOf = (document: MinutesDocument) => createHash('sha256').update(canonicalJson(document), 'utf8').digest('hex');

interface DriveItem {
  id: string;
  name: string;
  parentReference: { driveId: string };
  createdBy?: { user?: { id?: string; displayName?: string } };
}

export interface AnswerOnFile {
  name: string;
  createdBy?: string;
  content: { version: string; decision: string; comment?: string; section?: string };
}

/** The folder of the demo's channel tab in the team's drive. */
async function channelFolder(request: APIRequestContext): Promise<DriveItem> {
  const { teamId, channelId } = (await (await request.get(`${EMULATOR}/_emulator/scenario`)).json()).resolved.teamsContext;
  return (await graphAs(request, PEOPLE.secretary.address)).get<DriveItem>(`/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/filesFolder`);
}

/** One meeting's folder in the demo channel, with the versions the secretary sent for approval. */
export class SignOffFolder {
  private constructor(
    private readonly request: APIRequestContext,
    readonly driveId: string,
    /** The channel's folder: the meeting folder is Justera/<name> below it. */
    private readonly channelFolderId: string,
    readonly name: string,
    /** meetingFolder.ts meetingKey of the meeting: what versions and answers name. */
    readonly meeting: string,
  ) {}

  /** A new meeting folder (the name unique per test) in the channel of the demo's channel tab. */
  static async create(request: APIRequestContext, name: string, meeting = `m${name.replace(/[^0-9a-z]/gi, '').slice(-8).toLowerCase()}`): Promise<SignOffFolder> {
    const channel = await channelFolder(request);
    return new SignOffFolder(request, channel.parentReference.driveId, channel.id, name, meeting);
  }

  private path(rest: string) {
    return `/drives/${this.driveId}/items/${this.channelFolderId}:/${['Justera', this.name, rest].filter(Boolean).map(encodeURIComponent).join('/')}:`;
  }

  /** The Graph path listing the meeting folder's files. */
  async childrenPath(): Promise<string> {
    return `${this.path('')}/children`;
  }

  /** The meeting folder's id: what the mail's tag names after the drive. */
  async minutesId(): Promise<string> {
    const folder = await (await graphAs(this.request, PEOPLE.secretary.address)).get<DriveItem>(this.path(''));
    return `${this.driveId}/${folder.id}`;
  }

  /** The meeting's folder the tab made last (the newest under Justera: the demo's year of minutes is older). */
  static async ofMinutes(request: APIRequestContext): Promise<SignOffFolder> {
    const channel = await channelFolder(request);
    const secretary = await graphAs(request, PEOPLE.secretary.address);
    const justera = await secretary.get<{ value: (DriveItem & { folder?: unknown; createdDateTime: string })[] }>(`/drives/${channel.parentReference.driveId}/items/${channel.id}:/Justera:/children`);
    const folders = justera.value.filter((f) => f.folder).sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
    expect(folders.length).toBeGreaterThan(0);
    const name = folders[0]!.name;
    // The folder's name ends with the meeting's key: "2026-12-04 Samordningsgrupp Nära vård (1x2y3z4)".
    return new SignOffFolder(request, channel.parentReference.driveId, channel.id, name, /\(([0-9a-z]+)\)$/.exec(name)?.[1] ?? '');
  }

  /**
   * The secretary stores the version as signOffStore.saveVersion does, naming the chair as approver;
   * gives the round as minutes.signOff.rounds names it. `tamper` changes the file's content after
   * its name is set (a file that does not hold what its name says).
   */
  async storeVersion(document: MinutesDocument, tamper?: (snapshot: { document: MinutesDocument }) => void) {
    const secretaryGraph = await graphAs(this.request, PEOPLE.secretary.address);
    const [secretary, chair] = await Promise.all([secretaryGraph.get<{ id: string }>('/me'), (await graphAs(this.request, PEOPLE.chair.address)).get<{ id: string }>('/me')]);
    const version = versionOf(document);
    const round = {
      version,
      sentAt: new Date().toISOString(),
      sentBy: { key: `id:${secretary.id}`, displayName: PEOPLE.secretary.name, email: PEOPLE.secretary.address },
      approvers: [{ key: `id:${chair.id}`, displayName: PEOPLE.chair.name, email: PEOPLE.chair.address, role: 'chair' }],
    };
    const snapshot = { kind: 'justera-version', schemaVersion: 1, meeting: this.meeting, document, minutes: {}, ...round };
    tamper?.(snapshot);
    await secretaryGraph.put(`${this.path(`justering/version-${version}.json`)}/content`, JSON.stringify(snapshot, null, 2));
    return round;
  }

  /**
   * A round sent: the version stored (storeVersion) and the chair mailed with the tag; gives the
   * version and the mail's id in the chair's inbox. `tag` changes what the mail's headers say (an
   * altered tag); `extraHeaders` adds others.
   */
  async send(
    document: MinutesDocument,
    options: {
      subject: string;
      tag?: (minutesId: string, version: string) => { minutes: string; version: string };
      extraHeaders?: { name: string; value: string }[];
      /** Delivered from outside the tenant (a spoofed mail naming the secretary as its sender). */
      fromOutside?: boolean;
      tamper?: (snapshot: { document: MinutesDocument }) => void;
      /** Who mails the tag (the secretary unless said): anyone can put headers on a mail. */
      from?: string;
    },
  ): Promise<{ version: string; mailId: string }> {
    const { version } = await this.storeVersion(document, options.tamper);
    const minutesId = await this.minutesId();
    const tag = options.tag?.(minutesId, version) ?? { minutes: minutesId, version };
    const mailId = await mailChair(this.request, {
      subject: options.subject,
      from: options.from,
      fromOutside: options.fromOutside,
      headers: [{ name: 'x-justera-minutes', value: tag.minutes }, { name: 'x-justera-version', value: tag.version }, ...(options.extraHeaders ?? [])],
    });
    return { version, mailId };
  }

  /**
   * Each person approves the version the secretary sent (the only one in the folder), as the pane does:
   * an answer file each creates as themselves. What their own surfaces do is tested in signOff.spec.ts.
   */
  async approveAs(...addresses: string[]): Promise<string> {
    const secretary = await graphAs(this.request, PEOPLE.secretary.address);
    const listing = await secretary.get<{ value: DriveItem[] }>(`${this.path('justering')}/children`);
    const versions = listing.value.flatMap((f) => /^version-([0-9a-f]{64})\.json$/.exec(f.name)?.[1] ?? []);
    expect(versions).toHaveLength(1);
    const version = versions[0]!;
    for (const [i, address] of addresses.entries()) {
      const content = { kind: 'justera-answer', schemaVersion: 1, meeting: this.meeting, version, decision: 'approved' };
      const name = `svar-${version.slice(0, 12)}-${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}-e2e${i}.json`;
      await (await graphAs(this.request, address)).put(`${this.path(`justering/${name}`)}/content`, JSON.stringify(content));
    }
    return version;
  }

  /** The answer files in the folder, with who Graph says created each. */
  async answers(): Promise<AnswerOnFile[]> {
    const secretary = await graphAs(this.request, PEOPLE.secretary.address);
    const listing = await secretary.get<{ value: DriveItem[] }>(`${this.path('justering')}/children`);
    const files = listing.value.filter((f) => f.name.startsWith('svar-'));
    return Promise.all(
      files.map(async (f) => ({
        name: f.name,
        createdBy: f.createdBy?.user?.id,
        content: JSON.parse(await secretary.text(`/drives/${this.driveId}/items/${f.id}/content`)),
      })),
    );
  }
}

/** The chair's directory id, to compare with Graph's createdBy. */
export async function chairId(request: APIRequestContext): Promise<string> {
  const me = await (await graphAs(request, PEOPLE.chair.address)).get<{ id: string }>('/me');
  expect(me.id).toBeTruthy();
  return me.id;
}

/** The approver's view ("Din justering"), in the Outlook pane, the browser page or the Teams tab. */
export function approvalView(root: Pick<Page, 'getByRole'> | Pick<FrameLocator, 'getByRole'>, language: 'sv' | 'en' = 'sv') {
  return root.getByRole('region', { name: language === 'sv' ? 'Din justering' : 'Your approval', exact: true });
}
