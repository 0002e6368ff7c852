// Print and play (issue 16, item 6): /bibliotheque/:id/imprimer (a library item) and
// /seances/:id/imprimer (a prepared session's own copy, with a QR code to its join address).
// A card deck prints as cards, a facilitation sheet and observation grids; a quiz as answer sheets.
// The tools above the pages are not printed (print.css).
import { html, nothing } from 'lit';
import { LightElement } from '../components/light-element.js';
import { call } from '../workspace/api.js';
import { prt } from './messages.js';
import { caseCards, briefingCards, structureCards, facilitatorSheet, gridSheets } from '../formats/cards/print-deck.js';
import { answerSheets } from './quiz-sheet.js';

/** The setup command of a prepared session that carries each kind's content (LIBRARY-CONTRACT.md). */
const SETUP = { 'cards.useDeck': ['cards', 'deck'], 'quiz.useBank': ['quiz', 'bank'] };

/** A library item, or (before the library's back end, or for the built-in shelf) a built-in catalogue entry. */
async function libraryItem(id) {
  try {
    const item = await call(`/api/library/${encodeURIComponent(id)}`);
    return { kind: item.kind, title: item.title, content: item.content };
  } catch (e) {
    const m = /^regional-(cards|quiz)-(.+)$/.exec(id);
    if (!m || (e.status !== 404 && e.status !== 401)) throw e;
    const content = await call(`/api/formats/${m[1]}/library/${encodeURIComponent(m[2])}`);
    return { kind: m[1], title: content.title, content };
  }
}

async function preparedSession(id) {
  const plan = await call(`/api/workspace/planned/${encodeURIComponent(id)}`);
  for (const c of plan.settings?.commands ?? []) {
    const setup = SETUP[c.type];
    if (setup && c[setup[1]]) {
      return { kind: setup[0], title: plan.title, content: c[setup[1]], session: { code: plan.code, title: plan.title }, back: '/seances' };
    }
  }
  return { kind: null, title: plan.title, session: { code: plan.code, title: plan.title }, back: '/seances' };
}

class PrintApp extends LightElement {
  static properties = {
    _item: { state: true }, _error: { state: true },
    _show: { state: true, initial: { cases: true, briefings: true, structures: true, facilitator: true, grids: true } },
    _copies: { state: true, initial: 1 },
  };

  constructor() {
    super();
    this._item = null;
    this._error = '';
    const [, where, id] = location.pathname.split('/');
    const load = where === 'seances' ? preparedSession(decodeURIComponent(id ?? ''))
      : libraryItem(decodeURIComponent(id ?? '')).then((i) => ({ ...i, back: `/bibliotheque/${encodeURIComponent(decodeURIComponent(id ?? ''))}` }));
    load.then((item) => {
      this._item = item;
      document.title = `${prt('pr.title')} — ${item.title}`;
    }, (e) => (this._error = e.message || prt('pr.error')));
  }

  render() {
    const item = this._item;
    return html`
      <a class="skip-link no-print" href="#main">${prt('pr.skip')}</a>
      <header class="topbar no-print"><a class="brand" href="/">${prt('pr.brand')}</a><span>${prt('pr.title')}</span></header>
      <main id="main" class="print">
        ${this._error ? html`<p class="notice notice--error" role="alert">${this._error}</p>` : nothing}
        ${!item && !this._error ? html`<p class="muted" role="status">${prt('pr.loading')}</p>` : nothing}
        ${item ? this._body(item) : nothing}
      </main>`;
  }

  _body(item) {
    const pages = this._pages(item);
    return html`
      <div class="print__tools no-print">
        <h1>${prt('pr.title')} — ${item.title}</h1>
        ${item.session ? html`<p>${prt('pr.forSession', item.session)}</p>` : nothing}
        ${pages === null ? html`<p class="notice" role="status">${item.kind ? prt('pr.unsupported') : prt('pr.noContent')}</p>` : this._options(item)}
        <p class="print__actions">
          ${pages === null ? nothing : html`<button type="button" class="btn btn--primary" data-testid="print-go" @click=${() => window.print()}>${prt('pr.print')}</button>`}
          <a class="btn btn--secondary" href=${item.back}>${prt('pr.back')}</a></p>
        <p class="muted">${prt('pr.hint')}</p>
      </div>
      ${pages ?? nothing}`;
  }

  _options(item) {
    const copies = html`<label class="print__copies">${prt(item.kind === 'quiz' ? 'pr.opt.sheets' : 'pr.opt.gridCopies')}
      <input type="number" min="${item.kind === 'quiz' ? 1 : 0}" max="60" .value=${String(this._copies)} data-testid="print-copies"
        @change=${(e) => (this._copies = Math.max(0, Math.min(60, Number(e.target.value) || 0)))}></label>`;
    if (item.kind === 'quiz') return copies;
    return html`<fieldset class="print__options"><legend>${prt('pr.options')}</legend>
      ${['cases', 'briefings', 'structures', 'facilitator', 'grids'].map((k) => html`<label>
        <input type="checkbox" .checked=${this._show[k]} data-testid="print-opt-${k}"
          @change=${(e) => (this._show = { ...this._show, [k]: e.target.checked })}> ${prt(`pr.opt.${k}`)}</label>`)}
      ${this._show.grids ? copies : nothing}</fieldset>`;
  }

  /** The printed pages, or null when this content does not print. */
  _pages(item) {
    const c = item.content;
    if (item.kind === 'quiz' && c) return answerSheets(c, this._copies, item.session);
    if (item.kind !== 'cards' || !c) return null;
    const s = this._show;
    return html`
      ${s.cases ? caseCards(c, item.session) : nothing}
      ${s.briefings ? briefingCards(c) : nothing}
      ${s.structures ? structureCards(c) : nothing}
      ${s.facilitator ? facilitatorSheet(c) : nothing}
      ${s.grids ? gridSheets(c, this._copies, item.session) : nothing}`;
  }
}
customElements.define('print-app', PrintApp);
