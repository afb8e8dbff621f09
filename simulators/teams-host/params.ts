// URL parameters of the Teams host simulator page (teams.html).
// Every parameter is optional; a bad value falls back to the default and is reported as a warning.

export const PERSONAS = ['secretary', 'chair', 'member'] as const;
export type Persona = (typeof PERSONAS)[number];

/** What the `frame` parameter may say. `meetingDetails` is Teams' `content` frame inside a meeting. */
export const FRAMES = ['content', 'sidePanel', 'meetingStage', 'meetingDetails', 'settings'] as const;
export type FrameParam = (typeof FRAMES)[number];

export const TAB_KINDS = ['personal', 'channel', 'meeting'] as const;
export type TabKind = (typeof TAB_KINDS)[number];

export const THEMES = ['default', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];

export const TOKEN_MODES = ['valid', 'expired', 'denied'] as const;
export type TokenMode = (typeof TOKEN_MODES)[number];

export const LOCALES = ['sv-SE', 'en-US'] as const;

/** The teams-js frame context the tab is told it runs in. */
export type FrameContext = 'content' | 'sidePanel' | 'meetingStage' | 'settings';

export interface SimParams {
  persona: Persona;
  /** Normalised: a meeting frame always has tab 'meeting'; content + meeting is 'meetingDetails'. */
  frame: FrameParam;
  tab: TabKind;
  theme: Theme;
  locale: string;
  /** Calendar event id of the meeting the meeting frames are in; undefined = scenario default. */
  event: string | undefined;
  token: TokenMode;
  /** Tab URL override (else sim-config.json appUrl, or configUrl for frame=settings). */
  app: string | undefined;
  /** Graph emulator base URL override (else sim-config.json emulatorUrl). */
  emulator: string | undefined;
  /**
   * What a Teams deep link into the personal tab names (`deepLink` parameter: the link as a mail
   * carries it, https://teams.microsoft.com/l/entity/<appId>/<entityId>?context={"subEntityId":...}).
   */
  subEntityId: string | undefined;
  /** The deep link itself, kept so the toolbar's links keep it. */
  deepLink: string | undefined;
  /** `minimal`: getMeetingDetails leaves out msGraphResourceId (as teams-js's own typings do). */
  details: 'full' | 'minimal';
}

export const DEFAULT_PARAMS: SimParams = {
  persona: 'secretary',
  frame: 'content',
  tab: 'personal',
  theme: 'default',
  locale: 'sv-SE',
  event: undefined,
  token: 'valid',
  app: undefined,
  emulator: undefined,
  subEntityId: undefined,
  deepLink: undefined,
  details: 'full',
};

/** The subEntityId of a Teams entity deep link, as Teams reads it when the link is opened. */
export function subEntityIdOf(link: string, warnings: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    warnings.push(`Ignoring deepLink=${link}: not a URL.`);
    return undefined;
  }
  if (url.origin !== 'https://teams.microsoft.com' || !/^\/l\/entity\/[^/]+\/[^/]+$/.test(url.pathname)) {
    warnings.push(`Ignoring deepLink=${link}: not a Teams entity link (https://teams.microsoft.com/l/entity/<appId>/<entityId>).`);
    return undefined;
  }
  const context = url.searchParams.get('context');
  if (context === null) return undefined;
  try {
    const parsed = JSON.parse(context) as { subEntityId?: unknown };
    if (typeof parsed.subEntityId === 'string') return parsed.subEntityId;
  } catch {
    // fall through
  }
  warnings.push(`Ignoring the deep link's context ${context}: not JSON with a string subEntityId.`);
  return undefined;
}

function pick<T extends string>(
  values: readonly T[],
  raw: string | null,
  name: string,
  warnings: string[],
): T | undefined {
  if (raw === null || raw === '') return undefined;
  const found = values.find((v) => v === raw);
  if (found === undefined) warnings.push(`Unknown ${name}=${raw}; expected one of ${values.join(', ')}.`);
  return found;
}

