import { FormatElement, state } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/count-down.js';
import { t, tn } from '../../i18n/index.js';
import { caseCard, roleLabel, rulesList, stageLabel, structureCard } from './shared.js';
import { randomSeed } from '../../random.js';

const ITEM_MAX = 150;
const ITEMS_MAX = 12;
const TEXT_MAX = 600;
const FEELING_MAX = 500;
const AUTOSAVE_MS = 1200;

/** Phone: volunteer, then the role's view: the case card, the private briefing, or the grid. */
class CardsPhone extends FormatElement {
  static properties = state({
    _draft: {}, _pending: {}, _saveState: 'idle', _message: '', _feeling: null, _feelingState: 'idle',
  });

  constructor() {
    super();
    this._round = null;
    this._timer = null;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this._flush();
  }

  willUpdate() {
    const round = this.activity?.round ?? null;
    const number = round?.number ?? null;
    if (number !== this._round) {
      clearTimeout(this._timer);
      this._timer = null;
      this._round = number;
      this._draft = structuredClone(round?.grid?.answers ?? {});
      this._pending = {};
      this._saveState = 'idle';
      this._message = '';
      this._feeling = null;
      this._feelingState = 'idle';
    } else if (round?.grid && !this._timer && !['sending', 'pending', 'error'].includes(this._saveState)) {
      // Nothing of ours in flight: the server's copy is the truth (another tab may have edited it).
      this._draft = structuredClone(round.grid.answers ?? {});
    }
  }

  async _command(command) {
    this._message = '';
    try {
      await this.send(command);
    } catch (error) {
      this._message = error?.message || t('common.rejected');
    }
  }

  // ---- grid draft and autosave ----

