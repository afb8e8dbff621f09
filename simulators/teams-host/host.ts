// Teams host simulator page (dist/simulators/teams.html). Hosts the Justera tab in an iframe on
// another origin and answers the real @microsoft/teams-js messages through TeamsHostBridge.
// Tests drive it through window.__teamsSimulator (see SimulatorApi below).

import { TeamsHostBridge, type BridgeRecords, type BridgeStatus } from './bridge';
import { meetingDetailsFor, meetingFor, type LegacyContext, type SavedTabConfig } from './context';
import { newIframe, renderStage } from './chrome';
import { h, select } from './dom';
import {
  frameContextOf,
  normalise,
  parseParams,
  toSearch,
  type FrameParam,
  type Persona,
  type SimParams,
  type TabKind,
  type Theme,
  type TokenMode,
} from './params';
import {
  loadScenario,
  lookUpTeamInternalId,
  normalizeScenario,
  pickMeeting,
  requestToken,
  type SimMeeting,
  type SimScenario,
} from './scenario';

/** GET /sim-config.json (served by scripts/demo-server.ts). */
interface SimConfig {
  appUrl?: string;
  configUrl?: string;
  emulatorUrl?: string;
  graphBaseUrl?: string;
}

export interface SimulatorApi {
  /** True once the scenario is read and the first tab frame is created. */
  readonly ready: boolean;
  readonly params: SimParams;
  readonly scenario: SimScenario | null;
  /** Every message both ways, all sessions (a session = one load of the tab frame). */
  readonly log: BridgeRecords['log'];
  /** Requests the simulator did not implement (answered with an error). Tests fail on these. */
  readonly unhandled: BridgeRecords['unhandled'];
  /** Setup problems: a missing validMessageOrigins entry, emulator errors, ... Tests fail on these too. */
  readonly problems: BridgeRecords['problems'];
  /** Bad URL parameters and scenario guesses (informational). */
  readonly warnings: string[];
  /** The legacy context the current session answers getContext with. */
  readonly context: LegacyContext | null;
  readonly status: BridgeStatus | null;
  /** What getMeetingDetails answers in this frame (null outside meeting frames). */
  readonly meetingDetails: Record<string, unknown> | null;
  readonly appUrl: string | null;
  readonly session: number;
  readonly deepLinks: string[];
  readonly savedConfig: SavedTabConfig | null;
  /** Switch theme without reload; true when the tab had a themeChange handler to hear it. */
  setTheme(theme: Theme): boolean;
  /** settings frame: press Save; resolves with the config the tab saved. */
  save(): Promise<SavedTabConfig>;
  /** Reload the tab frame (new session, same parameters). */
  reload(): void;
}

declare global {
  interface Window {
    __teamsSimulator: SimulatorApi;
  }
}

const t0 = performance.now();
const records: BridgeRecords = { log: [], unhandled: [], problems: [] };
const warnings: string[] = [];
const deepLinks: string[] = [];
const parsed = parseParams(location.search);
let params: SimParams = parsed.params;
warnings.push(...parsed.warnings);
let scenario: SimScenario | null = null;
let simConfig: SimConfig = {};
let emulatorUrl = '';
let graphBaseUrl = '';
let currentMeeting: SimMeeting | undefined;
let bridge: TeamsHostBridge | null = null;
let session = 0;
let ready = false;
let currentAppUrl: string | null = null;

const stage = document.getElementById('stage') as HTMLElement;
const controlsRow = document.getElementById('sim-controls') as HTMLElement;
const statusEl = document.getElementById('sim-status') as HTMLElement;
const notices = document.getElementById('sim-notices') as HTMLElement;

// Listen before any frame exists; the bridge checks event.source against its own iframe.
window.addEventListener('message', (event) => {
  bridge?.receive(event);
});

