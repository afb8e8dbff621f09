// The host end of one pane session: checks where each message comes from, answers office.js's
// requests the way Outlook on the web does, and records everything (log), every request it does not
// answer (unhandled: end-to-end tests fail on these) and setup problems. No DOM beyond MessageEvent.

import { bodyAs, type SimItem } from './item';
import {
  ActionType,
  appContext,
  dispatchOf,
  DispatchId,
  ErrorCodes,
  methodError,
  methodResult,
  parseRequest,
  response,
  STARTUP_EVENTS,
  WacDispatchId,
  wacDispatchOf,
  wacError,
  wacResult,
  type XdmRequest,
} from './protocol';

export interface LogEntry {
  session: number;
  direction: 'in' | 'out';
  action: string;
  /** ExecuteMethod's dispatch id. */
  dispatchId?: number;
  data: unknown;
}

export interface Unhandled {
  session: number;
  action: string;
  dispatchId?: number;
  data: unknown;
}

export interface BridgeRecords {
  log: LogEntry[];
  unhandled: Unhandled[];
  problems: string[];
}

export interface Session {
  id: number;
  /** The pane's origin: the only one answered (office.js's own _xdm_Info check runs the other way). */
  paneOrigin: string;
  hostOrigin: string;
  conversationId: string;
  appId: string;
  correlationId: string;
  locale: string;
  roamingSettings: Record<string, unknown>;
  /** Null while the item is loading or when it could not be read. */
  item: SimItem | null;
  /** The persona's emulator token: what OfficeRuntime.auth.getAccessToken answers (undefined: not signed in). */
  accessToken?: string;
}

export type Answer = { handled: true; data: unknown; errorCode?: number } | { handled: false; data: unknown; errorCode: number; dispatchId?: number };

/** How the host answers one request of the session (pure). */
export function answer(req: XdmRequest, s: Session): Answer {
  if (req._actionType === ActionType.registerEvent || req._actionType === ActionType.unregisterEvent) {
    return STARTUP_EVENTS.has(req._actionName) ? { handled: true, data: null } : { handled: false, data: null, errorCode: ErrorCodes.internalError };
  }
  switch (req._actionName) {
    case 'ContextActivationManager_getAppContextAsync':
      return { handled: true, data: appContext(s) };
    case 'ContextActivationManager_notifyHost':
      // [controlId, action, value]: UpdateTargetUrl tells the host where the pane navigated.
      return { handled: true, data: null };
    case 'GetInitialData':
      return { handled: true, data: s.item?.initialData ?? null };
    case 'ExecuteMethod':
      return executeMethod(req, s);
    case 'executeMethod':
      return executeWacMethod(req, s);
    default:
      // An action the simulator does not know: office.js gets a non-zero code, the test gets a record.
      return { handled: false, data: null, errorCode: ErrorCodes.internalError };
  }
}

function executeMethod(req: XdmRequest, s: Session): Answer {
  const { dispatchId, params } = dispatchOf(req._data);
  const item = s.item;
  if (dispatchId === DispatchId.getBody && item) {
    const text = bodyAs(item.body, params.coercionType);
    return text === undefined ? { handled: true, data: methodError(ErrorCodes.invalidArgument) } : { handled: true, data: methodResult(text) };
  }
  if (dispatchId === DispatchId.getAllInternetHeaders && item?.headers !== undefined) {
    return { handled: true, data: methodResult(item.headers) };
  }
  return { handled: false, data: methodError(ErrorCodes.internalError), errorCode: 0, dispatchId };
}

function executeWacMethod(req: XdmRequest, s: Session): Answer {
  const dispatchId = wacDispatchOf(req._data);
  if (dispatchId === WacDispatchId.getAccessToken) {
    return { handled: true, data: s.accessToken ? wacResult({ accessToken: s.accessToken }) : wacError(ErrorCodes.ssoUserNotSignedIn) };
  }
  return { handled: false, data: wacError(ErrorCodes.internalError), errorCode: 0, dispatchId };
}

interface Target {
  postMessage(message: string, targetOrigin: string): void;
}

export class OutlookHostBridge {
  constructor(
    readonly session: Session,
    private readonly frame: () => Target | null,
    private readonly records: BridgeRecords,
    /** Called after each message the bridge recorded something for (the page shows the records). */
    private readonly onRecord: () => void = () => undefined,
  ) {}

  /** Every message event of the host page goes through here; only this session's pane is answered. */
  receive(event: Pick<MessageEvent, 'data' | 'origin' | 'source'>): void {
    const frame = this.frame();
    if (!frame || event.source !== frame) return;
    const req = parseRequest(event.data);
    if (!req) return;
    const s = this.session;
    if (event.origin !== s.paneOrigin) {
      this.records.problems.push(`Ignored ${req._actionName} from ${event.origin}: the pane is ${s.paneOrigin}.`);
      this.onRecord();
      return;
    }
    if (req._conversationId !== s.conversationId) {
      this.records.problems.push(`Ignored ${req._actionName} for conversation ${req._conversationId}: this session's is ${s.conversationId}.`);
      this.onRecord();
      return;
    }
    const dispatchId = req._actionName === 'ExecuteMethod' ? dispatchOf(req._data).dispatchId : req._actionName === 'executeMethod' ? wacDispatchOf(req._data) : undefined;
    this.records.log.push({ session: s.id, direction: 'in', action: req._actionName, dispatchId, data: req._data });
    const a = answer(req, s);
    if (!a.handled) this.records.unhandled.push({ session: s.id, action: req._actionName, dispatchId, data: req._data });
    this.records.log.push({ session: s.id, direction: 'out', action: req._actionName, dispatchId, data: a.data });
    frame.postMessage(JSON.stringify(response(req, a.data, s.hostOrigin, a.errorCode ?? 0)), s.paneOrigin);
    this.onRecord();
  }
}
