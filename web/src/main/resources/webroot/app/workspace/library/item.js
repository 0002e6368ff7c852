// /bibliotheque/:id: one library item in its kind's editor (issue 16). The page shows the title and
// the description itself and loads <kind>-editor for the content (LIBRARY-CONTRACT.md); it saves
// about a second after the last change, says so in a live region, shows a 422's problems beside the
// fields, and on a 409 shows both versions and lets the person keep theirs or take the other one:
// nothing is ever overwritten silently.
import { html, nothing } from 'lit';
import { LightElement, state } from '../../components/light-element.js';
import { currentAccount, toSignIn } from '../planning/http.js';
import { library } from './http.js';
import { editorModule } from './library-forms.js';
import { edited, lt, when } from './messages.js';

const DEBOUNCE_MS = 1000;
const pageFields = (p) => p.path === 'title' || p.path === 'description' || p.path === '/title' || p.path === '/description';

class LibraryItemApp extends LightElement {
  static properties = state({
    _mode: 'loading', _item: null, _draft: null, _status: 'saved', _reason: '', _problems: [], _conflict: null, _error: '', _territories: [],
  });

  constructor() {
    super();
    this._id = decodeURIComponent(location.pathname.split('/')[2] ?? '');
    this._timer = null;
    this._saving = null;
    this._changes = 0;
    this._editor = null;
    addEventListener('beforeunload', (e) => {
      if (this._status !== 'saved') e.preventDefault();
    });
    this._start();
  }

  async _start() {
    if (!(await currentAccount())) {
      this._mode = 'signedOut';
      return;
    }
    try {
      this._use(await library.get(this._id));
    } catch (e) {
      this._mode = e.status === 404 ? 'missing' : 'failed';
      this._error = e.message || lt('lib.error');
      return;
    }
    const module = await editorModule(this._item.kind);
    const tag = `${this._item.kind}-editor`;
    if (module && customElements.get(tag)) {
      this._editor = document.createElement(tag);
      this._editor.dataset.testid = 'ed-editor';
      this._editor.addEventListener('content-change', (e) => this._change({ content: e.detail.content }));
    }
    this._mode = 'ready';
  }

  /** Takes the server's item as the base and the draft. */
  _use(item) {
    this._item = item;
    this._draft = { title: item.title ?? '', description: item.description ?? '', content: item.content };
    this._status = 'saved';
    this._problems = [];
    this._conflict = null;
  }

  get _readonly() {
    return !this._item?.editable;
  }

