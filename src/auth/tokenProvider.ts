// The token-provider port: whoever can hand out a Graph access token for the signed-in user.
// Which implementation runs is configuration (config.tokenProvider), never a fallback on failure.

export interface TokenRequest {
  /** Ask the source for a new token even if it has one cached (after a 401). */
  forceRefresh?: boolean;
}

export interface TokenProvider {
  getToken(request?: TokenRequest): Promise<string>;
}
