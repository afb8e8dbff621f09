// Errors as values the UI can show: a kind the translations know, plus the cause for the log.
// Every failure a person can meet maps to one of these; nothing shows a raw stack.

export type ProblemKind =
  | 'signed-out' // the token expired or was refused: sign in again
  | 'sign-in-failed' // the host could not give a token at all
  | 'forbidden' // the user lacks the right in Graph
  | 'not-found' // the meeting (or something it points to) is gone
  | 'throttled' // Graph kept answering 429 beyond our retries
  | 'offline' // Graph could not be reached
  | 'server' // Graph answered 5xx
  | 'bad-data' // Graph or a file answered something we cannot read
  | 'conflict' // someone changed the file first (412) or the name is taken (409): read theirs, merge, write again
  | 'host' // Teams or Outlook did not answer as expected
  | 'no-host' // the page was opened outside Teams
  | 'config' // the app's configuration is missing or wrong
  | 'unknown';

export class Problem extends Error {
  readonly kind: ProblemKind;
  /** HTTP status or host code, for the log and for tests. */
  readonly status?: number;
  /** Graph's error code, e.g. "InvalidAuthenticationToken". */
  readonly code?: string;
  /**
   * How long Microsoft 365 asked us to wait (Retry-After) when that was too long to wait silently:
   * the page says so with the time left, tries again by itself, and lets the person stop waiting.
   */
  readonly retryAfterMs?: number;

  constructor(kind: ProblemKind, message: string, details: { status?: number; code?: string; cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, { cause: details.cause });
    this.name = 'Problem';
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isProblem(e: unknown): e is Problem {
  return e instanceof Problem;
}

/** Whatever was thrown, as a Problem. */
export function toProblem(e: unknown): Problem {
  if (isProblem(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new Problem('unknown', message, { cause: e });
}
