import type { ErrorBody, ErrorType } from './types';

/** An error the /v2 API answers with an OnceHub error body. */
export class ApiError extends Error {
  readonly body: ErrorBody;

  constructor(
    readonly status: number,
    type: ErrorType,
    message: string,
    param?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.body = param === undefined ? { type, message } : { type, message, param };
  }
}

/** Misuse of the in-process/admin API (bad fixture input), not an OnceHub error. */
export class SimulatorError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}

export const invalidApiKey = (): ApiError => new ApiError(401, 'authentication_error', 'Invalid API key.');

// Documented in the v1 spec only; OnceHub's v2 spec lists just "Invalid API key.".
export const expiredApiKey = (): ApiError =>
  new ApiError(401, 'authentication_error', 'Expired API key. The key has been revoked by the account owner.');

export const planForbidden = (): ApiError =>
  new ApiError(
    403,
    'authentication_error',
    'Your account plan does not support API access. To use the OnceHub API, you must upgrade to the Enterprise plan.',
  );

/** e.g. notFound('booking', 'BKNG-X') → "No such booking: 'BKNG-X'" (param id), as in the spec examples. */
export const notFound = (kind: string, id: string): ApiError =>
  new ApiError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, 'id');

export const badRequest = (message: string, param?: string): ApiError =>
  new ApiError(400, 'invalid_request_error', message, param);

/** The error an injected 'status' fault answers with, using OnceHub's wording where it has one. */
export function errorForStatus(status: number, message?: string): ErrorBody {
  if (status === 429) return { type: 'rate_limit_error', message: message ?? 'Request rate limit exceeded' };
  if (status >= 500)
    return { type: 'api_error', message: message ?? 'An unexpected error occurred. Please try again later.' };
  if (status === 401) return { type: 'authentication_error', message: message ?? 'Invalid API key.' };
  if (status === 403) return { type: 'authentication_error', message: message ?? planForbidden().message };
  return { type: 'invalid_request_error', message: message ?? `Simulated error (HTTP ${status}).` };
}
