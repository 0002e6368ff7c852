// /seances/:id/invitation: a page to print and put on the wall days before (title, date, place,
// QR code, code, join URL). Print styles hide everything but the invitation.
import { html, nothing } from 'lit';
import { LightElement } from '../../components/light-element.js';
import { pt } from './messages.js';
import { call, currentAccount } from './http.js';

class InvitationApp extends LightElement {
  static properties = { _plan: { state: true }, _error: { state: true } };

  constructor() {
    super();
    this._plan = null;
    this._error = '';
    const id = location.pathname.split('/')[2] ?? '';
    currentAccount()
      .then(() => call(`/api/workspace/planned/${encodeURIComponent(decodeURIComponent(id))}`))
      .then((p) => {
        this._plan = p;
        document.title = `${pt('pl.inv.title')} — ${p.title}`;
      }, (e) => (this._error = e.message || pt('pl.error')));
  }

  render() {
    const p = this._plan;
    return html`
      <a class="skip-link no-print" href="#main">${pt('pl.skip')}</a>
      <header class="topbar no-print"><a class="brand" href="/">${pt('pl.brand')}</a><span>${pt('pl.inv.title')}</span></header>
      <main id="main" class="invitation">
        ${this._error ? html`<p class="notice notice--error" role="alert">${this._error}</p>` : nothing}
        ${!p && !this._error ? html`<p class="muted" role="status">${pt('pl.loading')}</p>` : nothing}
        ${p ? this._sheet(p) : nothing}
      </main>`;
  }

  _sheet(p) {
    return html`
      <div class="invitation__tools no-print">
        <button type="button" class="btn btn--primary" data-testid="inv-print" @click=${() => window.print()}>${pt('pl.inv.print')}</button>
        <a class="btn btn--secondary" href="/seances">${pt('pl.inv.back')}</a>
      </div>
      <article class="invitation__sheet" data-testid="inv-sheet">
        <p class="invitation__format">${p.formatTitle}</p>
        <h1 class="invitation__title" data-testid="inv-title">${p.title}</h1>
        <dl class="invitation__facts">
          <div><dt>${pt('pl.inv.when')}</dt><dd data-testid="inv-when">${p.day ? pt('pl.at', { day: p.day, time: p.time }) : pt('pl.undated')}</dd></div>
          ${p.place ? html`<div><dt>${pt('pl.inv.where')}</dt><dd data-testid="inv-place">${p.place}</dd></div>` : nothing}
        </dl>
        <img class="invitation__qr" src="/api/sessions/${p.code}/qr.svg" alt=${pt('pl.inv.qr', { code: p.code })} data-testid="inv-qr">
        <p class="invitation__join">${pt('pl.inv.join')} <strong class="invitation__url" data-testid="inv-url">${p.joinUrl.replace(/\/j\/[^/]+$/, '')}</strong>
          ${pt('pl.inv.code')}</p>
        <p class="invitation__code" data-testid="inv-code">${p.code}</p>
        <p class="invitation__bring">${pt('pl.inv.bring')}</p>
      </article>`;
  }
}
customElements.define('invitation-app', InvitationApp);
