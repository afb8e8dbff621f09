/**
 * Graph-shaped errors. Every non-2xx answer from /v1.0 carries
 * {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
 */

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra members of innerError (the 429 body carries code/status there). */
    readonly inner: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface ErrorIds {
  requestId: string;
  clientRequestId: string;
  date: Date;
}

/** Graph writes innerError.date without fractional seconds or zone: 2025-02-13T10:17:05 */
export function graphErrorDate(d: Date): string {
  return d.toISOString().slice(0, 19);
}

export function errorBody(err: GraphError, ids: ErrorIds): Record<string, unknown> {
  return {
    error: {
      code: err.code,
      message: err.message,
      innerError: {
        ...err.inner,
        date: graphErrorDate(ids.date),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

// Frequently used errors, with the codes and messages Graph uses for them.

export const badRequest = (message: string, code = 'BadRequest'): GraphError =>
  new GraphError(400, code, message);

export const segmentNotFound = (segment: string): GraphError =>
  new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

export const methodNotAllowed = (): GraphError =>
  new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');

export const accessDenied = (): GraphError =>
  new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

export const itemNotFound = (): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

export const userNotFound = (key: string): GraphError =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const throttled = (retryAfterSeconds: number): GraphError =>
  new GraphError(
    429,
    'TooManyRequests',
    'Please retry again later.',
    { 'Retry-After': String(retryAfterSeconds) },
    { code: '429', message: 'Please retry after', status: '429' },
  );

const serverErrorText = new Map<number, [string, string]>([
  [500, ['InternalServerError', 'An internal server error occurred.']],
  [502, ['BadGateway', 'Bad gateway.']],
  [503, ['ServiceUnavailable', 'The service is temporarily unavailable. Please retry later.']],
  [504, ['GatewayTimeout', 'The gateway timed out.']],
]);

export const serverError = (status: number): GraphError => {
  const [code, message] = serverErrorText.get(status) ?? ['InternalServerError', 'An internal server error occurred.'];
  return new GraphError(status, code, message);
};
