// Paper observation grids (issue 16, item 6): in a room without network the observers fill printed
// grids; the facilitator types each one in here (which round, the grid's fields as the phone's grid
// has them). The server checks them (cards.addPaperGrid) and counts them in the debrief and the
// synthesis like phone grids, marked as paper; a mistyped one can be removed.
import { html, nothing } from 'lit';
import { LightElement, inputs, state } from '../../components/light-element.js';
import { t, tn } from '../../i18n/index.js';

class CardsPaperGrids extends LightElement {
  static properties = {
    ...inputs({ deck: null, history: null, paper: null, send: null }),
    ...state({ _round: '', _values: {}, _error: '', _busy: false, _done: '' }),
  };

  _fields() {
    return this.deck?.grid ?? [];
  }

  _roundNumber() {
    const rounds = this.history ?? [];
    return this._round || (rounds.length ? String(rounds[rounds.length - 1].number) : '');
  }

  _set(id, value) {
    this._values = { ...this._values, [id]: value };
  }

  _toggle(id, structureId, on) {
    const now = new Set(this._values[id] ?? []);
    if (on) now.add(structureId);
    else now.delete(structureId);
    this._set(id, [...now]);
  }

  /** The typed values as the command carries them: lists one item a line, a text whole. */
  _answers() {
    const answers = {};
    for (const f of this._fields()) {
      const v = this._values[f.id];
      if (v === undefined || v === '') continue;
      if (f.kind === 'structures') answers[f.id] = v;
      else if (f.kind === 'list') answers[f.id] = String(v).split('\n');
      else answers[f.id] = [String(v)];
    }
    return answers;
  }

  async _submit(event) {
    event.preventDefault();
    const round = Number(this._roundNumber());
    this._busy = true;
    this._error = '';
    this._done = '';
    try {
      await this.send({ type: 'cards.addPaperGrid', round, answers: this._answers() });
      this._values = {};
      this._done = t('cards.paper.added', { n: round });
      this.querySelector('#paper-round')?.focus();
    } catch (e) {
      this._error = e?.message || t('common.rejected');
    } finally {
      this._busy = false;
    }
  }

  async _remove(p) {
    try {
      await this.send({ type: 'cards.removePaperGrid', round: p.round, paperId: p.id });
    } catch (e) {
      this._error = e?.message || t('common.rejected');
    }
  }

  render() {
    const rounds = this.history ?? [];
    if (!rounds.length) return nothing;
    const v = this._values;
    return html`<section class="panel" aria-labelledby="paper-title" data-testid="cards-paper">
      <h3 class="panel__title" id="paper-title">${t('cards.paper.title')}</h3>
      <p class="hint">${t('cards.paper.hint')}</p>
      <form class="stack" @submit=${this._submit} data-testid="cards-paper-form">
        <div class="field">
          <label for="paper-round">${t('cards.paper.round')}</label>
          <select id="paper-round" data-testid="cards-paper-round" @change=${(e) => (this._round = e.target.value)}>
            ${rounds.map((r) => html`<option value=${r.number} ?selected=${String(r.number) === this._roundNumber()}>
              ${t('cards.roundN', { n: r.number })} — ${t('cards.caseCard', { n: r.caseNumber ?? '?' })}</option>`)}
          </select>
        </div>
        ${this._fields().map((f) => this._field(f, v[f.id]))}
        ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="cards-paper-error">${this._error}</p>` : nothing}
        <p role="status" class="muted" data-testid="cards-paper-done">${this._done}</p>
        <button type="submit" class="btn btn--primary" ?disabled=${this._busy} data-testid="cards-paper-add">${t('cards.paper.add')}</button>
      </form>
      ${this._list()}
    </section>`;
  }

  _field(f, value) {
    const id = `paper-${f.id}`;
    if (f.kind === 'structures') {
      const chosen = new Set(value ?? []);
      return html`<fieldset class="field"><legend>${f.label}</legend>
        ${(this.deck.structures ?? []).map((s) => html`<label class="checkbox"><input type="checkbox" data-testid="paper-${f.id}-${s.id}"
          .checked=${chosen.has(s.id)} @change=${(e) => this._toggle(f.id, s.id, e.target.checked)}> ${s.name}</label>`)}
      </fieldset>`;
    }
    if (f.kind === 'card') {
      return html`<div class="field"><label for=${id}>${f.label} <span class="muted">${t('cards.paper.cardHint')}</span></label>
        <input id=${id} data-testid=${id} type="text" inputmode="numeric" .value=${value ?? ''} @input=${(e) => this._set(f.id, e.target.value)}></div>`;
    }
    return html`<div class="field"><label for=${id}>${f.label}${f.kind === 'list' ? html` <span class="muted">${t('cards.paper.oneALine')}</span>` : nothing}</label>
      <textarea id=${id} data-testid=${id} rows=${f.kind === 'list' ? 3 : 2} .value=${value ?? ''}
        @input=${(e) => this._set(f.id, e.target.value)}></textarea></div>`;
  }

  _list() {
    const paper = this.paper ?? [];
    if (!paper.length) return nothing;
    const summary = (answers) => Object.values(answers ?? {}).flat().join(' · ');
    return html`<h4 class="panel__subtitle">${tn('cards.paper.count', paper.length)}</h4>
      <ul class="stack" data-testid="cards-paper-list">${paper.map((p) => html`<li data-testid="cards-paper-${p.round}-${p.id}">
        ${t('cards.roundN', { n: p.round })} — <span class="muted">${summary(p.answers)}</span>
        <button type="button" class="btn btn--secondary btn--small" @click=${() => this._remove(p)}
          data-testid="cards-paper-remove-${p.round}-${p.id}">${t('cards.paper.remove')}<span class="visually-hidden">
          (${t('cards.roundN', { n: p.round })}, ${p.id.replace('paper-', '')})</span></button></li>`)}</ul>`;
  }
}
customElements.define('cards-paper-grids', CardsPaperGrids);
