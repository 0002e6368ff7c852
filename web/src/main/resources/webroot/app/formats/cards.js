// "Jeu de cartes SPRO": two volunteers play a counsellor and a person seeking help on a drawn case
// card and structure card; the others observe with a grid; then the players' feelings and the
// aggregated grids on the projector. The beneficiary's briefing only ever reaches the beneficiary's
// phone and the console (the server decides what each view holds).
import { html, nothing } from 'lit';
import { LightElement } from '../components/light-element.js';
import '../components/bar-chart.js';
import '../components/count-down.js';
import { t, tn, formatNumber } from '../i18n/index.js';

const STAGES = ['SETUP', 'SCENE', 'FEELINGS', 'DEBRIEF'];
const ITEM_MAX = 150;
const ITEMS_MAX = 12;
const TEXT_MAX = 600;
const FEELING_MAX = 500;
const AUTOSAVE_MS = 1200;

// Card-specific layout. A constructed stylesheet is not an inline style, so the strict CSP
// (style-src 'self') allows it; everything else comes from /app/base.css.
const CSS = `
.cards-deck{display:grid;gap:1rem}
.cards-two{display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));align-items:start}
.cards-card{border:2px solid var(--primary, #1f4e9c);border-radius:var(--radius, 12px);padding:1rem 1.2rem;background:var(--surface, #fff);box-shadow:var(--shadow, none)}
.cards-card--structure{border-color:var(--accent, #b35c00)}
.cards-card__kicker{font-size:.85rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--muted, #4a5568);margin:0 0 .3rem}
.cards-card__title{margin:0 0 .5rem;font-size:1.25rem;overflow-wrap:anywhere}
.cards-card p{overflow-wrap:anywhere;white-space:pre-wrap}
.cards-private{border:2px dashed #7a1f1f;background:#fff6f6;border-radius:var(--radius, 12px);padding:1rem 1.2rem;margin-top:1rem}
.cards-private__title{margin:0 0 .4rem;color:#7a1f1f;font-size:1.05rem}
.cards-notes{border-left:4px solid var(--accent, #b35c00);padding:.5rem 1rem;background:var(--bg, #f6f7f9)}
.cards-role{font-size:1.15rem;font-weight:800;margin:.2rem 0 .6rem}
.cards-items{list-style:none;padding:0;margin:.3rem 0;display:grid;gap:.35rem}
.cards-items li{display:flex;gap:.5rem;align-items:center;justify-content:space-between;padding:.35rem .6rem;border:1px solid var(--border, #ccd);border-radius:8px;overflow-wrap:anywhere}
.cards-checks{display:grid;gap:.3rem;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr))}
.cards-checks label{display:flex;gap:.5rem;align-items:flex-start;padding:.35rem .5rem;border:1px solid var(--border, #ccd);border-radius:8px;min-height:44px}
.cards-rules{margin:.3rem 0;padding-left:1.3rem}
.cards-rules li{margin:.2rem 0}
.cards-screen .cards-card__title{font-size:clamp(1.5rem,2.4vw,2.8rem)}
.cards-screen .cards-card--structure .cards-card__title{font-size:clamp(1.3rem,1.9vw,2.2rem)}
.cards-fields{display:grid;gap:1rem 2rem;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));align-items:start}
.cards-recap{font-size:clamp(1.1rem,1.6vw,1.7rem);font-weight:700;margin:.2rem 0 .8rem}
.cards-screen .cards-card p{font-size:clamp(1.15rem,1.6vw,1.8rem);line-height:1.35}
.cards-screen .cards-rules{font-size:clamp(1.05rem,1.4vw,1.5rem)}
.cards-players{font-size:clamp(1.2rem,1.8vw,2rem);font-weight:700;margin:.3rem 0 1rem}
.cards-tally{list-style:none;padding:0;margin:.3rem 0;display:grid;gap:.3rem}
.cards-tally li{display:flex;justify-content:space-between;gap:1rem;padding:.3rem .6rem;border-bottom:1px solid var(--border, #ccd);overflow-wrap:anywhere}
.cards-tally__n{font-weight:800;white-space:nowrap}
.cards-screen .cards-tally li{font-size:clamp(1.05rem,1.5vw,1.6rem)}
.cards-problems{margin:.4rem 0;padding-left:1.2rem;color:#7a1f1f}
.cards-timeup{font-weight:800;color:#7a1f1f}
`;
let styled = false;
function ensureStyles() {
  if (styled || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    styled = true;
  } catch {
    /* the page still works with base.css only */
  }
}