  _edit(fieldId, values) {
    this._draft = { ...this._draft, [fieldId]: values };
    this._saveState = 'dirty';
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._flush(), AUTOSAVE_MS);
  }

  /** Sends the grid: after the autosave delay, or at once (`now`, the "Enregistrer" button) even unchanged. */
  _flush(now = false) {
    if (!this._timer && !now) return;
    clearTimeout(this._timer);
    this._timer = null;
    const round = this.activity?.round;
    if (!round?.grid?.open || !this.send) return;
    const answers = {};
    for (const field of round.grid.fields) {
      if (field.kind === 'card') continue;
      const values = (this._draft[field.id] ?? []).map((v) => String(v)).filter((v) => v.trim());
      if (values.length) answers[field.id] = values;
    }
    this._saveState = 'sending';
    // No answer from the server within a second (offline, a lost link): the grid is waiting to leave.
    setTimeout(() => {
      if (this._saveState === 'sending') this._saveState = 'pending';
    }, 1000);
    this.send({ type: 'cards.saveGrid', round: round.number, answers }).then(
      () => {
        if (!this._timer) this._saveState = now ? 'saved' : 'autosaved';
      },
      (error) => {
        this._saveState = 'error';
        this._message = error?.message || t('common.rejected');
      },
    );
  }

  _addItem(field, input) {
    const value = input.value.trim();
    if (!value) return;
    const items = [...(this._draft[field.id] ?? [])];
    if (items.length >= ITEMS_MAX) {
      this._message = t('cards.grid.tooMany', { n: ITEMS_MAX });
      return;
    }
    items.push(value.slice(0, ITEM_MAX));
    this._pending = { ...this._pending, [field.id]: '' };
    input.value = '';
    this._edit(field.id, items);
  }

  _removeItem(field, i) {
    const items = (this._draft[field.id] ?? []).filter((_, j) => j !== i);
    this._edit(field.id, items);
  }

  _toggleStructure(field, id, checked) {
    const set = new Set(this._draft[field.id] ?? []);
    if (checked) set.add(id);
    else set.delete(id);
    const order = (this.activity?.round?.grid?.structures ?? []).map((s) => s.id);
    this._edit(field.id, order.filter((x) => set.has(x)));
  }

  // ---- rendering ----

  render() {
    const a = this.activity ?? {};
    if (!a.deckTitle) {
      return html`<section class="card card--center" data-testid="cards-waiting"><p class="lead" role="status">${t('cards.phone.noDeck')}</p></section>`;
    }
    const r = a.round;
    return html`<div class="cards-deck">
      ${this._renderHand(a, r)}
      ${r ? this._renderRound(a, r) : html`<section class="card" data-testid="cards-no-round">
            <p class="lead" role="status">${t('cards.phone.waitingRound')}</p>
            <h2 class="panel__subtitle">${t('cards.rules')}</h2>
            ${rulesList(a.rules)}
          </section>`}
      <p class="answer-status ${this._message ? 'answer-status--error' : ''}" role="status" aria-live="polite" data-testid="cards-phone-status">${this._message}</p>
    </div>`;
  }

  _renderHand(a, r) {
    const playing = r && r.role !== 'observer' && r.stage !== 'DEBRIEF';
    if (playing) return nothing;
    return html`<section class="card" data-testid="cards-hand">
      <button type="button" class="btn ${a.handRaised ? 'btn--secondary' : 'btn--primary'} btn--block" data-testid="cards-hand-toggle"
        aria-pressed=${a.handRaised ? 'true' : 'false'}
        @click=${() => this._command({ type: a.handRaised ? 'cards.lowerHand' : 'cards.raiseHand' })}>
        ${a.handRaised ? t('cards.phone.lowerHand') : t('cards.phone.raiseHand')}
      </button>
      <p class="hint" data-testid="cards-hand-state">${a.handRaised ? t('cards.phone.handRaised') : t('cards.phone.handHint')}
        · ${tn('cards.volunteers', a.volunteers ?? 0)}</p>
    </section>`;
  }

  _renderRound(a, r) {
    return html`<section class="card" data-testid="cards-round" data-stage=${r.stage} data-role=${r.role}>
      <p class="muted">${t('cards.roundN', { n: r.number })} · <span data-testid="cards-stage">${stageLabel(r.stage)}</span></p>
      <p class="cards-role" data-testid="cards-my-role">${roleLabel(r.role)}</p>
      ${r.counsellor ? html`<p class="hint" data-testid="cards-players">${t('cards.players', { counsellor: r.counsellor, beneficiary: r.beneficiary })}</p>` : nothing}
      ${r.stage === 'SCENE' && r.deadline && !r.timeUp ? html`<count-down .deadline=${r.deadline}></count-down>` : nothing}
      ${r.stage === 'SCENE' && r.timeUp ? html`<p class="cards-timeup" data-testid="cards-timeup">${t('cards.timeUp')}</p>` : nothing}
    </section>
    ${r.role === 'counsellor' ? this._renderCounsellor(r) : nothing}
    ${r.role === 'beneficiary' ? this._renderBeneficiary(r) : nothing}
    ${r.role === 'observer' ? this._renderObserver(r) : nothing}
    ${r.feelings ? this._renderFeelings(r) : nothing}`;
  }

  _renderCounsellor(r) {
    return html`${r.canDrawCase
        ? html`<button type="button" class="btn btn--primary btn--block" data-testid="cards-draw-case"
            @click=${() => this._command({ type: 'cards.drawCase', seed: randomSeed() })}>${r.card ? t('cards.redrawCase') : t('cards.drawCase')}</button>`
        : nothing}
      ${r.card
        ? html`${r.stage === 'SETUP' || r.stage === 'SCENE' ? html`<p class="hint">${t('cards.phone.counsellorHint')}</p>` : nothing}
            ${caseCard(r.card, { testid: 'phone-case-card', heading: 'h2' })}`
        : html`<p class="muted">${t('cards.phone.noCardYet')}</p>`}
      ${structureCard(r.structure, { testid: 'phone-structure-card' })}`;
  }

  _renderBeneficiary(r) {
    return html`${r.canDrawStructure
        ? html`<button type="button" class="btn btn--primary btn--block" data-testid="cards-draw-structure"
            @click=${() => this._command({ type: 'cards.drawStructure', seed: randomSeed() })}>${r.structure ? t('cards.redrawStructure') : t('cards.drawStructure')}</button>`
        : nothing}
      ${r.card
        ? html`${caseCard(r.card, { testid: 'phone-case-card', heading: 'h2' })}
            <section class="cards-private" data-testid="cards-briefing" aria-labelledby="cards-briefing-title">
              <h3 class="cards-private__title" id="cards-briefing-title">${t('cards.briefing')}</h3>
              <p class="hint">${t('cards.briefingHint')}</p>
              <p data-testid="cards-briefing-text">${r.briefing}</p>
            </section>`
        : html`<p class="muted">${t('cards.phone.noCardYet')}</p>`}
      ${structureCard(r.structure, { testid: 'phone-structure-card' })}`;
  }

  _renderObserver(r) {
    if (r.stage === 'SETUP') {
      return html`<p class="card muted" data-testid="cards-observer-wait">${t('cards.phone.observerWait')}</p>
        ${caseCard(r.card, { testid: 'phone-case-card' })}`;
    }
    if (!r.grid) return nothing;
    return this._renderGrid(r);
  }

  _renderGrid(r) {
    const grid = r.grid;
    const open = grid.open;
    return html`<form class="card stack" data-testid="cards-grid" @submit=${(e) => { e.preventDefault(); this._flush(true); }} novalidate>
      <h2 class="panel__title">${t('cards.grid.title')}</h2>
      <p class="hint">${open ? t('cards.grid.hint') : t('cards.grid.closed')}</p>
      ${grid.fields.map((f) => this._renderField(f, grid, open))}
      ${open
        ? html`<div class="row">
            <button type="submit" class="btn btn--secondary" data-testid="cards-grid-save">${t('cards.grid.save')}</button>
            <span class="answer-status answer-status--${this._saveState}" role="status" aria-live="polite" data-testid="cards-grid-status"
              data-state=${this._saveState}>${t(`cards.grid.state.${this._saveState}`)}</span>
          </div>`
        : nothing}
    </form>`;
  }

  _renderField(f, grid, open) {
    const id = `cards-field-${f.id}`;
    const values = this._draft[f.id] ?? [];
    if (f.kind === 'card') {
      const n = grid.answers?.[f.id]?.[0] ?? '';
      return html`<div class="field">
        <label for=${id}>${f.label}</label>
        <input id=${id} type="text" readonly .value=${n} data-testid="cards-field-${f.id}" />
      </div>`;
    }
    if (f.kind === 'text') {
      return html`<div class="field">
        <label for=${id}>${f.label}</label>
        ${f.hint ? html`<p class="hint">${f.hint}</p>` : nothing}
        <textarea id=${id} rows="3" maxlength=${TEXT_MAX} ?disabled=${!open} data-testid="cards-field-${f.id}"
          .value=${values[0] ?? ''} @input=${(e) => this._edit(f.id, e.target.value.trim() ? [e.target.value] : [])}></textarea>
      </div>`;
    }
    if (f.kind === 'structures') {
      const chosen = new Set(values);
      return html`<fieldset class="field" data-testid="cards-field-${f.id}">
        <legend>${f.label}</legend>
        ${f.hint ? html`<p class="hint">${f.hint}</p>` : nothing}
        <div class="cards-checks">
          ${grid.structures.map((s) => html`<label>
            <input type="checkbox" ?disabled=${!open} .checked=${chosen.has(s.id)} data-testid="cards-door-${s.id}"
              @change=${(e) => this._toggleStructure(f, s.id, e.target.checked)} />
            <span>${s.name}</span>
          </label>`)}
        </div>
      </fieldset>`;
    }
    return html`<fieldset class="field" data-testid="cards-field-${f.id}">
      <legend>${f.label}</legend>
      ${f.hint ? html`<p class="hint">${f.hint}</p>` : nothing}
      ${values.length
        ? html`<ul class="cards-items">
            ${values.map((v, i) => html`<li data-testid="cards-item-${f.id}-${i}"><span>${v}</span>
              ${open ? html`<button type="button" class="btn btn--ghost btn--small" aria-label=${t('cards.grid.remove', { item: v })}
                @click=${() => this._removeItem(f, i)}>✕</button>` : nothing}</li>`)}
          </ul>`
        : nothing}
      ${open
        ? html`<div class="input-row">
            <label class="visually-hidden" for=${id}>${t('cards.grid.addTo', { field: f.label })}</label>
            <input id=${id} type="text" maxlength=${ITEM_MAX} data-testid="cards-input-${f.id}" placeholder=${t('cards.grid.placeholder')}
              @keydown=${(e) => { if (e.key === 'Enter') { e.preventDefault(); this._addItem(f, e.target); } }} />
            <button type="button" class="btn btn--secondary" data-testid="cards-add-${f.id}"
              @click=${(e) => this._addItem(f, e.target.closest('.input-row').querySelector('input'))}>${t('cards.grid.add')}</button>
          </div>`
        : nothing}
    </fieldset>`;
  }

  _renderFeelings(r) {
    const form = r.feelings;
    const value = this._feeling ?? form.mine ?? '';
    const submit = async (e) => {
      e.preventDefault();
      const text = value.trim();
      if (!text) return;
      this._feelingState = 'sending';
      try {
        await this.send({ type: 'cards.shareFeeling', round: r.number, text });
        this._feelingState = 'saved';
      } catch (error) {
        this._feelingState = 'error';
        this._message = error?.message || t('common.rejected');
      }
    };
    return html`<form class="card stack" data-testid="cards-feelings" @submit=${submit} novalidate>
      <h2 class="panel__title">${t('cards.feelings.title')}</h2>
      <label for="cards-feeling">${form.prompt}</label>
      <p class="muted" id="cards-feeling-kept" data-testid="cards-feeling-kept">${t('cards.feelings.kept')}</p>
      <textarea id="cards-feeling" rows="3" maxlength=${FEELING_MAX} data-testid="cards-feeling-text" .value=${value}
        aria-describedby="cards-feeling-kept"
        @input=${(e) => { this._feeling = e.target.value; this._feelingState = 'idle'; }}></textarea>
      <div class="row">
        <button type="submit" class="btn btn--primary" data-testid="cards-feeling-send">${form.mine ? t('cards.feelings.update') : t('cards.feelings.send')}</button>
        <span role="status" aria-live="polite" data-testid="cards-feeling-status">${this._feelingState === 'saved' || (form.mine && this._feeling === null) ? t('cards.feelings.saved') : ''}</span>
      </div>
    </form>`;
  }
}

customElements.define('cards-phone', CardsPhone);
