// "/connexion": sign in with e-mail and password; ask for a reset link.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { call, me, signIn } from './api.js';
import { wt } from './i18n.js';
import './bar.js';
import './sso-button.js';

/** Where to go after signing in: a path of this site given by ?retour=, else by role. */
function destination(account) {
  const back = new URLSearchParams(location.search).get('retour');
  if (back && back.startsWith('/') && !back.startsWith('//')) return back;
  return account.role === 'admin' ? '/admin' : '/';
}

class SignInApp extends LightElement {
  static properties = state({
    _me: null, _email: '', _password: '', _error: '', _busy: false, _resetEmail: '', _resetMessage: '',
  });

  constructor() {
    super();
    me().then((m) => (this._me = m)).catch(() => (this._me = { account: null }));
  }

  async _submit(event) {
    event.preventDefault();
    this._busy = true;
    this._error = '';
    try {
      const out = await signIn(this._email.trim(), this._password);
      location.assign(destination(out.account));
    } catch (e) {
      this._error = e.message || wt('signIn.error');
      this._password = '';
      this.updateComplete.then(() => this.querySelector('#sign-in-password')?.focus());
    } finally {
      this._busy = false;
    }
  }

  async _reset(event) {
    event.preventDefault();
    try {
      const out = await call('/api/auth/reset-request', { method: 'POST', body: { email: this._resetEmail.trim() } });
      this._resetMessage = out.message;
    } catch (e) {
      this._resetMessage = e.message || wt('signIn.error');
    }
  }

  render() {
    const account = this._me?.account;
    return html`<a class="skip-link" href="#main">${wt('skip')}</a>
      <workspace-bar .account=${account}></workspace-bar>
      <main id="main" class="workspace workspace--narrow">
        <h1>${wt('signIn.title')}</h1>
        <p class="lead">${wt('signIn.lead')}</p>
        ${account ? html`<p class="notice" data-testid="already">${wt('signIn.already', { name: account.displayName })}</p>` : nothing}
        <form class="panel stack" @submit=${this._submit} novalidate data-testid="sign-in-form">
          <div class="field">
            <label for="sign-in-email">${wt('signIn.email')}</label>
            <input id="sign-in-email" type="email" autocomplete="username" required data-testid="sign-in-email"
              .value=${this._email} @input=${(e) => (this._email = e.target.value)} />
          </div>
          <div class="field">
            <label for="sign-in-password">${wt('signIn.password')}</label>
            <input id="sign-in-password" type="password" autocomplete="current-password" required data-testid="sign-in-password"
              aria-describedby=${this._error ? 'sign-in-error' : nothing}
              .value=${this._password} @input=${(e) => (this._password = e.target.value)} />
          </div>
          ${this._error ? html`<p id="sign-in-error" class="notice notice--error" role="alert" data-testid="sign-in-error">${this._error}</p>` : nothing}
          <button type="submit" class="btn btn--primary btn--block" ?disabled=${this._busy} data-testid="sign-in-submit">
            ${this._busy ? wt('signIn.busy') : wt('signIn.submit')}
          </button>
        </form>
        <sso-button></sso-button>
        <form class="panel stack" @submit=${this._reset} novalidate aria-labelledby="forgot-title">
          <h2 id="forgot-title" class="panel__title">${wt('signIn.forgot')}</h2>
          <p class="hint" id="forgot-lead">${wt('signIn.forgotLead')}</p>
          <div class="field">
            <label for="reset-email">${wt('signIn.email')}</label>
            <input id="reset-email" type="email" autocomplete="email" aria-describedby="forgot-lead"
              .value=${this._resetEmail} @input=${(e) => (this._resetEmail = e.target.value)} />
          </div>
          <button type="submit" class="btn btn--secondary">${wt('signIn.forgotSubmit')}</button>
          <p class="hint" role="status" aria-live="polite">${this._resetMessage}</p>
        </form>
      </main>`;
  }
}
customElements.define('workspace-sign-in', SignInApp);
