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

// --- Outlook (an add-in pane), apart from Host: Teams tabs never see it (src/host/outlookHost.ts) ---

export interface MailPerson {
  name: string;
  address: string;
}

/** The item an Outlook pane is open on, in read mode. Times are ISO 8601 instants. */
export type MailboxItem =
  | { kind: 'message'; id?: string; subject: string; from?: MailPerson }
  | { kind: 'appointment'; id?: string; subject: string; start?: string; end?: string; location?: string; organizer?: MailPerson };

/** What Justera needs from Outlook: the open item and its reads, each a promise that fails with a Problem. */
export interface MailboxHost {
  /** Outlook's UI language (BCP 47, e.g. "sv-SE"). */
  readonly locale: string;
  readonly user: { displayName?: string; emailAddress?: string };
  /** Undefined when no item is open (a pane pinned with nothing selected). */
  readonly item: MailboxItem | undefined;
  /** Whether Outlook says it supports a requirement set (office.js does not gate its APIs by them). */
  supports(requirementSet: string, version: string): boolean;
  /** The open message's internet headers as one block (Mailbox 1.8). */
  getInternetHeaders(): Promise<string>;
  getBody(type: 'text' | 'html'): Promise<string>;
  /** A Graph token from Office itself (OfficeRuntime.auth.getAccessToken): the demo's and tests' sign-in in the pane. */
  getAccessToken(): Promise<string>;
}
