// The console's approval queue (issue 15, item 4): free text held before it reaches the projector
// or other phones, with Approve / Hide per item (plain buttons: keyboard operable) and the
// activity's "hold for approval" setting. One adapter per format that holds text.
import { html, nothing } from 'lit';
import { LightElement, inputs, state } from './light-element.js';
import { t, formatNumber, loadMessages } from '../i18n/index.js';

await loadMessages((lang) => import(`./moderation.${lang}.js`));

/** What the queue needs of a format: whether it applies now, the setting, the held items, the commands. */
const ADAPTERS = {
  prioritisation: {
    applies: (a) => (a.stage ?? 'COLLECT') === 'COLLECT' || a.stage === 'SYNTHESIS',
    hold: (a) => a.holdForApproval !== false,
    items: (a) => (a.contributions ?? []).filter((c) => c.pending).map((c) => ({ id: c.id, text: c.text })),
    approve: (id) => ({ type: 'prioritisation.hide', contributionId: id, hidden: false }),
    hide: (id) => ({ type: 'prioritisation.hide', contributionId: id, hidden: true }),
    setHold: (hold) => ({ type: 'prioritisation.setApprovalHold', hold }),
  },
};

class ApprovalQueue extends LightElement {
  static properties = { ...inputs({ view: null, send: null }), ...state({ _busy: false, _error: '' }) };

  get _adapter() {
    return ADAPTERS[this.view?.session?.format];
  }

  async _run(commands) {
    this._busy = true;
    this._error = '';
    try {
      for (const c of commands) await this.send(c);
    } catch (error) {
      this._error = error?.message || t('common.rejected');
    } finally {
      this._busy = false;
      // The item left the list: keep the keyboard in the queue.
      this.updateComplete.then(() => (this.querySelector('[data-testid="queue-approve"]') ?? this.querySelector('#approval-title'))?.focus());
    }
  }

  render() {
    const adapter = this._adapter;
    const a = this.view?.activity;
    if (!adapter || !a || !adapter.applies(a) || this.view.session.phase === 'ENDED') return nothing;
    const items = adapter.items(a);
    const hold = adapter.hold(a);
    return html`<section class="panel" aria-labelledby="approval-title" data-testid="approval-queue" data-count=${items.length}>
      <h3 id="approval-title" class="panel__title" tabindex="-1">
        ${t('mod.queue.title')} <span class="count-pill" data-testid="queue-count">${formatNumber(items.length)}</span>
      </h3>
      <div class="field field--inline">
        <label class="row">
          <input type="checkbox" data-testid="queue-hold" .checked=${hold} ?disabled=${this._busy}
            @change=${(e) => this._run([adapter.setHold(e.target.checked)])} />
          ${t('mod.queue.hold')}
        </label>
        <p class="hint">${t('mod.queue.holdHint')}</p>
      </div>
      ${this._error ? html`<p class="notice notice--error" role="alert">${this._error}</p>` : nothing}
      ${items.length
        ? html`<ul class="stack" aria-live="polite">
            ${items.map((item) => html`<li class="card" data-testid="queue-item" data-id=${item.id}>
              <p class="prio-text" data-testid="queue-text">${item.text}</p>
              <div class="row" role="group" aria-label=${t('mod.queue.item', { text: item.text })}>
                <button type="button" class="btn btn--primary btn--small" data-testid="queue-approve" ?disabled=${this._busy}
                  @click=${() => this._run([adapter.approve(item.id)])}>${t('mod.queue.approve')}</button>
                <button type="button" class="btn btn--secondary btn--small" data-testid="queue-hide" ?disabled=${this._busy}
                  @click=${() => this._run([adapter.hide(item.id)])}>${t('mod.queue.hide')}</button>
              </div>
            </li>`)}
          </ul>
          ${items.length > 1
            ? html`<button type="button" class="btn btn--ghost btn--small" data-testid="queue-approve-all" ?disabled=${this._busy}
                @click=${() => this._run(items.map((item) => adapter.approve(item.id)))}>${t('mod.queue.approveAll')}</button>`
            : nothing}`
        : html`<p class="muted" data-testid="queue-empty">${t('mod.queue.empty')}</p>`}
    </section>`;
  }
}
customElements.define('approval-queue', ApprovalQueue);
