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
  /** What a deep link into the tab names (Teams' subEntityId), when the tab was opened from one. */
  subPageId?: string;
}

export interface MeetingDetails {
  joinUrl: string;
  start: string;
  end: string;
  title?: string;
}

/** What the configuration page does when the person presses the host's Save. */
export interface TabConfigurationOffer {
  /** Whether Save is available at first (default true); change it with the returned control. */
  valid?: boolean;
  /**
   * Runs when Save is pressed, before the host saves the tab (the group's settings are written
   * here). A rejection refuses the save: the tab is not saved, and the host shows the error's message.
   */
  beforeSave?: () => Promise<void>;
}

export interface TabConfigurationControl {
  /** Makes the host's Save available (true) or not (false: loading, or nothing that can be saved). */
  setValid(valid: boolean): void;
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
  offerTabConfiguration?(tab: { contentUrl: string; entityId: string; suggestedDisplayName: string }, offer?: TabConfigurationOffer): TabConfigurationControl;
  notifySuccess(): void;
  notifyFailure(message: string): void;
}