/** A 53-bit random seed for draws and picks: the server records it with the outcome. */
function seed() {
  const a = new Uint32Array(2);
  crypto.getRandomValues(a);
  return (a[0] & 0x1fffff) * 2 ** 32 + a[1];
}

const stageLabel = (stage) => t(`cards.stage.${stage}`);
const roleLabel = (role) => t(`cards.role.${role}`);

function caseCard(card, { testid = 'case-card', heading = 'h3' } = {}) {
  if (!card) return nothing;
  const title = heading === 'h2'
    ? html`<h2 class="cards-card__title" data-testid="${testid}-title">${card.title}</h2>`
    : html`<h3 class="cards-card__title" data-testid="${testid}-title">${card.title}</h3>`;
  return html`<article class="cards-card" data-testid=${testid} data-number=${card.number}>
    <p class="cards-card__kicker">${t('cards.caseCard', { n: card.number })}</p>
    ${title}
    <p data-testid="${testid}-situation">${card.situation}</p>
  </article>`;
}

function structureCard(s, { testid = 'structure-card' } = {}) {
  if (!s) return nothing;
  return html`<article class="cards-card cards-card--structure" data-testid=${testid} data-id=${s.id}>
    <p class="cards-card__kicker">${t('cards.structureCard')}</p>
    <h3 class="cards-card__title" data-testid="${testid}-name">${s.name}</h3>
    <p><strong>${t('cards.missions')}</strong> ${s.missions}</p>
    <p><strong>${t('cards.publics')}</strong> ${s.publics}</p>
  </article>`;
}

function rulesList(rules, testid = 'rules') {
  if (!rules?.length) return nothing;
  return html`<ol class="cards-rules" data-testid=${testid}>${rules.map((r) => html`<li>${r}</li>`)}</ol>`;
}

function tallyItems(tally) {
  return (tally ?? []).map((x) => ({ label: x.label, value: x.count }));
}

/** The aggregated grids: tallies as bars (doors) or counted lists, free texts as quotes. */
function aggregateView(aggregate, { testid = 'aggregate' } = {}) {
  if (!aggregate) return nothing;
  if (!aggregate.grids) return html`<p class="muted" data-testid="${testid}-empty">${t('cards.aggregate.none')}</p>`;
  return html`<div class="stack" data-testid=${testid} data-grids=${aggregate.grids}>
    <p class="muted">${tn('cards.grids', aggregate.grids)}</p>
    <div class="cards-fields">
    ${aggregate.fields.map((f) => {
      if (f.kind === 'text') {
        if (!f.texts?.length) return nothing;
        return html`<section data-testid="${testid}-${f.id}">
          <h3 class="panel__subtitle">${f.label}</h3>
          <ul class="comments">${f.texts.map((x) => html`<li class="comment">${x}</li>`)}</ul>
        </section>`;
      }
      if (!f.tally?.length) return nothing;
      if (f.kind === 'structures') {
        return html`<section data-testid="${testid}-${f.id}">
          <h3 class="panel__subtitle">${f.label}</h3>
          <bar-chart .items=${tallyItems(f.tally)} testid="${testid}-${f.id}-bar"></bar-chart>
        </section>`;
      }
      return html`<section data-testid="${testid}-${f.id}">
        <h3 class="panel__subtitle">${f.label}</h3>
        <ul class="cards-tally">
          ${f.tally.map((x) => html`<li><span>${x.label}</span>${x.count > 1 ? html`<span class="cards-tally__n">× ${formatNumber(x.count)}</span>` : nothing}</li>`)}
        </ul>
      </section>`;
    })}
    </div>
  </div>`;
}

// ---------------------------------------------------------------------------------------------
// Phone

