// The host side of teams-js for one loaded tab (one iframe session): receives the tab's
// requests, answers the ones a Teams web client would answer in this frame, and records
// everything. Any func it does not implement is answered with an error and recorded as
// unhandled, so end-to-end tests can fail on it.

import {
  buildContext,
  HOST_CLIENT_TYPE,
  HOST_SDK_VERSION,
  meetingDetailsFor,
  runtimeConfigJson,
  type LegacyContext,
  type SavedTabConfig,
} from './context';
import {
  ErrorCode,
  errorArgs,
  isTabRequest,
  ONE_WAY_FUNCS,
  reply,
  toTabRequest,
  type HostEvent,
  type HostReply,
  type TabRequest,
} from './protocol';
import { frameContextOf, type SimParams, type Theme } from './params';
import { requestToken, type SimMeeting, type SimScenario, type SimUser } from './scenario';

export interface LogEntry {
  /** 'in': tab to host; 'out': host to tab. */
  dir: 'in' | 'out';
  /** ms since the page loaded. */
  t: number;
  session: number;
  func: string;
  id?: number;
  data: unknown;
}

export interface UnhandledEntry {
  t: number;
  session: number;
  func: string;
  args: unknown[];
  reason: string;
}

export interface BridgeStatus {
  initialize: boolean;
  /** The tab's teams-js version and validMessageOrigins, from the initialize request. */
  sdkVersion?: string;
  validMessageOrigins?: unknown;
  getContext: number;
  getAuthToken: number;
  getMeetingDetails: number;
  appLoaded: boolean;
  notifySuccess: boolean;
  failure?: { reason: unknown; message: unknown };
  expectedFailure?: { reason: unknown; message: unknown };
  handlers: string[];
}

export interface BridgeEnv {
  session: number;
  params: SimParams;
  scenario: SimScenario;
  user: SimUser | undefined;
  meeting: SimMeeting | undefined;
  emulatorUrl: string;
  hostOrigin: string;
  appOrigin: string;
  savedConfig: SavedTabConfig | null;
  now: () => number;
  fetchFn?: typeof fetch;
}

export interface BridgeRecords {
  log: LogEntry[];
  unhandled: UnhandledEntry[];
  problems: string[];
}

export interface BridgeListener {
  changed(): void;
  deepLink?(url: string): void;
  configSaved?(config: SavedTabConfig): void;
}

const TOKEN_DENIED_REASON = 'resourceRequiresConsent';

function randomId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

/** Does teams-js's validMessageOrigins list let `origin` through? (exact, or a `*.` host wildcard) */
export function originAllowed(list: unknown, origin: string): boolean {
  if (!Array.isArray(list)) return false;
  const o = new URL(origin);
  return list.some((entry) => {
    if (typeof entry !== 'string') return false;
    if (entry === origin) return true;
    try {
      const e = new URL(entry.replace('*.', 'wildcard-.'));
      if (e.protocol !== o.protocol || e.port !== o.port) return false;
      return e.hostname.startsWith('wildcard-.') && o.hostname.endsWith(e.hostname.slice('wildcard-'.length));
    } catch {
      return false;
    }
  });
}

export class TeamsHostBridge {
  readonly context: LegacyContext;
  readonly status: BridgeStatus = {
    initialize: false,
    getContext: 0,
    getAuthToken: 0,
    getMeetingDetails: 0,
    appLoaded: false,
    notifySuccess: false,
    handlers: [],
  };
  /** settings frame: what the configuration page said. */
  validity = false;
  pendingConfig: SavedTabConfig | null = null;
  savedConfig: SavedTabConfig | null;
  private saveWaiter: { resolve(c: SavedTabConfig): void; reject(e: Error): void } | null = null;
  private closed = false;

  constructor(
    private readonly env: BridgeEnv,
    private readonly target: () => Window | null,
    private readonly records: BridgeRecords,
    private readonly listener: BridgeListener,
  ) {
    this.savedConfig = env.savedConfig;
    this.context = buildContext({
      params: env.params,
      scenario: env.scenario,
      user: env.user,
      meeting: env.meeting,
      appSessionId: randomId(),
      hostSessionId: randomId(),
      savedConfig: env.savedConfig,
    });
  }

  /** Stop answering (the iframe was replaced). */
  close(): void {
    this.closed = true;
    this.saveWaiter?.reject(new Error('The tab was reloaded before it answered.'));
    this.saveWaiter = null;
  }

