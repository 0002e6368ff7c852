// "/": join with a code, or create a session and get its three links.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { t } from '../i18n/index.js';
import { absolute, api, copyText, hostKey, isValidCode, normaliseCode, storage } from '../util.js';
import { me } from '../workspace/api.js';
import { wt } from '../workspace/i18n.js';

class LandingApp extends LightElement {
  static properties = state({
    _code: '', _codeError: '', _formats: null, _formatsError: '', _format: '', _title: '', _createError: '',
    _creating: false, _created: null, _copied: '', _me: null, _checking: false,
  });

  constructor() {
    super();
    this._loadFormats();
    me().then((m) => (this._me = m)).catch(() => {});
  }

  async _loadFormats() {
    try {
      const formats = await api('/api/formats', { fallbackMessage: t('landing.formatsError') });
      this._formats = Array.isArray(formats) ? formats : [];
      this._format = this._formats[0]?.id ?? '';
    } catch (error) {
      this._formats = [];
      this._formatsError = error.message || t('landing.formatsError');
    }
  }

  /** Looks the code up before leaving the page: a wrong or ended code is refused here, not after a nickname. */
  async _join(event) {
    event.preventDefault();
    const code = normaliseCode(this._code);
    const refuse = (key) => {
      this._codeError = t(key);
      this.updateComplete.then(() => this.querySelector('#join-code')?.focus());
    };
    if (!isValidCode(code)) {
      refuse('landing.codeInvalid');
      return;
    }
    this._checking = true;
    try {
      const session = await api(`/api/sessions/${code}`);
      if (session.phase === 'ENDED') {
        refuse('landing.codeEnded');
        return;
      }
    } catch (error) {
      if (error.status === 404) {
        refuse('landing.codeUnknown');
        return;
      }
      // Anything else (offline, a busy server): the join page checks again.
    } finally {
      this._checking = false;
    }
    location.assign(`/j/${code}`);
  }

  async _create(event) {
    event.preventDefault();
    const title = this._title.trim();
    if (!title) {
      this._createError = t('landing.titleMissing');
      this.updateComplete.then(() => this.querySelector('#create-title')?.focus());
      return;
    }
    this._creating = true;
    this._createError = '';
    try {
      const created = await api('/api/sessions', {
        method: 'POST',
        body: { format: this._format, title },
        fallbackMessage: t('landing.createError'),
      });
      storage.set(hostKey(created.code), created.hostToken);
      const code = created.code;
      const withKey = (url, fallback) => {
        const u = new URL(url || fallback, location.origin);
        if (!u.hash.includes('k=')) u.hash = `k=${created.hostToken}`;
        return u.href;
      };
      this._created = {
        code,
        console: withKey(created.consoleUrl, `/h/${code}`),
        screen: absolute(created.screenUrl || `/s/${code}/screen`),
        join: absolute(created.joinUrl || `/j/${code}`),
        synthesis: withKey(created.synthesisUrl, `/s/${code}/synthese`),
      };
      this.updateComplete.then(() => this.querySelector('#created-title')?.focus());
    } catch (error) {
      this._createError = error.message || t('landing.createError');
    } finally {
      this._creating = false;
    }
  }

  async _copy(which, inputId) {
    const ok = await copyText(this._created[which], this.querySelector(`#${inputId}`));
    this._copied = ok ? t('landing.copied') : t('console.copyFailed');
  }

  render() {
    return html`
      <a class="skip-link" href="#main">${t('common.skip')}</a>
      <header class="topbar"><span class="brand">Atelier</span><span class="topbar__spacer"></span>
        ${this._me?.account ? html`<a class="topbar__link" href="/seances" data-testid="my-sessions">${wt('mySessions')}</a>
          <a class="topbar__link" href="/bibliotheque" data-testid="library-link">${wt('library')}</a>` : ''}
        <a class="topbar__link" href=${this._me?.account?.role === 'admin' ? '/admin' : '/connexion'} data-testid="account-link">
          ${this._me?.account ? this._me.account.displayName : wt('signIn')}</a></header>
      <main id="main" class="landing">
        <h1 class="landing__title">${t('landing.title')}</h1>
        <p class="lead">${t('landing.lead')}</p>
        <div class="landing__grid">
          ${this._renderJoin()} ${this._renderCreate()}
        </div>
      </main>
    `;
  }

