// The workspace's calls (issue 14): who is signed in, sign-in and sign-out, and JSON calls that carry
// the web session's CSRF token (util.api reads it from the atelier_csrf cookie on every change).
import { api, ApiError, csrfCookie } from '../util.js';

export { ApiError, csrfCookie };

let current = null;

/** {account, csrfToken, anonymousSessions}; account is null when nobody is signed in. Cached per page. */
export function me({ refresh = false } = {}) {
  if (!current || refresh) {
    current = api('/api/me').catch((e) => {
      current = null;
      throw e;
    });
  }
  return current;
}

/** A JSON call of the workspace API (GET unless `method` says otherwise). */
export function call(path, options = {}) {
  return api(path, options);
}

export async function signIn(email, password) {
  const out = await api('/api/auth/sign-in', { method: 'POST', body: { email, password } });
  current = null;
  return out;
}

export async function signOut() {
  await api('/api/auth/sign-out', { method: 'POST', body: {} });
  current = null;
}

/** Sends the browser to the sign-in page, coming back here afterwards. */
export function toSignIn() {
  location.assign('/connexion?retour=' + encodeURIComponent(location.pathname + location.search));
}
