// /bibliotheque: the content library (issue 16). One kind at a time (quiz banks, card decks,
// challenge kits, Dessine-moi vocabularies, poll question lists): the regional shelf, then each of
// the person's territories; open, create, copy a regional item into a territory, import, export,
// delete (after a confirmation).
import { html, nothing } from 'lit';
import { LightElement, state } from '../../components/light-element.js';
import { call, currentAccount, toSignIn } from '../planning/http.js';
import { library } from './http.js';
import { KINDS, edited, lt } from './messages.js';
import './library-forms.js';

class LibraryApp extends LightElement {
  static properties = state({
    _account: undefined, _mode: 'loading', _kind: 'quiz', _items: [], _territories: [], _notice: '', _error: '',
    _panel: '', _confirm: null, _copying: null,
  });

  constructor() {
    super();
    const kind = new URLSearchParams(location.search).get('type');
    if (KINDS.includes(kind)) this._kind = kind;
    this._start();
  }

  async _start() {
    this._account = await currentAccount();
    if (!this._account) {
      this._mode = 'signedOut';
      return;
    }
    call('/api/workspace/planning/choices').then((c) => (this._territories = c.territories), () => {});
    await this._load();
  }

  async _load() {
    try {
      this._items = (await library.list(this._kind)).items;
      this._error = '';
    } catch (e) {
      this._error = e.message || lt('lib.error');
    }
    this._mode = 'ready';
  }

  _setKind(kind) {
    this._kind = kind;
    this._panel = '';
    this._confirm = null;
    this._copying = null;
    this._notice = '';
    history.replaceState(null, '', `?type=${kind}`);
    this._load();
  }

  async _copy(item, territoryId) {
    try {
      const copy = await library.copy(item.id, territoryId);
      this._copying = null;
      this._notice = lt('lib.copied', { title: item.title, territory: copy.territoryName ?? this._territoryName(territoryId) });
      await this._load();
      this._focus(`[data-testid="lib-open-${copy.id}"]`);
    } catch (e) {
      this._error = e.message || lt('lib.error');
    }
  }

  async _delete(item) {
    try {
      await library.remove(item.id);
      this._confirm = null;
      this._notice = lt('lib.deleted', { title: item.title });
      await this._load();
      this._focus('[data-testid="lib-notice"]');
    } catch (e) {
      this._error = e.message || lt('lib.error');
    }
  }

  _territoryName(id) {
    return this._territories.find((t) => t.id === id)?.name ?? '';
  }

  _focus(selector) {
    this.updateComplete.then(() => this.querySelector(selector)?.focus());
  }

  render() {
    return html`
      <a class="skip-link" href="#main">${lt('lib.skip')}</a>
      <header class="topbar no-print"><a class="brand" href="/">${lt('lib.brand')}</a><span>${lt('lib.title')}</span>
        <span class="topbar__spacer"></span><a class="topbar__link" href="/seances">${lt('lib.mySessions')}</a></header>
      <main id="main" class="synthesis library">${this._body()}</main>`;
  }