  _renderJoin() {
    return html`<form class="panel" @submit=${this._join} novalidate aria-labelledby="join-title" data-testid="join-code-form">
      <h2 id="join-title" class="panel__title">${t('landing.joinTitle')}</h2>
      <div class="field">
        <label for="join-code">${t('landing.codeLabel')}</label>
        <input id="join-code" class="input--code" type="text" inputmode="text" autocomplete="off" autocapitalize="characters"
          spellcheck="false" maxlength="6" required aria-describedby="join-code-hint ${this._codeError ? 'join-code-error' : ''}"
          aria-invalid=${this._codeError ? 'true' : 'false'} data-testid="join-code-input"
          .value=${this._code} @input=${(e) => {
            this._code = e.target.value.toUpperCase();
            this._codeError = '';
          }} />
        <p id="join-code-hint" class="hint">${t('landing.codeHint')}</p>
      </div>
      ${this._codeError ? html`<p id="join-code-error" class="notice notice--error" role="alert" data-testid="join-code-error">${this._codeError}</p>` : nothing}
      <button type="submit" class="btn btn--primary btn--block" data-testid="join-code-submit" ?disabled=${this._checking}>
        ${this._checking ? t('landing.codeChecking') : t('landing.joinSubmit')}</button>
    </form>`;
  }

  _renderCreate() {
    if (this._created) return this._renderCreated();
    if (this._me && this._me.anonymousSessions === false && !this._me.account) {
      return html`<section class="panel" aria-labelledby="create-title-h" data-testid="create-needs-account">
        <h2 id="create-title-h" class="panel__title">${t('landing.createTitle')}</h2>
        <p class="notice">${wt('landing.signedOutOnly')}</p>
        <a class="btn btn--primary btn--block" href="/connexion">${wt('signIn')}</a>
      </section>`;
    }
    const formats = this._formats;
    return html`<form class="panel" @submit=${this._create} novalidate aria-labelledby="create-title-h" data-testid="create-form">
      <h2 id="create-title-h" class="panel__title">${t('landing.createTitle')}</h2>
      <div class="field">
        <label for="create-format">${t('landing.formatLabel')}</label>
        <select id="create-format" data-testid="create-format" ?disabled=${!formats?.length}
          @change=${(e) => (this._format = e.target.value)}>
          ${(formats ?? []).map((f) => html`<option value=${f.id} ?selected=${f.id === this._format}>${f.title ?? f.id}</option>`)}
        </select>
        ${formats === null ? html`<p class="hint">${t('common.loading')}</p>` : nothing}
        ${this._formatsError ? html`<p class="notice notice--error" role="alert">${this._formatsError}</p>` : nothing}
      </div>
      <div class="field">
        <label for="create-title">${t('landing.sessionTitle')}</label>
        <input id="create-title" type="text" maxlength="120" required data-testid="create-title"
          placeholder=${t('landing.sessionTitlePlaceholder')}
          .value=${this._title} @input=${(e) => (this._title = e.target.value)} />
      </div>
      ${this._createError ? html`<p class="notice notice--error" role="alert" data-testid="create-error">${this._createError}</p>` : nothing}
      <button type="submit" class="btn btn--primary btn--block" data-testid="create-submit" ?disabled=${this._creating || !this._format}>
        ${this._creating ? t('landing.creating') : t('landing.createSubmit')}
      </button>
    </form>`;
  }

  _renderCreated() {
    const c = this._created;
    const row = (key, id, label, testid) => html`<div class="field">
      <label for=${id}>${label}</label>
      <div class="input-row">
        <input id=${id} type="text" readonly .value=${c[key]} data-testid=${testid} />
        <button type="button" class="btn btn--secondary" data-testid="${testid}-copy" @click=${() => this._copy(key, id)}>${t('console.copy')}</button>
      </div>
    </div>`;
    return html`<section class="panel" aria-labelledby="created-title" data-testid="created">
      <h2 id="created-title" class="panel__title" tabindex="-1">${t('landing.created', { code: c.code })}</h2>
      <p class="notice">${t('landing.keepSecret')}</p>
      ${row('console', 'created-console', t('landing.consoleLink'), 'created-console-link')}
      ${row('screen', 'created-screen', t('landing.screenLink'), 'created-screen-link')}
      ${row('join', 'created-join', t('landing.joinLink'), 'created-join-link')}
      <p class="hint" role="status" aria-live="polite">${this._copied}</p>
      <a class="btn btn--primary btn--block" href=${c.console} data-testid="open-console">${t('landing.openConsole')}</a>
    </section>`;
  }
}
customElements.define('landing-app', LandingApp);
