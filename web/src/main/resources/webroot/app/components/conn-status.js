import { html } from 'lit';
import { LightElement } from './light-element.js';
import { t } from '../i18n/index.js';

/** The discreet connection indicator every live page shows ("connecté", "reconnexion…"). */
class ConnStatus extends LightElement {
  static properties = { socket: { attribute: false }, _status: { state: true }, _pending: { state: true } };

  constructor() {
    super();
    this.socket = null;
    this._status = 'connecting';
    this._pending = 0;
    this._onStatus = (e) => (this._status = e.detail);
    this._onPending = (e) => (this._pending = e.detail);
  }

  willUpdate(changed) {
    if (changed.has('socket')) {
      const previous = changed.get('socket');
      previous?.removeEventListener('status', this._onStatus);
      previous?.removeEventListener('pending', this._onPending);
      if (this.socket) {
        this._status = this.socket.status;
        this._pending = this.socket.pendingCount;
        this.socket.addEventListener('status', this._onStatus);
        this.socket.addEventListener('pending', this._onPending);
      }
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.socket?.removeEventListener('status', this._onStatus);
    this.socket?.removeEventListener('pending', this._onPending);
  }

  render() {
    const label = t(`conn.${this._status}`);
    const waiting = this._pending > 0 && this._status !== 'open' ? ` · ${t('conn.pending', { n: this._pending })}` : '';
    return html`<p class="conn conn--${this._status}" role="status" data-testid="conn-status" data-status=${this._status}>
      <span class="conn__dot" aria-hidden="true"></span>${label}${waiting}
    </p>`;
  }
}
customElements.define('conn-status', ConnStatus);
