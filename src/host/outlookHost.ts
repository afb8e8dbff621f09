// The Outlook host, through office.js: loads office.js from the configured URL (only the pane does,
// never a Teams tab), waits for Office.onReady, and wraps the item's callback APIs in promises that
// fail with a Problem. office.js has no types installed here: the few shapes used are declared below.

import { Problem } from '../domain/problems';
import type { MailboxHost, MailboxItem, MailPerson } from './host';

interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { code?: number; name?: string; message?: string };
}
type Callback<T> = (result: AsyncResult<T>) => void;

interface OfficeEmailAddress {
  displayName?: string;
  emailAddress?: string;
}

/** The read-mode item, message or appointment (office.js's Office.MessageRead / AppointmentRead). */
interface OfficeItem {
  itemType: 'message' | 'appointment' | string;
  itemId?: string;
  subject?: string;
  from?: OfficeEmailAddress;
  start?: Date;
  end?: Date;
  location?: string;
  organizer?: OfficeEmailAddress;
  body: { getAsync(coercionType: 'text' | 'html', callback: Callback<string>): void };
  getAllInternetHeadersAsync?: (callback: Callback<string>) => void;
}

interface OfficeGlobal {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context: {
    displayLanguage?: string;
    requirements: { isSetSupported(name: string, version?: string): boolean };
    mailbox?: { item?: OfficeItem | null; userProfile?: { displayName?: string; emailAddress?: string }; convertToRestId?: (itemId: string, restVersion: string) => string };
  };
}

/** Where the pane runs: in Outlook, with its mailbox; or opened elsewhere (a browser link, another Office app). */
export type OutlookConnection = { inOutlook: true; host: MailboxHost } | { inOutlook: false; hostName: string | null };

/** How long office.js may take to say where it runs before the pane says Outlook did not answer. */
export const OFFICE_READY_TIMEOUT_MS = 20_000;

/** office.js's OfficeRuntime.auth (single sign-on): the host hands out a token for its signed-in user. */
interface OfficeRuntimeGlobal {
  auth?: { getAccessToken(options?: { allowSignInPrompt?: boolean; allowConsentPrompt?: boolean; forMSGraphAccess?: boolean }): Promise<string> };
}

function office(): OfficeGlobal | undefined {
  return (window as unknown as { Office?: OfficeGlobal }).Office;
}

/** A classic <script src>: office.js must be loaded this way (renamed or bundled, it throws). */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Problem('host', `${src} could not be loaded`));
    document.head.append(script);
  });
}

export async function loadOfficeJs(officeJsUrl: string, msAjaxUrl?: string): Promise<OfficeGlobal> {
  // MicrosoftAjax first: with Sys and Type defined, office.js's Outlook part does not fetch its own.
  if (msAjaxUrl) await loadScript(msAjaxUrl);
  await loadScript(officeJsUrl);
  const o = office();
  if (!o) throw new Problem('host', `${officeJsUrl} loaded but defined no Office`);
  return o;
}

function person(a: OfficeEmailAddress | undefined): MailPerson | undefined {
  return a?.emailAddress ? { name: a.displayName || a.emailAddress, address: a.emailAddress } : undefined;
}

const iso = (d: Date | undefined): string | undefined => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined);

/**
 * The item as Justera reads it. Its id is Graph's: Outlook gives an EWS id, which office.js's
 * convertToRestId turns into the REST (Graph) form ("/" and "+" replaced, Mailbox 1.3).
 */
export function toMailboxItem(item: OfficeItem | null | undefined, restId: (itemId: string) => string = (id) => id): MailboxItem | undefined {
  if (!item) return undefined;
  const id = item.itemId === undefined ? undefined : restId(item.itemId);
  if (item.itemType === 'appointment') {
    return { kind: 'appointment', id, subject: item.subject ?? '', start: iso(item.start), end: iso(item.end), location: item.location || undefined, organizer: person(item.organizer) };
  }
  return { kind: 'message', id, subject: item.subject ?? '', from: person(item.from) };
}

/** An office.js callback API as a promise; a failed AsyncResult or a throw becomes a Problem naming what failed. */
export function callAsync<T>(what: string, start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === 'succeeded') resolve(result.value);
        else reject(new Problem('host', `Outlook could not ${what}: ${result.error?.message ?? 'no reason given'}`, { code: result.error?.code === undefined ? undefined : String(result.error.code), cause: result.error }));
      });
    } catch (e) {
      reject(new Problem('host', `Outlook could not ${what}: ${e instanceof Error ? e.message : String(e)}`, { cause: e }));
    }
  });
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Problem('host', `office.js did not say where it runs within ${ms / 1000} s`)), ms));
}

export async function connectOutlook(config: { officeJsUrl?: string; msAjaxUrl?: string }, options: { readyTimeoutMs?: number } = {}): Promise<OutlookConnection> {
  if (!config.officeJsUrl) throw new Problem('config', 'config.json: officeJsUrl is missing; the Outlook pane needs office.js');
  const o = await loadOfficeJs(config.officeJsUrl, config.msAjaxUrl);
  const info = await Promise.race([o.onReady(), timeout(options.readyTimeoutMs ?? OFFICE_READY_TIMEOUT_MS)]);
  if (info.host !== 'Outlook') return { inOutlook: false, hostName: info.host };
  const mailbox = o.context.mailbox;
  const officeItem = mailbox?.item ?? undefined;
  const host: MailboxHost = {
    locale: o.context.displayLanguage ?? 'sv-SE',
    user: { displayName: mailbox?.userProfile?.displayName, emailAddress: mailbox?.userProfile?.emailAddress },
    item: toMailboxItem(officeItem, (id) => mailbox?.convertToRestId?.(id, 'v2.0') ?? id),
    supports: (set, version) => o.context.requirements.isSetSupported(set, version),
    getInternetHeaders() {
      const read = officeItem?.getAllInternetHeadersAsync;
      if (!officeItem || !read) return Promise.reject(new Problem('host', 'This Outlook cannot read internet headers (Mailbox 1.8)'));
      return callAsync<string>('read the internet headers', (cb) => read.call(officeItem, cb));
    },
    getBody(type) {
      if (!officeItem) return Promise.reject(new Problem('host', 'No item is open'));
      return callAsync<string>('read the body', (cb) => officeItem.body.getAsync(type, cb));
    },
    async getAccessToken() {
      const auth = (window as unknown as { OfficeRuntime?: OfficeRuntimeGlobal }).OfficeRuntime?.auth;
      if (!auth) throw new Problem('host', 'This Outlook cannot hand out a sign-in token (OfficeRuntime.auth is missing)');
      try {
        return await auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true });
      } catch (e) {
        // office.js rejects with {code, name, message} (13xxx codes: not signed in, no consent, ...).
        const error = e as { code?: number; message?: string } | undefined;
        throw new Problem('sign-in-failed', `Outlook gave no token: ${error?.message ?? String(e)}`, { code: error?.code === undefined ? undefined : String(error.code), cause: e });
      }
    },
  };
  return { inOutlook: true, host };
}
