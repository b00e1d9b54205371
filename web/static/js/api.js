// JSON API client: cookie session + X-CSRF-Token on every write.
let csrf = '';
export const session = { user: null, workspace: null };

export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || `request failed (${status})`);
    this.status = status;
    this.code = e.code || 'error';
    this.fields = e.fields || null;
  }
}

export function setCsrf(token) { csrf = token || ''; }

export async function api(method, path, body, opts = {}) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof ArrayBuffer || body instanceof Blob) {
      payload = body;
      headers['Content-Type'] = opts.contentType || 'text/plain';
    } else {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
  }
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrf;
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    // The browser's own words ("Failed to fetch") say nothing to a rep.
    throw new ApiError(0, { error: { code: 'unreachable', message: "nextcall can't reach the server" } });
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    throw new ApiError(res.status, { error: { code: 'unreachable', message: "nextcall can't reach the server" } });
  }
  let data = null;
  const text = await res.text();
  if (text) {
    try { data = JSON.parse(text); } catch { data = { error: { message: text } }; }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    if (res.status === 401 && !opts.allow401 && onUnauthorized) onUnauthorized();
    throw err;
  }
  return data;
}

let onUnauthorized = null;
export function setUnauthorizedHandler(fn) { onUnauthorized = fn; }

export const get = (p, o) => api('GET', p, undefined, o);
export const post = (p, b, o) => api('POST', p, b === undefined ? {} : b, o);
export const patch = (p, b) => api('PATCH', p, b);
export const del = (p) => api('DELETE', p);
