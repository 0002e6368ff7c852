import { html } from 'lit';
import { LightElement, inputs, state } from './light-element.js';
import { loadFormat } from '../formats/index.js';
import { t } from '../i18n/index.js';

/**
 * Shows the current format's component for one audience (phone, screen, console, synthesis) and
 * hands it the data: `view` (whole view), `activity` (view.activity), `send(command)` → Promise, and
 * `results` / `synthesis` for the synthesis page.
 */
class FormatSlot extends LightElement {
  static properties = {
    format: { initial: null },
    // Not `role`: that attribute is ARIA's, and "console" or "phone" are no ARIA roles (axe aria-roles).
    audience: { initial: 'phone' },
    ...inputs({ view: null, send: null, synthesis: null }),
    ...state({ _state: 'loading' }),
  };

  constructor() {
    super();
    this._element = null;
  }

  willUpdate(changed) {
    if ((changed.has('format') || changed.has('audience')) && this.format) {
      this._state = 'loading';
      this._element = null;
      const wanted = `${this.format}/${this.audience}`;
      loadFormat(this.format, this.audience).then(
        (tag) => {
          if (`${this.format}/${this.audience}` !== wanted) return;
          if (!tag) {
            this._state = 'unsupported';
            return;
          }
          this._element = document.createElement(tag);
          this._state = 'ready';
        },
        () => {
          this._state = 'failed';
        },
      );
    }
  }

  render() {
    if (this._state === 'unsupported') return html`<p class="notice" data-testid="format-unsupported">${t('format.unsupported')}</p>`;
    if (this._state === 'failed') return html`<p class="notice notice--error">${t('format.failed')}</p>`;
    if (!this._element) return html`<p class="muted">${t('common.loading')}</p>`;
    const el = this._element;
    el.view = this.view;
    el.activity = this.view?.activity ?? null;
    el.send = this.send;
    el.synthesis = this.synthesis;
    el.results = this.synthesis?.results ?? null;
    return el;
  }
}
customElements.define('format-slot', FormatSlot);
