// /s/{code}/screen: the projector. Public aggregates only; large type, high contrast.
import { html, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { keyed } from 'lit/directives/keyed.js';
import { LightElement, state } from '../components/light-element.js';
import '../components/conn-status.js';
import '../components/format-slot.js';
import '../components/bar-chart.js';
import { AtelierSocket } from '../socket.js';
import { t, tn, formatNumber } from '../i18n/index.js';
import { codeFromPath, isValidCode, joinUrl, loadJoinBase } from '../util.js';
import { satisfactionItems } from '../components/satisfaction-items.js';
import { Sounds } from '../sounds.js';
import { Greeter, moments, nextDeadline } from './screen-show.js';


/** A loudspeaker, with waves when the sound is on and a cross when it is off (no emoji: not every projector's computer has the font). */
const speaker = (on) => html`<svg class="screen-sound__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
  <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor"></path>
  ${on
    ? svg`<path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path>`
    : svg`<path d="M16 9l6 6M22 9l-6 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path>`}
</svg>`;

/** Names the lobby shows at most (four rows at 1280×720 beside the join panel). */
const LOBBY_NAMES = 24;

class ScreenApp extends LightElement {
  static properties = state({ _view: null, _fatal: null, _fullscreen: false, _greeting: '', _sound: false });

  constructor() {
    super();
    this.code = codeFromPath();
    this.socket = null;
    if (!isValidCode(this.code)) {
      this._fatal = 4404;
      return;
    }
    loadJoinBase().then(() => this.requestUpdate());
    this.sounds = new Sounds();
    this.sounds.addEventListener('played', () => this.requestUpdate());
    this._deadline = null;
    this._deadlineTimer = null;
    this.greeter = new Greeter((text) => (this._greeting = text));
    this.socket = new AtelierSocket({ code: this.code, role: 'screen' });
    this.socket.addEventListener('view', (e) => {
      const previous = this._view;
      this._view = e.detail;
      this._showMoments(previous, e.detail);
    });
    this.socket.addEventListener('fatal', (e) => (this._fatal = e.detail.closeCode));
    this.socket.start();
    document.addEventListener('fullscreenchange', () => (this._fullscreen = Boolean(document.fullscreenElement)));
  }

  /** The moments of the show: greet arrivals, and (sounds on) a tune for reveals, podiums and countdowns that end. */
  _showMoments(previous, view) {
    this.greeter.feed(view?.participants ?? []);
    for (const moment of moments(previous, view)) this.sounds.play(moment);
    const deadline = nextDeadline(view);
    if (deadline !== this._deadline) {
      clearTimeout(this._deadlineTimer);
      // The server closed it a moment before our own timer (clocks differ a little): time is up all the same.
      const old = this._deadline;
      if (old && !deadline && Math.abs(old - Date.now()) < 2000) this.sounds.play('countdown');
      this._deadline = deadline;
      if (deadline) {
        this._deadlineTimer = setTimeout(() => {
          // Still the same deadline (not extended, not closed early): time is up.
          if (this._deadline === deadline) {
            this._deadline = null;
            this.sounds.play('countdown');
          }
        }, deadline - Date.now());
      }
    }
  }

  _toggleSound() {
    this.sounds.set(!this.sounds.enabled);
    this._sound = this.sounds.enabled;
  }

  _toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen?.();
    else document.documentElement.requestFullscreen?.().catch(() => {});
  }

  updated() {
    if (this._view?.session?.title) document.title = `${this._view.session.title} — ${t('screen.docTitle')}`;
  }

  render() {
    const session = this._view?.session;
    return html`
      <a class="skip-link" href="#main">${t('common.skip')}</a>
      <header class="screen-bar">
        <span class="brand">Atelier</span>
        <span class="screen-bar__title">${session?.title ?? ''}</span>
        ${session && session.phase !== 'LOBBY' && session.phase !== 'ENDED'
          ? html`<span class="screen-bar__code">${t('screen.codeShort')} <strong>${this.code}</strong></span>`
          : nothing}
        ${this.socket ? html`<conn-status .socket=${this.socket}></conn-status>` : nothing}
        ${this.sounds?.supported
          ? html`<button type="button" class="btn btn--ghost btn--small no-print screen-sound" data-testid="screen-sound"
              aria-pressed=${this._sound ? 'true' : 'false'} data-last-sound=${this.sounds.last ?? ''}
              title=${this._sound ? t('screen.soundOn') : t('screen.soundOff')} @click=${this._toggleSound}>
              ${speaker(this._sound)} ${t('screen.sound')}</button>`
          : nothing}
        <button type="button" class="btn btn--ghost btn--small no-print" data-testid="screen-fullscreen" @click=${this._toggleFullscreen}>
          ${this._fullscreen ? t('screen.exitFullscreen') : t('screen.fullscreen')}
        </button>
      </header>
      <main id="main" class="screen">${this._renderBody()}</main>
    `;
  }

  _renderBody() {
    if (this._fatal === 4404) return html`<p class="screen-lead screen-panel--center" data-testid="session-not-found">${t('common.notFound')}</p>`;
    if (this._fatal) return html`<p class="screen-lead screen-panel--center" role="alert">${t('common.protocolError')}</p>`;
    const view = this._view;
    if (!view) return html`<p class="screen-lead screen-panel--center" role="status">${t('common.connecting')}</p>`;
    const { session } = view;
    switch (session.phase) {
      case 'LOBBY':
        return html`<h1 class="visually-hidden">${session.title}</h1>
          ${session.joiningOpen ? this._renderJoinHero() : html`<p class="screen-lead" data-testid="joining-closed">${t('screen.joiningClosed')}</p>`}
          <p class="greeting ${this._greeting ? 'greeting--on' : ''}" role="status" data-testid="lobby-greeting">
            ${this._greeting ? keyed(this._greeting, html`<span class="greeting__text">${this._greeting}</span>`) : nothing}</p>
          ${this._renderRoster(view)}`;
      case 'ACTIVITY':
        return html`<h1 class="visually-hidden">${session.title}</h1>
          <div class="screen-split ${session.joiningOpen ? 'screen-split--aside' : ''}">
            <format-slot format=${session.format} audience="screen" .view=${view}></format-slot>
            ${session.joiningOpen ? this._renderJoinAside(view) : nothing}
          </div>`;
      case 'SATISFACTION':
        return html`<h1 class="visually-hidden">${session.title}</h1>
          <div class="screen-split screen-split--aside">${this._renderSatisfaction(view)} ${this._renderJoinAside(view)}</div>`;
      case 'ENDED':
        return this._renderEnded(view);
      default:
        return nothing;
    }
  }

  _qr(size) {
    return html`<img class="qr qr--${size}" src="/api/sessions/${this.code}/qr.svg" alt=${t('screen.qrAlt', { url: joinUrl(this.code) })}
      data-testid="qr" width="320" height="320" />`;
  }

  _renderJoinHero() {
    return html`<section class="join-hero" aria-label=${t('screen.howToJoin')} data-testid="join-panel">
      <div class="join-hero__qr">${this._qr('large')}</div>
      <div class="join-hero__text">
        <p class="join-hero__step">${t('screen.scanOrGo')}</p>
        <p class="join-url" data-testid="join-url">${joinUrl(this.code)}</p>
        <p class="join-hero__step">${t('screen.orCode')}</p>
        <p class="join-code" data-testid="join-code" aria-label=${t('screen.codeSpelled', { code: [...this.code].join(' ') })}>${this.code}</p>
      </div>
    </section>`;
  }

  _renderRoster(view) {
    // A projector never scrolls: the newest arrivals by name, the others as a count.
    const everyone = view.participants ?? [];
    const people = everyone.slice(-LOBBY_NAMES);
    const others = everyone.length - people.length;
    return html`<section class="roster" aria-label=${t('screen.participants')}>
      <p class="roster__count" data-testid="participant-count" data-count=${view.session.participantCount ?? 0}>
        ${tn('common.participants', view.session.participantCount ?? 0)}
      </p>
      <ul class="cloud" data-testid="nickname-cloud">
        ${repeat(
          people,
          (p) => p.id,
          (p) => html`<li class="cloud__name ${p.active === false ? 'cloud__name--away' : ''}">${p.nickname}</li>`,
        )}
        ${others ? html`<li class="cloud__name cloud__name--others" data-testid="nickname-others">${tn('screen.otherPeople', others)}</li>` : nothing}
      </ul>
    </section>`;
  }

  _renderJoinAside(view) {
    return html`<aside class="join-aside" aria-label=${t('screen.howToJoin')} data-testid="join-aside">
      ${this._qr('small')}
      <p class="join-aside__url" data-testid="join-url">${joinUrl(this.code)}</p>
      <p class="join-aside__code">${t('screen.codeShort')} <strong data-testid="join-code">${this.code}</strong></p>
      <p class="join-aside__count" data-testid="participant-count" data-count=${view.session.participantCount ?? 0}>
        ${tn('common.participants', view.session.participantCount ?? 0)}
      </p>
    </aside>`;
  }

  _renderSatisfaction(view) {
    const summary = view.satisfaction?.summary;
    const count = summary?.count ?? 0;
    return html`<section class="screen-panel" data-testid="satisfaction-panel">
      <h2 class="screen-question" data-testid="satisfaction-title">${t('sat.title')}</h2>
      <p class="screen-lead">${t('screen.satLead')}</p>
      <p class="screen-answered" data-testid="satisfaction-count" data-count=${count}>
        ${t('screen.satCount', { n: formatNumber(count), total: formatNumber(view.session.participantCount ?? 0) })}
      </p>
      ${count
        ? html`<bar-chart .items=${satisfactionItems(summary)} testid="satisfaction-bar" size="large"></bar-chart>
            <p class="screen-average" data-testid="satisfaction-average">
              ${t('sat.average', { avg: formatNumber(summary.average ?? 0, 1) })}
            </p>`
        : nothing}
    </section>`;
  }

  _renderEnded(view) {
    const summary = view.satisfaction?.summary;
    return html`<section class="screen-panel screen-panel--center" data-testid="ended">
      <h1 class="screen-question" data-testid="ended-title">${t('screen.thanks')}</h1>
      <p class="screen-lead">${view.session.title}</p>
      ${summary?.count
        ? html`<p class="screen-average" data-testid="final-average">
            ${t('screen.finalAverage', { avg: formatNumber(summary.average ?? 0, 1), n: formatNumber(summary.count) })}
          </p>`
        : nothing}
    </section>`;
  }
}
customElements.define('screen-app', ScreenApp);
