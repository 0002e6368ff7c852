// /seances: "Mes séances" (mine and co-facilitated) and, for coordinators and administrators, the
// territory's sessions; filters, open the console or the synthesis, duplicate, prepare (issue 14).
import { html, nothing } from 'lit';
import { LightElement, state } from '../../components/light-element.js';
import '../territory-lists.js';
import { pt } from './messages.js';
import { call, currentAccount, toSignIn } from './http.js';
import './prepare-form.js';
import '../session-data.js';

class SeancesApp extends LightElement {
  static properties = state({
    _account: undefined, _mode: 'loading', _scope: 'mine', _sessions: [], _formats: [],
    _filters: { from: '', to: '', format: '', place: '', status: '' }, _error: '', _notice: '', _preparing: undefined,
    _projects: [], _editing: null, _opened: undefined,
  });

  constructor() {
    super();
    this._preparing = new URLSearchParams(location.search).has('preparer');
    this._start();
  }

  async _start() {
    this._account = await currentAccount();
    if (!this._account) {
      this._mode = 'signedOut';
      return;
    }
    call('/api/formats').then((f) => (this._formats = f), () => {});
    call('/api/workspace/projects').then((p) => (this._projects = p.projects), () => {});
    await this._load();
  }

  get _canSeeTerritory() {
    return this._account && (this._account.role === 'coordinator' || this._account.role === 'admin');
  }

  get _canPrepare() {
    return this._account && this._account.role !== 'coordinator';
  }

  async _load() {
    const q = new URLSearchParams({ scope: this._scope });
    for (const [k, v] of Object.entries(this._filters)) if (v) q.set(k, v);
    try {
      const data = await call(`/api/workspace/planned?${q}`);
      this._sessions = data.sessions;
      this._mode = 'ready';
      this._error = '';
    } catch (error) {
      this._error = error.message || pt('pl.error');
      this._mode = 'ready';
    }
  }

  _setScope(scope) {
    this._scope = scope;
    this._load();
  }

  _filter(key, value) {
    this._filters = { ...this._filters, [key]: value };
  }

  async _open(s) {
    try {
      const opened = await call(`/api/workspace/planned/${encodeURIComponent(s.id)}/open`, { method: 'POST' });
      // A new Dessine-moi project's secret link is given once: show it before going to the console.
      if (opened.projectUrl) {
        this._opened = opened;
        this.updateComplete.then(() => this.querySelector('[data-testid="pl-project-link"]')?.focus());
      } else {
        location.assign(opened.consoleUrl);
      }
    } catch (error) {
      this._error = error.message || pt('pl.error');
    }
  }

  async _duplicate(s) {
    try {
      const copy = await call(`/api/workspace/planned/${encodeURIComponent(s.id)}/duplicate`, { method: 'POST' });
      this._notice = pt('pl.duplicated', { code: copy.code });
      await this._load();
    } catch (error) {
      this._error = error.message || pt('pl.error');
    }
  }

  _prepared(event) {
    this._notice = pt(this._editing ? 'pl.saved' : 'pl.form.done', { code: event.detail.code });
    this._preparing = false;
    this._editing = null;
    this._scope = 'mine';
    this._load();
  }

  render() {
    return html`
      <a class="skip-link" href="#main">${pt('pl.skip')}</a>
      <header class="topbar no-print"><a class="brand" href="/">${pt('pl.brand')}</a><span>${pt('pl.title')}</span></header>
      <main id="main" class="synthesis planning">${this._body()}</main>
    `;
  }

