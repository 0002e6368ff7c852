// /coordination#k=KEY: the coordinators' space. The activity report of a period (sessions held,
// participants, satisfaction, by format) over archived sessions, each session's synthesis, CSV.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { t, formatNumber, formatDateTime } from '../i18n/index.js';
import { api, storage } from '../util.js';
import { loadPage, secretForm, secretFrom, topbar } from './page-parts.js';
import { bt } from '../workspace/bilan/messages.js';

export const COORDINATION_KEY = 'atelier.coordination';

/**
 * The server counts days in Paris time (a session of 00:30 in Paris belongs to that day), so the
 * period's days are Paris days too, whatever the browser's time zone (UTC, the Antilles, La Réunion).
 */
export const PARIS = 'Europe/Paris';

function isoDay(d) {
  const part = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(d).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}

class CoordinationApp extends LightElement {
  static properties = state({
    _report: null, _mode: undefined, _error: '', _secretInput: '', _from: undefined, _to: undefined,
  });

  constructor() {
    super();
    const match = location.hash.match(/[#&]k=([^&]+)/);
    if (match) {
      storage.set(COORDINATION_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    this.key = storage.get(COORDINATION_KEY);
    const today = new Date();
    this._from = `${isoDay(today).slice(0, 4)}-01-01`;
    this._to = isoDay(today);
    this.signedIn = false;
    if (this.key) this._load();
    else this._loadSignedIn();
  }

  /** Issue 14: a signed-in coordinator (or administrator) reads their territories' report without a key. */
  async _loadSignedIn() {
    this.signedIn = true;
    await this._load();
    if (this._mode !== 'ready') {
      this.signedIn = false;
      this._error = '';
      this._mode = 'needKey';
    }
  }

  _query() {
    const q = new URLSearchParams();
    if (this._from) q.set('from', this._from);
    if (this._to) q.set('to', this._to);
    return q.toString();
  }

  _load() {
    return loadPage(this, async () => {
      const path = this.signedIn ? '/api/workspace/report' : '/api/coordination/report';
      this._report = await api(`${path}?${this._query()}`, { token: this.signedIn ? undefined : this.key, fallbackMessage: t('coord.loadError') });
    }, {
      refused: 'needKey',
      onRefused: () => storage.remove(COORDINATION_KEY),
      refusedMessage: t('coord.badKey'),
      failedMessage: t('coord.loadError'),
      notFound: false,
    });
  }

  _useSecret(event) {
    event.preventDefault();
    const key = secretFrom(this._secretInput);
    if (!key) return;
    this.key = key;
    storage.set(COORDINATION_KEY, key);
    this._error = '';
    this._load();
  }

  _period(event) {
    event.preventDefault();
    this._load();
  }

  async _downloadCsv() {
    try {
      const response = await fetch(`/api/coordination/report.csv?${this._query()}`, {
        headers: { Authorization: `Bearer ${this.key}` },
        cache: 'no-store',
      });
      if (!response.ok) throw new Error(t('coord.csvError'));
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `atelier-bilan-${this._from || 'debut'}-${this._to || 'fin'}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this._error = error.message;
    }
  }

  render() {
    return html`
      ${topbar({ title: t('coord.title'), printed: false })}
      <main id="main" class="synthesis">${this._body()}</main>
    `;
  }

  _body() {
    if (this._mode === 'needKey') {
      return secretForm(this, 'coordination', { help: 'coord.keyHelp' });
    }
    const r = this._report;
    return html`
      <p class="eyebrow">${t('coord.eyebrow')}</p>
      <h1>${t('coord.reportTitle')}</h1>
      <p class="no-print"><a href="/bilan" data-testid="coord-bilan">${bt('bi.coordination')}</a></p>
      <form class="panel no-print coord-period" @submit=${this._period}>
        <div class="field"><label for="coord-from">${t('coord.from')}</label>
          <input id="coord-from" type="date" data-testid="coord-from" .value=${this._from} @input=${(e) => (this._from = e.target.value)} /></div>
        <div class="field"><label for="coord-to">${t('coord.to')}</label>
          <input id="coord-to" type="date" data-testid="coord-to" .value=${this._to} @input=${(e) => (this._to = e.target.value)} /></div>
        <p class="hint coord-period__zone">${t('coord.parisTime')}</p>
        <button type="submit" class="btn btn--secondary" data-testid="coord-apply">${t('coord.apply')}</button>
        ${this.signedIn ? nothing : html`<button type="button" class="btn btn--primary" data-testid="coord-csv" @click=${this._downloadCsv}>${t('coord.csv')}</button>`}
        <button type="button" class="btn btn--secondary" @click=${() => window.print()}>${t('coord.print')}</button>
      </form>
      ${this._error ? html`<p class="notice notice--error" role="alert">${this._error}</p>` : nothing}
      ${this._mode === 'loading' || !r ? html`<p class="muted" role="status">${t('common.loading')}</p>` : this._report_(r)}
    `;
  }

  _report_(r) {
    const avg = (v) => (v === null || v === undefined ? '—' : `${formatNumber(v, 1)} / 5`);
    return html`
      <section class="panel" aria-labelledby="coord-totals">
        <h2 id="coord-totals" class="panel__title">${t('coord.totals')}</h2>
        <dl class="facts" data-testid="coord-overall">
          <div><dt>${t('coord.sessions')}</dt><dd data-testid="coord-sessions">${formatNumber(r.overall.sessions)}</dd></div>
          <div><dt>${t('coord.participants')}</dt><dd data-testid="coord-participants">${formatNumber(r.overall.participants)}</dd></div>
          <div><dt>${t('coord.ratings')}</dt><dd>${formatNumber(r.overall.ratings)}</dd></div>
          <div><dt>${t('coord.satisfaction')}</dt><dd data-testid="coord-satisfaction">${avg(r.overall.satisfaction)}</dd></div>
        </dl>
        <table class="table" data-testid="coord-by-format">
          <caption class="visually-hidden">${t('coord.byFormat')}</caption>
          <thead><tr><th scope="col">${t('coord.format')}</th><th scope="col">${t('coord.sessions')}</th>
            <th scope="col">${t('coord.participants')}</th><th scope="col">${t('coord.satisfaction')}</th></tr></thead>
          <tbody>${r.byFormat.map((f) => html`<tr><th scope="row">${f.formatTitle}</th><td>${formatNumber(f.sessions)}</td>
            <td>${formatNumber(f.participants)}</td><td>${avg(f.satisfaction)}</td></tr>`)}</tbody>
        </table>
      </section>
      <section class="panel" aria-labelledby="coord-list">
        <h2 id="coord-list" class="panel__title">${t('coord.sessionList')}</h2>
        ${r.sessions.length === 0 ? html`<p class="muted" data-testid="coord-empty">${t('coord.none')}</p>` : html`
        <table class="table" data-testid="coord-session-list">
          <thead><tr><th scope="col">${t('coord.date')}</th><th scope="col">${t('coord.sessionTitle')}</th><th scope="col">${t('coord.format')}</th>
            <th scope="col">${t('coord.participants')}</th><th scope="col">${t('coord.satisfaction')}</th><th scope="col" class="no-print">${t('coord.synthesis')}</th></tr></thead>
          <tbody>${r.sessions.map((s) => html`<tr data-testid="coord-session-${s.code}">
            <td>${formatDateTime(s.createdAt, { timeZone: PARIS })}</td><td>${s.title}</td><td>${s.formatTitle}</td>
            <td>${formatNumber(s.participants)}</td><td>${avg(s.satisfaction)}</td>
            <td class="no-print"><a href="/s/${s.code}/synthese?via=${this.signedIn ? 'workspace' : 'coordination'}">${t('coord.open')} <span class="visually-hidden">${s.title}</span></a></td></tr>`)}
          </tbody>
        </table>`}
      </section>`;
  }
}
customElements.define('coordination-app', CoordinationApp);
