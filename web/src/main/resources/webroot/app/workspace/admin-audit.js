// /admin, the audit trail (issue 19, item 7): who created, prepared, ran, erased or exported what,
// and when; filtered by dates and by the start of an action's name.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { call } from './api.js';
import { rt, when } from './privacy-messages.js';

class AdminAudit extends LightElement {
  static properties = state({ _events: null, _from: '', _to: '', _action: '', _error: '' });

  constructor() {
    super();
    this._load();
  }

  async _load() {
    const q = new URLSearchParams();
    if (this._from) q.set('from', this._from);
    if (this._to) q.set('to', this._to);
    if (this._action.trim()) q.set('action', this._action.trim());
    this._error = '';
    try {
      this._events = (await call('/api/admin/audit?' + q)).events;
    } catch (e) {
      this._error = e.message;
    }
  }

  _submit(e) {
    e.preventDefault();
    this._load();
  }

  render() {
    return html`<section class="panel stack" aria-labelledby="audit-title" data-testid="audit">
      <h2 id="audit-title" class="panel__title">${rt('au.title')}</h2>
      <p class="hint">${rt('au.lead')}</p>
      <form class="row" @submit=${this._submit} novalidate data-testid="audit-form">
        <div class="field"><label for="au-from">${rt('au.from')}</label>
          <input id="au-from" type="date" data-testid="audit-from" .value=${this._from} @input=${(e) => (this._from = e.target.value)} /></div>
        <div class="field"><label for="au-to">${rt('au.to')}</label>
          <input id="au-to" type="date" data-testid="audit-to" .value=${this._to} @input=${(e) => (this._to = e.target.value)} /></div>
        <div class="field"><label for="au-action">${rt('au.action')}</label>
          <input id="au-action" type="text" maxlength="60" data-testid="audit-action" .value=${this._action}
            @input=${(e) => (this._action = e.target.value)} /></div>
        <button type="submit" class="btn btn--secondary" data-testid="audit-filter">${rt('au.filter')}</button>
      </form>
      ${this._error ? html`<p class="notice notice--error" role="alert">${this._error}</p>` : nothing}
      ${this._events == null ? nothing : this._events.length === 0
        ? html`<p class="hint" data-testid="audit-empty">${rt('au.none')}</p>`
        : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="audit-title"><table class="table" data-testid="audit-table">
            <caption class="visually-hidden">${rt('au.title')}</caption>
            <thead><tr><th scope="col">${rt('au.when')}</th><th scope="col">${rt('au.who')}</th><th scope="col">${rt('au.what')}</th>
              <th scope="col">${rt('au.target')}</th><th scope="col">${rt('au.detail')}</th></tr></thead>
            <tbody>${this._events.map((e) => html`<tr>
              <td><time datetime=${e.at}>${when(e.at)}</time></td>
              <td>${e.account ?? e.accountId ?? rt('au.nobody')}</td><td><code>${e.action}</code></td>
              <td>${e.target ?? ''}</td><td>${e.detail ?? ''}</td></tr>`)}</tbody>
          </table></div>`}
    </section>`;
  }
}
customElements.define('admin-audit', AdminAudit);
