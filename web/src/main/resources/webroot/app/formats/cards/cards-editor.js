// The card deck's editor (issue 16, item 2; LIBRARY-CONTRACT.md): case cards (text read aloud,
// private briefing, facilitation notes, suggested doors and schemes), structure cards (name,
// missions, publics), the observation grid's questions and the rules. Add, remove and reorder by
// keyboard (buttons, or Alt+↑ / Alt+↓ inside a card). Every edit dispatches `content-change` with a
// new deck object; `.problems` (paths such as cases/2/title, from the server's 422) show
// beside their field.
import { html, nothing } from 'lit';
import { LightElement, inputs, state } from '../../components/light-element.js';
import { et } from './editor-messages.js';
import { loadStyles } from '../../styles.js';

loadStyles(new URL('./editor.css', import.meta.url).pathname);

const KINDS = ['card', 'list', 'structures', 'text'];
const lines = (text) => String(text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/** A new deck for the library's « Créer » (LIBRARY-CONTRACT.md): one of each part, valid, to edit. */
export function starter({ title }) {
  const slug = String(title || 'jeu').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'jeu';
  return {
    id: slug, title: title || et('ced.starter.title'), description: null, feelings: null,
    rules: [et('ced.starter.rule')],
    structures: [{ id: 'cio', name: et('ced.starter.structure'), missions: et('ced.starter.missions'), publics: et('ced.starter.publics') }],
    cases: [{ number: 1, title: et('ced.starter.caseTitle'), situation: et('ced.starter.situation'), briefing: et('ced.starter.briefing'),
      notes: et('ced.starter.notes'), structures: ['cio'], schemes: [] }],
    grid: [{ id: 'card', label: et('ced.starter.card'), kind: 'card' }, { id: 'questions', label: et('ced.starter.questions'), kind: 'list' },
      { id: 'doors', label: et('ced.starter.doors'), kind: 'structures' }, { id: 'worked', label: et('ced.starter.worked'), kind: 'text' }],
  };
}

/** A fresh id that no other item of the list has: prefix-1, prefix-2… */
function freshId(items, prefix) {
  const ids = new Set(items.map((x) => x.id));
  let n = items.length + 1;
  while (ids.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

class CardsEditor extends LightElement {
  static properties = { ...inputs({ content: null, readonly: false, problems: null }), ...state({ _open: 0 }) };

  get _deck() {
    const d = this.content ?? {};
    return { ...d, rules: d.rules ?? [], structures: d.structures ?? [], cases: d.cases ?? [], grid: d.grid ?? [] };
  }

  _emit(deck, focus) {
    this.content = deck;
    this.dispatchEvent(new CustomEvent('content-change', { detail: { content: deck }, bubbles: true, composed: true }));
    if (focus) this.updateComplete.then(() => this.querySelector(focus)?.focus());
  }

  /** A new deck where list `key` has item `i` changed by `patch`. */
  _patch(key, i, patch) {
    const deck = this._deck;
    const list = deck[key].map((x, j) => (j === i ? { ...x, ...patch } : x));
    this._emit({ ...deck, [key]: list });
  }

  /** Moves item `i` by one place; the focus follows it (to `focus`, or its own move button). */
  _move(key, i, by, focus) {
    const deck = this._deck;
    const j = i + by;
    if (j < 0 || j >= deck[key].length) return;
    const list = [...deck[key]];
    [list[i], list[j]] = [list[j], list[i]];
    if (key === 'cases') this._open = this._open === i ? j : this._open === j ? i : this._open;
    const button = `[data-testid="ce-${key}-${j}-${by < 0 ? 'up' : 'down'}"]:not([disabled]), [data-testid="ce-${key}-${j}-${by < 0 ? 'down' : 'up'}"]`;
    this._emit({ ...deck, [key]: list }, focus ? focus(j) : button);
  }

  _remove(key, i) {
    const deck = this._deck;
    const gone = deck[key][i];
    const next = { ...deck, [key]: deck[key].filter((_, j) => j !== i) };
    if (key === 'cases') this._open = this._open === i ? -1 : this._open > i ? this._open - 1 : this._open;
    if (key === 'structures') {
      next.cases = next.cases.map((c) => ({ ...c, structures: (c.structures ?? []).filter((id) => id !== gone.id) }));
    }
    this._emit(next, `[data-testid="ce-${key}-add"]`);
  }

  _add(key) {
    const deck = this._deck;
    let item;
    if (key === 'cases') {
      const n = Math.max(0, ...deck.cases.map((c) => Number(c.number) || 0)) + 1;
      item = { number: n, title: '', situation: '', briefing: '', notes: '', structures: [], schemes: [] };
    } else if (key === 'structures') {
      item = { id: freshId(deck.structures, 'structure'), name: '', missions: '', publics: '' };
    } else {
      item = { id: freshId(deck.grid, 'champ'), label: '', kind: 'list' };
    }
    const list = [...deck[key], item];
    if (key === 'cases') this._open = list.length - 1;
    this._emit({ ...deck, [key]: list }, `#ce-${key}-${list.length - 1}-${key === 'grid' ? 'label' : key === 'cases' ? 'title' : 'name'}`);
  }

  /** Alt+↑ / Alt+↓ anywhere inside a card moves it. */
  _keys(event, key, i) {
    if (!event.altKey || this.readonly || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const id = event.target.id;
    const field = id && id.startsWith(`ce-${key}-${i}-`) ? id.slice(`ce-${key}-${i}-`.length) : '';
    this._move(key, i, event.key === 'ArrowUp' ? -1 : 1, field ? (j) => `#ce-${key}-${j}-${field}` : null);
  }

  /** The problems with their path as `cases/2/title` (the library says it so; a leading slash is dropped). */
  get _list() {
    return (this.problems ?? []).map((p) => ({ ...p, path: String(p.path ?? '').replace(/^\//, '') }));
  }

  _problems(prefix) {
    return this._list.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}/`));
  }

  /** The item's problems that no field of it shows already. */
  _problemsHere(prefix, testid) {
    const list = this._problems(prefix).filter((p) => !this._shown.has(p.path));
    if (!list.length) return nothing;
    return html`<ul class="notice notice--error editor__problems" data-testid=${testid}>${list.map((p) => html`<li>${p.message}</li>`)}</ul>`;
  }

  /** One labelled input or textarea; its problem (if any) is tied to it by aria-describedby. */
  _input(id, label, value, onInput, { area = false, rows = 3, type = 'text', hint = '', path = '' } = {}) {
    const problem = path ? this._list.find((p) => p.path === path) : null;
    if (path) this._shown.add(path);
    const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || nothing;
    const common = (e) => onInput(type === 'number' ? Number(e.target.value) : e.target.value);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${area
        ? html`<textarea id=${id} data-testid=${id} rows=${rows} .value=${value ?? ''} ?readonly=${this.readonly}
            aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described} @input=${common}></textarea>`
        : html`<input id=${id} data-testid=${id} type=${type} .value=${String(value ?? '')} ?readonly=${this.readonly}
            aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${described} @input=${common}>`}
      ${problem ? html`<p class="field__error" id="${id}-problem">${problem.message}</p>` : nothing}
    </div>`;
  }

  /** Up, down and remove buttons of item `i` of list `key`, named after the item for screen readers. */
  _tools(key, i, count, name) {
    if (this.readonly) return nothing;
    const label = html`<span class="visually-hidden"> ${name}</span>`;
    return html`<div class="editor__tools">
      <button type="button" class="btn btn--secondary btn--small" data-testid="ce-${key}-${i}-up" ?disabled=${i === 0}
        @click=${() => this._move(key, i, -1)}>${et('ced.up')}${label}</button>
      <button type="button" class="btn btn--secondary btn--small" data-testid="ce-${key}-${i}-down" ?disabled=${i === count - 1}
        @click=${() => this._move(key, i, 1)}>${et('ced.down')}${label}</button>
      <button type="button" class="btn btn--secondary btn--small" data-testid="ce-${key}-${i}-remove"
        @click=${() => this._remove(key, i)}>${et('ced.remove')}${label}</button>
    </div>`;
  }

  render() {
    this._shown = new Set();
    const d = this._deck;
    return html`<div class="cards-editor stack" data-testid="cards-editor">
      <p class="hint">${et('ced.keys')}</p>
      ${this._deckProblems()}
      <section aria-labelledby="ce-cases-title" class="stack">
        <h2 id="ce-cases-title">${et('ced.cases', { n: d.cases.length })}</h2>
        <ol class="editor__list">${d.cases.map((c, i) => this._case(c, i, d))}</ol>
        ${this.readonly ? nothing : html`<button type="button" class="btn btn--secondary" data-testid="ce-cases-add" @click=${() => this._add('cases')}>${et('ced.addCase')}</button>`}
      </section>
      <section aria-labelledby="ce-structures-title" class="stack">
        <h2 id="ce-structures-title">${et('ced.structures', { n: d.structures.length })}</h2>
        <ol class="editor__list">${d.structures.map((s, i) => this._structure(s, i, d))}</ol>
        ${this.readonly ? nothing : html`<button type="button" class="btn btn--secondary" data-testid="ce-structures-add" @click=${() => this._add('structures')}>${et('ced.addStructure')}</button>`}
      </section>
      <section aria-labelledby="ce-grid-title" class="stack">
        <h2 id="ce-grid-title">${et('ced.grid')}</h2>
        <p class="hint">${et('ced.gridHint')}</p>
        <ol class="editor__list">${d.grid.map((f, i) => this._field(f, i, d))}</ol>
        ${this.readonly ? nothing : html`<button type="button" class="btn btn--secondary" data-testid="ce-grid-add" @click=${() => this._add('grid')}>${et('ced.addField')}</button>`}
      </section>
      <section aria-labelledby="ce-rules-title" class="stack">
        <h2 id="ce-rules-title">${et('ced.rulesTitle')}</h2>
        ${this._input('ce-rules', et('ced.rules'), d.rules.join('\n'), (v) => this._emit({ ...d, rules: lines(v) }),
          { area: true, rows: 4, hint: et('ced.oneALine'), path: 'rules' })}
        ${this._input('ce-feelings', et('ced.feelings'), d.feelings, (v) => this._emit({ ...d, feelings: v }), { path: 'feelings' })}
      </section>
    </div>`;
  }

  /** Problems of the deck as a whole (not tied to one card or field). */
  _deckProblems() {
    const own = this._list.filter((p) => !/^(cases|structures|grid)\/\d+/.test(p.path ?? ''));
    if (!own.length) return nothing;
    return html`<ul class="notice notice--error" data-testid="ce-problems">${own.map((p) => html`<li>${p.message}</li>`)}</ul>`;
  }

  _case(c, i, d) {
    const at = `cases/${i}`;
    const id = (f) => `ce-cases-${i}-${f}`;
    const name = et('ced.caseN', { n: c.number ?? '?' });
    const doors = new Set(c.structures ?? []);
    const open = this._open === i;
    // One case card open at a time: 36 cards of 25 fields each would make a page too heavy to use.
    const toggle = html`<button type="button" class="btn btn--secondary btn--small" aria-expanded=${open ? 'true' : 'false'}
      aria-controls="ce-cases-${i}-fields" data-testid="ce-cases-${i}-open" @click=${() => { this._open = open ? -1 : i; }}>
      ${open ? et('ced.close') : et('ced.edit')}<span class="visually-hidden"> ${name}</span></button>`;
    if (!open) {
      return html`<li class="editor__item editor__item--closed" data-testid="ce-case-${i}" @keydown=${(e) => this._keys(e, 'cases', i)}>
        <div class="editor__summary"><strong>${name}${c.title ? ` — ${c.title}` : ''}</strong>${toggle}${this._tools('cases', i, d.cases.length, name)}</div>
        ${this._problemsHere(at, `ce-case-${i}-problems`)}</li>`;
    }
    return html`<li class="editor__item" data-testid="ce-case-${i}" @keydown=${(e) => this._keys(e, 'cases', i)}>
      <fieldset class="stack" id="ce-cases-${i}-fields"><legend>${name}${c.title ? ` — ${c.title}` : ''}</legend>
        <div class="editor__summary">${toggle}${this._tools('cases', i, d.cases.length, name)}</div>
        ${this._input(id('number'), et('ced.number'), c.number, (v) => this._patch('cases', i, { number: v }), { type: 'number', path: `${at}/number` })}
        ${this._input(id('title'), et('ced.title'), c.title, (v) => this._patch('cases', i, { title: v }), { path: `${at}/title` })}
        ${this._input(id('situation'), et('ced.situation'), c.situation, (v) => this._patch('cases', i, { situation: v }),
          { area: true, hint: et('ced.situationHint'), path: `${at}/situation` })}
        ${this._input(id('briefing'), et('ced.briefing'), c.briefing, (v) => this._patch('cases', i, { briefing: v }),
          { area: true, hint: et('ced.briefingHint'), path: `${at}/briefing` })}
        ${this._input(id('notes'), et('ced.notes'), c.notes, (v) => this._patch('cases', i, { notes: v }), { area: true, path: `${at}/notes` })}
        <fieldset class="field"><legend>${et('ced.doors')}</legend>
          ${d.structures.map((s) => html`<label class="checkbox"><input type="checkbox" data-testid="${id('door')}-${s.id}" .checked=${doors.has(s.id)}
            ?disabled=${this.readonly} @change=${(e) => this._patch('cases', i, {
              structures: d.structures.map((x) => x.id).filter((x) => (x === s.id ? e.target.checked : doors.has(x))) })}> ${s.name || s.id}</label>`)}
        </fieldset>
        ${this._input(id('schemes'), et('ced.schemes'), (c.schemes ?? []).join('\n'), (v) => this._patch('cases', i, { schemes: lines(v) }),
          { area: true, hint: et('ced.oneALine'), path: `${at}/schemes` })}
        ${this._problemsHere(at, `ce-case-${i}-problems`)}
      </fieldset></li>`;
  }

  _structure(s, i, d) {
    const at = `structures/${i}`;
    const id = (f) => `ce-structures-${i}-${f}`;
    const name = s.name || et('ced.structureN', { n: i + 1 });
    return html`<li class="editor__item" data-testid="ce-structure-${i}" @keydown=${(e) => this._keys(e, 'structures', i)}>
      <fieldset class="stack"><legend>${name}</legend>
        ${this._tools('structures', i, d.structures.length, name)}
        ${this._input(id('name'), et('ced.name'), s.name, (v) => this._patch('structures', i, { name: v }), { path: `${at}/name` })}
        ${this._input(id('missions'), et('ced.missions'), s.missions, (v) => this._patch('structures', i, { missions: v }), { area: true, path: `${at}/missions` })}
        ${this._input(id('publics'), et('ced.publics'), s.publics, (v) => this._patch('structures', i, { publics: v }), { area: true, rows: 2, path: `${at}/publics` })}
        ${this._problemsHere(at, `ce-structure-${i}-problems`)}
      </fieldset></li>`;
  }

  _field(f, i, d) {
    const at = `grid/${i}`;
    const id = (x) => `ce-grid-${i}-${x}`;
    const name = f.label || et('ced.fieldN', { n: i + 1 });
    return html`<li class="editor__item" data-testid="ce-field-${i}" @keydown=${(e) => this._keys(e, 'grid', i)}>
      <fieldset class="stack"><legend>${name}</legend>
        ${this._tools('grid', i, d.grid.length, name)}
        ${this._input(id('label'), et('ced.question'), f.label, (v) => this._patch('grid', i, { label: v }), { path: `${at}/label` })}
        <div class="field"><label for=${id('kind')}>${et('ced.kind')}</label>
          <select id=${id('kind')} data-testid=${id('kind')} ?disabled=${this.readonly} @change=${(e) => this._patch('grid', i, { kind: e.target.value })}>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${f.kind === k}>${et(`ced.kind.${k}`)}</option>`)}
          </select></div>
        ${this._input(id('hint'), et('ced.hint'), f.hint, (v) => this._patch('grid', i, { hint: v || undefined }), { path: `${at}/hint` })}
        ${this._problemsHere(at, `ce-field-${i}-problems`)}
      </fieldset></li>`;
  }
}
customElements.define('cards-editor', CardsEditor);
