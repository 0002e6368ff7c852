// Calls of the planning pages: the web-session cookie goes with them, and state-changing calls carry
// the session's CSRF token (GET /api/me gives it; issue 14's contract).
import { ApiError } from '../../util.js';

let csrfToken = null;

/** The signed-in account, or null. */
export async function currentAccount() {
  try {
    const response = await fetch('/api/me', { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return null;
    const data = await response.json();
    csrfToken = data?.csrfToken ?? null;
    const account = data?.account ?? null;
    if (account?.role) account.role = String(account.role).toLowerCase();
    return account;
  } catch {
    return null;
  }
}

export async function call(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', null);
  }
  const data = await response.json().catch(() => null);
  if (response.ok) return data;
  throw new ApiError(response.status, data?.error?.code ?? `http_${response.status}`, data?.error?.message ?? null);
}