window.__teamsSimulator = {
  get ready() {
    return ready;
  },
  get params() {
    return params;
  },
  get scenario() {
    return scenario;
  },
  log: records.log,
  unhandled: records.unhandled,
  problems: records.problems,
  warnings,
  get context() {
    return bridge?.context ?? null;
  },
  get status() {
    return bridge?.status ?? null;
  },
  get meetingDetails() {
    return currentMeeting && scenario && params.tab === 'meeting'
      ? meetingDetailsFor(currentMeeting, scenario, params.details)
      : null;
  },
  get appUrl() {
    return currentAppUrl;
  },
  get session() {
    return session;
  },
  deepLinks,
  get savedConfig() {
    return bridge?.savedConfig ?? loadSavedConfig(params.tab);
  },
  setTheme: (theme: Theme) => changeTheme(theme),
  save: () => (bridge ? bridge.save() : Promise.reject(new Error('No tab loaded.'))),
  reload: () => startSession(),
};

function applyThemeClass(theme: Theme): void {
  document.body.classList.remove('theme-default', 'theme-dark', 'theme-contrast');
  document.body.classList.add(`theme-${theme}`);
}

function updateUrl(): void {
  history.replaceState(null, '', `${location.pathname}${toSearch(params)}`);
}

// ---------------------------------------------------------------------------------------------
// Saved configurable-tab settings (what pages.config.setConfig stored), per tab kind.

function loadSavedConfig(tab: TabKind): SavedTabConfig | null {
  try {
    const raw = sessionStorage.getItem(`teamsSimulator.savedConfig.${tab}`);
    return raw ? (JSON.parse(raw) as SavedTabConfig) : null;
  } catch {
    return null;
  }
}

function storeSavedConfig(tab: TabKind, cfg: SavedTabConfig): void {
  try {
    sessionStorage.setItem(`teamsSimulator.savedConfig.${tab}`, JSON.stringify(cfg));
  } catch {
    // storage unavailable: the config still shows on the page
  }
}

// ---------------------------------------------------------------------------------------------
// Toolbar

type ViewKey = `${TabKind}:${FrameParam}`;
const VIEWS: { value: ViewKey; label: string }[] = [
  { value: 'personal:content', label: 'Personal tab (My meetings)' },
  { value: 'channel:content', label: 'Channel tab' },
  { value: 'channel:settings', label: 'Channel tab: configuration page' },
  { value: 'meeting:meetingDetails', label: 'Meeting tab (meeting details)' },
  { value: 'meeting:sidePanel', label: 'Meeting side panel' },
  { value: 'meeting:meetingStage', label: 'Meeting stage' },
  { value: 'meeting:settings', label: 'Meeting tab: configuration page' },
];

function setParams(change: Partial<SimParams>): void {
  params = normalise({ ...params, ...change });
  updateUrl();
  renderToolbar();
  startSession();
}

function changeTheme(theme: Theme): boolean {
  params = { ...params, theme };
  applyThemeClass(theme);
  updateUrl();
  const heard = bridge?.setTheme(theme) ?? false;
  const sel = document.getElementById('sim-theme') as HTMLSelectElement | null;
  if (sel && sel.value !== theme) sel.value = theme;
  refresh();
  return heard;
}

