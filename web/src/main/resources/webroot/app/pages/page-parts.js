// What the pages opened on a session code or by a secret link (host token, coordination key, project key) share.
import { html, nothing } from 'lit';
import '../components/conn-status.js';
import { t } from '../i18n/index.js';

/** The secret typed or pasted by hand: the `k` of a whole link (…#k=…), else the text itself. */
export function secretFrom(typed) {
  const text = typed.trim();
  const match = text.match(/[#&]k=([^&]+)/);
  return match ? decodeURIComponent(match[1]) : text;
}

// The secret forms, by the secret asked for: test ids (`${testid}-form`, `-input`, `-submit`), field id, texts.
const SECRET_FORMS = {
  host: { testid: 'token', id: 'host-token', title: 'console.needToken', label: 'console.tokenLabel', submit: 'console.tokenSubmit' },
  coordination: { testid: 'coord-key', id: 'coord-key', title: 'coord.title', label: 'coord.keyLabel', submit: 'coord.keySubmit' },
  project: { testid: 'project-key', id: 'project-key', title: 'prio.page.needKey', label: 'prio.page.keyLabel', submit: 'prio.page.open' },
};

/**
 * The form asking `page` for its secret (`kind`: host, coordination or project) when it has none or
 * the server refused it: it edits `page._secretInput`, shows `page._error` and submits to
 * `page._useSecret`. `level` is the heading's, which depends on the page; `help` a text key.
 */
export function secretForm(page, kind, { level = 1, help } = {}) {
  const form = SECRET_FORMS[kind];
  const title = t(form.title);
  return html`<form class="panel token-form" @submit=${page._useSecret} data-testid="${form.testid}-form">
    ${level === 2 ? html`<h2 class="panel__title">${title}</h2>` : html`<h1 class="panel__title">${title}</h1>`}
    ${page._error ? html`<p class="notice notice--error" role="alert">${page._error}</p>` : nothing}
    ${help ? html`<p>${t(help)}</p>` : nothing}
    <div class="field">
      <label for=${form.id}>${t(form.label)}</label>
      <input id=${form.id} type="text" autocomplete="off" spellcheck="false" required data-testid="${form.testid}-input"
        .value=${page._secretInput} @input=${(e) => (page._secretInput = e.target.value)} />
    </div>
    <button type="submit" class="btn btn--primary" data-testid="${form.testid}-submit">${t(form.submit)}</button>
  </form>`;
}

/**
 * Loads a page's data with `fetch()` and sets the page's `_mode`: 'loading', then 'ready'; when the
 * server refuses the secret (401), `onRefused()` forgets it and the mode is `refused` (the page's
 * secret form); 'notfound' on 404 where the page has such a state, else 'failed'. `_error` holds the
 * server's message, or the page's own.
 */
export async function loadPage(page, fetch, { refused, onRefused, refusedMessage, failedMessage, notFound = true }) {
  page._mode = 'loading';
  try {
    await fetch();
    page._mode = 'ready';
  } catch (error) {
    if (error.status === 401) {
      onRefused?.();
      page._error = error.message || refusedMessage;
      page._mode = refused;
    } else if (error.status === 404 && notFound) {
      page._mode = 'notfound';
    } else {
      page._error = error.message || failedMessage;
      page._mode = 'failed';
    }
  }
}

/**
 * The skip link and the top bar: the brand, then the page's `title`, the session `code`, the
 * connection's state while a `socket` is given. Pages read on paper leave it off the print (`printed: false`).
 * On a participant's phone the brand is no link (`home: false`): a thumb on that small target must not
 * take the person out of the session.
 */
export function topbar({ title, code, socket, printed = true, home = true } = {}) {
  return html`<a class="skip-link" href="#main">${t('common.skip')}</a>
    <header class=${printed ? 'topbar' : 'topbar no-print'}>
      ${home ? html`<a class="brand" href="/">Atelier</a>` : html`<span class="brand">Atelier</span>`}
      ${title ? html`<span>${title}</span>` : nothing}
      ${code ? html`<span class="topbar__code">${t('common.code')} <strong data-testid="session-code">${code}</strong></span>` : nothing}
      ${socket ? html`<conn-status .socket=${socket}></conn-status>` : nothing}
    </header>`;
}
