// The meeting's minutes file in the channel, read and written straight through the emulator's Graph
// as one of the demo's people: what "someone else saved" and "what the channel really has" mean in
// end-to-end tests, without a page of its own.

import { expect, type APIRequestContext } from '@playwright/test';
import { EMULATOR } from './teamsHost';

/** The demo's people by persona (emulator/scenarios/demo.json). */
export const PEOPLE = { secretary: 'ahmed.yilmaz@regionostmark.se', chair: 'karin.ekstrom@regionostmark.se' } as const;

interface MinutesFile {
  /** The file's driveItem, as the next write's If-Match names it. */
  eTag: string;
  minutes: { agenda: { title: string; decisions: { id: string; text: string }[] }[]; conflicts: unknown[] } & Record<string, unknown>;
}

export class ChannelFiles {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
    private readonly driveId: string,
    private readonly folderId: string,
  ) {}

  /** As `user`, in the channel of the demo's channel tab. */
  static async as(request: APIRequestContext, user: string): Promise<ChannelFiles> {
    const { access_token: token } = await (await request.post(`${EMULATOR}/_emulator/token`, { data: { user, expiresInSeconds: 3600 } })).json();
    const { teamId, channelId } = (await (await request.get(`${EMULATOR}/_emulator/scenario`)).json()).resolved.teamsContext;
    const folder = await (await request.get(`${EMULATOR}/v1.0/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/filesFolder`, { headers: { Authorization: `Bearer ${token}` } })).json();
    return new ChannelFiles(request, token, folder.parentReference.driveId, folder.id);
  }

  private get auth() {
    return { Authorization: `Bearer ${this.token}` };
  }

  /** The only meeting folder under "Justera" (each test starts from a tenant without minutes). */
  private async meetingFolder(): Promise<string> {
    const res = await this.request.get(`${EMULATOR}/v1.0/drives/${this.driveId}/items/${this.folderId}:/Justera:/children`, { headers: this.auth });
    expect(res.ok()).toBe(true);
    const folders = (await res.json()).value.filter((i: { folder?: unknown }) => i.folder);
    expect(folders).toHaveLength(1);
    return folders[0].id;
  }

  /** The minutes file as the channel has it now. */
  async read(): Promise<MinutesFile> {
    const at = `${EMULATOR}/v1.0/drives/${this.driveId}/items/${await this.meetingFolder()}:/minutes.json:`;
    const item = await (await this.request.get(at, { headers: this.auth })).json();
    const content = await this.request.get(`${at}/content`, { headers: this.auth });
    expect(content.ok()).toBe(true);
    return { eTag: item.eTag, minutes: JSON.parse(await content.text()) };
  }

  /** Someone else's save: the file changed by `change`, written over the version it read (If-Match). */
  async change(change: (minutes: MinutesFile['minutes']) => void): Promise<void> {
    const file = await this.read();
    change(file.minutes);
    const res = await this.request.put(`${EMULATOR}/v1.0/drives/${this.driveId}/items/${await this.meetingFolder()}:/minutes.json:/content`, {
      headers: { ...this.auth, 'Content-Type': 'application/json', 'If-Match': file.eTag },
      data: JSON.stringify(file.minutes, null, 2),
    });
    expect(res.status()).toBe(200);
  }
}
