// The library's editor of a Dessine-moi vocabulary (issue 16, LIBRARY-CONTRACT.md): the labels and
// hints of the fixed profiles and categories. Properties: .content, .readonly, .problems; every
// edit dispatches `content-change` with a new object (the one given is never changed).
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { LightElement, inputs, state } from '../../components/light-element.js';
import { t, loadMessages } from '../../i18n/index.js';

await loadMessages((lang) => import(`./editor.${lang}.js`));

/** The fixed ids (Vocabulary.java): the only ones the synthesis knows. */
const IDS = {
  profiles: ['young', 'jobseeker', 'employee', 'employer', 'partner', 'other', 'unspecified'],
  categories: ['conditions', 'recruitment', 'communication', 'valorisation', 'other'],
};

/** A new vocabulary from the library page: the regional wording of every fixed id, to adapt. */
export const starter = ({ title } = {}) => ({
  title,
  profiles: [
    { id: 'young', label: 'Jeune' }, { id: 'jobseeker', label: 'Demandeur ou demandeuse d’emploi' },
    { id: 'employee', label: 'Salarié·e' }, { id: 'employer', label: 'Employeur' },
    { id: 'partner', label: 'Professionnel·le partenaire' }, { id: 'other', label: 'Autre profil' },
  ],
  categories: [
    { id: 'conditions', label: 'Conditions de travail' }, { id: 'recruitment', label: 'Freins au recrutement' },
    { id: 'communication', label: 'Communication' }, { id: 'valorisation', label: 'Valorisation du métier' },
    { id: 'other', label: 'Autre' },
  ],
});

class PrioritisationEditor extends LightElement {
  static properties = { ...inputs({ content: null, readonly: false, problems: [] }), ...state({ _adding: {} }) };

  _vocabulary() {
    const v = this.content ?? {};
    return { ...v, profiles: v.profiles ?? [], categories: v.categories ?? [] };
  }

  _edit(change) {
    const next = structuredClone(this._vocabulary());
    change(next);
    this.dispatchEvent(new CustomEvent('content-change', { detail: { content: next }, bubbles: true, composed: true }));
  }

  _problems(prefix) {
    return (this.problems ?? []).filter((p) => (p.path ?? '') === prefix || (p.path ?? '').startsWith(`${prefix}/`));
  }

  _entry(list, e, i) {
    const id = `pe-${list}-${i}`;
    const problems = this._problems(`${list}/${i}`);
    return html`<fieldset data-testid=${id} aria-describedby=${problems.length ? `${id}-problems` : nothing}>
      <legend>${t('prioEditor.entry', { id: e.id })}</legend>
      ${problems.length ? html`<div class="notice notice--error" id="${id}-problems" role="alert"><ul>${problems.map((p) => html`<li>${p.message}</li>`)}</ul></div>` : nothing}
      <div class="field"><label for="${id}-label">${t('prioEditor.entryLabel')}</label>
        <input id="${id}-label" type="text" maxlength="60" ?readonly=${this.readonly} data-testid="${id}-label" .value=${live(e.label ?? '')}
          @change=${(ev) => this._edit((v) => (v[list][i].label = ev.target.value))} /></div>
      <div class="field"><label for="${id}-hint">${t('prioEditor.entryHint')}</label>
        <input id="${id}-hint" type="text" maxlength="200" ?readonly=${this.readonly} .value=${live(e.hint ?? '')}
          @change=${(ev) => this._edit((v) => (v[list][i].hint = ev.target.value || undefined))} /></div>
      ${this.readonly ? nothing : html`<button type="button" class="btn btn--ghost btn--small" ?disabled=${this._vocabulary()[list].length <= 1}
        @click=${() => this._edit((v) => v[list].splice(i, 1))}>${t('prioEditor.remove')}</button>`}
    </fieldset>`;
  }

  _list(list, title) {
    const entries = this._vocabulary()[list];
    const missing = IDS[list].filter((id) => !entries.some((e) => e.id === id));
    const chosen = this._adding[list] ?? missing[0];
    return html`<section aria-labelledby="pe-${list}-title">
      <h3 id="pe-${list}-title">${title} (${entries.length})</h3>
      ${entries.map((e, i) => this._entry(list, e, i))}
      ${this.readonly || !missing.length ? nothing : html`<div class="row">
        <div class="field field--inline"><label for="pe-${list}-add">${t('prioEditor.addWhich')}</label>
          <select id="pe-${list}-add" @change=${(e) => (this._adding = { ...this._adding, [list]: e.target.value })}>
            ${missing.map((id) => html`<option value=${id} ?selected=${id === chosen}>${id}</option>`)}</select></div>
        <button type="button" class="btn btn--secondary btn--small"
          @click=${() => this._edit((v) => v[list].push({ id: missing.includes(chosen) ? chosen : missing[0], label: '' }))}>${t('prioEditor.add')}</button>
      </div>`}
    </section>`;
  }

  render() {
    const general = (this.problems ?? []).filter((p) => !/^(profiles|categories)\/\d/.test(p.path ?? ''));
    return html`<div class="prio-editor" role="group" aria-label=${t('prioEditor.label')} data-testid="prioritisation-editor">
      <p class="hint">${t('prioEditor.intro')}</p>
      ${general.length ? html`<div role="alert" class="notice notice--error"><p>${t('prioEditor.problems')}</p>
        <ul>${general.map((p) => html`<li>${p.message}</li>`)}</ul></div>` : nothing}
      ${this._list('profiles', t('prioEditor.profiles'))}
      ${this._list('categories', t('prioEditor.categories'))}
    </div>`;
  }
}

customElements.define('prioritisation-editor', PrioritisationEditor);
