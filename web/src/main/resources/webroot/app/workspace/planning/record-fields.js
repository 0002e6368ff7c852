// The preparation form's report fields (issue 18): publics from the fixed list and the partner
// structures of the territory, as checkboxes. A plan written before keeps its free text, shown.
import { html, nothing } from 'lit';
import { LightElement, inputs, state } from '../../components/light-element.js';
import { bt } from '../../components/bilan-messages.js';
import { lang } from '../../i18n/index.js';
import { call } from './http.js';

class RecordFields extends LightElement {
  static properties = {
    ...inputs({ territoryId: '', publics: [], structureIds: [], legacyPublics: null, legacyPartners: null }),
    ...state({ _publics: [], _structures: [], _loadedFor: null }),
  };

  constructor() {
    super();
    call('/api/workspace/publics').then((list) => (this._publics = list), () => {});
  }

  willUpdate(changed) {
    if (changed.has('territoryId') && this.territoryId && this.territoryId !== this._loadedFor) {
      this._loadedFor = this.territoryId;
      this._structures = [];
      call(`/api/workspace/territories/${encodeURIComponent(this.territoryId)}/structures`)
        .then((list) => (this._structures = list), () => {});
    }
  }

  _toggle(key, id, on) {
    const chosen = new Set(this[key]);
    if (on) chosen.add(id);
    else chosen.delete(id);
    this.dispatchEvent(new CustomEvent('record-change', { detail: { key, value: [...chosen] }, bubbles: true }));
  }

  render() {
    return html`<fieldset class="field" data-testid="pf-publics" aria-describedby="pf-publics-hint"><legend>${bt('bl.publics')}</legend>
        <p id="pf-publics-hint" class="hint">${bt('bl.publicsHint')}</p>
        ${this.legacyPublics ? html`<p class="muted">${bt('bl.legacy', { text: this.legacyPublics })}</p>` : nothing}
        ${this._publics.map((p) => html`<label class="check"><input type="checkbox" data-testid="pf-public-${p.code}"
          .checked=${this.publics.includes(p.code)} @change=${(e) => this._toggle('publics', p.code, e.target.checked)}>
          ${lang === 'en' ? p.en : p.fr}</label>`)}
      </fieldset>
      <fieldset class="field" data-testid="pf-structures"><legend>${bt('bl.structures')}</legend>
        ${this.legacyPartners ? html`<p class="muted">${bt('bl.legacy', { text: this.legacyPartners })}</p>` : nothing}
        ${this._structures.length === 0 ? html`<p class="muted">${bt('bl.noStructure')}</p>` : this._structures.map((s) => html`
          <label class="check"><input type="checkbox" data-testid="pf-structure-${s.id}" .checked=${this.structureIds.includes(s.id)}
            @change=${(e) => this._toggle('structureIds', s.id, e.target.checked)}> ${s.name}</label>`)}
      </fieldset>`;
  }
}
customElements.define('record-fields', RecordFields);