  /** Handle a window message; returns false when it is not from this session's tab. */
  receive(event: MessageEvent): boolean {
    const win = this.target();
    if (this.closed || !win || event.source !== win) return false;
    if (event.origin !== this.env.appOrigin) {
      this.recordUnhandled(
        `(message from ${event.origin})`,
        [],
        `The tab frame posted from ${event.origin}, not the app origin ${this.env.appOrigin}; ignored.`,
      );
      return true;
    }
    const data: unknown = event.data;
    if (!isTabRequest(data)) {
      // teams-js only sends requests; anything else is not ours (e.g. a dev tool's message).
      const func =
        typeof data === 'object' && data !== null && 'func' in data
          ? String((data as { func: unknown }).func)
          : '(not a teams-js request)';
      this.record('in', func, undefined, data);
      return true;
    }
    const req = toTabRequest(data);
    this.record('in', req.func, req.id, data);
    void this.dispatch(req).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      this.problem(`${req.func} failed in the simulator: ${message}`);
      this.send(reply(req, errorArgs(req.func, `Simulator error: ${message}`)), req.func);
    });
    return true;
  }

  /** Post a host event ({func, args}, no id) to the tab. */
  sendEvent(func: string, args: unknown[]): void {
    const ev: HostEvent = { func, args };
    this.send(ev, func);
  }

  hasHandler(name: string): boolean {
    return this.status.handlers.includes(name);
  }

  /** Theme change without reload: the context follows; the tab hears it if it registered. */
  setTheme(theme: Theme): boolean {
    this.context.theme = theme;
    if (!this.hasHandler('themeChange')) return false;
    this.sendEvent('themeChange', [theme]);
    return true;
  }

  /** settings frame: press Save. Resolves with the saved config once the tab says success. */
  save(): Promise<SavedTabConfig> {
    if (frameContextOf(this.env.params.frame) !== 'settings') {
      return Promise.reject(new Error('Save exists only in the settings frame.'));
    }
    if (!this.validity) return Promise.reject(new Error('The configuration page has not set a valid state.'));
    this.saveWaiter?.reject(new Error('Save pressed again.'));
    return new Promise<SavedTabConfig>((resolve, reject) => {
      this.saveWaiter = { resolve, reject };
      this.sendEvent('settings.save', [{}]);
    });
  }

  private async dispatch(req: TabRequest): Promise<void> {
    const { func, args } = req;
    const p = this.env.params;
    switch (func) {
      case 'initialize': {
        this.status.initialize = true;
        this.status.sdkVersion = typeof args[0] === 'string' ? args[0] : undefined;
        this.status.validMessageOrigins = args[2];
        if (!originAllowed(args[2], this.env.hostOrigin)) {
          this.problem(
            `app.initialize was given validMessageOrigins ${JSON.stringify(args[2] ?? null)}, which does not ` +
              `include "${this.env.hostOrigin}": teams-js will drop every reply from this host and time out after 60 s.`,
          );
        }
        this.answer(req, [this.context.frameContext, HOST_CLIENT_TYPE, runtimeConfigJson(), HOST_SDK_VERSION]);
        return;
      }
      case 'getContext':
        this.status.getContext++;
        this.answer(req, [this.context]);
        return;
      case 'authentication.getAuthToken':
        this.status.getAuthToken++;
        await this.answerToken(req);
        return;
      case 'meeting.getMeetingDetails': {
        this.status.getMeetingDetails++;
        const m = this.env.meeting;
        if (p.tab !== 'meeting') {
          this.answer(req, [
            { errorCode: ErrorCode.NOT_SUPPORTED_IN_CURRENT_CONTEXT, message: 'This tab is not in a meeting.' },
            null,
          ]);
        } else if (!m) {
          this.answer(req, [
            { errorCode: ErrorCode.INTERNAL_ERROR, message: `The scenario has no online meeting ${p.event ?? ''}`.trim() },
            null,
          ]);
        } else {
          this.answer(req, [null, meetingDetailsFor(m, this.env.scenario, p.details)]);
        }
        return;
      }
      case 'registerHandler': {
        const name = args[0];
        if (typeof name === 'string' && !this.status.handlers.includes(name)) this.status.handlers.push(name);
        this.changed();
        return;
      }
      case 'appInitialization.appLoaded':
        this.status.appLoaded = true;
        this.changed();
        return;
      case 'appInitialization.success':
        this.status.notifySuccess = true;
        this.changed();
        return;
      case 'appInitialization.failure':
        this.status.failure = { reason: args[0], message: args[1] };
        this.changed();
        return;
      case 'appInitialization.expectedFailure':
        this.status.expectedFailure = { reason: args[0], message: args[1] };
        this.changed();
        return;
      case 'executeDeepLink': {
        const url = typeof args[0] === 'string' ? args[0] : '';
        this.listener.deepLink?.(url);
        this.answer(req, [true]);
        return;
      }
      case 'shareDeepLink':
      case 'returnFocus':
      case 'setFrameContext':
      case 'readyToUnload':
        this.changed();
        return;
    }

    // Configuration page (settings frame) and the configured tab's own settings.
    if (func.startsWith('settings.')) {
      const inSettings = this.context.frameContext === 'settings';
      switch (func) {
        case 'settings.setValidityState':
          if (inSettings) {
            this.validity = args[0] === true;
            this.changed();
            return;
          }
          break;
        case 'settings.setSettings': {
          const cfg = args[0];
          if (inSettings && typeof cfg === 'object' && cfg !== null) {
            this.pendingConfig = { ...(cfg as SavedTabConfig) };
            this.answer(req, [true]);
            this.changed();
            return;
          }
          break;
        }
        case 'settings.getSettings':
          if (p.tab !== 'personal') {
            this.answer(req, [this.pendingConfig ?? this.savedConfig ?? {}]);
            return;
          }
          break;
        case 'settings.save.success': {
          const cfg = this.pendingConfig;
          if (!cfg?.contentUrl) {
            this.problem('The configuration page said save succeeded without calling pages.config.setConfig with a contentUrl.');
            this.saveWaiter?.reject(new Error('No contentUrl was set.'));
          } else {
            this.savedConfig = cfg;
            this.listener.configSaved?.(cfg);
            this.saveWaiter?.resolve(cfg);
          }
          this.saveWaiter = null;
          this.changed();
          return;
        }
        case 'settings.save.failure':
          this.saveWaiter?.reject(new Error(`The configuration page refused to save: ${String(args[0])}`));
          this.saveWaiter = null;
          this.changed();
          return;
      }
    }

    const reason = `Simulator does not implement ${func}` + (func.startsWith('settings.') ? ` in frame ${this.context.frameContext}` : '');
    this.recordUnhandled(func, args, reason);
    if (!ONE_WAY_FUNCS.has(func)) this.answer(req, errorArgs(func, reason));
  }

  private async answerToken(req: TabRequest): Promise<void> {
    const mode = this.env.params.token;
    if (mode === 'denied') {
      this.answer(req, [false, TOKEN_DENIED_REASON]);
      return;
    }
    const user = this.env.user;
    if (!user) {
      this.answer(req, [false, `No user for persona ${this.env.params.persona} in the scenario`]);
      return;
    }
    try {
      const token = await requestToken(
        this.env.emulatorUrl,
        user.userPrincipalName,
        mode === 'expired' ? -3600 : 3600,
        this.env.fetchFn,
      );
      this.answer(req, [true, token]);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.problem(`Could not get a token from the emulator: ${message}`);
      this.answer(req, [false, `The Teams simulator could not get a token: ${message}`]);
    }
  }

  private answer(req: TabRequest, args: unknown[]): void {
    this.send(reply(req, args), req.func);
  }

  private send(message: HostReply | HostEvent, func: string): void {
    const win = this.target();
    if (this.closed || !win) return;
    this.record('out', func, 'id' in message ? message.id : undefined, message);
    win.postMessage(message, this.env.appOrigin);
    this.changed();
  }

  private record(dir: 'in' | 'out', func: string, id: number | undefined, data: unknown): void {
    let snapshot: unknown = data;
    try {
      snapshot = structuredClone(data);
    } catch {
      // keep the live object
    }
    const entry: LogEntry = { dir, t: Math.round(this.env.now()), session: this.env.session, func, data: snapshot };
    if (id !== undefined) entry.id = id;
    this.records.log.push(entry);
  }

  private recordUnhandled(func: string, args: unknown[], reason: string): void {
    this.records.unhandled.push({ t: Math.round(this.env.now()), session: this.env.session, func, args, reason });
    this.changed();
  }

  private problem(message: string): void {
    if (!this.records.problems.includes(message)) this.records.problems.push(message);
    this.changed();
  }

  private changed(): void {
    this.listener.changed();
  }
}
