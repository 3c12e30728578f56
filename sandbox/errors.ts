// Responses of the sandbox: success bodies and `{error, reason}` error bodies.

import type { ErrorBody, SandboxResponse } from './types';

export function ok(body: unknown, status = 200): SandboxResponse {
  return { status, body };
}

export function fail(status: number, error: string, reason: string, headers?: Record<string, string>): SandboxResponse {
  const body: ErrorBody = { error, reason };
  return headers ? { status, body, headers } : { status, body };
}

export const badRequest = (reason: string): SandboxResponse => fail(400, 'BAD_REQUEST', reason);

export const notFound = (reason: string): SandboxResponse => fail(404, 'NOT_FOUND', reason);

export const unauthorized = (): SandboxResponse =>
  fail(401, 'UNAUTHORIZED', "Vous n'êtes pas autorisé à effectuer cette action.");

export const forbidden = (reason: string): SandboxResponse => fail(403, 'FORBIDDEN', reason);

export const methodNotAllowed = (method: string, path: string, allowed: string[]): SandboxResponse =>
  fail(405, 'METHOD_NOT_ALLOWED', `La méthode ${method} n'est pas acceptée sur ${path} (acceptées : ${allowed.join(', ')}).`, {
    Allow: allowed.join(', '),
  });

export const routeNotFound = (method: string, path: string): SandboxResponse =>
  notFound(`Aucune route ne correspond à ${method} ${path}.`);

/** A reason listing several problems, one a line after a summary. */
export function listReason(summary: string, problems: readonly string[]): string {
  return [summary, ...problems.map((problem) => `- ${problem}`)].join('\n');
}
