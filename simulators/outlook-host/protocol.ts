// office.js's cross-frame (XDM) protocol as Outlook on the web speaks it, from the host's side
// (checked against @microsoft/office-js 1.1.110: office.debug.js _retrieveHostInfo and
// outlook-web-16.01.debug.js Microsoft.Office.Common.*, OSF.InitializationHelper, standardInvokeHostMethod;
// /work/shared/PLATFORM.md, "An Outlook host simulator for the real office.js"). No DOM: unit-tested.
//
//  pane -> host request:  JSON {_messageType: 0, _actionName, _conversationId, _correlationId, _origin, _data, _actionType, _serializerVersion}
//  host -> pane response: JSON {_messageType: 1, _actionName, _conversationId, _correlationId, _origin, _data, _errorCode, _responseType: 0}
//
// The pane finds its host in its URL: `?_host_Info=Outlook$Web$16.01$<locale>$<correlation>$$$0` and a
// fragment ending in `&_xdm_Info=<conversationId>$<appId>$<hostOrigin>` (last: its value is not cut at `&`).

export const MessageType = { request: 0, response: 1 } as const;
/** A request's `_actionType`: a call, or (un)registering a handler for an event the host pushes. */
export const ActionType = { invoke: 0, registerEvent: 1, unregisterEvent: 2 } as const;

/**
 * Events office.js registers for by itself at start (OSF.AppCommand: ribbon commands, which this
 * simulator never invokes). Registering is answered with success; an add-in's own registrations
 * (ItemChanged, ...) are not simulated yet and are recorded as unhandled.
 */
export const STARTUP_EVENTS: ReadonlySet<string> = new Set(['appCommandInvoked']);
export const ResponseType = { forCalling: 0, forEventing: 1 } as const;

/** office.js's OSF.AppName for Outlook on the web. */
export const OUTLOOK_WEB_APP = 64;

/** Requirement sets the simulated Outlook claims (the only place office.js reads them from). */
export const REQUIREMENT_SETS: Readonly<Record<string, string>> = { Mailbox: '1.8', NestedAppAuth: '1.1' };

/** standardInvokeHostMethod dispatch ids (outlook-web-16.01.debug.js) the simulator answers. */
export const DispatchId = { getInitialData: 1, getBody: 37, getAllInternetHeaders: 168 } as const;

/**
 * Common Office API methods (OSF.DDA.MethodDispId) that go through the WAC delegate rather than
 * Outlook's own invoke: XDM action "executeMethod" (lower case), arguments beside `DdaMethod`
 * {ControlId, Version, DispatchId}, answered with {Version, Error, ...named results}.
 */
export const WacDispatchId = { getAccessToken: 98 } as const;

/** executeMethod's dispatch id (the WAC delegate's `DdaMethod.DispatchId`). */
export function wacDispatchOf(data: unknown): number | undefined {
  const method = isRec(data) && isRec(data.DdaMethod) ? data.DdaMethod : undefined;
  return typeof method?.DispatchId === 'number' ? method.DispatchId : undefined;
}

/** A WAC answer: Error 0 and the results under the names the parameter map reads (getAccessToken: "accessToken"). */
export const wacResult = (results: Record<string, unknown>): Record<string, unknown> => ({ Version: 1, Error: 0, ...results });
/** A WAC failure: office.js turns Error into a failed AsyncResult (13001: the user is not signed in). */
export const wacError = (errorCode: number): Record<string, unknown> => ({ Version: 1, Error: errorCode });

/** office.js's HostCoercionType: what body.getAsync's `coercionType` says on the wire. */
export const HostCoercionType = { text: 0, html: 3 } as const;

/** Outlook's item types in GetInitialData. */
export const ItemType = { message: 1, appointment: 2, meetingRequest: 3 } as const;

export interface XdmRequest {
  _messageType: 0;
  _actionName: string;
  _conversationId: string;
  _correlationId: number | string;
  _origin?: string;
  _data: unknown;
  _actionType?: number;
  _serializerVersion?: number;
}

