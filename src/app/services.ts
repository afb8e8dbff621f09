// Wires the ports for the UI: Graph client, token provider and local store, chosen by configuration.
// Loaded as a lazy chunk so the tab's shell and host context render before the Graph client arrives.

import type { TokenProvider } from '../auth/tokenProvider';
import { hostTokenProvider } from '../auth/hostTokenProvider';
import type { AppConfig } from '../config/config';
import type { MeetingListItem } from '../domain/meeting';
import { createGraphClient } from '../graph/client';
import { Graph } from '../graph/graph';
import type { Host } from '../host/host';
import { indexedDbStore } from '../store/indexedDbStore';
import type { LocalStore } from '../store/localStore';
import type { DateWindow } from '../domain/dateWindow';
import { listMyMeetings } from './myMeetings';
import { prefill, type MeetingRef, type Prefill, type PrefillStep } from './prefill';

export interface Services {
  /** The meetings in a window of the calendar (initialWindow(now) to start with). */
  listMeetings(window: DateWindow): Promise<MeetingListItem[]>;
  now(): Date;
  prefill(ref: MeetingRef, onStep?: (step: PrefillStep) => void): Promise<Prefill>;
  store: LocalStore;
}

async function tokenProviderFor(config: AppConfig, host: Host): Promise<TokenProvider> {
  if (config.tokenProvider === 'host') return hostTokenProvider(host);
  const { naaTokenProvider } = await import(/* webpackChunkName: "naa" */ '../auth/naaTokenProvider');
  return naaTokenProvider({ clientId: config.clientId, authority: config.authority, loginHint: host.context.user.upn });
}

export async function createServices(config: AppConfig, host: Host, now: () => Date = () => new Date()): Promise<Services> {
  const tokens = await tokenProviderFor(config, host);
  const { client, version } = createGraphClient({ endpoint: { baseUrl: config.graphBaseUrl }, tokens });
  const graph = new Graph(client, version);
  const store = indexedDbStore(now);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    listMeetings: (window) => listMyMeetings(graph, window, timeZone),
    now,
    prefill: (ref, onStep) => prefill({ graph, now, timeZone, tenantId: host.context.user.tenantId, store }, ref, onStep),
    store,
  };
}
