// The HTTP API, with the signed-in credentials. Errors carry the RFC 9457 problem details the API answers with.
import { credentials } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** The validation errors, field → messages (e.g. { reason: ['Say why…'] }). */
  get fieldErrors() {
    return this.problem.errors ?? {};
  }
}

let onUnauthorized = () => {};

export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function send(method, path, body, headers = credentials()) {
  const response = await fetch(path, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(headers ?? {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (response.status === 401 && headers === credentials()) {
    onUnauthorized();
  }

  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = { title: response.statusText };
    }
    throw new ApiError(response.status, problem);
  }

  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : null;
}

export const api = {
  get: path => send('GET', path),
  post: (path, body) => send('POST', path, body ?? {}),
  /** GET with explicit headers (sign-in checks a key before keeping it). */
  getWith: (path, headers) => send('GET', path, undefined, headers),
  /** The raw bytes of a document, for showing and hashing. */
  async bytes(path) {
    const response = await fetch(path, { headers: credentials() ?? {}, cache: 'no-store' });
    if (!response.ok) throw new ApiError(response.status, { title: response.statusText });
    return { bytes: await response.arrayBuffer(), type: response.headers.get('Content-Type') ?? 'text/plain' };
  },
};

export const enc = encodeURIComponent;

/** Polls check() until it returns something truthy or the deadline passes (then null). */
export async function waitFor(check, { timeoutMs = 20000, intervalMs = 400 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = await check();
    if (result) return result;
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
  return null;
}
