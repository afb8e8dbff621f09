// The host port: what Justera needs from Teams (or, later, Outlook), as plain data and callbacks.
// Capabilities a host may lack are optional and checked, never assumed.

export type Theme = 'light' | 'dark' | 'contrast';
export type Frame = 'content' | 'sidePanel' | 'meetingStage' | 'settings' | 'other';

export interface HostContext {
  user: { id?: string; upn?: string; displayName?: string; tenantId?: string };
  /** BCP 47, as the host reports it (e.g. "sv-SE", "en-us"). */
  locale: string;
  theme: Theme;
  frame: Frame;
  /** Set when the tab is inside a meeting (side panel, stage, meeting tab). */
  inMeeting: boolean;
  team?: { id?: string; name?: string; groupId?: string };
  channel?: { id?: string; name?: string };
  chatId?: string;
}

export interface MeetingDetails {
  joinUrl: string;
  start: string;
  end: string;
  title?: string;
}

export interface Host {
  readonly context: HostContext;
  onThemeChange(listener: (theme: Theme) => void): void;
  /** The token the host hands out for the signed-in user (Teams SSO). */
  getAuthToken(): Promise<string>;
  /** Details of the meeting the tab is in, or undefined outside meetings. */
  getMeetingDetails(): Promise<MeetingDetails | undefined>;
  /**
   * On the configuration page of a channel or meeting tab: offer this tab to be saved. Hosts
   * without tab configuration leave it undefined.
   */
  offerTabConfiguration?(tab: { contentUrl: string; entityId: string; suggestedDisplayName: string }): void;
  notifySuccess(): void;
  notifyFailure(message: string): void;
}