  _body() {
    if (this._mode === 'loading') return html`<p class="muted" role="status">${lt('lib.loading')}</p>`;
    if (this._mode === 'signedOut') {
      return html`<section class="panel"><h1 class="panel__title">${lt('lib.title')}</h1>
        <p data-testid="lib-signed-out">${lt('lib.signedOut')}</p>
        <button type="button" class="btn btn--primary" @click=${toSignIn}>${lt('lib.signIn')}</button></section>`;
    }
    const writable = this._territories.length > 0;
    return html`
      <h1>${lt('lib.title')}</h1>
      <div class="library__kinds" role="group" aria-label=${lt('lib.kinds')}>
        ${KINDS.map((k) => html`<button type="button" class="btn ${k === this._kind ? 'btn--primary' : 'btn--secondary'}"
          aria-pressed=${k === this._kind} data-testid="lib-kind-${k}" @click=${() => this._setKind(k)}>${lt(`lib.kind.${k}`)}</button>`)}
      </div>
      ${this._notice ? html`<p class="notice" role="status" tabindex="-1" data-testid="lib-notice">${this._notice}</p>` : nothing}
      ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="lib-error">${this._error}</p>` : nothing}
      ${writable ? html`<p class="library__tools">
          <button type="button" class="btn btn--primary" aria-expanded=${this._panel === 'create'} data-testid="lib-create"
            @click=${() => (this._panel = this._panel === 'create' ? '' : 'create')}>${lt('lib.create')}</button>
          <button type="button" class="btn btn--secondary" aria-expanded=${this._panel === 'import'} data-testid="lib-import"
            @click=${() => (this._panel = this._panel === 'import' ? '' : 'import')}>${lt('lib.import')}</button></p>`
        : html`<p class="muted">${lt('lib.noTerritory')}</p>`}
      ${this._panel === 'create' ? html`<library-create .kind=${this._kind} .territories=${this._territories}
          @cancel=${() => (this._panel = '')}></library-create>` : nothing}
      ${this._panel === 'import' ? html`<library-import .kind=${this._kind} .territories=${this._territories}
          @cancel=${() => (this._panel = '')} @imported=${(e) => this._imported(e.detail)}></library-import>` : nothing}
      ${this._shelves()}`;
  }

  _imported(item) {
    this._panel = '';
    this._notice = lt('lib.imported', { title: item.title });
    this._load().then(() => this._focus(`[data-testid="lib-open-${item.id}"]`));
  }

  _shelves() {
    const regional = this._items.filter((i) => !i.territoryId);
    const territories = new Map(this._territories.map((t) => [t.id, t.name]));
    for (const i of this._items) if (i.territoryId && !territories.has(i.territoryId)) territories.set(i.territoryId, i.territoryName ?? i.territoryId);
    return html`
      ${this._shelf('regional', lt('lib.regional'), regional, lt('lib.regionalHint'))}
      ${[...territories].map(([id, name]) => this._shelf(id, lt('lib.territory', { name }), this._items.filter((i) => i.territoryId === id)))}`;
  }

  _shelf(id, title, items, hint) {
    const headingId = `lib-shelf-${id}`;
    return html`<section class="panel library__shelf" aria-labelledby=${headingId} data-testid="lib-shelf-${id}">
      <h2 id=${headingId} class="panel__title">${title}</h2>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      ${items.length === 0 ? html`<p class="muted">${lt('lib.empty')}</p>` : html`<div class="table-wrap"><table class="table">
        <caption class="visually-hidden">${title}</caption>
        <thead><tr><th scope="col">${lt('lib.col.title')}</th><th scope="col">${lt('lib.col.size')}</th>
          <th scope="col">${lt('lib.col.version')}</th><th scope="col">${lt('lib.col.edited')}</th><th scope="col">${lt('lib.col.actions')}</th></tr></thead>
        <tbody>${items.map((i) => this._row(i))}</tbody></table></div>`}
    </section>`;
  }

  _row(i) {
    const label = html`<span class="visually-hidden"> : ${i.title}</span>`;
    const canCopy = !i.territoryId && this._territories.length > 0;
    return html`<tr data-testid="lib-row-${i.id}">
      <td><a href="/bibliotheque/${encodeURIComponent(i.id)}">${i.title}</a>
        ${i.description ? html`<br><span class="muted">${i.description}</span>` : nothing}
        ${i.sourceId ? html`<br><span class="tag">${lt('lib.copiedFrom')}</span>` : nothing}</td>
      <td>${lt(`lib.size.${i.kind ?? this._kind}`, { n: i.size })}</td>
      <td>${lt('lib.version', { n: i.version })}</td>
      <td>${edited(i)}</td>
      <td><div class="library__actions">
        <a class="btn btn--primary btn--small" href="/bibliotheque/${encodeURIComponent(i.id)}" data-testid="lib-open-${i.id}">
          ${i.editable ? lt('lib.open') : lt('lib.view')}${label}</a>
        ${canCopy ? this._copyAction(i, label) : nothing}
        <a class="btn btn--secondary btn--small" href=${library.exportUrl(i.id, 'yaml')} download data-testid="lib-export-yaml-${i.id}">
          ${lt('lib.export')} ${lt('lib.exportYaml')}${label}</a>
        ${['quiz', 'poll'].includes(i.kind ?? this._kind) ? html`<a class="btn btn--secondary btn--small" href=${library.exportUrl(i.id, 'csv')} download
          data-testid="lib-export-csv-${i.id}">${lt('lib.export')} ${lt('lib.exportCsv')}${label}</a>` : nothing}
        ${i.editable ? this._deleteAction(i, label) : nothing}
      </div></td></tr>`;
  }

  _copyAction(i, label) {
    if (this._territories.length === 1) {
      return html`<button type="button" class="btn btn--secondary btn--small" data-testid="lib-copy-${i.id}"
        @click=${() => this._copy(i, this._territories[0].id)}>${lt('lib.copy')}${label}</button>`;
    }
    if (this._copying !== i.id) {
      return html`<button type="button" class="btn btn--secondary btn--small" aria-expanded="false" data-testid="lib-copy-${i.id}"
        @click=${() => { this._copying = i.id; this._focus(`#lib-copy-to-${CSS.escape(i.id)}`); }}>${lt('lib.copy')}${label}</button>`;
    }
    return html`<form class="library__inline" @submit=${(e) => { e.preventDefault(); this._copy(i, e.target.elements.territory.value); }}>
      <label for="lib-copy-to-${i.id}">${lt('lib.copyTo')}</label>
      <select id="lib-copy-to-${i.id}" name="territory" data-testid="lib-copy-to-${i.id}">
        ${this._territories.map((t) => html`<option value=${t.id}>${t.name}</option>`)}</select>
      <button type="submit" class="btn btn--primary btn--small" data-testid="lib-copy-go-${i.id}">${lt('lib.copy')}</button>
      <button type="button" class="btn btn--secondary btn--small" @click=${() => (this._copying = null)}>${lt('lib.cancel')}</button>
    </form>`;
  }

  _deleteAction(i, label) {
    if (this._confirm !== i.id) {
      return html`<button type="button" class="btn btn--danger btn--small" data-testid="lib-delete-${i.id}"
        @click=${() => { this._confirm = i.id; this._focus(`[data-testid="lib-delete-confirm-${CSS.escape(i.id)}"]`); }}>${lt('lib.delete')}${label}</button>`;
    }
    return html`<div class="library__confirm" role="group" aria-label=${lt('lib.confirmDelete', { title: i.title })}>
      <span>${lt('lib.confirmDelete', { title: i.title })}</span>
      <button type="button" class="btn btn--danger btn--small" data-testid="lib-delete-confirm-${i.id}" @click=${() => this._delete(i)}>${lt('lib.confirm')}</button>
      <button type="button" class="btn btn--secondary btn--small" @click=${() => { this._confirm = null; this._focus(`[data-testid="lib-delete-${CSS.escape(i.id)}"]`); }}>
        ${lt('lib.cancel')}</button></div>`;
  }
}
customElements.define('library-app', LibraryApp);
