// "/mot-de-passe#t=TOKEN": the one-time link of an invitation or a reset. The token stays in the
// fragment (never sent in a request line or a Referer) and is removed from the address bar at once.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { call } from './api.js';
import { wt } from './i18n.js';
import './bar.js';

function takeToken() {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('t');
  if (token) history.replaceState(history.state, '', location.pathname);
  return token;
}

class SetPasswordApp extends LightElement {
  static properties = state({ _link: null, _error: undefined, _name: '', _password: '', _confirm: '', _busy: false });

  constructor() {
    super();
    this._token = takeToken();
    this._error = this._token ? '' : wt('set.noToken');
    if (this._token) {
      call('/api/auth/link', { method: 'POST', body: { token: this._token } })
        .then((l) => (this._link = l))
        .catch((e) => (this._error = e.message || wt('set.noToken')));
    }
  }

  async _submit(event) {
    event.preventDefault();
    if (this._password !== this._confirm) {
      this._formError = wt('set.mismatch');
      this.requestUpdate();
      return;
    }
    this._busy = true;
    this._formError = '';
    try {
      const out = await call('/api/auth/set-password', {
        method: 'POST',
        body: { token: this._token, password: this._password, displayName: this._name.trim() },
      });
      location.assign(out.account.role === 'admin' ? '/admin' : '/');
    } catch (e) {
      this._formError = e.message;
      this.updateComplete.then(() => this.querySelector('#set-password')?.focus());
    } finally {
      this._busy = false;
    }
  }

  render() {
    const l = this._link;
    return html`<a class="skip-link" href="#main">${wt('skip')}</a>
      <workspace-bar></workspace-bar>
      <main id="main" class="workspace workspace--narrow">
        <h1>${l?.kind === 'reset' ? wt('set.resetTitle') : wt('set.title')}</h1>
        ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="link-error">${this._error}</p>` : nothing}
        ${!l && !this._error ? html`<p class="hint" role="status">${wt('set.checking')}</p>` : nothing}
        ${l ? this._renderForm(l) : nothing}
      </main>`;
  }

  _renderForm(l) {
    return html`<form class="panel stack" @submit=${this._submit} novalidate data-testid="set-password-form">
      <p data-testid="link-account">${wt('set.for', { email: l.email, role: wt('role.' + l.role) })}</p>
      ${l.kind === 'invite'
        ? html`<div class="field">
            <label for="set-name">${wt('set.name')}</label>
            <input id="set-name" type="text" autocomplete="name" maxlength="120" data-testid="set-name"
              .value=${this._name} @input=${(e) => (this._name = e.target.value)} />
          </div>`
        : nothing}
      <input type="email" autocomplete="username" hidden .value=${l.email} />
      <div class="field">
        <label for="set-password">${wt('set.password')}</label>
        <input id="set-password" type="password" autocomplete="new-password" required data-testid="set-password"
          aria-describedby="set-rules ${this._formError ? 'set-error' : ''}"
          .value=${this._password} @input=${(e) => (this._password = e.target.value)} />
        <p id="set-rules" class="hint">${wt('set.rules')}</p>
      </div>
      <div class="field">
        <label for="set-confirm">${wt('set.confirm')}</label>
        <input id="set-confirm" type="password" autocomplete="new-password" required data-testid="set-confirm"
          .value=${this._confirm} @input=${(e) => (this._confirm = e.target.value)} />
      </div>
      ${this._formError ? html`<p id="set-error" class="notice notice--error" role="alert" data-testid="set-error">${this._formError}</p>` : nothing}
      <button type="submit" class="btn btn--primary btn--block" ?disabled=${this._busy} data-testid="set-submit">${wt('set.submit')}</button>
    </form>`;
  }
}
customElements.define('workspace-set-password', SetPasswordApp);
