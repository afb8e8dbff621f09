import { parseConfig } from './config';

const demo = { graphBaseUrl: 'http://127.0.0.1:4001/v1.0/', tokenProvider: 'host', hostOrigins: ['http://127.0.0.1:4002'], clientId: 'justera-demo' };

describe('the configuration', () => {
  it('reads the demo configuration, without a trailing slash on the Graph URL', () => {
    expect(parseConfig(demo)).toMatchObject({ graphBaseUrl: 'http://127.0.0.1:4001/v1.0', tokenProvider: 'host', hostOrigins: ['http://127.0.0.1:4002'] });
  });

  it('reads a production configuration with no extra host origins', () => {
    expect(parseConfig({ graphBaseUrl: 'https://graph.microsoft.com/v1.0', tokenProvider: 'naa', clientId: 'abc' }).hostOrigins).toEqual([]);
  });

  it("reads where the Outlook pane's office.js comes from: Microsoft's CDN, or a path on this site with a MicrosoftAjax stand-in", () => {
    expect(parseConfig({ graphBaseUrl: 'https://graph.microsoft.com/v1.0', tokenProvider: 'naa', clientId: 'abc', officeJsUrl: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' })).toMatchObject({
      officeJsUrl: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      msAjaxUrl: undefined,
    });
    expect(parseConfig({ ...demo, officeJsUrl: '/office/office.js', msAjaxUrl: '/office-standin/MicrosoftAjax.js' })).toMatchObject({ officeJsUrl: '/office/office.js', msAjaxUrl: '/office-standin/MicrosoftAjax.js' });
  });

  it("reads how the pane's page signs in when opened in a browser: msal unless it says the emulator", () => {
    expect(parseConfig(demo).browserSignIn).toBe('msal');
    expect(parseConfig({ ...demo, browserSignIn: 'emulator' }).browserSignIn).toBe('emulator');
  });

  it("reads the pane's page that the approval mail links to", () => {
    expect(parseConfig({ ...demo, paneUrl: 'https://localhost:4004/pane.html' }).paneUrl).toBe('https://localhost:4004/pane.html');
  });

  it.each([
    // The approval mail links there: https only.
    [{ ...demo, paneUrl: 'javascript:alert(1)' }, /paneUrl/],
    [{ ...demo, browserSignIn: 'naa' }, /browserSignIn/],
    [{ ...demo, graphBaseUrl: 'https://graph.microsoft.com' }, /graphBaseUrl/],
    [{ ...demo, tokenProvider: 'msal' }, /tokenProvider/],
    // teams-js drops a wrong origin silently and initialize then hangs for 60 s: refuse it here.
    [{ ...demo, hostOrigins: ['http://127.0.0.1:4002/teams.html'] }, /hostOrigins/],
    [{ ...demo, clientId: '' }, /clientId/],
    // office.js and its MicrosoftAjax run in the pane: only https or this site, never http or javascript:.
    [{ ...demo, officeJsUrl: 'http://appsforoffice.microsoft.com/lib/1/hosted/office.js' }, /officeJsUrl/],
    [{ ...demo, msAjaxUrl: '//evil.example/MicrosoftAjax.js' }, /msAjaxUrl/],
    [{ ...demo, officeJsUrl: 'javascript:alert(1)' }, /officeJsUrl/],
    ['not an object', /not an object/],
  ])('refuses a wrong value with a message naming it (%#)', (raw, message) => {
    expect(() => parseConfig(raw)).toThrow(message);
    try {
      parseConfig(raw);
    } catch (e) {
      expect((e as { kind?: string }).kind).toBe('config');
    }
  });
});
