// The Teams host, through @microsoft/teams-js. Extra host origins (the simulator's, in the demo and
// tests) come from configuration: teams-js accepts replies only from Microsoft's hosts and these.

import { app, authentication, meeting, pages } from '@microsoft/teams-js';
import { Problem } from '../domain/problems';
import type { Frame, Host, HostContext, MeetingDetails, Theme } from './host';

function themeOf(theme: string | undefined): Theme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

function frameOf(frame: string | undefined): Frame {
  switch (frame) {
    case 'content':
    case 'sidePanel':
    case 'meetingStage':
    case 'settings':
      return frame;
    default:
      return 'other';
  }
}

function toContext(c: app.Context): HostContext {
  const frame = frameOf(c.page.frameContext);
  return {
    user: { id: c.user?.id, upn: c.user?.userPrincipalName ?? c.user?.loginHint, displayName: c.user?.displayName, tenantId: c.user?.tenant?.id },
    locale: c.app.locale,
    theme: themeOf(c.app.theme),
    frame,
    inMeeting: Boolean(c.meeting?.id) || frame === 'sidePanel' || frame === 'meetingStage',
    team: c.team ? { id: c.team.internalId, name: c.team.displayName, groupId: c.team.groupId } : undefined,
    channel: c.channel ? { id: c.channel.id, name: c.channel.displayName } : undefined,
    chatId: c.chat?.id,
    subPageId: c.page.subPageId || undefined,
  };
}

/** When a silent host is said to be silent: well past a normal start, far short of teams-js's own 60 s. */
export const HOST_SLOW_AFTER_MS = 5_000;

export interface ConnectOptions {
  /**
   * Called once when the host has not answered app.initialize after `slowAfterMs`: framed by a page
   * that is not Teams (or not one teams-js accepts), nothing answers, and teams-js itself gives up
   * only after 60 seconds. The connection keeps waiting, so a host that answers late still works.
   */
  onSlow?: () => void;
  slowAfterMs?: number;
}

export async function connectTeams(validMessageOrigins: readonly string[], options: ConnectOptions = {}): Promise<Host> {
  // A tab runs in Teams' iframe (or a window Teams opened). Opened on its own, nothing would ever
  // answer app.initialize, which gives up only after 60 seconds: say so at once.
  if (window.parent === window && !window.opener) throw new Problem('no-host', 'The tab was opened outside Teams');
  const { onSlow } = options;
  const slowTimer = onSlow ? setTimeout(onSlow, options.slowAfterMs ?? HOST_SLOW_AFTER_MS) : undefined;
  try {
    await app.initialize(validMessageOrigins.length ? [...validMessageOrigins] : undefined);
  } catch (e) {
    throw new Problem('host', 'Teams did not answer app.initialize', { cause: e });
  } finally {
    clearTimeout(slowTimer);
  }
  const context = toContext(await app.getContext());
  return {
    context,
    onThemeChange(listener) {
      app.registerOnThemeChangeHandler((theme) => listener(themeOf(theme)));
    },
    async getAuthToken() {
      try {
        return await authentication.getAuthToken();
      } catch (e) {
        throw new Problem('sign-in-failed', `Teams gave no token: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
    },
    async getMeetingDetails(): Promise<MeetingDetails | undefined> {
      if (!context.inMeeting) return undefined;
      const response = await new Promise<meeting.IMeetingDetailsResponse>((resolve, reject) =>
        meeting.getMeetingDetails((error, details) =>
          error || !details ? reject(new Problem('host', `Teams did not tell which meeting this is (${error?.message ?? 'no details'})`, { cause: error })) : resolve(details),
        ),
      );
      const d = response.details;
      if (!d.joinUrl) throw new Problem('host', 'This meeting has no join link');
      const end = 'scheduledEndTime' in d && typeof d.scheduledEndTime === 'string' ? d.scheduledEndTime : d.scheduledStartTime;
      return { joinUrl: d.joinUrl, start: d.scheduledStartTime, end, title: 'title' in d ? d.title : undefined };
    },
    offerTabConfiguration: pages.config.isSupported()
      ? (tab, offer = {}) => {
          pages.config.registerOnSaveHandler((save) => {
            // The page's own work first (the group's settings file); only then does Teams keep the tab.
            Promise.resolve()
              .then(() => offer.beforeSave?.())
              .then(() => pages.config.setConfig({ contentUrl: tab.contentUrl, entityId: tab.entityId, suggestedDisplayName: tab.suggestedDisplayName }))
              .then(
                () => save.notifySuccess(),
                (e: unknown) => save.notifyFailure(e instanceof Error ? e.message : String(e)),
              );
          });
          pages.config.setValidityState(offer.valid ?? true);
          return { setValid: (valid) => pages.config.setValidityState(valid) };
        }
      : undefined,
    notifySuccess: () => app.notifySuccess(),
    notifyFailure: (message) =>
      app.notifyFailure({ reason: app.FailedReason.Other, message }),
  };
}