  _body() {
    if (this._mode === 'loading') return html`<p class="muted" role="status">${pt('pl.loading')}</p>`;
    if (this._mode === 'signedOut') {
      return html`<section class="panel"><h1 class="panel__title">${pt('pl.title')}</h1>
        <p data-testid="pl-signed-out">${pt('pl.signedOut')}</p>
        <button type="button" class="btn btn--primary" data-testid="pl-sign-in" @click=${toSignIn}>${pt('pl.signIn')}</button></section>`;
    }
    return html`
      <h1>${this._scope === 'mine' ? pt('pl.title') : pt('pl.territoryTitle')}</h1>
      ${this._canSeeTerritory ? html`<div class="planning__tabs" role="group" aria-label=${pt('pl.tabs')}>
        <button type="button" class="btn ${this._scope === 'mine' ? 'btn--primary' : 'btn--secondary'}" aria-pressed=${this._scope === 'mine'}
          data-testid="pl-scope-mine" @click=${() => this._setScope('mine')}>${pt('pl.tab.mine')}</button>
        <button type="button" class="btn ${this._scope === 'territory' ? 'btn--primary' : 'btn--secondary'}" aria-pressed=${this._scope === 'territory'}
          data-testid="pl-scope-territory" @click=${() => this._setScope('territory')}>${pt('pl.tab.territory')}</button>
      </div>` : nothing}
      ${this._notice ? html`<p class="notice" role="status" data-testid="pl-notice">${this._notice}</p>` : nothing}
      ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="pl-error">${this._error}</p>` : nothing}
      ${this._opened ? html`<section class="panel" role="status" data-testid="pl-opened-project">
        <p>${pt('pl.open.project')}</p>
        <p><a href=${this._opened.projectUrl} data-testid="pl-project-link">${this._opened.projectUrl}</a></p>
        <p><a class="btn btn--primary" href=${this._opened.consoleUrl} data-testid="pl-open-console">${pt('pl.open.console')}</a></p>
      </section>` : nothing}
      ${this._canPrepare && !this._preparing && !this._editing ? html`<p><button type="button" class="btn btn--primary" data-testid="pl-prepare"
          @click=${() => (this._preparing = true)}>${pt('pl.prepare')}</button></p>` : nothing}
      ${this._preparing || this._editing ? html`<prepare-form .formats=${this._formats} .plan=${this._editing} @prepared=${this._prepared}
          @cancel=${() => { this._preparing = false; this._editing = null; }}></prepare-form>` : nothing}
      ${this._scope === 'territory' && this._account.role === 'coordinator' ? html`<territory-lists></territory-lists>` : nothing}
      ${this._filtersForm()}
      ${this._list()}
      ${this._projectList()}
    `;
  }

  _filtersForm() {
    const f = this._filters;
    return html`<form class="panel planning__filters" aria-labelledby="pl-filters" @submit=${(e) => { e.preventDefault(); this._load(); }}>
      <h2 id="pl-filters" class="panel__title">${pt('pl.filters')}</h2>
      <div class="field"><label for="pl-from">${pt('pl.from')}</label>
        <input id="pl-from" type="date" .value=${f.from} @input=${(e) => this._filter('from', e.target.value)}></div>
      <div class="field"><label for="pl-to">${pt('pl.to')}</label>
        <input id="pl-to" type="date" .value=${f.to} @input=${(e) => this._filter('to', e.target.value)}></div>
      <div class="field"><label for="pl-format">${pt('pl.format')}</label>
        <select id="pl-format" data-testid="pl-filter-format" @change=${(e) => this._filter('format', e.target.value)}>
          <option value="">${pt('pl.anyFormat')}</option>
          ${this._formats.map((x) => html`<option value=${x.id} ?selected=${f.format === x.id}>${x.title}</option>`)}
        </select></div>
      <div class="field"><label for="pl-place">${pt('pl.place')}</label>
        <input id="pl-place" type="text" .value=${f.place} @input=${(e) => this._filter('place', e.target.value)}></div>
      <div class="field"><label for="pl-status">${pt('pl.status')}</label>
        <select id="pl-status" data-testid="pl-filter-status" @change=${(e) => this._filter('status', e.target.value)}>
          <option value="">${pt('pl.anyStatus')}</option>
          ${['prepared', 'live', 'ended'].map((s) => html`<option value=${s} ?selected=${f.status === s}>${pt(`pl.status.${s}`)}</option>`)}
        </select></div>
      <button type="submit" class="btn btn--secondary" data-testid="pl-apply">${pt('pl.apply')}</button>
    </form>`;
  }

  _list() {
    if (this._sessions.length === 0) return html`<p class="muted" data-testid="pl-empty">${pt('pl.none')}</p>`;
    return html`<table class="table" data-testid="pl-list">
      <caption class="visually-hidden">${this._scope === 'mine' ? pt('pl.title') : pt('pl.territoryTitle')}</caption>
      <thead><tr><th scope="col">${pt('pl.when')}</th><th scope="col">${pt('pl.sessionTitle')}</th><th scope="col">${pt('pl.format')}</th>
        <th scope="col">${pt('pl.place')}</th><th scope="col">${pt('pl.code')}</th><th scope="col">${pt('pl.status')}</th>
        <th scope="col">${pt('pl.actions')}</th></tr></thead>
      <tbody>${this._sessions.map((s) => this._row(s))}</tbody>
    </table>`;
  }

  _projectList() {
    if (this._projects.length === 0) return nothing;
    return html`<section class="panel" aria-labelledby="pl-projects">
      <h2 id="pl-projects" class="panel__title">${pt('pl.projects')}</h2>
      <ul data-testid="pl-projects">${this._projects.map((p) => html`<li>
        <a href="/projets/${encodeURIComponent(p.id)}">${p.name}</a> <span class="muted">— ${p.sector}</span></li>`)}</ul>
    </section>`;
  }

  _row(s) {
    const label = html`<span class="visually-hidden"> : ${s.title}</span>`;
    return html`<tr data-testid="pl-row-${s.code}">
      <td>${s.day ? pt('pl.at', { day: s.day, time: s.time }) : pt('pl.undated')}</td>
      <td>${s.title}</td><td>${s.formatTitle}</td><td>${s.place ?? ''}</td><td><span class="planning__code">${s.code}</span></td>
      <td data-testid="pl-status-${s.code}">${pt(`pl.status.${s.status}`)}</td>
      <td class="planning__actions">
        ${s.canRun && s.status !== 'ended' ? html`<button type="button" class="btn btn--primary btn--small" data-testid="pl-open-${s.code}"
            @click=${() => this._open(s)}>${s.status === 'prepared' ? pt('pl.start') : pt('pl.open')}${label}</button>` : nothing}
        ${s.canRun && s.status === 'prepared' ? html`<button type="button" class="btn btn--secondary btn--small" data-testid="pl-edit-${s.code}"
            @click=${() => { this._preparing = false; this._editing = s; window.scrollTo(0, 0); }}>${pt('pl.edit')}${label}</button>` : nothing}
        ${s.status === 'prepared' ? html`<a class="btn btn--secondary btn--small" data-testid="pl-invitation-${s.code}"
            href="/seances/${encodeURIComponent(s.id)}/invitation">${pt('pl.invitation')}${label}</a>` : nothing}
        ${s.status === 'ended' ? html`<a class="btn btn--secondary btn--small" data-testid="pl-synthesis-${s.code}"
            href="/s/${s.code}/synthese?plan=${encodeURIComponent(s.id)}">${pt('pl.synthesis')}${label}</a>` : nothing}
        ${s.status === 'ended' && (s.canRun || ['coordinator', 'admin'].includes(this._account?.role)) ? html`<session-data code=${s.code}></session-data>` : nothing}
        ${s.canRun ? html`<button type="button" class="btn btn--secondary btn--small" data-testid="pl-duplicate-${s.code}"
            @click=${() => this._duplicate(s)}>${pt('pl.duplicate')}${label}</button>` : nothing}
      </td></tr>`;
  }
}
customElements.define('seances-app', SeancesApp);
