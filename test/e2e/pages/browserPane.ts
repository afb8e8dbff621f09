// Page model of the Outlook pane's page opened in a plain browser, as a chair on Outlook for Mac or a
// phone opens it from the approval mail's link, with the Graph emulator's sign-in page in between.

import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { PANE } from './outlookHost';
import { EMULATOR } from './teamsHost';

export interface ApprovalLink {
  minutesId: string;
  version: string;
}

/** The address the approval mail links to: `<paneUrl>?minutes=<encoded minutes id>&version=<hash>`. */
export function approvalUrl(link: ApprovalLink): string {
  return `${PANE}/pane.html?minutes=${encodeURIComponent(link.minutesId)}&version=${link.version}`;
}

/**
 * A link naming the demo group's channel folder in its drive, as the tab would for a meeting folder
 * there, and a version (a SHA-256 in hex). Nothing reads the version yet on the sign-in page.
 */
export async function demoApprovalLink(request: APIRequestContext, version = 'ab12'.repeat(16)): Promise<ApprovalLink> {
  const scenario = (await (await request.get(`${EMULATOR}/_emulator/scenario`)).json()) as {
    resolved: { teams: { driveId: string; channels: { folderId: string }[] }[] };
  };
  const team = scenario.resolved.teams[0]!;
  return { minutesId: `${team.driveId}/${team.channels[0]!.folderId}`, version };
}

export class BrowserPane {
  constructor(readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Justera' })).toBeVisible();
    return this;
  }

  /** The sign-in section ("Logga in för att justera", "Sign in to approve"). */
  signInSection(heading = 'Logga in för att justera') {
    return this.page.getByRole('region', { name: heading });
  }

  /** Clicks "Logga in" and lands on the emulator's sign-in page. */
  async goToSignIn(button = 'Logga in') {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await expect(this.page).toHaveURL(new RegExp(`^${EMULATOR.replace(/[.]/g, '\\.')}/_emulator/authorize\\?`));
  }

  /** Signs in on the emulator's page as the person whose button carries this name. */
  async signInAs(name: string, button = 'Logga in') {
    await this.goToSignIn(button);
    await this.page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await expect(this.page).toHaveURL(new RegExp(`^${PANE}/pane\\.html`));
  }

  /** Signs in on the emulator's page as anyone in the directory, by the address typed in its field. */
  async signInWithAddress(address: string, button = 'Logga in') {
    await this.goToSignIn(button);
    await this.page.getByRole('textbox', { name: /^Annan användare/ }).fill(address);
    await this.page.getByRole('button', { name: 'Logga in som den användaren' }).click();
    await expect(this.page).toHaveURL(new RegExp(`^${PANE}/pane\\.html`));
  }

  /** Cancels on the emulator's sign-in page. */
  async cancelSignIn(button = 'Logga in') {
    await this.goToSignIn(button);
    await this.page.getByRole('button', { name: 'Avbryt' }).click();
    await expect(this.page).toHaveURL(new RegExp(`^${PANE}/pane\\.html`));
  }
}
