// /j/{code}: join with a nickname, then the participant's live view.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import '../components/format-slot.js';
import '../components/satisfaction-form.js';
import '../components/bilan-phone.js';
import { AtelierSocket } from '../socket.js';
import { t } from '../i18n/index.js';
import { api, codeFromPath, isValidCode, rejoinKey, storage } from '../util.js';
import { topbar } from './page-parts.js';

const NICKNAME_MAX = 24;

class PhoneApp extends LightElement {
  static properties = state({
    _mode: undefined, _view: null, _nickname: '', _error: '', _notice: '', _busy: false, _leaving: false,
    _session: null, _offline: false,
  });

  constructor() {
    super();
    this.code = codeFromPath();
    this.socket = null;
    this._record = null;
    this._send = (command) => this.socket.send(command);
    if (!isValidCode(this.code)) {
      this._mode = 'notfound';
      return;
    }
    const record = storage.get(rejoinKey(this.code));
    if (record?.rejoinToken) {
      this._connect(record);
    } else {
      this._lookUp();
    }
    this._onNetwork = () => this._updateOffline();
    window.addEventListener('online', this._onNetwork);
    window.addEventListener('offline', this._onNetwork);
  }

  /** Before asking for a nickname: does the code name a session one can still join? Its title, if so. */
  async _lookUp() {
    this._mode = 'checking';
    try {
      this._session = await api(`/api/sessions/${this.code}`, { fallbackMessage: t('join.error.generic') });
      this._mode = this._session.phase === 'ENDED' ? 'over' : this._session.joiningOpen === false ? 'closed' : 'join';
    } catch (error) {
      if (error.status === 404) {
        this._mode = 'notfound';
      } else {
        // Offline, or a session prepared for later (the server says when to come back): the form, and
        // the join itself answers.
        if (error.status !== 0 && error.message) this._notice = error.message;
        this._mode = 'join';
      }
    }
  }

  /** Offline, said plainly: the browser knows it has no network, or the link to the server is down. */
  _updateOffline() {
    const status = this.socket?.status;
    this._offline = this._mode === 'live' && (navigator.onLine === false || status === 'reconnecting');
  }

  _connect(record) {
    this._record = record;
    this._mode = 'live';
    this._view = null;
    this.socket?.stop();
    const socket = new AtelierSocket({ code: this.code, role: 'participant', token: record.rejoinToken });
    socket.addEventListener('view', (e) => {
      this._view = e.detail;
      if (e.detail?.me?.nickname && e.detail.me.nickname !== this._record.nickname) {
        this._record = { ...this._record, nickname: e.detail.me.nickname };
        storage.set(rejoinKey(this.code), this._record);
      }
    });
    socket.addEventListener('status', () => this._updateOffline());
    socket.addEventListener('fatal', (e) => {
      const { closeCode } = e.detail;
      if (closeCode === 4401) {
        storage.remove(rejoinKey(this.code));
        this._notice = t('phone.tokenLost');
        this._nickname = this._record?.nickname ?? '';
        this._lookUp();
      } else if (closeCode === 4404) {
        this._mode = 'notfound';
      } else if (closeCode === 4403) {
        // Removed by the facilitator (issue 15, item 4): the server's message says why; the token is void.
        storage.remove(rejoinKey(this.code));
        this._mode = 'failed';
        this._error = e.detail.message || t('common.protocolError');
      } else {
        this._mode = 'failed';
        this._error = e.detail.message || t('common.protocolError');
      }
    });
    this.socket = socket;
    socket.start();
  }

  async _join(event) {
    event.preventDefault();
    const nickname = this._nickname.trim();
    if (!nickname) {
      this._showError(t('join.error.empty'));
      return;
    }
    if (nickname.length > NICKNAME_MAX) {
      this._showError(t('join.error.long', { max: NICKNAME_MAX }));
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const joined = await api(`/api/sessions/${this.code}/join`, { method: 'POST', body: { nickname }, fallbackMessage: t('join.error.generic') });
      const record = { participantId: joined.participantId, rejoinToken: joined.rejoinToken, nickname: joined.nickname ?? nickname };
      storage.set(rejoinKey(this.code), record);
      this._notice = '';
      this._connect(record);
    } catch (error) {
      if (error.status === 404) {
        this._mode = 'notfound';
      } else {
        this._showError(error.message || t('join.error.generic'));
      }
    } finally {
      this._busy = false;
    }
  }

  _showError(message) {
    this._error = message;
    this.updateComplete.then(() => this.querySelector('[data-testid="nickname-input"]')?.focus());
  }

  async _leave() {
    try {
      await this.socket.send({ type: 'session.leave' });
    } catch {
      /* leaving anyway */
    }
    this.socket.stop();
    this.socket = null;
    storage.remove(rejoinKey(this.code));
    this._leaving = false;
    this._view = null;
    this._notice = t('phone.left');
    this._offline = false;
    this._lookUp();
  }

  updated() {
    if (this._view?.session?.title) document.title = `${this._view.session.title} — Atelier`;
    if (this._view?.session?.phase === 'ENDED' && this.socket) {
      // The session is over: nothing will change any more, so free the connection.
      this.socket.stop();
    }
  }