function renderToolbar(): void {
  // Rebuilt after every change: keep keyboard focus on the control that had it.
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  for (const el of Array.from(controlsRow.children)) {
    if (el.tagName !== 'H1') el.remove();
  }
  const s = scenario;
  const personaLabel = (p: Persona): string => {
    const role = { secretary: 'Secretary', chair: 'Chair', member: 'Member' }[p];
    const name = s?.personas[p]?.displayName;
    return name ? `${role}: ${name}` : role;
  };
  const controls: Node[] = [
    select<Persona>(
      'sim-persona',
      'Persona',
      (['secretary', 'chair', 'member'] as const).map((p) => ({ value: p, label: personaLabel(p) })),
      params.persona,
      (persona) => setParams({ persona }),
    ),
    select<ViewKey>('sim-view', 'View', VIEWS, `${params.tab}:${params.frame}`, (v) => {
      const [tab, frame] = v.split(':') as [TabKind, FrameParam];
      setParams({ tab, frame, app: undefined });
    }),
  ];
  if (params.tab === 'meeting' && s && s.meetings.length > 1) {
    const current = params.event ?? s.defaultEventId ?? '';
    const options = s.meetings.map((m) => ({
      value: m.eventId,
      label: s.meetings.some((o) => o !== m && o.title === m.title) ? `${m.title} (${m.eventId.slice(-8)})` : m.title,
    }));
    if (!options.some((o) => o.value === current)) {
      // An attendee's copy or one occurrence of a series.
      options.unshift({ value: current, label: `${pickMeeting(s, current)?.title ?? 'Meeting'} (${current.slice(-8)})` });
    }
    controls.push(
      select<string>(
        'sim-event',
        'Meeting',
        options,
        current,
        (event) => setParams({ event: event === s.defaultEventId ? undefined : event }),
      ),
    );
  }
  controls.push(
    select<Theme>(
      'sim-theme',
      'Theme',
      [
        { value: 'default', label: 'Light' },
        { value: 'dark', label: 'Dark' },
        { value: 'contrast', label: 'High contrast' },
      ],
      params.theme,
      (theme) => changeTheme(theme),
    ),
    select<string>(
      'sim-locale',
      'Language',
      [
        { value: 'sv-SE', label: 'Svenska (sv-SE)' },
        { value: 'en-US', label: 'English (en-US)' },
        ...(params.locale !== 'sv-SE' && params.locale !== 'en-US' ? [{ value: params.locale, label: params.locale }] : []),
      ],
      params.locale,
      (locale) => setParams({ locale }),
    ),
    select<TokenMode>(
      'sim-token',
      'Token',
      [
        { value: 'valid', label: 'Valid' },
        { value: 'expired', label: 'Expired' },
        { value: 'denied', label: 'Denied' },
      ],
      params.token,
      (token) => setParams({ token }),
    ),
  );
  const reloadButton = h('button', { type: 'button', class: 'sim-button' }, 'Reload tab');
  reloadButton.addEventListener('click', () => startSession());
  controls.push(reloadButton);
  controlsRow.append(...controls);
  if (focusedId) document.getElementById(focusedId)?.focus();
}

// ---------------------------------------------------------------------------------------------
// Status line and notices

let refreshQueued = false;
function refresh(): void {
  if (refreshQueued) return;
  refreshQueued = true;
  queueMicrotask(() => {
    refreshQueued = false;
    renderStatus();
    renderNotices();
  });
}

function renderStatus(): void {
  statusEl.replaceChildren();
  const st = bridge?.status;
  if (!st) {
    statusEl.append(ready ? 'No tab loaded' : 'Loading…');
    return;
  }
  const part = (text: string, cls?: 'ok' | 'bad'): HTMLSpanElement => h('span', cls ? { class: cls } : {}, text);
  const parts: HTMLSpanElement[] = [
    st.initialize ? part('initialize received', 'ok') : part('waiting for initialize'),
  ];
  if (st.getContext) parts.push(part(`getContext ×${st.getContext}`));
  if (st.getAuthToken) parts.push(part(`getAuthToken ×${st.getAuthToken}`));
  if (st.getMeetingDetails) parts.push(part(`getMeetingDetails ×${st.getMeetingDetails}`));
  if (st.notifySuccess) parts.push(part('notifySuccess', 'ok'));
  if (st.failure) parts.push(part(`notifyFailure: ${String(st.failure.reason)} ${String(st.failure.message ?? '')}`, 'bad'));
  if (st.expectedFailure) parts.push(part(`notifyExpectedFailure: ${String(st.expectedFailure.reason)}`, 'bad'));
  const n = records.unhandled.length;
  parts.push(part(`unhandled calls: ${n}`, n ? 'bad' : undefined));
  if (records.problems.length) parts.push(part(`problems: ${records.problems.length}`, 'bad'));
  parts.forEach((p, i) => {
    if (i) statusEl.append(' · ');
    statusEl.append(p);
  });
}

