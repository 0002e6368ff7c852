// The content library's calls (issue 16, LIBRARY-CONTRACT.md). Unlike the workspace's `call`, a
// failure keeps the answer's body: a 409 carries the item as someone else saved it (`current`), a
// 422 the problems to show beside the fields.
import { csrfCookie } from '../../util.js';

/** A failed library call: status, code, French message, and the body's `current` / `problems` when sent. */
export class LibraryError extends Error {
  constructor(status, body) {
    const error = body?.error ?? body ?? {};
    super(error.message ?? body?.message ?? '');
    this.status = status;
    this.code = error.code ?? body?.code ?? `http_${status}`;
    this.current = body?.current ?? error.current ?? null;
    this.problems = body?.problems ?? error.problems ?? [];
  }
}

async function send(path, { method = 'GET', body, raw, contentType } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (raw !== undefined) headers['Content-Type'] = contentType;
  const csrf = method !== 'GET' ? csrfCookie() : null;
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response;
  try {
    response = await fetch(path, { method, headers, cache: 'no-store', body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  } catch {
    throw new LibraryError(0, { code: 'network' });
  }
  if (response.ok) return response.status === 204 ? null : response.json();
  let data = null;
  try {
    data = await response.json();
  } catch {
    /* not JSON */
  }
  throw new LibraryError(response.status, data);
}

const item = (id) => `/api/library/${encodeURIComponent(id)}`;

export const library = {
  list: (kind) => send(`/api/library${kind ? `?kind=${encodeURIComponent(kind)}` : ''}`),
  get: (id) => send(item(id)),
  create: (body) => send('/api/library', { method: 'POST', body }),
  save: (id, body) => send(item(id), { method: 'PUT', body }),
  copy: (id, territoryId) => send(`${item(id)}/copy`, { method: 'POST', body: { territoryId } }),
  remove: (id) => send(item(id), { method: 'DELETE' }),
  import: (body) => send('/api/library/import', { method: 'POST', body }),
  exportUrl: (id, as) => `${item(id)}/export?as=${as}`,
  /** Uploads an image file: {id, url, width, height}. */
  image: (file) => send('/api/library/images', { method: 'POST', raw: file, contentType: file.type || 'application/octet-stream' }),
};
