// Page model of the Outlook host simulator (https://localhost) with Justera's pane inside it, and
// the mail and calendar it opens, put there through Graph as the people of the demo tenant.

import { expect, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { PORTS } from '../../../playwright.config';
import { EMULATOR } from './teamsHost';

export const OUTLOOK = `https://localhost:${PORTS.outlook}`;
export const PANE = `https://localhost:${PORTS.pane}`;

/** Where office.js's Outlook part would fetch MicrosoftAjax.js from; offline, tests answer with the demo's stand-in. */
const MS_AJAX_CDN = 'https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js';

export const PEOPLE = {
  secretary: { name: 'Ahmed Yilmaz', address: 'ahmed.yilmaz@regionostmark.se' },
  chair: { name: 'Karin Ekström', address: 'karin.ekstrom@regionostmark.se' },
  member: { name: 'Olof Bergström', address: 'olof.bergstrom@regionostmark.se' },
} as const;

export interface OutlookOptions {
  persona?: 'secretary' | 'chair' | 'member';
  /** `message:<id>` or `event:<id>` from the persona's mailbox. */
  item?: string;
  locale?: 'sv-SE' | 'en-US';
}

type Simulator = { ready?: boolean; unhandled: unknown[]; problems: unknown[] };

export class OutlookHost {
  readonly pane: FrameLocator;

  constructor(readonly page: Page) {
    this.pane = page.frameLocator('iframe[title="Justera"]');
  }

  /** Opens the simulator (the test must use ignoreHTTPSErrors: its certificate is made at start). */
  async open(options: OutlookOptions = {}) {
    await this.page.route(MS_AJAX_CDN, async (route) => route.fulfill({ response: await this.page.request.get(`${PANE}/office-standin/MicrosoftAjax.js`) }));
    const params = new URLSearchParams(Object.entries(options).filter((e): e is [string, string] => e[1] !== undefined));
    await this.page.goto(`${OUTLOOK}/outlook.html?${params}`);
    await expect.poll(() => this.page.evaluate(() => (window as unknown as { __outlookSimulator?: Simulator }).__outlookSimulator?.ready)).toBe(true);
    return this;
  }

  /** The pane's section about the open item ("Mejlet", "Mötet", "The mail", ...). */
  item(heading: string) {
    return this.pane.getByRole('region', { name: heading });
  }

  /** Makes the add-in pane `width` px wide (Outlook's is 320 at its narrowest); gives how far the pane's page scrolls sideways. */
  async narrow(width: number): Promise<() => Promise<number>> {
    await this.page.evaluate((w) => {
      (document.getElementById('stage') as HTMLElement).style.width = `${w}px`;
    }, width);
    const frame = this.page.frames().find((f) => f.url().includes('/pane.html'))!;
    return () => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  /** Every office.js request the simulator did not answer, and every setup problem: a test fails on any. */
  async unhandledCalls(): Promise<unknown[]> {
    return this.page.evaluate(() => {
      const sim = (window as unknown as { __outlookSimulator?: Simulator }).__outlookSimulator;
      return sim ? [...sim.unhandled, ...sim.problems] : ['no simulator'];
    });
  }
}

/** Graph as one person of the demo tenant, through the emulator over HTTP. */
export async function graphAs(request: APIRequestContext, user: string) {
  const token = (await (await request.post(`${EMULATOR}/_emulator/token`, { data: { user, expiresInSeconds: 600 } })).json()).access_token as string;
  const headers = { Authorization: `Bearer ${token}`, Prefer: 'outlook.timezone="UTC"' };
  return {
    async get<T>(path: string): Promise<T> {
      const res = await request.get(`${EMULATOR}/v1.0${path}`, { headers });
      expect(res.ok(), `GET ${path}`).toBe(true);
      return (await res.json()) as T;
    },
    /** Gives what Graph answers (undefined for an empty answer, as sendMail's 202). */
    async post<T = unknown>(path: string, data: unknown): Promise<T> {
      const res = await request.post(`${EMULATOR}/v1.0${path}`, { headers, data });
      expect(res.ok(), `POST ${path}`).toBe(true);
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
    /** A Planner write: `eTag` goes out as If-Match. */
    async patch(path: string, data: unknown, eTag: string) {
      const res = await request.patch(`${EMULATOR}/v1.0${path}`, { headers: { ...headers, 'If-Match': eTag }, data });
      expect(res.ok(), `PATCH ${path}`).toBe(true);
    },
    /** Uploads a file's text (PUT .../content) and gives the driveItem Graph answers. */
    async put<T>(path: string, text: string): Promise<T> {
      const res = await request.put(`${EMULATOR}/v1.0${path}`, { headers: { ...headers, 'Content-Type': 'application/json' }, data: text });
      expect(res.ok(), `PUT ${path}`).toBe(true);
      return (await res.json()) as T;
    },
    /** A file's text. */
    /** A file's bytes (GET .../content, redirect followed). */
    async bytes(path: string): Promise<Buffer> {
      const res = await request.get(`${EMULATOR}/v1.0${path}`, { headers });
      expect(res.ok(), `GET ${path}`).toBe(true);
      return res.body();
    },
    async text(path: string): Promise<string> {
      const res = await request.get(`${EMULATOR}/v1.0${path}`, { headers });
      expect(res.ok(), `GET ${path}`).toBe(true);
      return res.text();
    },
  };
}

/**
 * The secretary (or `from`) mails the chair through Graph's sendMail, with custom internet headers;
 * returns the id of the copy in the chair's inbox (the subject must be unique).
 */
export async function mailChair(
  request: APIRequestContext,
  mail: { subject: string; body?: string; headers?: { name: string; value: string }[]; from?: string; fromOutside?: boolean },
): Promise<string> {
  const body = mail.body ?? '<p>Hej Karin!</p>';
  if (mail.fromOutside) {
    // Mail from outside the tenant, however it names its sender: Exchange (the emulator) stamps it Anonymous.
    const delivered = await request.post(`${EMULATOR}/_emulator/mail/deliver`, {
      data: { from: mail.from ?? PEOPLE.secretary.address, to: PEOPLE.chair.address, subject: mail.subject, body: { contentType: 'HTML', content: body }, headers: mail.headers ?? [] },
    });
    expect(delivered.status()).toBe(201);
  } else {
    await (await graphAs(request, mail.from ?? PEOPLE.secretary.address)).post('/me/sendMail', {
      message: {
        subject: mail.subject,
        body: { contentType: 'HTML', content: body },
        toRecipients: [{ emailAddress: { address: PEOPLE.chair.address, name: PEOPLE.chair.name } }],
        internetMessageHeaders: mail.headers ?? [],
      },
    });
  }
  return messageIn(request, PEOPLE.chair.address, mail.subject);
}

/** The id of the newest mail with this subject in a person's inbox, as Graph lists it for them. */
export async function messageIn(request: APIRequestContext, user: string, subject: string): Promise<string> {
  const inbox = await (await graphAs(request, user)).get<{ value: { id: string; subject: string }[] }>('/me/messages?$select=id,subject&$top=50');
  const copy = inbox.value.find((m) => m.subject === subject);
  expect(copy, `${user} received "${subject}"`).toBeDefined();
  return copy!.id;
}

export interface ChairsMeeting {
  id: string;
  subject: string;
  /** UTC ISO. */
  start: string;
  /** The same in every attendee's calendar: what the minutes' folder and versions are keyed by. */
  iCalUId: string;
}

/** The meetings in the chair's calendar around today (their own copies), with their starts in UTC. */
export async function chairsMeetings(request: APIRequestContext): Promise<ChairsMeeting[]> {
  const day = 86_400_000;
  const now = Date.now();
  const view = await (await graphAs(request, PEOPLE.chair.address)).get<{ value: { id: string; subject: string; iCalUId: string; start: { dateTime: string } }[] }>(
    `/me/calendarView?startDateTime=${new Date(now - 30 * day).toISOString()}&endDateTime=${new Date(now + 60 * day).toISOString()}&$top=100`,
  );
  return view.value.filter((e) => e.subject).map((e) => ({ id: e.id, subject: e.subject, iCalUId: e.iCalUId, start: `${e.start.dateTime.replace(/(\.\d+)?$/, '')}Z` }));
}

/** A meeting in the chair's calendar around today (their own copy), with its start in UTC. */
export async function chairsMeeting(request: APIRequestContext): Promise<ChairsMeeting> {
  const [event] = await chairsMeetings(request);
  expect(event, 'the chair has a meeting around today').toBeDefined();
  return event!;
}