const logDetails = h('details', {}, h('summary', {}, 'Message log'), h('div', { id: 'sim-log' }));
logDetails.addEventListener('toggle', () => renderLog());

function renderLog(): void {
  if (!logDetails.open) return;
  const box = logDetails.querySelector('#sim-log');
  if (!box) return;
  box.textContent = records.log
    .slice(-300)
    .map((e) => `${String(e.t).padStart(6)} ms #${e.session} ${e.dir === 'in' ? 'tab → host' : 'host → tab'} ${e.func} ${JSON.stringify(e.data)}`)
    .join('\n');
}

function renderNotices(): void {
  const sections: Node[] = [];
  const list = (items: Node[]): HTMLUListElement => h('ul', {}, ...items.map((i) => h('li', {}, i)));
  if (records.problems.length) {
    sections.push(
      h('section', { class: 'bad', 'aria-label': 'Problems' }, h('h2', {}, 'Problems'), list(records.problems.map((p) => document.createTextNode(p)))),
    );
  }
  if (records.unhandled.length) {
    sections.push(
      h(
        'section',
        { class: 'bad', 'aria-label': 'Unhandled calls' },
        h('h2', {}, `Unhandled calls (${records.unhandled.length})`),
        list(
          records.unhandled.map((u) =>
            h('span', {}, h('code', {}, u.func), ` ${JSON.stringify(u.args).slice(0, 200)}: ${u.reason}`),
          ),
        ),
      ),
    );
  }
  if (bridge && params.frame === 'settings') {
    const cfg = bridge.savedConfig;
    if (cfg) {
      const open = h('button', { type: 'button', class: 'sim-button' }, 'Open the configured tab');
      open.addEventListener('click', () => setParams({ frame: 'content', app: cfg.contentUrl }));
      sections.push(
        h(
          'section',
          { 'aria-label': 'Saved tab' },
          h('h2', {}, 'Saved tab: '),
          `${cfg.suggestedDisplayName ?? '(no name)'} → `,
          h('code', {}, cfg.contentUrl ?? ''),
          ` (entityId ${cfg.entityId ?? '-'}) `,
          open,
        ),
      );
    } else if (bridge.pendingConfig) {
      sections.push(
        h('section', {}, h('h2', {}, 'Pending config: '), h('code', {}, JSON.stringify(bridge.pendingConfig))),
      );
    }
  }
  if (deepLinks.length) {
    sections.push(
      h(
        'section',
        { 'aria-label': 'Links the tab opened' },
        h('h2', {}, 'Links the tab opened (executeDeepLink / openLink)'),
        list(deepLinks.map((u) => h('a', { href: u, target: '_blank', rel: 'noopener noreferrer' }, u))),
      ),
    );
  }
  if (warnings.length) {
    sections.push(
      h(
        'details',
        {},
        h('summary', {}, `Notes (${warnings.length})`),
        list(warnings.map((w) => document.createTextNode(w))),
      ),
    );
  }
  sections.push(logDetails);
  notices.replaceChildren(...sections);
  renderLog();
  const saveButton = document.getElementById('sim-save') as HTMLButtonElement | null;
  if (saveButton) saveButton.disabled = !bridge?.validity;
}

function appUrlFor(p: SimParams): string {
  if (p.app) return p.app;
  if (p.frame === 'settings') {
    if (simConfig.configUrl) return simConfig.configUrl;
    if (simConfig.appUrl) return new URL('tab.html', simConfig.appUrl).href;
  }
  if (simConfig.appUrl) return simConfig.appUrl;
  return `${location.protocol}//${location.hostname}:4000/tab.html`;
}