  render() {
    const session = this._view?.session;
    return html`
      ${topbar({ home: false, code: this.code, socket: this._mode === 'live' && session?.phase !== 'ENDED' && this.socket })}
      ${this._offline
        ? html`<p class="offline-banner" role="status" data-testid="phone-offline">${t('phone.offline')}</p>`
        : nothing}
      <main id="main" class="phone">
        ${(session ?? this._session)?.title
          ? html`<h1 class="phone__title" data-testid="phone-session-title">${(session ?? this._session).title}</h1>`
          : html`<h1 class="phone__title">${t('phone.title')}</h1>`}
        ${this._renderBody()}
      </main>
    `;
  }

  _renderBody() {
    switch (this._mode) {
      case 'notfound':
        return html`<section class="card card--center" data-testid="session-not-found">
          <p class="lead">${t('common.notFound')}</p>
          <p>${t('join.refused.unknown')}</p>
          <a class="btn btn--secondary" href="/">${t('common.backHome')}</a>
        </section>`;
      case 'checking':
        return html`<p class="card card--center muted" role="status">${t('common.loading')}</p>`;
      case 'over':
      case 'closed':
        return html`<section class="card card--center" data-testid="session-refused" data-reason=${this._mode}>
          <p class="lead">${t(this._mode === 'over' ? 'join.refused.ended' : 'join.refused.closed')}</p>
          <a class="btn btn--secondary" href="/">${t('common.backHome')}</a>
        </section>`;
      case 'failed':
        return html`<section class="card card--center"><p class="notice notice--error" role="alert">${this._error}</p>
          <a class="btn btn--secondary" href="/" data-testid="back-home">${t('common.backHome')}</a></section>`;
      case 'join':
        return this._renderJoin();
      default:
        return this._renderLive();
    }
  }

  _renderJoin() {
    return html`<form class="card join-form" @submit=${this._join} novalidate data-testid="join-form">
      ${this._notice ? html`<p class="notice" role="status">${this._notice}</p>` : nothing}
      <div class="field">
        <label for="nickname">${t('join.nicknameLabel')}</label>
        <input id="nickname" name="nickname" type="text" maxlength=${NICKNAME_MAX} autocomplete="off" autocapitalize="words"
          spellcheck="false" required aria-describedby="nickname-hint ${this._error ? 'join-error' : ''}"
          aria-invalid=${this._error ? 'true' : 'false'} data-testid="nickname-input"
          .value=${this._nickname} @input=${(e) => (this._nickname = e.target.value)} />
        <p id="nickname-hint" class="hint">${t('join.nicknameHint', { max: NICKNAME_MAX })}</p>
      </div>
      ${this._error ? html`<p id="join-error" class="notice notice--error" role="alert" data-testid="join-error">${this._error}</p>` : nothing}
      <button type="submit" class="btn btn--primary btn--block" data-testid="join-button" ?disabled=${this._busy}>
        ${this._busy ? t('join.joining') : t('join.submit')}
      </button>
    </form>`;
  }

  _renderLive() {
    const view = this._view;
    if (!view) return html`<p class="card card--center muted" role="status">${t('common.connecting')}</p>`;
    const { session } = view;
    const nickname = view.me?.nickname ?? this._record?.nickname ?? '';
    switch (session.phase) {
      case 'LOBBY':
        return html`<section class="card card--center" data-testid="lobby">
            <p class="welcome" data-testid="lobby-welcome">${t('phone.lobby', { nickname })}</p>
          </section>
          <bilan-phone .bilan=${view.bilan} .send=${this._send}></bilan-phone>
          ${this._renderLeave()}`;
      case 'ACTIVITY':
        return html`<p class="phone__me">${t('phone.me', { nickname })}</p>
          <format-slot format=${session.format} audience="phone" .view=${view} .send=${this._send}></format-slot>
          ${this._renderLeave()}`;
      case 'SATISFACTION':
        return html`<bilan-phone .bilan=${view.bilan} .send=${this._send}></bilan-phone>
          <satisfaction-form .satisfaction=${view.satisfaction} .send=${this._send}></satisfaction-form>`;
      case 'ENDED':
        return html`<section class="card card--center" data-testid="ended">
          <p class="welcome" data-testid="ended-message">${t('phone.ended')}</p>
        </section>`;
      default:
        return nothing;
    }
  }

  _renderLeave() {
    if (!this._leaving) {
      return html`<p class="leave"><button type="button" class="btn btn--link" data-testid="leave-button" @click=${() => (this._leaving = true)}>
        ${t('phone.leave')}</button></p>`;
    }
    return html`<div class="leave leave--confirm" role="group" aria-label=${t('phone.leaveConfirm')}>
      <p>${t('phone.leaveConfirm')}</p>
      <div class="row">
        <button type="button" class="btn btn--danger" data-testid="leave-confirm" @click=${this._leave}>${t('phone.leaveYes')}</button>
        <button type="button" class="btn btn--secondary" data-testid="leave-cancel" @click=${() => (this._leaving = false)}>${t('common.cancel')}</button>
      </div>
    </div>`;
  }
}
customElements.define('phone-app', PhoneApp);