/** Phone: volunteer, then the role's view: the case card, the private briefing, or the grid. */
class CardsPhone extends LightElement {
  static properties = {
    view: { attribute: false },
    activity: { attribute: false },
    send: { attribute: false },
    _draft: { state: true },
    _pending: { state: true },
    _saveState: { state: true },
    _message: { state: true },
    _feeling: { state: true },
    _feelingState: { state: true },
  };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    this.send = null;
    this._round = null;
    this._draft = {};
    this._pending = {};
    this._saveState = 'idle';
    this._message = '';
    this._feeling = null;
    this._feelingState = 'idle';
    this._timer = null;
    ensureStyles();
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
    } else if (round?.grid && !this._timer && this._saveState !== 'sending' && this._saveState !== 'error') {
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

  _flush() {
    if (!this._timer) return;
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
    this.send({ type: 'cards.saveGrid', round: round.number, answers }).then(
      () => {
        if (!this._timer) this._saveState = 'saved';
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
            @click=${() => this._command({ type: 'cards.drawCase', seed: seed() })}>${r.card ? t('cards.redrawCase') : t('cards.drawCase')}</button>`
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
            @click=${() => this._command({ type: 'cards.drawStructure', seed: seed() })}>${r.structure ? t('cards.redrawStructure') : t('cards.drawStructure')}</button>`
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
    return html`<form class="card stack" data-testid="cards-grid" @submit=${(e) => { e.preventDefault(); this._flush(); }} novalidate>
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

// ---------------------------------------------------------------------------------------------
// Projector

/** Projector: rules and volunteers, then the two cards and the timer, then the aggregated grids. */
class CardsScreen extends LightElement {
  static properties = { view: { attribute: false }, activity: { attribute: false } };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    ensureStyles();
  }

  render() {
    const a = this.activity ?? {};
    if (!a.deckTitle) {
      return html`<section class="screen-panel screen-panel--center" data-testid="cards-waiting"><p class="screen-lead">${t('cards.screen.noDeck')}</p></section>`;
    }
    const r = a.round;
    if (!r || (r.stage === 'SETUP' && !r.card && !r.counsellor)) return this._renderIntro(a, r);
    return html`<section class="screen-panel cards-screen" data-testid="cards-screen-round" data-stage=${r.stage}>
      <div class="poll-screen__meta">
        <span class="badge" data-testid="cards-stage">${t('cards.roundN', { n: r.number })} · ${stageLabel(r.stage)}</span>
        ${r.stage === 'SCENE' && r.deadline && !r.timeUp ? html`<count-down .deadline=${r.deadline}></count-down>` : nothing}
        ${r.stage === 'SCENE' && r.timeUp ? html`<span class="cards-timeup" data-testid="cards-timeup">${t('cards.timeUp')}</span>` : nothing}
      </div>
      ${r.counsellor
        ? html`<p class="cards-players" data-testid="cards-players">${t('cards.players', { counsellor: r.counsellor, beneficiary: r.beneficiary })}</p>`
        : nothing}
      ${r.stage === 'DEBRIEF' ? this._renderDebrief(a, r) : this._renderScene(a, r)}
    </section>`;
  }

  _renderIntro(a, r) {
    const volunteers = a.volunteers ?? [];
    return html`<section class="screen-panel cards-screen" data-testid="cards-intro">
      <h2 class="screen-question">${a.deckTitle}</h2>
      ${r ? html`<p class="screen-lead" data-testid="cards-stage">${t('cards.roundN', { n: r.number })} · ${t('cards.screen.volunteersWanted')}</p>` : nothing}
      <h3 class="panel__subtitle">${t('cards.rules')}</h3>
      ${rulesList(a.rules, 'screen-rules')}
      <h3 class="panel__subtitle">${t('cards.screen.volunteers')} (${formatNumber(volunteers.length)})</h3>
      ${volunteers.length
        ? html`<ul class="cloud" data-testid="cards-volunteers">${volunteers.map((n) => html`<li class="cloud__name">✋ ${n}</li>`)}</ul>`
        : html`<p class="muted">${t('cards.screen.raiseHint')}</p>`}
    </section>`;
  }

  _renderScene(a, r) {
    return html`<div class="cards-two">
        ${r.card ? caseCard(r.card, { testid: 'screen-case-card', heading: 'h2' }) : html`<p class="screen-lead">${t('cards.screen.drawing')}</p>`}
        ${structureCard(r.structure, { testid: 'screen-structure-card' })}
      </div>
      ${r.stage === 'FEELINGS' ? html`<p class="screen-lead" data-testid="cards-feelings-lead">${t('cards.screen.feelings')}</p>` : nothing}
      ${r.stage === 'SCENE' || r.stage === 'FEELINGS'
        ? html`<p class="screen-answered" data-testid="cards-grids-count">${tn('cards.gridsInProgress', r.grids ?? 0)}</p>`
        : nothing}
      <details open>
        <summary>${t('cards.rules')}</summary>
        ${rulesList(a.rules, 'screen-rules')}
      </details>`;
  }

  _renderDebrief(a, r) {
    return html`<p class="cards-recap" data-testid="cards-recap">
        ${r.card ? html`<span data-testid="screen-case-card-title">${t('cards.caseCard', { n: r.card.number })} — ${r.card.title}</span>` : nothing}
        ${r.structure ? html`<span> · ${t('cards.structureCard')} : ${r.structure.name}</span>` : nothing}
      </p>
      <h2 class="screen-lead">${t('cards.debrief.title')}</h2>
      <p class="hint">${t('cards.debrief.lead')}</p>
      ${aggregateView(r.aggregate, { testid: 'screen-aggregate' })}`;
  }

}

// ---------------------------------------------------------------------------------------------
// Console

/** Console: deck picker and import/export, volunteers and roles, draws, timer, phases, notes. */
class CardsConsole extends LightElement {
  static properties = {
    view: { attribute: false },
    activity: { attribute: false },
    send: { attribute: false },
    _catalogue: { state: true },
    _chosenId: { state: true },
    _candidate: { state: true },
    _problems: { state: true },
    _libraryState: { state: true },
    _counsellor: { state: true },
    _beneficiary: { state: true },
    _minutes: { state: true },
  };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    this.send = null;
    this._catalogue = null;
    this._chosenId = '';
    this._candidate = null;
    this._problems = [];
    this._libraryState = 'idle';
    this._counsellor = '';
    this._beneficiary = '';
    this._minutes = '5';
    ensureStyles();
  }

  connectedCallback() {
    super.connectedCallback();
    if (this._catalogue === null) this._loadCatalogue();
  }

  async _loadCatalogue() {
    try {
      const response = await fetch('/api/formats/cards/library');
      if (!response.ok) throw new Error(String(response.status));
      this._catalogue = await response.json();
      if (!this._chosenId && this._catalogue.length) this._chosenId = this._catalogue[0].id;
    } catch {
      this._catalogue = [];
      this._libraryState = 'loadError';
    }
  }

  _run(command) {
    return this.send(command).catch(() => {});
  }

  async _useCatalogueDeck() {
    if (!this._chosenId) return;
    this._libraryState = 'loading';
    try {
      const response = await fetch(`/api/formats/cards/library/${encodeURIComponent(this._chosenId)}`);
      if (!response.ok) throw new Error(String(response.status));
      const deck = await response.json();
      this._libraryState = 'idle';
      await this.send({ type: 'cards.useDeck', deck });
    } catch {
      if (this._libraryState === 'loading') this._libraryState = 'loadError';
    }
  }

  async _import(event) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    this._problems = [];
    this._candidate = null;
    this._libraryState = 'parsing';
    try {
      const text = await file.text();
      const response = await fetch('/api/formats/cards/library/parse?kind=yaml', {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml' },
        body: text,
      });
      const body = await response.json();
      if (body.ok) {
        this._candidate = body.content;
        this._libraryState = 'parsed';
      } else {
        this._problems = body.problems ?? [{ line: 0, message: body.error?.message ?? t('cards.console.importFailed') }];
        this._libraryState = 'problems';
      }
    } catch {
      this._libraryState = 'importError';
    }
  }

  async _export() {
    let deck = this._candidate;
    try {
      if (!deck) {
        const id = this.activity?.deck?.id && this._catalogue?.some((i) => i.id === this.activity.deck.id) ? this.activity.deck.id : this._chosenId;
        const response = await fetch(`/api/formats/cards/library/${encodeURIComponent(id)}`);
        if (!response.ok) throw new Error(String(response.status));
        deck = await response.json();
      }
      const response = await fetch('/api/formats/cards/library/export?kind=yaml', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(deck),
      });
      if (!response.ok) throw new Error(String(response.status));
      const blob = new Blob([await response.text()], { type: 'application/yaml' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${deck.id || 'jeu'}.yaml`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      this._libraryState = 'exported';
    } catch {
      this._libraryState = 'exportError';
    }
  }

  render() {
    const phase = this.view?.session?.phase;
    const a = this.activity ?? {};
    const r = a.round;
    const canChangeDeck = !r && (phase === 'LOBBY' || phase === 'ACTIVITY');
    return html`<div class="stack" data-testid="cards-console">
      ${canChangeDeck || !a.deck ? this._renderLibrary(a) : this._renderDeckSummary(a)}
      ${a.deck && phase === 'LOBBY' ? html`<p class="notice">${t('cards.console.startFirst')}</p>` : nothing}
      ${a.deck && phase === 'ACTIVITY' ? this._renderRound(a, r) : nothing}
      ${a.deck && phase === 'ACTIVITY' && r?.card ? this._renderNotes(r) : nothing}
      ${a.history?.length ? this._renderHistory(a.history) : nothing}
    </div>`;
  }

  _renderLibrary(a) {
    const catalogue = this._catalogue ?? [];
    return html`<section class="panel" aria-labelledby="cards-library-title" data-testid="cards-library">
      <h3 class="panel__title" id="cards-library-title">${t('cards.console.deckTitle')}</h3>
      ${a.deck ? html`<p data-testid="cards-deck-chosen">${t('cards.console.deckChosen', { title: a.deck.title, n: a.deck.cases })}</p>` : html`<p class="hint">${t('cards.console.deckHint')}</p>`}
      <div class="field">
        <label for="cards-deck-select">${t('cards.console.catalogue')}</label>
        <div class="input-row">
          <select id="cards-deck-select" data-testid="cards-deck-select" .value=${this._chosenId}
            @change=${(e) => (this._chosenId = e.target.value)}>
            ${catalogue.map((i) => html`<option value=${i.id} ?selected=${i.id === this._chosenId}>${i.title} (${tn('cards.cases', i.size)})</option>`)}
          </select>
          <button type="button" class="btn btn--primary" data-testid="cards-use-deck" ?disabled=${!this._chosenId}
            @click=${this._useCatalogueDeck}>${t('cards.console.useDeck')}</button>
        </div>
      </div>
      <div class="field">
        <label for="cards-import">${t('cards.console.import')}</label>
        <p class="hint" id="cards-import-hint">${t('cards.console.importHint')}</p>
        <input id="cards-import" type="file" accept=".yaml,.yml,application/yaml,text/yaml,text/plain" aria-describedby="cards-import-hint"
          data-testid="cards-import" @change=${this._import} />
      </div>
      ${this._libraryState === 'parsing' ? html`<p class="muted" role="status">${t('common.loading')}</p>` : nothing}
      ${this._problems.length
        ? html`<div class="notice notice--error" role="alert" data-testid="cards-import-problems">
            <p>${tn('cards.console.problems', this._problems.length)}</p>
            <ul class="cards-problems">
              ${this._problems.map((p) => html`<li>${p.line ? t('cards.console.line', { n: p.line }) : ''}${p.message}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${this._candidate
        ? html`<div class="notice" data-testid="cards-import-ok">
            <p>${t('cards.console.imported', { title: this._candidate.title, n: this._candidate.cases.length, s: this._candidate.structures.length })}</p>
            <button type="button" class="btn btn--primary" data-testid="cards-use-imported"
              @click=${() => this._run({ type: 'cards.useDeck', deck: this._candidate })}>${t('cards.console.useImported')}</button>
          </div>`
        : nothing}
      ${['loadError', 'importError', 'exportError'].includes(this._libraryState)
        ? html`<p class="notice notice--error" role="alert">${t(`cards.console.${this._libraryState}`)}</p>`
        : nothing}
      <button type="button" class="btn btn--ghost" data-testid="cards-export" @click=${this._export}>${t('cards.console.export')}</button>
    </section>`;
  }

  _renderDeckSummary(a) {
    return html`<section class="panel" data-testid="cards-deck-summary">
      <h3 class="panel__title">${a.deck.title}</h3>
      <p class="muted" data-testid="cards-left">${t('cards.console.left', { cases: a.casesLeft, structures: a.structuresLeft })}</p>
      <details>
        <summary>${t('cards.rules')}</summary>
        ${rulesList(a.deck.rules, 'console-rules')}
      </details>
      <button type="button" class="btn btn--ghost btn--small" data-testid="cards-export" @click=${this._export}>${t('cards.console.export')}</button>
    </section>`;
  }

  _renderRound(a, r) {
    if (!r || r.stage === 'DEBRIEF') {
      return html`${r ? this._renderDebrief(r) : nothing}
        <section class="panel" data-testid="cards-next">
          ${this._renderVolunteers(a, null)}
          <button type="button" class="btn btn--primary btn--block" data-testid="cards-next-round"
            @click=${() => this._run({ type: 'cards.nextRound' })}>${t('cards.console.nextRound', { n: (r?.number ?? 0) + 1 })}</button>
        </section>`;
    }
    return html`<section class="panel" aria-labelledby="cards-round-title" data-testid="cards-round" data-stage=${r.stage}>
      <h3 class="panel__title" id="cards-round-title">${t('cards.roundN', { n: r.number })}</h3>
      <ol class="steps">
        ${STAGES.map((s, i) => html`<li class="steps__item ${i < STAGES.indexOf(r.stage) ? 'steps__item--done' : ''} ${s === r.stage ? 'steps__item--current' : ''}"
          aria-current=${s === r.stage ? 'step' : 'false'}>${stageLabel(s)}</li>`)}
      </ol>
      ${r.stage === 'SETUP' ? this._renderSetup(a, r) : nothing}
      ${r.stage === 'SCENE' ? this._renderScene(r) : nothing}
      ${r.stage === 'FEELINGS' ? this._renderFeelings(r) : nothing}
    </section>`;
  }

  _renderVolunteers(a, r) {
    const volunteers = (a.volunteers ?? []).filter((p) => p.active);
    return html`<h4 class="panel__subtitle">${t('cards.screen.volunteers')} (${formatNumber(volunteers.length)})</h4>
      ${volunteers.length
        ? html`<ul class="people" data-testid="cards-volunteers">${volunteers.map((p) => html`<li class="people__item">✋ ${p.nickname}</li>`)}</ul>`
        : html`<p class="muted">${t('cards.console.noVolunteer')}</p>`}`;
  }

  _renderSetup(a, r) {
    const people = (this.view?.participants ?? []).filter((p) => p.active);
    const volunteers = (a.volunteers ?? []).filter((p) => p.active);
    const assign = (e) => {
      e.preventDefault();
      this._run({ type: 'cards.assign', counsellor: this._counsellor, beneficiary: this._beneficiary });
    };
    const start = (e) => {
      e.preventDefault();
      const minutes = String(this._minutes).trim();
      const command = { type: 'cards.startScene' };
      if (minutes) command.seconds = Math.round(Number(minutes.replace(',', '.')) * 60);
      this._run(command);
    };
    const ready = r.counsellor && r.card && r.structure;
    return html`${this._renderVolunteers(a, r)}
      <div class="row">
        <button type="button" class="btn btn--secondary" data-testid="cards-pick-random" ?disabled=${volunteers.length < 2}
          @click=${() => this._run({ type: 'cards.pickRandom', seed: seed() })}>${t('cards.console.pickRandom')}</button>
      </div>
      <form class="stack" @submit=${assign} data-testid="cards-assign-form">
        <div class="field field--inline">
          <label for="cards-counsellor">${t('cards.role.counsellor')}</label>
          <select id="cards-counsellor" data-testid="cards-counsellor-select" @change=${(e) => (this._counsellor = e.target.value)}>
            <option value="" ?selected=${!this._counsellor}>—</option>
            ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === this._counsellor}>${p.nickname}</option>`)}
          </select>
          <label for="cards-beneficiary">${t('cards.role.beneficiary')}</label>
          <select id="cards-beneficiary" data-testid="cards-beneficiary-select" @change=${(e) => (this._beneficiary = e.target.value)}>
            <option value="" ?selected=${!this._beneficiary}>—</option>
            ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === this._beneficiary}>${p.nickname}</option>`)}
          </select>
          <button type="submit" class="btn btn--secondary" data-testid="cards-assign" ?disabled=${!this._counsellor || !this._beneficiary}>${t('cards.console.assign')}</button>
        </div>
      </form>
      ${r.counsellor
        ? html`<p data-testid="cards-roles">${t('cards.players', { counsellor: r.counsellor.nickname, beneficiary: r.beneficiary.nickname })}${r.pickSeed !== undefined && r.pickSeed !== null ? html` <span class="muted">(${t('cards.console.picked')})</span>` : nothing}</p>`
        : html`<p class="muted">${t('cards.console.noRoles')}</p>`}
      <div class="row">
        <button type="button" class="btn ${r.card ? 'btn--secondary' : 'btn--primary'}" data-testid="cards-draw-case" ?disabled=${!a.casesLeft}
          @click=${() => this._run({ type: 'cards.drawCase', seed: seed() })}>${r.card ? t('cards.redrawCase') : t('cards.drawCase')}</button>
        <button type="button" class="btn ${r.structure ? 'btn--secondary' : 'btn--primary'}" data-testid="cards-draw-structure" ?disabled=${!a.structuresLeft}
          @click=${() => this._run({ type: 'cards.drawStructure', seed: seed() })}>${r.structure ? t('cards.redrawStructure') : t('cards.drawStructure')}</button>
      </div>
      <p class="hint">${t('cards.console.drawHint')}</p>
      ${r.card || r.structure
        ? html`<div class="cards-two">${caseCard(r.card, { testid: 'console-case-card' })} ${structureCard(r.structure, { testid: 'console-structure-card' })}</div>`
        : nothing}
      <form class="row" @submit=${start} data-testid="cards-start-form">
        <label for="cards-minutes">${t('cards.console.minutes')}</label>
        <input id="cards-minutes" type="number" min="0" max="60" step="0.5" inputmode="decimal" data-testid="cards-minutes"
          .value=${String(this._minutes)} @input=${(e) => (this._minutes = e.target.value)} aria-describedby="cards-minutes-hint" />
        <span class="hint" id="cards-minutes-hint">${t('cards.console.minutesHint')}</span>
        <button type="submit" class="btn btn--primary" data-testid="cards-start-scene" ?disabled=${!ready}>${t('cards.console.startScene')}</button>
      </form>`;
  }

  _renderScene(r) {
    const addTimer = (seconds) => this._run({ type: 'cards.setTimer', seconds });
    return html`<div class="cards-two">${caseCard(r.card, { testid: 'console-case-card' })} ${structureCard(r.structure, { testid: 'console-structure-card' })}</div>
      <p data-testid="cards-roles">${t('cards.players', { counsellor: r.counsellor.nickname, beneficiary: r.beneficiary.nickname })}</p>
      ${r.deadline && !r.timeUp ? html`<count-down .deadline=${r.deadline}></count-down>` : nothing}
      ${r.timeUp ? html`<p class="cards-timeup" data-testid="cards-timeup">${t('cards.timeUp')}</p>` : nothing}
      <div class="row">
        <button type="button" class="btn btn--ghost btn--small" data-testid="cards-timer-2" @click=${() => addTimer(120)}>${t('cards.console.timer', { n: 2 })}</button>
        <button type="button" class="btn btn--ghost btn--small" data-testid="cards-timer-5" @click=${() => addTimer(300)}>${t('cards.console.timer', { n: 5 })}</button>
        ${r.deadline ? html`<button type="button" class="btn btn--ghost btn--small" data-testid="cards-timer-off" @click=${() => addTimer(null)}>${t('cards.console.timerOff')}</button>` : nothing}
      </div>
      <p class="count" data-testid="cards-grids-count">${tn('cards.gridsInProgress', r.grids ?? 0)}</p>
      <div class="row">
        <button type="button" class="btn btn--primary" data-testid="cards-open-feelings" @click=${() => this._run({ type: 'cards.openFeelings' })}>${t('cards.console.openFeelings')}</button>
        <button type="button" class="btn btn--secondary" data-testid="cards-open-debrief" @click=${() => this._run({ type: 'cards.openDebrief' })}>${t('cards.console.skipToDebrief')}</button>
      </div>`;
  }

  _renderFeelings(r) {
    const feelings = r.feelings ?? [];
    return html`<p class="hint">${t('cards.console.feelingsHint')}</p>
      ${feelings.length
        ? html`<ul class="comments" data-testid="cards-feelings-list">${feelings.map((f) => html`<li class="comment"><strong>${f.nickname} (${roleLabel(f.role)})</strong> — ${f.text}</li>`)}</ul>`
        : html`<p class="muted">${t('cards.console.noFeelings')}</p>`}
      <p class="count" data-testid="cards-grids-count">${tn('cards.gridsInProgress', r.grids ?? 0)}</p>
      <button type="button" class="btn btn--primary" data-testid="cards-open-debrief" @click=${() => this._run({ type: 'cards.openDebrief' })}>${t('cards.console.openDebrief')}</button>`;
  }

  _renderDebrief(r) {
    const feelings = r.feelings ?? [];
    return html`<section class="panel" data-testid="cards-debrief">
      <h3 class="panel__title">${t('cards.roundN', { n: r.number })} · ${stageLabel('DEBRIEF')}</h3>
      <p class="hint">${t('cards.console.debriefHint')}</p>
      ${feelings.length
        ? html`<ul class="comments">${feelings.map((f) => html`<li class="comment"><strong>${f.nickname} (${roleLabel(f.role)})</strong> — ${f.text}</li>`)}</ul>`
        : nothing}
      ${aggregateView(r.aggregate, { testid: 'console-aggregate' })}
    </section>`;
  }

  _renderNotes(r) {
    const c = r.card;
    return html`<section class="panel" aria-labelledby="cards-notes-title" data-testid="cards-notes">
      <h3 class="panel__title" id="cards-notes-title">${t('cards.console.notesTitle', { n: c.number })}</h3>
      <p class="hint">${t('cards.console.notesHint')}</p>
      <div class="cards-notes stack">
        <p><strong>${t('cards.console.briefingLabel')}</strong> ${c.briefing}</p>
        <p data-testid="cards-notes-text"><strong>${t('cards.console.notes')}</strong> ${c.notes}</p>
        ${c.structures?.length ? html`<p><strong>${t('cards.console.suggestedDoors')}</strong> ${c.structures.map((s) => s.name).join(' · ')}</p>` : nothing}
        ${c.schemes?.length ? html`<p><strong>${t('cards.console.suggestedSchemes')}</strong> ${c.schemes.join(' · ')}</p>` : nothing}
      </div>
      ${r.stage !== 'DEBRIEF' && r.stage !== 'SETUP' ? html`<details><summary>${t('cards.console.liveGrids')}</summary>${aggregateView(r.aggregate, { testid: 'console-live-aggregate' })}</details>` : nothing}
    </section>`;
  }

  _renderHistory(history) {
    return html`<section class="panel" data-testid="cards-history">
      <h3 class="panel__title">${t('cards.console.history')} (${history.length})</h3>
      <ol class="history">
        ${history.map((h) => html`<li class="history__item">
          ${t('cards.roundN', { n: h.number })} — ${t('cards.caseCard', { n: h.caseNumber ?? '?' })} ${h.caseTitle ?? ''} · ${h.structureName ?? ''}
          <span class="muted">(${h.counsellor ?? '?'} / ${h.beneficiary ?? '?'} · ${tn('cards.grids', h.grids ?? 0)})</span>
        </li>`)}
      </ol>
    </section>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Synthesis

/** Synthesis: every round (cards, players, aggregated grid), the structures and schemes cited most, the players' feelings without names. */
class CardsSynthesis extends LightElement {
  static properties = { results: { attribute: false } };

  constructor() {
    super();
    this.results = null;
    ensureStyles();
  }

  render() {
    const r = this.results ?? {};
    const rounds = r.rounds ?? [];
    if (!rounds.length) return html`<p class="muted" data-testid="synth-no-rounds">${t('cards.synthesis.none')}</p>`;
    return html`<div class="stack" data-testid="cards-synthesis">
      <p>${r.deckTitle} · <strong data-testid="synth-rounds-played">${tn('cards.roundsPlayed', r.roundsPlayed ?? rounds.length)}</strong></p>
      <div class="cards-two">
        <section data-testid="synth-top-structures">
          <h3 class="panel__subtitle">${t('cards.synthesis.topStructures')}</h3>
          ${r.topStructures?.length ? html`<bar-chart .items=${tallyItems(r.topStructures.slice(0, 10))} testid="synth-structures-bar"></bar-chart>` : html`<p class="muted">—</p>`}
        </section>
        <section data-testid="synth-top-schemes">
          <h3 class="panel__subtitle">${t('cards.synthesis.topSchemes')}</h3>
          ${r.topSchemes?.length ? html`<bar-chart .items=${tallyItems(r.topSchemes.slice(0, 10))} testid="synth-schemes-bar"></bar-chart>` : html`<p class="muted">—</p>`}
        </section>
      </div>
      ${r.feelings?.length ? html`<section data-testid="synth-feelings">
        <h3 class="panel__subtitle">${t('cards.synthesis.feelings')}</h3>
        <ul class="synth-feelings">
          ${r.feelings.map((f) => html`<li><strong>${t(`cards.role.${f.role}`)}</strong> : ${f.text}</li>`)}
        </ul>
      </section>` : nothing}
      <ol class="synth-questions">
        ${rounds.map((x, i) => html`<li class="synth-question" data-testid="synth-round-${i}">
          <h3>${t('cards.roundN', { n: x.number })} — ${t('cards.caseCard', { n: x.caseNumber ?? '?' })} ${x.caseTitle ?? ''}</h3>
          <p class="muted">${t('cards.structureCard')} : ${x.structureName ?? '—'} ·
            ${t('cards.players', { counsellor: x.counsellor ?? '?', beneficiary: x.beneficiary ?? '?' })}</p>
          ${aggregateView({ grids: x.grids, fields: x.grid ?? [] }, { testid: `synth-round-${i}-grid` })}
        </li>`)}
      </ol>
    </div>`;
  }
}

customElements.define('cards-phone', CardsPhone);
customElements.define('cards-screen', CardsScreen);
customElements.define('cards-console', CardsConsole);
customElements.define('cards-synthesis', CardsSynthesis);
