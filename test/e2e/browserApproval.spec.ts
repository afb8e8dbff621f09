// The Mac/phone path of issue 11: Outlook for Mac and phones run no add-in from the unified manifest,
// so the approval mail's link opens the pane's page in the browser. The chair signs in (here on the
// Graph emulator's sign-in page, as config.json's browserSignIn "emulator" says) and sees the
// approval for the version the link names.

import { expect, test } from '@playwright/test';
import { approvalUrl, BrowserPane, demoApprovalLink } from './pages/browserPane';
import { PANE, PEOPLE } from './pages/outlookHost';
import { approvalView, chairId, minutesDocument, SignOffFolder } from './pages/signOffRound';
import { EMULATOR } from './pages/teamsHost';

// The pane is https://localhost with a certificate made when the demo starts.
test.use({ ignoreHTTPSErrors: true, locale: 'sv-SE' });

test.describe('the approval link opened in a browser', () => {
  test('the chair signs in through the sign-in page, is back on the link and approves the version it names; the answer is a file Graph says the chair created', async ({ page, request }) => {
    const folder = await SignOffFolder.create(request, `Styrelsemöte i webbläsaren ${test.info().retry}`);
    const { version } = await folder.send(minutesDocument('Styrelsen, protokoll från länken', [{ id: 'item-budget', title: 'Budget 2027', decisions: ['Budgeten fastställs.'] }]), {
      subject: `Protokoll för justering i webbläsaren ${test.info().retry}`,
    });
    const link = { minutesId: await folder.minutesId(), version };
    const pane = await new BrowserPane(page).open(approvalUrl(link));

    const signIn = pane.signInSection();
    await expect(signIn.getByRole('heading', { level: 2, name: 'Logga in för att justera' })).toBeVisible();
    await expect(signIn.getByText(`version ${link.version.slice(0, 12)}`)).toBeVisible();

    await pane.signInAs(PEOPLE.chair.name);

    await expect(page.getByText(`Inloggad som ${PEOPLE.chair.name}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Logga in', exact: true })).toHaveCount(0);
    // The token does not stay in the address (history, bookmarks, a shared screen); the link does.
    expect(page.url()).toBe(approvalUrl(link));

    // The same approval view as in Outlook: the exact version, then the answer.
    const approval = approvalView(page);
    await expect(approval.getByText('Du är ordförande och justerar protokollet.')).toBeVisible();
    await expect(approval.getByRole('article').getByText('Budgeten fastställs.')).toBeVisible();
    await approval.getByRole('button', { name: 'Justera' }).click();
    await expect(approval.getByRole('status')).toContainText(`Du justerade version ${version.slice(0, 8)}`);
    expect(await folder.answers()).toEqual([expect.objectContaining({ createdBy: await chairId(request), content: expect.objectContaining({ version, decision: 'approved' }) })]);

    // A reload in the same tab keeps the sign-in and shows the answer given.
    await page.reload();
    await expect(page.getByText(`Inloggad som ${PEOPLE.chair.name}`)).toBeVisible();
    await expect(approvalView(page).getByRole('status')).toContainText(`Du justerade version ${version.slice(0, 8)}`);
  });

  test('a link whose version is not in the folder shows nothing to approve, with the reason', async ({ page, request }) => {
    const pane = await new BrowserPane(page).open(approvalUrl(await demoApprovalLink(request)));
    await pane.signInAs(PEOPLE.chair.name);
    await expect(page.getByText('Versionen som mejlet pekar på finns inte i mötets mapp. Be sekreteraren skicka protokollet igen.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Justera' })).toHaveCount(0);
  });

  test('a cancelled sign-in says so and offers to sign in again; nobody is signed in', async ({ page, request }) => {
    const pane = await new BrowserPane(page).open(approvalUrl(await demoApprovalLink(request)));

    await pane.cancelSignIn();

    await expect(page.getByText('Inloggningen avbröts, så protokollet visas inte. Logga in för att justera det.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Logga in', exact: true })).toBeEnabled();
    await expect(page.getByText(/^Inloggad som/)).toHaveCount(0);
  });

  test("a token handed to the page without its own sign-in's state is refused (a forged or replayed answer)", async ({ page, request }) => {
    const link = await demoApprovalLink(request);
    const token = (await (await request.post(`${EMULATOR}/_emulator/token`, { data: { user: PEOPLE.secretary.address } })).json()).access_token as string;

    await new BrowserPane(page).open(`${approvalUrl(link)}#access_token=${token}&token_type=Bearer&expires_in=3600&state=forged`);

    await expect(page.getByText(/^Inloggningen misslyckades\. Försök igen\./)).toBeVisible();
    await expect(page.getByText(/^Inloggad som/)).toHaveCount(0);
    expect(page.url()).not.toContain('access_token');
  });

  test('in English when the browser is in English', async ({ browser, request }) => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-US' });
    const page = await context.newPage();
    const pane = await new BrowserPane(page).open(approvalUrl(await demoApprovalLink(request)));

    await expect(pane.signInSection('Sign in to approve').getByRole('heading', { name: 'Sign in to approve' })).toBeVisible();
    await pane.signInAs(PEOPLE.chair.name, 'Sign in');
    await expect(page.getByText(`Signed in as ${PEOPLE.chair.name}`)).toBeVisible();
    await context.close();
  });

  test('a link cut short says so, and where to go', async ({ page }) => {
    await new BrowserPane(page).open(`${PANE}/pane.html?minutes=b%21abc%2F01XYZ`);

    await expect(page.getByText(/^Länken är inte hel/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Logga in', exact: true })).toHaveCount(0);
  });
});

test('the page without a link says it runs outside Outlook, and where to go instead', async ({ page }) => {
  await new BrowserPane(page).open(`${PANE}/pane.html`);

  await expect(page.getByText(/^Det här är Justeras tillägg för Outlook, och här är sidan öppnad utanför Outlook\./)).toBeVisible();
  await expect(page.getByText(/I Outlook för Mac eller på telefonen: öppna länken i mejlet med protokollet för justering/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logga in', exact: true })).toHaveCount(0);
});
