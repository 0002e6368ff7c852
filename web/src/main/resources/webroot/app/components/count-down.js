import { html, nothing } from 'lit';
import { LightElement } from './light-element.js';
import { t } from '../i18n/index.js';

/** Seconds left until `deadline` (epoch milliseconds, server clock), as m:ss. */
class CountDown extends LightElement {
  static properties = { deadline: { type: Number }, _now: { state: true } };

  constructor() {
    super();
    this.deadline = null;
    this._now = Date.now();
    this._timer = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this._timer = setInterval(() => (this._now = Date.now()), 250);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  render() {
    if (!this.deadline) return nothing;
    const left = Math.max(0, Math.ceil((this.deadline - this._now) / 1000));
    const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    return html`<p class="countdown ${left <= 5 ? 'countdown--soon' : ''}" data-testid="countdown" data-seconds=${left}>
      <span class="visually-hidden">${t('countdown.label')}</span>
      <time role="timer" datetime="PT${left}S">${text}</time>
    </p>`;
  }
}
customElements.define('count-down', CountDown);
