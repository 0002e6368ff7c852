// The territory's lists for the Région's report (issue 18), for its coordinators and the
// administrators: partner structures (offered in the preparation form and at join in professionals'
// sessions) and impact questions (asked before and/or after, 1 to 5).
import { html, nothing } from 'lit';
import { LightElement, state } from '../components/light-element.js';
import { bt } from '../components/bilan-messages.js';
import { call } from './api.js';

const MOMENTS = ['before', 'after', 'both'];

class TerritoryLists extends LightElement {
  static properties = state({
    _territories: [], _territory: '', _structures: [], _questions: [], _name: '', _kind: '', _text: '', _moments: 'both',
    _error: '', _status: '',
  });

  constructor() {
    super();
    call('/api/workspace/planning/choices').then((c) => {
      this._territories = c.territories;
      if (c.territories.length) this._pick(c.territories[0].id);
    }, (e) => (this._error = e.message || bt('bl.error')));
  }

  _base() {
    return `/api/workspace/territories/${encodeURIComponent(this._territory)}`;
  }

  async _pick(id) {
    this._territory = id;
    try {
      [this._structures, this._questions] = await Promise.all([call(`${this._base()}/structures`), call(`${this._base()}/impact-questions`)]);
    } catch (e) {
      this._error = e.message || bt('bl.error');
    }
  }

  async _do(work) {
    this._error = '';
    try {
      await work();
      await this._pick(this._territory);
    } catch (e) {
      this._error = e.message || bt('bl.error');
    }
  }

  _addStructure(e) {
    e.preventDefault();
    this._do(async () => {
      const s = await call(`${this._base()}/structures`, { method: 'POST', body: { name: this._name.trim(), kind: this._kind.trim() } });
      this._name = '';
      this._kind = '';
      this._status = s.name;
    });
  }

  _addQuestion(e) {
    e.preventDefault();
    this._do(async () => {
      await call(`${this._base()}/impact-questions`, { method: 'POST', body: { text: this._text.trim(), moments: this._moments } });
      this._text = '';
    });
  }

  render() {
    if (!this._territories.length) return nothing;
    return html`<section class="panel stack" aria-labelledby="tl-title" data-testid="territory-lists">
      <h2 id="tl-title" class="panel__title">${bt('bl.lists.title')}</h2>
      ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="tl-error">${this._error}</p>` : nothing}
      <div class="field"><label for="tl-territory">${bt('bl.lists.territory')}</label>
        <select id="tl-territory" data-testid="tl-territory" @change=${(e) => this._pick(e.target.value)}>
          ${this._territories.map((t) => html`<option value=${t.id} ?selected=${t.id === this._territory}>${t.name}</option>`)}
        </select></div>
      <h3>${bt('bl.lists.structures')}</h3>
      ${this._structures.length ? html`<ul class="stack" data-testid="tl-structures">${this._structures.map((s) => html`<li>
          ${s.name}${s.kind ? html` <span class="muted">(${s.kind})</span>` : nothing}
          <button type="button" class="btn btn--link" aria-label=${bt('bl.lists.retire', { name: s.name })}
            @click=${() => this._do(() => call(`${this._base()}/structures/${encodeURIComponent(s.id)}`, { method: 'DELETE' }))}>✕</button></li>`)}</ul>`
        : html`<p class="muted">${bt('bl.lists.empty')}</p>`}
      <form class="stack" @submit=${this._addStructure} data-testid="tl-structure-form">
        <div class="field"><label for="tl-name">${bt('bl.lists.name')}</label>
          <input id="tl-name" type="text" maxlength="160" required data-testid="tl-name" .value=${this._name}
            @input=${(e) => (this._name = e.target.value)}></div>
        <div class="field"><label for="tl-kind">${bt('bl.lists.kind')}</label>
          <input id="tl-kind" type="text" maxlength="60" data-testid="tl-kind" .value=${this._kind} @input=${(e) => (this._kind = e.target.value)}></div>
        <button type="submit" class="btn btn--secondary" data-testid="tl-structure-add">${bt('bl.lists.add')}</button>
      </form>
      <h3>${bt('bl.lists.questions')}</h3>
      ${this._questions.length ? html`<ul class="stack" data-testid="tl-questions">${this._questions.map((q) => html`<li>
          ${q.text} <span class="muted">(${bt(`bl.moments.${q.moments}`)})</span>
          ${q.territoryId ? html`<button type="button" class="btn btn--link" aria-label=${bt('bl.lists.retire', { name: q.text })}
            @click=${() => this._do(() => call(`${this._base()}/impact-questions/${encodeURIComponent(q.id)}`, { method: 'DELETE' }))}>✕</button>` : nothing}</li>`)}</ul>`
        : html`<p class="muted">${bt('bl.lists.empty')}</p>`}
      <form class="stack" @submit=${this._addQuestion} data-testid="tl-question-form">
        <div class="field"><label for="tl-text">${bt('bl.lists.text')}</label>
          <input id="tl-text" type="text" maxlength="300" required data-testid="tl-text" .value=${this._text}
            @input=${(e) => (this._text = e.target.value)}></div>
        <div class="field"><label for="tl-moments">${bt('bl.lists.moments')}</label>
          <select id="tl-moments" data-testid="tl-moments" @change=${(e) => (this._moments = e.target.value)}>
            ${MOMENTS.map((m) => html`<option value=${m} ?selected=${m === this._moments}>${bt(`bl.moments.${m}`)}</option>`)}
          </select></div>
        <button type="submit" class="btn btn--secondary" data-testid="tl-question-add">${bt('bl.lists.add')}</button>
      </form>
    </section>`;
  }
}
customElements.define('territory-lists', TerritoryLists);