function pickUrl(raw: string | null, name: string, warnings: string[]): string | undefined {
  if (raw === null || raw === '') return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through
  }
  warnings.push(`Ignoring ${name}=${raw}: not an http(s) URL.`);
  return undefined;
}

const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

export function frameContextOf(frame: FrameParam): FrameContext {
  return frame === 'meetingDetails' ? 'content' : frame;
}

/** Make frame and tab agree (see SimParams.frame). */
export function normalise(p: SimParams): SimParams {
  const out = { ...p };
  if (out.frame === 'sidePanel' || out.frame === 'meetingStage' || out.frame === 'meetingDetails') {
    out.tab = 'meeting';
  } else if (out.frame === 'content' && out.tab === 'meeting') {
    out.frame = 'meetingDetails';
  } else if (out.frame === 'settings' && out.tab === 'personal') {
    out.tab = 'channel'; // personal tabs have no configuration page
  }
  return out;
}

export function parseParams(search: string): { params: SimParams; warnings: string[] } {
  const q = new URLSearchParams(search);
  const warnings: string[] = [];
  const frame = pick(FRAMES, q.get('frame'), 'frame', warnings);
  const tab = pick(TAB_KINDS, q.get('tab'), 'tab', warnings);
  let locale = q.get('locale') ?? '';
  if (locale !== '' && !LOCALE_PATTERN.test(locale)) {
    warnings.push(`Ignoring locale=${locale}.`);
    locale = '';
  }
  const event = q.get('event') ?? '';
  const details = q.get('details');
  const deepLink = q.get('deepLink') || undefined;
  const subEntityId = deepLink === undefined ? undefined : subEntityIdOf(deepLink, warnings);
  if (details !== null && details !== 'full' && details !== 'minimal') {
    warnings.push(`Unknown details=${details}; expected full or minimal.`);
  }
  const params: SimParams = {
    persona: pick(PERSONAS, q.get('persona'), 'persona', warnings) ?? DEFAULT_PARAMS.persona,
    frame: frame ?? (tab === 'meeting' ? 'meetingDetails' : DEFAULT_PARAMS.frame),
    tab: tab ?? DEFAULT_PARAMS.tab,
    theme: pick(THEMES, q.get('theme'), 'theme', warnings) ?? DEFAULT_PARAMS.theme,
    locale: locale || DEFAULT_PARAMS.locale,
    event: event || undefined,
    token: pick(TOKEN_MODES, q.get('token'), 'token', warnings) ?? DEFAULT_PARAMS.token,
    app: pickUrl(q.get('app'), 'app', warnings),
    emulator: pickUrl(q.get('emulator'), 'emulator', warnings),
    subEntityId,
    deepLink: subEntityId === undefined ? undefined : deepLink,
    details: details === 'minimal' ? 'minimal' : 'full',
  };
  return { params: normalise(params), warnings };
}

/** The query string for `p`, leaving out defaults (so links stay short). */
export function toSearch(p: SimParams): string {
  const q = new URLSearchParams();
  const n = normalise(p);
  if (n.persona !== DEFAULT_PARAMS.persona) q.set('persona', n.persona);
  if (n.frame !== DEFAULT_PARAMS.frame) q.set('frame', n.frame);
  if (n.tab !== DEFAULT_PARAMS.tab && n.tab !== 'meeting') q.set('tab', n.tab);
  if (n.theme !== DEFAULT_PARAMS.theme) q.set('theme', n.theme);
  if (n.locale !== DEFAULT_PARAMS.locale) q.set('locale', n.locale);
  if (n.event !== undefined) q.set('event', n.event);
  if (n.token !== DEFAULT_PARAMS.token) q.set('token', n.token);
  if (n.app !== undefined) q.set('app', n.app);
  if (n.emulator !== undefined) q.set('emulator', n.emulator);
  if (n.details !== DEFAULT_PARAMS.details) q.set('details', n.details);
  if (n.deepLink !== undefined) q.set('deepLink', n.deepLink);
  const s = q.toString();
  return s ? `?${s}` : '';
}
