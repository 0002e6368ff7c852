// The library page's two forms: create an item (from the kind's editor's starter content) and import
// a YAML or CSV text, whose line-numbered French report is shown right under the pasted text.
import { html, nothing } from 'lit';
import { LightElement, inputs, state } from '../../components/light-element.js';
import { library } from './http.js';
import { lt } from './messages.js';

/** The kind's editor module (its `starter` makes a new item's first content), or null. */
export async function editorModule(kind) {
  try {
    return await import(`/app/formats/${kind}/${kind}-editor.js`);
  } catch {
    return null;
  }
}

const territoryField = (id, territories) => html`<div class="field"><label for=${id}>${lt('lib.field.territory')}</label>
  <select id=${id} name="territory" data-testid=${id}>${territories.map((t) => html`<option value=${t.id}>${t.name}</option>`)}</select></div>`;

class LibraryCreate extends LightElement {
  static properties = { ...inputs({ kind: 'quiz', territories: [] }), ...state({ _error: '', _problems: [], _busy: false, _starter: undefined }) };

  willUpdate(changed) {
    if (changed.has('kind')) {
      this._starter = undefined;
      editorModule(this.kind).then((m) => (this._starter = m?.starter ?? null));
    }
  }

  firstUpdated() {
    this.querySelector('#lib-new-title')?.focus();
  }

  async _submit(event) {
    event.preventDefault();
    const f = event.target.elements;
    this._busy = true;
    this._error = '';
    try {
      const title = f.title.value.trim();
      const item = await library.create({ kind: this.kind, territoryId: f.territory.value, title,
        description: f.description.value.trim() || null, content: this._starter({ title }) });
      location.assign(`/bibliotheque/${encodeURIComponent(item.id)}`);
    } catch (e) {
      this._error = e.message || lt('lib.error');
      this._problems = e.problems ?? [];
    } finally {
      this._busy = false;
    }
  }

  render() {
    const kind = lt(`lib.one.${this.kind}`);
    return html`<form class="panel library__form" aria-labelledby="lib-new-heading" data-testid="lib-create-form" @submit=${this._submit}>
      <h2 id="lib-new-heading" class="panel__title">${lt('lib.createTitle', { kind })}</h2>
      ${this._starter === null ? html`<p class="muted" data-testid="lib-no-create">${lt('lib.noCreate')}</p>` : html`
        ${territoryField('lib-new-territory', this.territories)}
        <div class="field"><label for="lib-new-title">${lt('lib.field.title')}</label>
          <input id="lib-new-title" name="title" type="text" required maxlength="120" data-testid="lib-new-title"></div>
        <div class="field"><label for="lib-new-description">${lt('lib.field.description')}</label>
          <textarea id="lib-new-description" name="description" rows="2" maxlength="1000"></textarea></div>
        ${this._error ? html`<div class="notice notice--error" role="alert" data-testid="lib-create-error">${this._error}
          ${this._problems.length ? html`<ul>${this._problems.map((p) => html`<li>${p.message}</li>`)}</ul>` : nothing}</div>` : nothing}
        <button type="submit" class="btn btn--primary" ?disabled=${this._busy || !this._starter} data-testid="lib-create-submit">${lt('lib.createSubmit')}</button>`}
      <button type="button" class="btn btn--secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>${lt('lib.cancel')}</button>
    </form>`;
  }
}
customElements.define('library-create', LibraryCreate);

class LibraryImport extends LightElement {
  static properties = { ...inputs({ kind: 'quiz', territories: [] }), ...state({ _error: '', _problems: [], _busy: false, _format: 'yaml' }) };

  firstUpdated() {
    this.querySelector('#lib-import-title')?.focus();
  }

  async _file(event) {
    const file = event.target.files?.[0];
    if (!file) return;
    this.querySelector('#lib-import-text').value = await file.text();
    if (/\.csv$/i.test(file.name)) this._format = 'csv';
    const title = this.querySelector('#lib-import-title');
    if (!title.value) title.value = file.name.replace(/\.(ya?ml|csv)$/i, '');
  }

  async _submit(event) {
    event.preventDefault();
    const f = event.target.elements;
    this._busy = true;
    this._error = '';
    this._problems = [];
    try {
      const item = await library.import({ kind: this.kind, territoryId: f.territory.value, title: f.title.value.trim(),
        format: this._format, text: f.text.value });
      this.dispatchEvent(new CustomEvent('imported', { detail: item }));
    } catch (e) {
      this._problems = e.problems ?? [];
      this._error = this._problems.length ? lt('lib.importProblems', { n: this._problems.length }) : e.message || lt('lib.error');
      this.updateComplete.then(() => this.querySelector('#lib-import-report')?.focus());
    } finally {
      this._busy = false;
    }
  }

  render() {
    const invalid = Boolean(this._error);
    return html`<form class="panel library__form" aria-labelledby="lib-import-heading" data-testid="lib-import-form" @submit=${this._submit}>
      <h2 id="lib-import-heading" class="panel__title">${lt('lib.importTitle')}</h2>
      ${territoryField('lib-import-territory', this.territories)}
      <div class="field"><label for="lib-import-title">${lt('lib.field.title')}</label>
        <input id="lib-import-title" name="title" type="text" required maxlength="120" data-testid="lib-import-title"></div>
      <fieldset class="field"><legend>${lt('lib.importFormat')}</legend>
        ${['yaml', 'csv'].map((x) => html`<label class="check"><input type="radio" name="format" value=${x} data-testid="lib-import-${x}"
          .checked=${this._format === x} @change=${() => (this._format = x)}> ${x.toUpperCase()}</label>`)}
      </fieldset>
      <div class="field"><label for="lib-import-text">${lt('lib.importText')}</label>
        <p id="lib-import-hint" class="hint">${lt('lib.importHint')}</p>
        <textarea id="lib-import-text" name="text" rows="10" required class="library__code" data-testid="lib-import-text"
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="lib-import-hint${invalid ? ' lib-import-report' : ''}"></textarea>
        ${invalid ? html`<div id="lib-import-report" class="notice notice--error" role="alert" tabindex="-1" data-testid="lib-import-report">
          <p>${this._error}</p>
          ${this._problems.length ? html`<ul>${this._problems.map((p) => html`<li>${p.line ? lt('lib.line', { n: p.line, message: p.message }) : p.message}</li>`)}</ul>` : nothing}
        </div>` : nothing}</div>
      <div class="field"><label for="lib-import-file">${lt('lib.importFile')}</label>
        <input id="lib-import-file" type="file" accept=".yaml,.yml,.csv,text/csv,application/yaml" @change=${this._file}></div>
      <div class="library__tools">
        <button type="submit" class="btn btn--primary" ?disabled=${this._busy} data-testid="lib-import-submit">${lt('lib.importSubmit')}</button>
        <button type="button" class="btn btn--secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>${lt('lib.cancel')}</button>
      </div>
    </form>`;
  }
}
customElements.define('library-import', LibraryImport);