  _change(part) {
    if (this._readonly) return;
    const draft = { ...this._draft, ...part };
    // The page's title is the content's title too, where the content has one (a bank, a deck).
    if ('title' in part && draft.content && typeof draft.content === 'object' && 'title' in draft.content) {
      draft.content = { ...draft.content, title: part.title };
    }
    this._draft = draft;
    this._changes += 1;
    if (this._status === 'conflict') return;
    this._status = 'pending';
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._save(), DEBOUNCE_MS);
  }

  async _save() {
    clearTimeout(this._timer);
    if (this._saving) {
      await this._saving;
      if (this._status === 'pending' || this._status === 'saving') this._save();
      return;
    }
    const sent = this._changes;
    const d = this._draft;
    this._status = 'saving';
    this._saving = library.save(this._id, { version: this._item.version, title: d.title, description: d.description || null, content: d.content })
      .then((item) => {
        this._item = item;
        this._problems = [];
        if (this._changes === sent) this._status = 'saved';
        else this._timer = setTimeout(() => this._save(), DEBOUNCE_MS);
      }, (e) => {
        if (e.status === 409 && e.current) {
          this._status = 'conflict';
          this._conflict = e.current;
          this.updateComplete.then(() => this.querySelector('#ed-conflict-title')?.focus());
        } else if (e.status === 422) {
          this._status = 'invalid';
          this._problems = e.problems ?? [];
          this._reason = this._problems.length ? lt('ed.invalid', { n: this._problems.length }) : e.message;
        } else {
          this._status = 'failed';
          this._reason = e.status === 0 ? lt('ed.offline') : e.message || lt('lib.error');
        }
      })
      .finally(() => (this._saving = null));
    return this._saving;
  }

  /** Keep mine: my draft is saved on top of the version someone else saved. */
  _keepMine() {
    this._item = { ...this._item, version: this._conflict.version };
    this._conflict = null;
    this._save().then(() => this.querySelector('[data-testid="ed-state"]')?.focus());
  }

  /** Take theirs: my changes are dropped, the editor shows their version. */
  _takeTheirs() {
    this._use(this._conflict);
    this.updateComplete.then(() => this.querySelector('#ed-title')?.focus());
  }

  render() {
    return html`
      <a class="skip-link" href="#main">${lt('lib.skip')}</a>
      <header class="topbar no-print"><a class="brand" href="/">${lt('lib.brand')}</a>
        <a class="topbar__link" href="/bibliotheque" data-testid="ed-back">${lt('ed.back')}</a></header>
      <main id="main" class="synthesis library library--editor">${this._body()}</main>`;
  }

  _body() {
    if (this._mode === 'loading') return html`<p class="muted" role="status">${lt('lib.loading')}</p>`;
    if (this._mode === 'signedOut') {
      return html`<section class="panel"><p>${lt('lib.signedOut')}</p>
        <button type="button" class="btn btn--primary" @click=${toSignIn}>${lt('lib.signIn')}</button></section>`;
    }
    if (this._mode !== 'ready') {
      return html`<h1>${lt('lib.title')}</h1><p class="notice notice--error" role="alert" data-testid="ed-missing">
        ${this._mode === 'missing' ? lt('ed.notFound') : this._error}</p>`;
    }
    const item = this._item;
    const d = this._draft;
    const titleProblems = this._problems.filter((p) => /(^|\/)title$/.test(p.path ?? ''));
    const descriptionProblems = this._problems.filter((p) => /(^|\/)description$/.test(p.path ?? '') && !/questions/.test(p.path));
    if (this._editor) {
      this._editor.content = d.content;
      this._editor.readonly = this._readonly || this._status === 'conflict';
      this._editor.problems = this._problems.filter((p) => !pageFields(p));
    }
    return html`
      <div class="library__head">
        <h1>${lt('ed.heading', { kind: lt(`lib.one.${item.kind}`) })}</h1>
        ${this._readonly ? nothing : this._state()}
      </div>
      <p class="muted" data-testid="ed-meta">${item.territoryName ?? lt('lib.regional')} · ${lt('lib.version', { n: item.version })} · ${edited(item)}</p>
      ${this._readonly ? html`<p class="notice" data-testid="ed-readonly">${lt('ed.readonly')}</p>` : nothing}
      ${['cards', 'quiz'].includes(item.kind) ? html`<p><a class="btn btn--secondary btn--small" data-testid="ed-print" href="/bibliotheque/${encodeURIComponent(item.id)}/imprimer">${lt('ed.print')}</a></p>` : nothing}
      ${this._conflict ? this._conflictPanel() : nothing}
      ${this._status === 'invalid' && this._problems.length ? html`<section class="notice notice--error" aria-labelledby="ed-problems-title" data-testid="ed-problems">
        <h2 id="ed-problems-title" class="panel__subtitle">${lt('ed.problems')}</h2>
        <ul>${this._problems.map((p) => html`<li>${p.message}</li>`)}</ul></section>` : nothing}
      <section class="panel library__fields">
        <div class="field"><label for="ed-title">${lt('lib.field.title')}</label>
          <input id="ed-title" type="text" maxlength="120" required data-testid="ed-title" .value=${d.title} ?readonly=${this._readonly}
            aria-invalid=${titleProblems.length ? 'true' : 'false'} aria-describedby=${titleProblems.length ? 'ed-title-problem' : nothing}
            @input=${(e) => this._change({ title: e.target.value })}>
          ${titleProblems.length ? html`<p id="ed-title-problem" class="field__error">${titleProblems.map((p) => p.message).join(' ')}</p>` : nothing}</div>
        <div class="field"><label for="ed-description">${lt('lib.field.description')}</label>
          <textarea id="ed-description" rows="2" maxlength="1000" data-testid="ed-description" .value=${d.description} ?readonly=${this._readonly}
            aria-invalid=${descriptionProblems.length ? 'true' : 'false'} aria-describedby=${descriptionProblems.length ? 'ed-description-problem' : nothing}
            @input=${(e) => this._change({ description: e.target.value })}></textarea>
          ${descriptionProblems.length ? html`<p id="ed-description-problem" class="field__error">${descriptionProblems.map((p) => p.message).join(' ')}</p>` : nothing}</div>
      </section>
      ${this._editor ?? html`<p class="muted" data-testid="ed-no-editor">${lt('ed.noEditor')}</p>`}`;
  }

  _state() {
    const s = this._status;
    const text = s === 'saved' ? lt('ed.savedAt', { n: this._item.version }) : s === 'saving' ? lt('ed.saving') : s === 'pending' ? lt('ed.pending')
      : s === 'conflict' ? lt('ed.conflict') : lt('ed.unsaved', { reason: this._reason });
    return html`<p class="library__state library__state--${s}" role="status" aria-live="polite" tabindex="-1" data-testid="ed-state" data-state=${s}>${text}</p>`;
  }

  _conflictPanel() {
    const c = this._conflict;
    const summary = (title, who, version, size, description) => html`<div class="library__version">
      <h3 class="panel__subtitle">${who}</h3>
      <p><strong>${title}</strong> · ${lt(`lib.size.${this._item.kind}`, { n: size })}${version ? html` · ${lt('lib.version', { n: version })}` : nothing}</p>
      ${description ? html`<p class="muted">${description}</p>` : nothing}</div>`;
    const mine = this._draft;
    return html`<section class="panel library__conflict" role="alert" aria-labelledby="ed-conflict-title" data-testid="ed-conflict">
      <h2 id="ed-conflict-title" class="panel__title" tabindex="-1">${lt('ed.conflictTitle')}</h2>
      <p data-testid="ed-conflict-text">${lt('ed.conflictText', { name: c.editedBy ?? lt('ed.conflictSomeone'), n: c.version, date: when(c.editedAt) })}</p>
      <div class="library__versions">
        ${summary(mine.title, lt('ed.mine'), null, sizeOf(mine.content, this._item.size), mine.description)}
        ${summary(c.title, lt('ed.theirs'), c.version, c.size, c.description)}
      </div>
      <div class="library__tools">
        <button type="button" class="btn btn--primary" data-testid="ed-keep-mine" @click=${this._keepMine}>${lt('ed.keepMine', { n: c.version })}</button>
        <button type="button" class="btn btn--secondary" data-testid="ed-take-theirs" @click=${this._takeTheirs}>${lt('ed.takeTheirs')}</button>
      </div></section>`;
  }
}

/** The size of a content as the library counts it, roughly (the first list it holds), for the conflict summary. */
function sizeOf(content, fallback) {
  if (!content || typeof content !== 'object') return fallback;
  const list = Object.values(content).find((v) => Array.isArray(v));
  return list ? list.length : fallback;
}

customElements.define('library-item-app', LibraryItemApp);
