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

// A new key for each save (crypto.randomUUID needs a secure context: plain http elsewhere
// than localhost gets random hex instead).
export function newIdempotencyKey() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

// Every save carries an Idempotency-Key (docs/api.md): when its answer is lost (the server
// or the network went away) or the server was busy, it is sent again, a few times, with the
// same key, and the server applies it once.
export async function api(method, path, body, opts = {}) {
  if (method === 'GET' || method === 'HEAD') return send(method, path, body, opts, '');
  const key = opts.idempotencyKey || newIdempotencyKey();
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(method, path, body, opts, key);
    } catch (err) {
      const again = err.code === 'unreachable' || (err.status === 409 && err.retry);
      if (!again || attempt >= 3) throw err;
      await pause(500 * attempt);
    }
  }
}

async function send(method, path, body, opts, idempotencyKey) {
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
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
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
    // Another try of this same save is still being served: wait for it, then ask again.
    err.retry = res.status === 409 && idempotencyKey !== '' && res.headers.get('Retry-After') !== null;
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