export interface XdmResponse {
  _messageType: 1;
  _actionName: string;
  _conversationId: string;
  _correlationId: number | string;
  _origin: string;
  _data: unknown;
  _errorCode: number;
  _responseType: number;
  _serializerVersion: 1;
}

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A request from the pane, or null for anything else (office.js posts JSON strings; other frames post what they like). */
export function parseRequest(data: unknown): XdmRequest | null {
  if (typeof data !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRec(parsed) || parsed._messageType !== MessageType.request) return null;
  if (typeof parsed._actionName !== 'string' || typeof parsed._conversationId !== 'string') return null;
  const id = parsed._correlationId;
  if (typeof id !== 'number' && typeof id !== 'string') return null;
  return parsed as unknown as XdmRequest;
}

/** The answer to `req`, echoing its ids; `errorCode` 0 is success (office.js's InvokeResultCode.noError). */
export function response(req: XdmRequest, data: unknown, hostOrigin: string, errorCode = 0): XdmResponse {
  return {
    _messageType: MessageType.response,
    _actionName: req._actionName,
    _conversationId: req._conversationId,
    _correlationId: req._correlationId,
    _origin: hostOrigin,
    _data: data,
    _errorCode: errorCode,
    _responseType: ResponseType.forCalling,
    _serializerVersion: 1,
  };
}

/** The pane's URL with the host and conversation named, as Outlook on the web frames an add-in. */
export function paneUrl(base: string, s: { locale: string; correlationId: string; conversationId: string; appId: string; hostOrigin: string }): string {
  const url = new URL(base);
  // The sixth item asks office.js not to log: offline, its telemetry would only fail (and the pane's
  // CSP refuses Microsoft's collector anyway).
  url.searchParams.set('_host_Info', `Outlook$Web$16.01$${s.locale}$${s.correlationId}$$disableLogging$0`);
  // office.js looks for "&_xdm_Info=" (with the ampersand, even first in the fragment) and reads its
  // value up to the end of the fragment, so it goes last.
  url.hash = `${url.hash.replace(/^#/, '')}&_xdm_Info=${s.conversationId}$${s.appId}$${s.hostOrigin}`;
  return url.href;
}

export interface AppContextInput {
  appId: string;
  locale: string;
  /** Roaming settings: values are JSON strings, as Outlook keeps them. */
  roamingSettings: Record<string, unknown>;
  correlationId: string;
}

/** ContextActivationManager_getAppContextAsync's answer (OSF.OfficeAppContext's fields, underscore-prefixed). */
export function appContext(input: AppContextInput): Record<string, unknown> {
  const settings: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.roamingSettings)) settings[k] = JSON.stringify(v);
  return {
    _id: input.appId,
    _appName: OUTLOOK_WEB_APP,
    _appVersion: '16.01',
    _appMinorVersion: 0,
    _appUILocale: input.locale,
    _dataLocale: input.locale,
    _docUrl: '',
    _clientMode: 1,
    _settings: settings,
    _reason: 0,
    _osfControlType: 0,
    _eToken: '',
    _correlationId: input.correlationId,
    _appInstanceId: input.appId,
    _requirementMatrix: JSON.stringify(REQUIREMENT_SETS),
    _hostFullVersion: '16.0.0.0',
    _addinName: 'Justera',
  };
}

/** ExecuteMethod's arguments: `{ApiParams, MethodData: {ControlId, DispatchId}}`. */
export function dispatchOf(data: unknown): { dispatchId: number | undefined; params: Record<string, unknown> } {
  if (!isRec(data)) return { dispatchId: undefined, params: {} };
  const method = isRec(data.MethodData) ? data.MethodData : {};
  return {
    dispatchId: typeof method.DispatchId === 'number' ? method.DispatchId : undefined,
    params: isRec(data.ApiParams) ? data.ApiParams : {},
  };
}

/** What an item method answers: a value, or an error code office.js turns into a failed AsyncResult. */
export const methodResult = (value: unknown): { data: unknown } => ({ data: value });
export const methodError = (errorCode: number): { error: true; errorCode: number } => ({ error: true, errorCode });

/** office.js's error codes used here (OSF.DDA.ErrorCodeManager): 9020 generic, 5001 internal. */
export const ErrorCodes = { internalError: 5001, genericResponseError: 9020, invalidArgument: 9030, ssoUserNotSignedIn: 13001 } as const;
