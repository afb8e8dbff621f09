// Outlook host simulator page (dist/simulators/outlook.html). Frames the Justera pane on another
// https origin with the same hostname (office.js's host check) and answers the real office.js the way
// Outlook on the web does, for one mailbox item read from the Graph emulator as the persona.
// Tests drive it through window.__outlookSimulator (see OutlookSimulatorApi below).

import { h } from '../teams-host/dom';
import { loadScenario, requestToken, type SimScenario, type SimUser } from '../teams-host/scenario';
import { OutlookHostBridge, type BridgeRecords, type Session } from './bridge';
import { appointmentItem, messageItem, type SimItem } from './item';
import { defaultItem, MailboxReader, type ItemChoice } from './mailbox';
import { itemParam, LOCALES, parseParams, PERSONAS, toSearch, type ItemRef, type OutlookSimParams, type Persona } from './params';
import { paneUrl } from './protocol';

/** GET /sim-config.json (served by scripts/demo-server.ts on the simulator's origin). */
interface SimConfig {
  paneUrl?: string;
  emulatorUrl?: string;
  graphBaseUrl?: string;
  /** The add-in's id, as the manifest names it. */
  appId?: string;
}

export interface OutlookSimulatorApi {
  /** True once the item is read and the pane's frame is created. */
  readonly ready: boolean;
  readonly params: OutlookSimParams;
  /** Every message both ways, all sessions (a session = one load of the pane). */
  readonly log: BridgeRecords['log'];
  /** office.js requests the simulator did not answer: tests fail on these. */
  readonly unhandled: BridgeRecords['unhandled'];
  /** Setup problems (emulator errors, a message from the wrong origin): tests fail on these too. */
  readonly problems: BridgeRecords['problems'];
  readonly warnings: string[];
  /** The item the pane is open on, as the simulator answers it. */
  readonly item: SimItem | null;
  readonly choices: ItemChoice[];
  readonly paneUrl: string | null;
  readonly session: number;
  reload(): void;
}

declare global {
  interface Window {
    __outlookSimulator: OutlookSimulatorApi;
  }
}

const records: BridgeRecords = { log: [], unhandled: [], problems: [] };
const parsed = parseParams(location.search);
const warnings = [...parsed.warnings];
let params = parsed.params;
let scenario: SimScenario | null = null;
let simConfig: SimConfig = {};
let choices: ItemChoice[] = [];
let bridge: OutlookHostBridge | null = null;
let frame: HTMLIFrameElement | null = null;
let session = 0;
let ready = false;
let currentPaneUrl: string | null = null;

const stage = document.getElementById('stage') as HTMLElement;
const reading = document.getElementById('reading') as HTMLElement;
const controlsRow = document.getElementById('sim-controls') as HTMLElement;
const notices = document.getElementById('sim-notices') as HTMLElement;

// Listen before any frame exists; the bridge checks the source window and origin.
window.addEventListener('message', (event) => bridge?.receive(event));

window.__outlookSimulator = {
  get ready() {
    return ready;
  },
  get params() {
    return params;
  },
  log: records.log,
  unhandled: records.unhandled,
  problems: records.problems,
  warnings,
  get item() {
    return bridge?.session.item ?? null;
  },
  get choices() {
    return choices;
  },
  get paneUrl() {
    return currentPaneUrl;
  },
  get session() {
    return session;
  },
  reload: () => void startSession(),
};

const personaUser = (p: Persona): SimUser | undefined => scenario?.personas[p];

function setParams(change: Partial<OutlookSimParams>): void {
  params = { ...params, ...change };
  history.replaceState(null, '', `${location.pathname}${toSearch(params)}`);
  void startSession();
}

// ---------------------------------------------------------------------------------------------
// Toolbar

function labelled(id: string, label: string, control: HTMLElement): HTMLLabelElement {
  control.id = id;
  return h('label', { for: id }, label, control);
}

function choiceSelect(current: ItemRef | undefined): HTMLSelectElement {
  const sel = h('select', {});
  const groups: [ItemChoice['group'], string][] = [
    ['mail', 'Inbox'],
    ['upcoming', 'Calendar: upcoming'],
    ['past', 'Calendar: past'],
  ];
  for (const [group, label] of groups) {
    const list = choices.filter((c) => c.group === group);
    if (!list.length) continue;
    sel.append(h('optgroup', { label }, ...list.map((c) => h('option', { value: itemParam(c.ref), selected: current !== undefined && itemParam(c.ref) === itemParam(current) }, c.label))));
  }
  if (current && !choices.some((c) => itemParam(c.ref) === itemParam(current))) {
    sel.prepend(h('option', { value: itemParam(current), selected: true }, itemParam(current)));
  }
  sel.addEventListener('change', () => {
    const found = choices.find((c) => itemParam(c.ref) === sel.value);
    if (found) setParams({ item: found.ref });
  });
  return sel;
}

