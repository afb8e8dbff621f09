// Tokens from the Graph emulator's token endpoint, for a named user: what tests, the bench and
// scripts sign in with. A real tenant never configures it.

import { Problem } from '../domain/problems';
import type { TokenProvider } from './tokenProvider';

export function emulatorTokenProvider(emulatorUrl: string, user: string, options: { expiresInSeconds?: number } = {}): TokenProvider {
  let cached: string | undefined;
  return {
    async getToken({ forceRefresh } = {}) {
      if (cached && !forceRefresh) return cached;
      let response: Response;
      try {
        response = await fetch(`${emulatorUrl}/_emulator/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ user, expiresInSeconds: options.expiresInSeconds ?? 3600 }),
        });
      } catch (e) {
        throw new Problem('offline', 'The Graph emulator is not reachable', { cause: e });
      }
      if (!response.ok) throw new Problem('sign-in-failed', `The emulator gave no token for ${user} (${response.status})`, { status: response.status });
      const body = (await response.json()) as { access_token?: unknown };
      if (typeof body.access_token !== 'string') throw new Problem('sign-in-failed', 'The emulator answered without a token');
      cached = body.access_token;
      return cached;
    },
  };
}
