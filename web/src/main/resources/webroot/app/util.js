// Small helpers shared by every page: storage that never throws, HTTP with the protocol's error body, URL parts.

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function normaliseCode(raw) {
  return String(raw ?? '').trim().toUpperCase().replace(/\s+/g, '');
}

export function isValidCode(code) {
  return code.length === 6 && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** The join code found in the page path (/j/{code}, /h/{code}, /s/{code}/screen...). */
export function codeFromPath() {
  const parts = location.pathname.split('/').filter(Boolean);
  return normaliseCode(decodeURIComponent(parts[1] ?? ''));
}

export const storage = {
  get(key) {
    try {
      const raw = localStorage.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* storage disabled (private mode): the page still works for this visit */
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      /* ignore */
    }
  },
};

export const hostKey = (code) => `atelier.host.${code}`;
export const rejoinKey = (code) => `atelier.rejoin.${code}`;

/**
 * The facilitator's host token: from the URL fragment (#k=TOKEN, then saved and removed from the
 * address bar) or from localStorage.
 */
export function hostTokenFor(code) {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = fragment.get('k');
  if (fromHash) {
    storage.set(hostKey(code), fromHash);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  const stored = storage.get(hostKey(code));
  return typeof stored === 'string' && stored ? stored : null;
}

/** An HTTP failure carrying the protocol's {error:{code,message}} body. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The web session's CSRF token, readable by our pages only (the session id itself is HttpOnly). */
export function csrfCookie() {
  const m = document.cookie.match(/(?:^|;\s*)atelier_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

export async function api(path, { method = 'GET', body, token, fallbackMessage } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  // Signed-in browsers must prove each change comes from our pages (issue 14: CSRF).
  const csrf = method !== 'GET' ? csrfCookie() : null;
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', fallbackMessage ?? null);
  }
  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }
  let code = 'http_' + response.status;
  let message = null;
  try {
    const data = await response.json();
    code = data?.error?.code ?? code;
    message = data?.error?.message ?? null;
  } catch {
    /* not JSON */
  }
  throw new ApiError(response.status, code, message ?? fallbackMessage ?? null);
}

/** An absolute URL on this site. */
export function absolute(path) {
  return new URL(path, location.origin).href;
}

let joinBase = null;

/**
 * Where phones join. The server answers with the room's network address when this page was opened
 * on localhost (a phone that scans "localhost" reaches itself), and says when there is none.
 */
export async function loadJoinBase() {
  if (joinBase) return joinBase;
  try {
    const response = await fetch('/api/join-base', { headers: { Accept: 'application/json' } });
    if (response.ok) joinBase = await response.json();
  } catch {
    /* offline: the page's own origin is the best guess */
  }
  joinBase ??= { base: location.origin, phonesCanReach: true };
  return joinBase;
}

export function joinUrl(code) {
  return `${joinBase?.base ?? location.origin}/j/${code}`;
}

/** False when this machine has no address but localhost: no phone can join. */
export function phonesCanReach() {
  return joinBase?.phonesCanReach !== false;
}

/** Copies text; falls back to selecting an input when the Clipboard API is unavailable (plain http). */
export async function copyText(text, inputToSelect) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through */
  }
  if (inputToSelect) {
    inputToSelect.focus();
    inputToSelect.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
  return false;
}
