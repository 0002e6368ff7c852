// /admin, "Données personnelles" (issue 19): the retention period (environment value, the
// administrators' setting that overrides it, the one applied), the daily purge and its last run.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { call } from './api.js';
import { rt, when } from './privacy-messages.js';

class AdminRetention extends LightElement {
  static properties = state({ _s: null, _months: '', _status: '', _error: '' });

  constructor() {
    super();
    this._load();
  }

  async _load() {
    try {
      this._show(await call('/api/admin/retention'));
    } catch (e) {
      this._error = e.message;
    }
  }

  _show(s) {
    this._s = s;
    this._months = String(s.storedMonths ?? s.effectiveMonths);
  }

  async _save(months) {
    this._error = '';
    try {
      const s = await call('/api/admin/retention', { method: 'PUT', body: { months } });
      this._show(s);
      this._status = rt('rt.saved', { months: s.effectiveMonths });
    } catch (e) {
      this._error = e.message;
    }
  }

  _submit(e) {
    e.preventDefault();
    this._save(Number(this._months));
  }

  async _purge() {
    this._error = '';
    try {
      const run = await call('/api/admin/retention/purge', { method: 'POST', body: {} });
      this._status = run.ran ? rt('rt.purged', { sessions: run.sessions }) : rt('rt.purgeBusy');
      this._show(await call('/api/admin/retention'));
    } catch (e) {
      this._error = e.message;
    }
  }

  render() {
    const s = this._s;
    return html`<section class="panel stack" aria-labelledby="retention-title" data-testid="retention">
      <h2 id="retention-title" class="panel__title">${rt('rt.title')}</h2>
      <p class="hint">${rt('rt.lead')}</p>
      ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="retention-error">${this._error}</p>` : nothing}
      <p class="hint" role="status" aria-live="polite" data-testid="retention-status">${this._status}</p>
      ${s ? html`<ul data-testid="retention-values">
          <li>${rt('rt.env', { months: s.envMonths })}</li>
          <li>${rt('rt.stored', { value: s.storedMonths == null ? rt('rt.none') : rt('rt.monthsValue', { months: s.storedMonths }) })}</li>
          <li><strong data-testid="retention-effective">${rt('rt.effective', { months: s.effectiveMonths })}</strong></li>
          ${s.liveRetentionHours != null ? html`<li>${rt('rt.live', { hours: s.liveRetentionHours })}</li>` : nothing}
          ${s.purgeAt ? html`<li>${rt('rt.purgeAt', { time: s.purgeAt })}</li>` : nothing}
          <li data-testid="retention-last">${s.lastRun
            ? rt('rt.lastRun', { at: when(s.lastRun.at), sessions: s.lastRun.sessions, rows: s.lastRun.rows })
            : rt('rt.neverRun')}</li>
        </ul>
        <form class="stack" @submit=${this._submit} novalidate data-testid="retention-form">
          <div class="field">
            <label for="rt-months">${rt('rt.months', { max: s.maxMonths })}</label>
            <input id="rt-months" type="number" min="1" max=${s.maxMonths} step="1" inputmode="numeric" required
              data-testid="retention-months" .value=${this._months} @input=${(e) => (this._months = e.target.value)} />
          </div>
          <div class="row">
            <button type="submit" class="btn btn--primary" data-testid="retention-save">${rt('rt.save')}</button>
            ${s.storedMonths != null ? html`<button type="button" class="btn btn--secondary" data-testid="retention-reset"
              @click=${() => this._save(null)}>${rt('rt.reset')}</button>` : nothing}
            <button type="button" class="btn btn--secondary" data-testid="retention-purge" @click=${this._purge}>${rt('rt.purge')}</button>
          </div>
        </form>` : nothing}
    </section>`;
  }
}
customElements.define('admin-retention', AdminRetention);
