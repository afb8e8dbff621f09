import { parseConfig } from './config';

const demo = { graphBaseUrl: 'http://127.0.0.1:4001/v1.0/', tokenProvider: 'host', hostOrigins: ['http://127.0.0.1:4002'], clientId: 'justera-demo' };

describe('the configuration', () => {
  it('reads the demo configuration, without a trailing slash on the Graph URL', () => {
    expect(parseConfig(demo)).toMatchObject({ graphBaseUrl: 'http://127.0.0.1:4001/v1.0', tokenProvider: 'host', hostOrigins: ['http://127.0.0.1:4002'] });
  });

  it('reads a production configuration with no extra host origins', () => {
    expect(parseConfig({ graphBaseUrl: 'https://graph.microsoft.com/v1.0', tokenProvider: 'naa', clientId: 'abc' }).hostOrigins).toEqual([]);
  });

  it.each([
    [{ ...demo, graphBaseUrl: 'https://graph.microsoft.com' }, /graphBaseUrl/],
    [{ ...demo, tokenProvider: 'msal' }, /tokenProvider/],
    // teams-js drops a wrong origin silently and initialize then hangs for 60 s: refuse it here.
    [{ ...demo, hostOrigins: ['http://127.0.0.1:4002/teams.html'] }, /hostOrigins/],
    [{ ...demo, clientId: '' }, /clientId/],
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
