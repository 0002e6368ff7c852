import { html, nothing } from 'lit';
import { FormatElement, state } from './format-element.js';
import { t, tn } from '../i18n/index.js';
import { libraryCatalogue, parseLibraryText } from '../library.js';

/**
 * The problems the server found in an imported file, by line. `keys` is the console's text prefix
 * (`${keys}.problems`, `${keys}.line`), `prefix` its class and test id prefix.
 */
export function importProblems(problems, { keys, prefix, focusable = false }) {
  if (!problems?.length) return nothing;
  return html`<div class="notice notice--error" role="alert" tabindex=${focusable ? '-1' : nothing} data-testid="${prefix}-import-problems">
    <p>${tn(`${keys}.problems`, problems.length)}</p>
    <ul class="${prefix}-problems">${problems.map((p) => html`<li>${p.line ? t(`${keys}.line`, { n: p.line }) : ''}${p.message}</li>`)}</ul>
  </div>`;
}

/**
 * Base of the consoles that pick their content from a format's library (cards decks, hackathon
 * kits): the built-in catalogue, loaded once; a YAML file imported through the server, its problems
 * by line; `_libraryState` for what is under way or failed. A console names its library in
 * `static library = { format, keys, prefix }` (format id, text prefix, class and test id prefix) and
 * takes an imported item in `_imported(content)`.
 */
export class LibraryConsole extends FormatElement {
  static properties = state({ _catalogue: null, _chosenId: '', _problems: [], _libraryState: 'idle' });

  connectedCallback() {
    super.connectedCallback();
    if (this._catalogue === null) this._loadCatalogue();
  }

  async _loadCatalogue() {
    try {
      this._catalogue = await libraryCatalogue(this.constructor.library.format);
      if (!this._chosenId && this._catalogue.length) this._chosenId = this._catalogue[0].id;
    } catch {
      this._catalogue = [];
      this._libraryState = 'loadError';
    }
  }

  async _import(event) {
    const { format, keys } = this.constructor.library;
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again imports it again
    if (!file) return;
    this._problems = [];
    this._libraryState = 'parsing';
    try {
      const body = await parseLibraryText(format, await file.text());
      if (body.ok) {
        this._libraryState = 'imported';
        this._imported(body.content);
      } else {
        this._problems = body.problems ?? [{ line: 0, message: body.error?.message ?? t(`${keys}.importFailed`) }];
        this._libraryState = 'problems';
      }
    } catch {
      this._libraryState = 'importError';
    }
  }

  /** The file field, then the problems of the last file read. */
  _renderImport() {
    const { keys, prefix } = this.constructor.library;
    return html`<div class="field">
        <label for="${prefix}-import">${t(`${keys}.import`)}</label>
        <p class="hint" id="${prefix}-import-hint">${t(`${keys}.importHint`)}</p>
        <input id="${prefix}-import" type="file" accept=".yaml,.yml,application/yaml,text/yaml,text/plain" aria-describedby="${prefix}-import-hint"
          data-testid="${prefix}-import" @change=${this._import} />
      </div>
      ${importProblems(this._problems, { keys, prefix })}`;
  }

  /** What went wrong loading, importing or exporting, if anything. */
  _renderLibraryError() {
    return ['loadError', 'importError', 'exportError'].includes(this._libraryState)
      ? html`<p class="notice notice--error" role="alert">${t(`${this.constructor.library.keys}.${this._libraryState}`)}</p>`
      : nothing;
  }
}