function renderToolbar(): void {
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  controlsRow.replaceChildren();
  const persona = h('select', {});
  for (const p of PERSONAS) {
    const role = { secretary: 'Secretary', chair: 'Chair', member: 'Member' }[p];
    const name = personaUser(p)?.displayName;
    persona.append(h('option', { value: p, selected: p === params.persona }, name ? `${role}: ${name}` : role));
  }
  persona.addEventListener('change', () => setParams({ persona: persona.value as Persona, item: undefined }));
  const locale = h('select', {});
  for (const l of [...LOCALES, ...(LOCALES.some((x) => x === params.locale) ? [] : [params.locale])]) {
    locale.append(h('option', { value: l, selected: l === params.locale }, { 'sv-SE': 'Svenska (sv-SE)', 'en-US': 'English (en-US)' }[l as string] ?? l));
  }
  locale.addEventListener('change', () => setParams({ locale: locale.value }));
  const reload = h('button', { type: 'button', class: 'sim-button' }, 'Reload pane');
  reload.addEventListener('click', () => void startSession());
  controlsRow.append(
    labelled('sim-persona', 'Persona', persona),
    labelled('sim-item', 'Item', choiceSelect(params.item)),
    labelled('sim-locale', 'Language', locale),
    reload,
  );
  if (focusedId) document.getElementById(focusedId)?.focus();
}

function renderNotices(): void {
  const lines = [
    ...warnings.map((w) => `Warning: ${w}`),
    ...records.problems.map((p) => `Problem: ${p}`),
    ...records.unhandled.map((u) => `Not simulated: ${u.action}${u.dispatchId !== undefined ? ` (dispatch id ${u.dispatchId})` : ''}`),
  ];
  notices.replaceChildren(...lines.map((l) => h('li', {}, l)));
  notices.hidden = lines.length === 0;
}

/** The reading pane beside the add-in, as Outlook shows the open item. */
function renderReadingPane(item: SimItem | null): void {
  const d = item?.initialData;
  if (!d) {
    reading.replaceChildren(h('p', { class: 'muted' }, 'No item is open.'));
    return;
  }
  const person = (v: unknown): string => {
    const p = v as { name?: string; address?: string } | undefined;
    return !p ? '' : p.name && p.name !== p.address ? `${p.name} <${p.address ?? ''}>` : (p.address ?? '');
  };
  const rows: [string, string][] =
    d.itemType === 1
      ? [
          ['From', person(d.from)],
          ['To', (d.to as unknown[]).map(person).join(', ')],
        ]
      : [
          ['Start', new Date(d.start as number).toISOString()],
          ['End', new Date(d.end as number).toISOString()],
          ['Location', String(d.location ?? '')],
          ['Organizer', person(d.organizer)],
        ];
  reading.replaceChildren(
    h('h2', {}, String(d.subject ?? '')),
    h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('pre', { class: 'body' }, item.body.contentType === 'html' ? item.body.content.replace(/<[^>]*>/g, ' ') : item.body.content),
  );
}

// ---------------------------------------------------------------------------------------------
// Sessions

async function readItem(reader: MailboxReader, ref: ItemRef, user: SimUser): Promise<SimItem> {
  const mailboxUser = { displayName: user.displayName, emailAddress: user.mail || user.userPrincipalName, timeZone: scenario?.timeZone ?? 'UTC' };
  const restUrl = simConfig.graphBaseUrl ?? '';
  return ref.kind === 'message' ? messageItem(await reader.message(ref.id), mailboxUser, restUrl) : appointmentItem(await reader.event(ref.id), mailboxUser, restUrl);
}

async function startSession(): Promise<void> {
  session += 1;
  const id = session;
  ready = false;
  bridge = null;
  frame?.remove();
  frame = null;
  const user = personaUser(params.persona);
  let item: SimItem | null = null;
  let accessToken: string | undefined;
  try {
    if (!user) throw new Error(`The scenario names no ${params.persona}.`);
    const token = await requestToken(simConfig.emulatorUrl ?? '', user.userPrincipalName, 3600);
    // The same token answers the pane's OfficeRuntime.auth.getAccessToken: Outlook's signed-in user is the persona.
    accessToken = token;
    const reader = new MailboxReader(simConfig.graphBaseUrl ?? '', token);
    choices = await reader.choices(Date.now());
    const ref = params.item ?? defaultItem(choices);
    if (ref) item = await readItem(reader, ref, user);
    else warnings.push(`${user.displayName} has no messages and no events around today: the pane opens with no item.`);
  } catch (e) {
    records.problems.push(`Reading the item from the emulator: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (id !== session) return; // a newer session started meanwhile
  renderToolbar();
  renderReadingPane(item);
  const base = params.app ?? simConfig.paneUrl;
  if (!base) {
    records.problems.push('No pane URL: sim-config.json has no paneUrl and the URL no app parameter.');
    renderNotices();
    return;
  }
  const s: Session = {
    id,
    paneOrigin: new URL(base).origin,
    hostOrigin: location.origin,
    conversationId: `justera-sim-${id}-${Math.random().toString(36).slice(2, 10)}`,
    appId: simConfig.appId ?? 'justera',
    correlationId: crypto.randomUUID(),
    locale: params.locale,
    roamingSettings: {},
    item,
    accessToken,
  };
  bridge = new OutlookHostBridge(s, () => frame?.contentWindow ?? null, records, renderNotices);
  currentPaneUrl = paneUrl(base, s);
  frame = h('iframe', { title: 'Justera', src: currentPaneUrl, class: 'pane' });
  stage.replaceChildren(frame);
  ready = true;
  renderNotices();
}

async function main(): Promise<void> {
  try {
    const res = await fetch('sim-config.json', { cache: 'no-store' });
    if (res.ok) simConfig = (await res.json()) as SimConfig;
    else records.problems.push(`sim-config.json answered ${res.status}`);
    scenario = await loadScenario(simConfig.emulatorUrl ?? '');
  } catch (e) {
    records.problems.push(`Reading the scenario: ${e instanceof Error ? e.message : String(e)}`);
  }
  renderToolbar();
  await startSession();
}

void main();
