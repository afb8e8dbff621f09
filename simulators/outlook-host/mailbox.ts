// What the simulator reads from the Graph emulator as the persona (their own token): the recent
// messages and the events around today for the toolbar, and the one item the pane is opened on.
// No DOM: fetch is passed in.

import type { GraphEvent, GraphMessage } from './item';
import type { ItemRef } from './params';

export interface ItemChoice {
  ref: ItemRef;
  label: string;
  /** message: received; event: start (ISO, UTC). */
  when: string;
  group: 'mail' | 'upcoming' | 'past';
}

/** Every field the item needs; Graph returns internetMessageHeaders only when $select names it. */
export const MESSAGE_SELECT = 'id,subject,from,sender,toRecipients,ccRecipients,sentDateTime,receivedDateTime,body,internetMessageHeaders';
/** Times in UTC, so the simulator needs no Windows time-zone table. */
const UTC = { Prefer: 'outlook.timezone="UTC"' };
const DAY = 86_400_000;

export class MailboxReader {
  constructor(
    private readonly graphBaseUrl: string,
    private readonly token: string,
    // Called as a plain function: window.fetch refuses another `this`.
    private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  private async get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    const url = `${this.graphBaseUrl.replace(/\/+$/, '')}${path}`;
    const res = await this.fetchFn(url, { headers: { Authorization: `Bearer ${this.token}`, ...headers }, cache: 'no-store' });
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
    return (await res.json()) as T;
  }

  async message(id: string): Promise<GraphMessage> {
    return this.get<GraphMessage>(`/me/messages/${encodeURIComponent(id)}?$select=${MESSAGE_SELECT}`);
  }

  async event(id: string): Promise<GraphEvent> {
    return this.get<GraphEvent>(`/me/events/${encodeURIComponent(id)}`, UTC);
  }

  /** The 15 newest messages, then the events of the last 30 and next 60 days (upcoming first, nearest first). */
  async choices(now: number): Promise<ItemChoice[]> {
    const [mail, events] = await Promise.all([
      this.get<{ value: GraphMessage[] }>('/me/messages?$select=id,subject,from,receivedDateTime&$top=15'),
      this.get<{ value: GraphEvent[] }>(
        `/me/calendarView?startDateTime=${new Date(now - 30 * DAY).toISOString()}&endDateTime=${new Date(now + 60 * DAY).toISOString()}&$top=100`,
        UTC,
      ),
    ]);
    return [...mail.value.map(messageChoice), ...eventChoices(events.value, now)];
  }
}

function messageChoice(m: GraphMessage): ItemChoice {
  const from = m.from?.emailAddress?.name ?? m.from?.emailAddress?.address ?? '?';
  return { ref: { kind: 'message', id: m.id }, label: `${m.subject || '(no subject)'} — ${from}`, when: m.receivedDateTime ?? '', group: 'mail' };
}

const startOf = (e: GraphEvent): string => (e.start?.dateTime ? `${e.start.dateTime.replace(/(\.\d+)?$/, '')}Z` : '');

export function eventChoices(events: GraphEvent[], now: number): ItemChoice[] {
  const all = events.map((e): ItemChoice => {
    const when = startOf(e);
    return { ref: { kind: 'event', id: e.id }, label: `${e.subject || '(no subject)'} — ${when.slice(0, 16).replace('T', ' ')} UTC`, when, group: Date.parse(when) >= now ? 'upcoming' : 'past' };
  });
  const upcoming = all.filter((c) => c.group === 'upcoming').sort((a, b) => a.when.localeCompare(b.when));
  const past = all.filter((c) => c.group === 'past').sort((a, b) => b.when.localeCompare(a.when));
  return [...upcoming, ...past];
}

/** The item opened when the URL names none: the newest message, else the next meeting, else the last one. */
export function defaultItem(choices: ItemChoice[]): ItemRef | undefined {
  return (choices.find((c) => c.group === 'mail') ?? choices.find((c) => c.group === 'upcoming') ?? choices.find((c) => c.group === 'past'))?.ref;
}
