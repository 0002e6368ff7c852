// "/admin", section of the name filter (issue 15, item 4): words refused on top of the bundled
// lists, exceptions, and a field to try a nickname. Every change is audited by the server.
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { call } from './api.js';
import { wt } from './i18n.js';

class AdminWords extends LightElement {
  static properties = state({ _words: null, _word: '', _try: '', _tried: null, _error: '', _status: '' });

  constructor() {
    super();
    this._refresh();
  }

  async _refresh() {
    try {
      this._words = await call('/api/admin/moderation/words');
    } catch (e) {
      this._error = e.message;
    }
  }

  async _change(path, kind, word, messageKey) {
    this._error = '';
    try {
      await call(path, { method: 'POST', body: { kind, word } });
      this._status = wt(messageKey, { word });
      await this._refresh();
      return true;
    } catch (e) {
      this._error = e.message;
      return false;
    }
  }

  async _add(kind) {
    const word = this._word.trim();
    if (!word) return;
    if (await this._change('/api/admin/moderation/words', kind, word, 'words.added')) this._word = '';
  }

  async _check(event) {
    event.preventDefault();
    const name = this._try.trim();
    if (!name) return;
    try {
      const out = await call(`/api/admin/moderation/check?name=${encodeURIComponent(name)}`);
      this._tried = { name, refused: out.refused };
    } catch (e) {
      this._error = e.message;
    }
  }

  render() {
    const w = this._words;
    return html`<section class="panel stack" aria-labelledby="words-title" data-testid="admin-words">
      <h2 id="words-title" class="panel__title">${wt('words.title')}</h2>
      <p class="hint">${wt('words.lead', { n: w?.bundled ?? '…' })}</p>
      ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="words-error">${this._error}</p>` : nothing}
      <p class="hint" role="status" aria-live="polite" data-testid="words-status">${this._status}</p>
      ${w ? html`${this._renderList('refuse', wt('words.refused'), w.refused)} ${this._renderList('allow', wt('words.allowed'), w.allowed)}` : nothing}
      <form class="stack" @submit=${(e) => { e.preventDefault(); this._add('refuse'); }} novalidate data-testid="words-form">
        <div class="field">
          <label for="w-word">${wt('words.word')}</label>
          <input id="w-word" type="text" maxlength="80" autocomplete="off" data-testid="words-input"
            .value=${this._word} @input=${(e) => (this._word = e.target.value)} />
        </div>
        <div class="row">
          <button type="submit" class="btn btn--primary" data-testid="words-refuse">${wt('words.addRefuse')}</button>
          <button type="button" class="btn btn--secondary" data-testid="words-allow" @click=${() => this._add('allow')}>${wt('words.addAllow')}</button>
        </div>
      </form>
      <form class="stack" @submit=${this._check} novalidate data-testid="words-try-form">
        <div class="field">
          <label for="w-try">${wt('words.try')}</label>
          <div class="input-row">
            <input id="w-try" type="text" maxlength="24" autocomplete="off" data-testid="words-try"
              .value=${this._try} @input=${(e) => (this._try = e.target.value)} />
            <button type="submit" class="btn btn--secondary" data-testid="words-try-button">${wt('words.tryButton')}</button>
          </div>
        </div>
        ${this._tried
          ? html`<p class="notice" role="status" data-testid="words-try-result" data-refused=${this._tried.refused ? 'true' : 'false'}>
              ${wt(this._tried.refused ? 'words.tryRefused' : 'words.tryAccepted', { name: this._tried.name })}</p>`
          : nothing}
      </form>
    </section>`;
  }

  _renderList(kind, title, items) {
    return html`<div class="stack">
      <h3>${title}</h3>
      ${items.length
        ? html`<ul class="row" data-testid="words-${kind}">
            ${items.map((item) => html`<li class="tag">
              <span>${item.word}</span>
              <button type="button" class="btn btn--link btn--small" aria-label=${wt('words.remove', { word: item.word })}
                data-testid="words-remove" @click=${() => this._change('/api/admin/moderation/words/remove', kind, item.word, 'words.removed')}>
                ${wt('words.removeShort')}</button>
            </li>`)}
          </ul>`
        : html`<p class="hint">${wt('words.none')}</p>`}
    </div>`;
  }
}
customElements.define('admin-words', AdminWords);