/** Teams context teamId is the team's thread id, which only Graph knows (GET /teams/{id}). */
async function completeTeam(s: SimScenario): Promise<void> {
  const team = s.team;
  if (!team || team.internalId) return;
  const member = s.personas.secretary ?? s.personas[params.persona];
  try {
    if (!member) throw new Error('no persona to ask as');
    const token = await requestToken(emulatorUrl, member.userPrincipalName, 600);
    team.internalId = await lookUpTeamInternalId(graphBaseUrl, token, team.groupId);
  } catch (err) {
    warnings.push(`Could not read the team's internalId from Graph (${String(err)}); channel tabs get no teamId.`);
  }
}

function startSession(): void {
  void startSessionAsync();
}

async function startSessionAsync(): Promise<void> {
  const s = scenario;
  if (!s) return;
  bridge?.close();
  bridge = null;
  const mySession = ++session;
  const appUrl = appUrlFor(params);
  currentAppUrl = appUrl;
  if (params.tab === 'channel') await completeTeam(s);
  if (mySession !== session) return; // a newer session started meanwhile
  const meeting = meetingFor(params, s);
  currentMeeting = meeting;
  if (params.tab === 'meeting' && !meeting) {
    const msg = params.event
      ? `The scenario has no online meeting event ${params.event}.`
      : 'The scenario has no online meeting for the meeting frames.';
    if (!records.problems.includes(msg)) records.problems.push(msg);
  }
  const frame = newIframe(`Justera (${frameContextOf(params.frame)})`);
  bridge = new TeamsHostBridge(
    {
      session,
      params,
      scenario: s,
      user: s.personas[params.persona],
      meeting,
      emulatorUrl,
      hostOrigin: location.origin,
      appOrigin: new URL(appUrl).origin,
      savedConfig: loadSavedConfig(params.tab),
      now: () => performance.now() - t0,
    },
    () => frame.contentWindow,
    records,
    {
      changed: refresh,
      deepLink: (url) => {
        deepLinks.push(url);
        refresh();
      },
      configSaved: (cfg) => {
        storeSavedConfig(params.tab, cfg);
        refresh();
      },
    },
  );
  renderStage(stage, frame, {
    params,
    scenario: s,
    meeting,
    onSave: async () => {
      if (!bridge) throw new Error('No tab loaded.');
      return (await bridge.save()).contentUrl ?? '';
    },
    onCancel: () => setParams({ frame: 'content', app: undefined }),
  });
  frame.src = appUrl;
  refresh();
}

// ---------------------------------------------------------------------------------------------

function fatal(message: string): void {
  if (!records.problems.includes(message)) records.problems.push(message);
  refresh();
}

async function main(): Promise<void> {
  applyThemeClass(params.theme);
  try {
    const res = await fetch('/sim-config.json', { cache: 'no-store' });
    if (res.ok) simConfig = (await res.json()) as SimConfig;
    else warnings.push(`GET /sim-config.json answered ${res.status}; using URL parameters and defaults.`);
  } catch (err) {
    warnings.push(`Could not read /sim-config.json (${String(err)}); using URL parameters and defaults.`);
  }
  emulatorUrl = params.emulator ?? simConfig.emulatorUrl ?? `${location.protocol}//${location.hostname}:4001`;
  graphBaseUrl =
    !params.emulator && simConfig.graphBaseUrl ? simConfig.graphBaseUrl : `${emulatorUrl.replace(/\/+$/, '')}/v1.0`;
  try {
    scenario = await loadScenario(emulatorUrl);
  } catch (err) {
    fatal(`Could not read the scenario from the Graph emulator at ${emulatorUrl}: ${err instanceof Error ? err.message : String(err)}`);
    scenario = normalizeScenario({});
  }
  warnings.push(...scenario.warnings);
  if (scenario.defaultLocale && !new URLSearchParams(location.search).has('locale')) {
    params = { ...params, locale: scenario.defaultLocale };
  }
  if (!scenario.personas[params.persona]) fatal(`The scenario has no user for persona ${params.persona}.`);
  renderToolbar();
  await startSessionAsync();
  ready = true;
  refresh();
}

void main();
