// Page model of the demo's "Kanalen och Planner" page (landed.html on the host simulator), and what it
// shows, put there through the emulator's Graph as the demo's people: a channel post with a file and
// mentions, and Planner tasks in a bucket with owners, due dates and details, as publishing makes them.

import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { named } from './minutes';
import { graphAs, PEOPLE } from './outlookHost';
import { EMULATOR } from './teamsHost';

export type Language = 'sv' | 'en';

const WORDS = {
  sv: {
    link: 'Kanalen och Planner (skrivskyddad vy)',
    title: 'Kanalen och Planner',
    refresh: 'Uppdatera',
    mark: { completed: 'Markera som klar', inProgress: 'Markera som pågående', notStarted: 'Markera som ej påbörjad' },
    completedBy: 'Klar av',
  },
  en: {
    link: 'The channel and Planner (read-only view)',
    title: 'The channel and Planner',
    refresh: 'Refresh',
    mark: { completed: 'Mark as completed', inProgress: 'Mark as in progress', notStarted: 'Mark as not started' },
    completedBy: 'Completed by',
  },
} as const;

export class LandedPage {
  constructor(
    readonly page: Page,
    readonly language: Language = 'sv',
  ) {}

  get words() {
    return WORDS[this.language];
  }

  /** From the demo's start page, by its link in the Swedish or the English section; waits for the first read. */
  static async fromStartPage(page: Page, language: Language = 'sv'): Promise<LandedPage> {
    await page.goto('/');
    await page.getByRole('link', { name: WORDS[language].link, exact: true }).click();
    const landed = new LandedPage(page, language);
    await landed.loaded();
    return landed;
  }

  async loaded() {
    await expect(this.page.getByRole('heading', { level: 1, name: this.words.title })).toBeVisible();
    // The live region says what was read (or what changed) once a read is done.
    await expect(this.page.locator('#view')).not.toHaveAttribute('aria-busy', 'true');
    await expect(this.status).toHaveText(/\S/);
    await expect(this.status).not.toHaveText(/Läser|Reading/);
  }

  /** The live region that announces each read and each change. */
  get status() {
    return this.page.getByRole('status');
  }

  get problem() {
    return this.page.getByRole('alert');
  }

  async refresh() {
    await this.page.getByRole('button', { name: this.words.refresh, exact: true }).click();
    await this.loaded();
  }

  /** A channel's section, by the channel's name. */
  channel(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** A post in a channel, by its subject. */
  message(channel: string, subject: string) {
    return this.channel(channel).getByRole('article').filter({ has: this.page.getByRole('heading', { name: subject, exact: true }) });
  }

  /** A bucket's column, by its name. */
  bucket(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** A task's card, by its title. */
  task(title: string) {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { level: 5, name: title, exact: true }) });
  }

  /** A task's button, named by what it does and the task's title. */
  markButton(title: string, to: keyof (typeof WORDS)['sv']['mark']) {
    return this.page.getByRole('button', { name: named(`${this.words.mark[to]}: `, escapeRegExp(title)) });
  }
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface DriveItem {
  id: string;
  name: string;
  eTag: string;
  webUrl: string;
  parentReference: { driveId: string };
}

/** The demo's team, its channel of the channel tab, and its plan, as the scenario names them. */
export async function demoTeam(request: APIRequestContext) {
  const scenario = await (await request.get(`${EMULATOR}/_emulator/scenario`)).json();
  const { teamId, channelId, channelName } = scenario.resolved.teamsContext as { teamId: string; channelId: string; channelName: string };
  const team = (scenario.resolved.teams as { id: string; plans: { id: string }[] }[]).find((t) => t.id === teamId)!;
  return { teamId, channelId, channelName, planId: team.plans[0]?.id ?? '' };
}

/** Someone's directory id, as assignments and mentions name them. */
export async function userId(request: APIRequestContext, address: string): Promise<string> {
  return (await (await graphAs(request, address)).get<{ id: string }>('/me')).id;
}

/**
 * The secretary posts in the demo channel as publishing does: `html` as the body, with each of
 * `mentions` as `<at>` after it and, with `file`, that file uploaded to the channel's folder and
 * attached by reference.
 */
export async function postInChannel(
  request: APIRequestContext,
  post: { subject: string; html: string; mentions?: { name: string; address: string }[]; file?: string },
): Promise<void> {
  const secretary = await graphAs(request, PEOPLE.secretary.address);
  const { teamId, channelId } = await demoTeam(request);
  const channel = `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}`;
  const mentions = await Promise.all(
    (post.mentions ?? []).map(async (m, i) => ({ id: i, mentionText: m.name, mentioned: { user: { id: await userId(request, m.address), displayName: m.name, userIdentityType: 'aadUser' } } })),
  );
  let content = post.html + mentions.map((m) => ` <at id="${m.id}">${m.mentionText}</at>`).join('');
  const attachments: unknown[] = [];
  if (post.file) {
    const folder = await secretary.get<DriveItem>(`${channel}/filesFolder`);
    const item = await secretary.put<DriveItem>(`/drives/${folder.parentReference.driveId}/items/${folder.id}:/${encodeURIComponent(post.file)}:/content`, 'PK docx');
    // chatmessage-post: a file is attached by the GUID inside its eTag.
    const id = (/\{([^}]+)\}/.exec(item.eTag)?.[1] ?? '').toLowerCase();
    content += `<attachment id="${id}"></attachment>`;
    attachments.push({ id, contentType: 'reference', contentUrl: item.webUrl, name: item.name });
  }
  await secretary.post(`${channel}/messages`, { subject: post.subject, body: { contentType: 'html', content }, attachments, mentions });
}

/**
 * The secretary creates a task in the demo plan as publishing does: in a new bucket `bucket`, assigned
 * to `owner` (a member of the group) or to no one, due at `due`, with a description and one link.
 */
export async function createTask(
  request: APIRequestContext,
  task: { bucket: string; title: string; owner?: string; due?: string; description?: string; link?: { url: string; alias: string } },
): Promise<{ id: string }> {
  const secretary = await graphAs(request, PEOPLE.secretary.address);
  const { planId } = await demoTeam(request);
  const bucket = await secretary.post<{ id: string }>('/planner/buckets', { planId, name: task.bucket, orderHint: ' !' });
  const assignments = task.owner ? { [await userId(request, task.owner)]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } } : {};
  const created = await secretary.post<{ id: string }>('/planner/tasks', { planId, bucketId: bucket.id, title: task.title, assignments, ...(task.due ? { dueDateTime: task.due } : {}) });
  if (task.description || task.link) {
    const details = await secretary.get<{ '@odata.etag': string }>(`/planner/tasks/${created.id}/details`);
    // plannerExternalReferences: the URL is the key, with %, ., :, @ and # encoded.
    const key = task.link ? task.link.url.replace(/[%.:@#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : '';
    await secretary.patch(
      `/planner/tasks/${created.id}/details`,
      {
        ...(task.description ? { description: task.description } : {}),
        ...(task.link ? { references: { [key]: { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: task.link.alias, type: 'Other' } } } : {}),
      },
      details['@odata.etag'],
    );
  }
  return created;
}
