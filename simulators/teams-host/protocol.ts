// The teams-js 2.x postMessage protocol as the host sees it (checked against
// @microsoft/teams-js 2.58 dist/esm: internal/communication.js, messageObjects.js).
//
//  tab -> host request: {id: number, uuidAsString: string, func, args, apiVersionTag, timestamp, ...}
//  host -> tab reply:   {id, uuidAsString, args}            (echo both ids, no func)
//  host -> tab event:   {func, args}                         (no numeric id, or it is taken for a reply)

export interface TabRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args: unknown[];
  apiVersionTag?: string;
  timestamp?: number;
  [extra: string]: unknown;
}

export interface HostReply {
  id: number;
  uuidAsString?: string;
  args: unknown[];
}

export interface HostEvent {
  func: string;
  args: unknown[];
}

export function isTabRequest(data: unknown): data is TabRequest {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.id === 'number' && typeof d.func === 'string';
}

export function toTabRequest(data: TabRequest): TabRequest {
  return { ...data, args: Array.isArray(data.args) ? data.args : [] };
}

export function reply(req: TabRequest, args: unknown[]): HostReply {
  const r: HostReply = { id: req.id, args };
  if (req.uuidAsString !== undefined) r.uuidAsString = req.uuidAsString;
  return r;
}

/** teams-js ErrorCode values used here. */
export const ErrorCode = {
  NOT_SUPPORTED_ON_PLATFORM: 100,
  INTERNAL_ERROR: 500,
  NOT_SUPPORTED_IN_CURRENT_CONTEXT: 501,
  PERMISSION_DENIED: 1000,
} as const;

/**
 * Funcs whose reply is `[success: boolean, reason?: string]` (teams-js sendAndHandleStatusAndReason
 * and friends; authentication.* read `[ok, tokenOrReason]`). Everything else that answers at all
 * reads an SdkError `{errorCode, message}` from `args[0]`.
 */
const STATUS_REASON_FUNCS = new Set([
  'authentication.getAuthToken',
  'authentication.authenticate',
  'calendar.composeMeeting',
  'calendar.openCalendarItem',
  'chat.openChat',
  'conversations.openConversation',
  'executeDeepLink',
  'mail.composeMail',
  'mail.openMailItem',
  'navigateBack',
  'navigateCrossDomain',
  'navigateToTab',
  'pages.navigateToApp',
  'search.closeSearch',
  'settings.setSettings',
]);

/** An error reply in the shape the func's teams-js family understands. */
/** Funcs whose reply is `[success: boolean, resultOrSdkError]`. */
const STATUS_SDK_ERROR_FUNCS = new Set(['authentication.getUser']);

export function errorArgs(func: string, message: string, errorCode: number = ErrorCode.INTERNAL_ERROR): unknown[] {
  if (STATUS_REASON_FUNCS.has(func)) return [false, message];
  if (STATUS_SDK_ERROR_FUNCS.has(func)) return [false, { errorCode, message }];
  return [{ errorCode, message }, null];
}

/**
 * Requests teams-js sends without waiting for an answer (sendMessageToParent with no callback):
 * the host must not count them as unanswered.
 */
export const ONE_WAY_FUNCS = new Set([
  'registerHandler',
  'appInitialization.appLoaded',
  'appInitialization.success',
  'appInitialization.failure',
  'appInitialization.expectedFailure',
  'settings.setValidityState',
  'settings.save.success',
  'settings.save.failure',
  'settings.remove.success',
  'settings.remove.failure',
  'readyToUnload',
  'shareDeepLink',
  'returnFocus',
  'setFrameContext',
]);
