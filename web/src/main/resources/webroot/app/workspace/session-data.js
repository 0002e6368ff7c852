// A session's personal data (issue 19, item 3), beside an ended session in /seances: export its raw
// archived data (JSON) and erase its participants' data after a typed confirmation. The server checks
// who may (the territory's coordinators, the session's creator, administrators) and audits both.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { call } from './api.js';
import { rt } from './privacy-messages.js';

class SessionData extends LightElement {
  static properties = { code: { type: String }, ...state({ _typed: '', _error: '', _status: '' }) };

  _dialog() {
    return this.querySelector('dialog');
  }

  _ask() {
    this._typed = '';
    this._error = '';
    this._dialog().showModal();
  }

  _cancel() {
    this._dialog().close();
  }

  async _erase(e) {
    e.preventDefault();
    this._error = '';
    try {
      const out = await call(`/api/workspace/sessions/${encodeURIComponent(this.code)}/erase`,
        { method: 'POST', body: { confirm: this._typed.trim().toUpperCase() } });
      this._dialog().close();
      this._status = rt(out.alreadyErased ? 'sd.already' : 'sd.done', { code: this.code });
    } catch (err) {
      this._error = err.message;
    }
  }

  render() {
    const code = this.code;
    const id = `sd-${code}`;
    return html`<a class="btn btn--secondary btn--small" data-testid="sd-export-${code}" download="seance-${code}.json"
        href="/api/workspace/sessions/${encodeURIComponent(code)}/export">${rt('sd.export')}<span class="visually-hidden"> (${code})</span></a>
      <button type="button" class="btn btn--danger btn--small" data-testid="sd-erase-${code}" @click=${this._ask}>${rt('sd.erase')}<span
        class="visually-hidden"> (${code})</span></button>
      <span role="status" aria-live="polite" data-testid="sd-status-${code}">${this._status}</span>
      <dialog class="dialog" aria-labelledby="${id}-title" data-testid="sd-dialog-${code}">
        <form class="stack" @submit=${this._erase} novalidate>
          <h2 id="${id}-title">${rt('sd.title', { code })}</h2>
          <p>${rt('sd.explain')}</p>
          <div class="field">
            <label for="${id}-confirm">${rt('sd.confirmLabel', { code })}</label>
            <input id="${id}-confirm" type="text" autocomplete="off" autocapitalize="characters" data-testid="sd-confirm-input-${code}"
              .value=${this._typed} @input=${(e) => (this._typed = e.target.value)} />
          </div>
          ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="sd-error-${code}">${this._error}</p>` : nothing}
          <div class="row">
            <button type="button" class="btn btn--secondary" @click=${this._cancel} data-testid="sd-cancel-${code}">${rt('sd.cancel')}</button>
            <button type="submit" class="btn btn--danger" data-testid="sd-confirm-${code}"
              ?disabled=${this._typed.trim().toUpperCase() !== code}>${rt('sd.confirm')}</button>
          </div>
        </form>
      </dialog>`;
  }
}
customElements.define('session-data', SessionData);
