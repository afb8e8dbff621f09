// What the simulated Teams host tells the tab: the initialize reply's runtime config, the flat
// legacy context getContext answers with, and getMeetingDetails' response. Pure functions of the
// URL parameters and the scenario.

import { frameContextOf, type FrameContext, type SimParams } from './params';
import { pickMeeting, teamsMeetingId, type SimMeeting, type SimScenario, type SimUser } from './scenario';

/** Client SDK version the host claims (initialize reply, 4th arg). */
export const HOST_SDK_VERSION = '2.58.0';
export const HOST_CLIENT_TYPE = 'web';

import manifest from '../../manifest/manifest.json';

/** Entity ids of the app package's tabs: the personal tab's from manifest/manifest.json, as Teams would. */
export const PERSONAL_TAB_ENTITY_ID = manifest.staticTabs.find((tab) => tab.scopes.includes('personal'))?.entityId ?? 'my-meetings';
/** The configurable tab's entity id: the one TabConfigPage gives pages.config.setConfig. */
export const CONFIGURABLE_TAB_ENTITY_ID = 'justera';

/**
 * The runtime config, as the JSON *string* teams-js requires. `supports` names only what this
 * simulator answers: meeting (getMeetingDetails), pages.config (settings.*), teamsCore
 * (registerHandler for load/beforeUnload). No dialog, no appEntity, no nestedAppAuth.
 */
export function runtimeConfigJson(): string {
  return JSON.stringify({
    apiVersion: 4,
    isNAAChannelRecommended: false,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: {
      meeting: {},
      pages: { config: {} },
      teamsCore: {},
    },
  });
}

export interface SavedTabConfig {
  entityId?: string;
  contentUrl?: string;
  websiteUrl?: string;
  suggestedDisplayName?: string;
  removeUrl?: string;
  [extra: string]: unknown;
}

export interface ContextInput {
  params: SimParams;
  scenario: SimScenario;
  user: SimUser | undefined;
  meeting: SimMeeting | undefined;
  appSessionId: string;
  hostSessionId: string;
  savedConfig: SavedTabConfig | null;
}

/** Teams' legacy (flat) context; teams-js maps it to app.Context. */
export type LegacyContext = Record<string, unknown> & {
  frameContext: FrameContext;
  theme: string;
  locale: string;
};

export function meetingFor(params: SimParams, scenario: SimScenario): SimMeeting | undefined {
  return params.tab === 'meeting' ? pickMeeting(scenario, params.event) : undefined;
}

export function buildContext(input: ContextInput): LegacyContext {
  const { params, scenario, user, meeting, savedConfig } = input;
  const frameContext = frameContextOf(params.frame);
  const ctx: LegacyContext = {
    frameContext,
    hostClientType: HOST_CLIENT_TYPE,
    hostName: 'Teams',
    theme: params.theme,
    locale: params.locale,
    appSessionId: input.appSessionId,
    sessionId: input.hostSessionId,
    ringId: 'general',
    tid: scenario.tenantId,
    userLicenseType: 'Unknown',
    tenantSKU: 'enterprise',
    isFullScreen: false,
    isMultiWindow: false,
    appLaunchId: input.appSessionId,
    userClickTime: Date.now(),
  };
  if (user) {
    ctx.userObjectId = user.id;
    ctx.userPrincipalName = user.userPrincipalName;
    ctx.loginHint = user.userPrincipalName;
    ctx.userDisplayName = user.displayName;
  }
  if (params.tab === 'personal') {
    ctx.entityId = PERSONAL_TAB_ENTITY_ID;
    ctx.subEntityId = params.subEntityId ?? '';
  } else if (frameContext !== 'settings') {
    ctx.entityId = savedConfig?.entityId ?? CONFIGURABLE_TAB_ENTITY_ID;
    ctx.subEntityId = '';
  }
  if (params.tab === 'channel' && scenario.team) {
    if (scenario.team.internalId) ctx.teamId = scenario.team.internalId;
    ctx.groupId = scenario.team.groupId;
    ctx.teamName = scenario.team.displayName;
    ctx.teamType = 0;
    ctx.userTeamRole = 1;
    if (scenario.channel) {
      ctx.channelId = scenario.channel.id;
      ctx.channelName = scenario.channel.displayName;
      ctx.channelType = 'Regular';
    }
  }
  if (params.tab === 'meeting' && meeting) {
    ctx.chatId = meeting.chatThreadId;
    ctx.meetingId = teamsMeetingId(meeting.chatThreadId);
  }
  return ctx;
}

/** meeting.getMeetingDetails' IMeetingDetailsResponse (teams-js 2.58 dts/public/meeting/meeting.d.ts). */
export function meetingDetailsFor(
  meeting: SimMeeting,
  scenario: SimScenario,
  details: SimParams['details'],
): Record<string, unknown> {
  const d: Record<string, unknown> = {
    id: teamsMeetingId(meeting.chatThreadId),
    scheduledStartTime: meeting.start,
    scheduledEndTime: meeting.end,
    joinUrl: meeting.joinUrl,
    title: meeting.title,
    type: 'Scheduled',
  };
  // Not in teams-js's IMeetingDetails typing (it is in the bot REST API's meeting details);
  // details=minimal leaves it out so the app's fallback (look it up by joinUrl) can be tested.
  if (details === 'full' && meeting.onlineMeetingId) d.msGraphResourceId = meeting.onlineMeetingId;
  const organizer: Record<string, unknown> = { tenantId: scenario.tenantId };
  if (meeting.organizerId) organizer.id = meeting.organizerId;
  return { details: d, conversation: { id: meeting.chatThreadId }, organizer };
}
