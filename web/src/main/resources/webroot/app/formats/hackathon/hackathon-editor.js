// The library's editor of a hackathon challenge kit (issue 16, LIBRARY-CONTRACT.md): statement,
// publics, guiding questions, resources and the jury's rubric. Properties: .content (the kit),
// .readonly, .problems (the last 422's [{path, message}]); every edit dispatches `content-change`
// with a new object (the one given is never changed).
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { LightElement, inputs } from '../../components/light-element.js';
import { t, loadMessages } from '../../i18n/index.js';

await loadMessages((lang) => import(`./editor.${lang}.js`));

const lines = (text) => String(text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
/** A new kit from the library page: one challenge and one criterion to start from (valid as it is). */
export const starter = ({ title } = {}) => ({
  title,
  challenges: [{ id: 'defi-1', title: 'Premier défi', statement: 'Décrivez la situation que les équipes vont travailler.',
    publics: [], questions: [], resources: [] }],
  rubric: [{ id: 'impact', label: 'Impact pour les publics', weight: 1 }],
});

const blankChallenge = (n) => ({ id: `defi-${n}`, title: '', statement: '', publics: [], questions: [], resources: [] });

class HackathonEditor extends LightElement {
  static properties = inputs({ content: null, readonly: false, problems: [] });

  _kit() {
    const k = this.content ?? {};
    return { ...k, challenges: k.challenges ?? [], rubric: k.rubric ?? [] };
  }

  _edit(change) {
    const next = structuredClone(this._kit());
    change(next);
    this.dispatchEvent(new CustomEvent('content-change', { detail: { content: next }, bubbles: true, composed: true }));
  }

  _problemsAt(prefix) {
    return (this.problems ?? []).filter((p) => (p.path ?? '') === prefix || (p.path ?? '').startsWith(`${prefix}/`));
  }

  _problemList(prefix, id) {
    const list = this._problemsAt(prefix);
    if (!list.length) return nothing;
    return html`<div class="notice notice--error" id=${id} role="alert" data-testid="hk-editor-problems">
      <ul>${list.map((p) => html`<li>${p.message}</li>`)}</ul></div>`;
  }

  _move(list, i, by) {
    this._edit((k) => {
      const items = k[list];
      const [item] = items.splice(i, 1);
      items.splice(i + by, 0, item);
    });
  }

  _text(id, label, value, max, set, rows = 0, testid = undefined) {
    const ro = this.readonly;
    return html`<div class="field"><label for=${id}>${label}</label>
      ${rows
        ? html`<textarea id=${id} rows=${rows} maxlength=${max} ?readonly=${ro} data-testid=${testid ?? id} .value=${live(value ?? '')}
            @change=${(e) => set(e.target.value)}></textarea>`
        : html`<input id=${id} type="text" maxlength=${max} ?readonly=${ro} data-testid=${testid ?? id} .value=${live(value ?? '')}
            @change=${(e) => set(e.target.value)} />`}
    </div>`;
  }

  _orderButtons(list, i, count) {
    if (this.readonly) return nothing;
    return html`<div class="row">
      <button type="button" class="btn btn--ghost btn--small" ?disabled=${i === 0} @click=${() => this._move(list, i, -1)}>${t('hkEditor.up')}</button>
      <button type="button" class="btn btn--ghost btn--small" ?disabled=${i === count - 1} @click=${() => this._move(list, i, 1)}>${t('hkEditor.down')}</button>
      <button type="button" class="btn btn--ghost btn--small" ?disabled=${count <= 1}
        @click=${() => this._edit((k) => k[list].splice(i, 1))}>${t('hkEditor.remove')}</button>
    </div>`;
  }

  _challenge(c, i, count) {
    const at = `challenges/${i}`;
    const set = (field) => (v) => this._edit((k) => (k.challenges[i][field] = v));
    const resources = c.resources ?? [];
    const resource = (r, j) => html`<fieldset class="hk-editor__resource">
      <legend>${t('hkEditor.resourceN', { n: j + 1 })}</legend>
      ${this._text(`hke-c${i}-r${j}-name`, t('hkEditor.resourceName'), r.name, 100, (v) => this._edit((k) => (k.challenges[i].resources[j].name = v)))}
      ${this._text(`hke-c${i}-r${j}-url`, t('hkEditor.resourceUrl'), r.url, 300, (v) => this._edit((k) => (k.challenges[i].resources[j].url = v || undefined)))}
      ${this._text(`hke-c${i}-r${j}-description`, t('hkEditor.resourceDescription'), r.description, 400,
        (v) => this._edit((k) => (k.challenges[i].resources[j].description = v || undefined)))}
      ${this.readonly ? nothing : html`<button type="button" class="btn btn--ghost btn--small"
        @click=${() => this._edit((k) => k.challenges[i].resources.splice(j, 1))}>${t('hkEditor.remove')}</button>`}
    </fieldset>`;
    return html`<fieldset data-testid="hke-challenge-${i}" aria-describedby=${this._problemsAt(at).length ? `hke-c${i}-problems` : nothing}>
      <legend>${t('hkEditor.challengeN', { n: i + 1 })}${c.title ? ` — ${c.title}` : ''}</legend>
      ${this._problemList(at, `hke-c${i}-problems`)}
      ${this._text(`hke-c${i}-title`, t('hkEditor.title'), c.title, 120, set('title'))}
      ${this._text(`hke-c${i}-id`, t('hkEditor.id'), c.id, 60, set('id'))}
      ${this._text(`hke-c${i}-statement`, t('hkEditor.statement'), c.statement, 2000, set('statement'), 5)}
      ${this._text(`hke-c${i}-publics`, t('hkEditor.publics'), (c.publics ?? []).join('\n'), 2000, (v) => set('publics')(lines(v)), 3)}
      ${this._text(`hke-c${i}-questions`, t('hkEditor.questions'), (c.questions ?? []).join('\n'), 4000, (v) => set('questions')(lines(v)), 4)}
      <h4>${t('hkEditor.resources')}</h4>
      ${resources.map(resource)}
      ${this.readonly ? nothing : html`<button type="button" class="btn btn--secondary btn--small"
        @click=${() => this._edit((k) => (k.challenges[i].resources = [...(k.challenges[i].resources ?? []), { name: '' }]))}>${t('hkEditor.addResource')}</button>`}
      <div class="field field--inline"><label for="hke-c${i}-capacity">${t('hkEditor.capacity')}</label>
        <input id="hke-c${i}-capacity" type="number" min="1" max="50" inputmode="numeric" ?readonly=${this.readonly}
          .value=${live(c.capacity ? String(c.capacity) : '')}
          @change=${(e) => set('capacity')(e.target.value ? Number(e.target.value) : null)} /></div>
      ${this._orderButtons('challenges', i, count)}
    </fieldset>`;
  }

  _criterion(c, i, count) {
    const at = `rubric/${i}`;
    const set = (field) => (v) => this._edit((k) => (k.rubric[i][field] = v));
    return html`<fieldset data-testid="hke-criterion-${i}">
      <legend>${t('hkEditor.criterionN', { n: i + 1 })}</legend>
      ${this._problemList(at, `hke-r${i}-problems`)}
      ${this._text(`hke-r${i}-label`, t('hkEditor.criterionLabel'), c.label, 80, set('label'))}
      ${this._text(`hke-r${i}-id`, t('hkEditor.id'), c.id, 60, set('id'))}
      <div class="field field--inline"><label for="hke-r${i}-weight">${t('hkEditor.weight')}</label>
        <input id="hke-r${i}-weight" type="number" min="1" max="10" inputmode="numeric" ?readonly=${this.readonly}
          .value=${live(String(c.weight ?? 1))} @change=${(e) => set('weight')(Number(e.target.value))} /></div>
      ${this._text(`hke-r${i}-description`, t('hkEditor.criterionDescription'), c.description, 400, set('description'), 2)}
      ${this._orderButtons('rubric', i, count)}
    </fieldset>`;
  }

  render() {
    const k = this._kit();
    const general = (this.problems ?? []).filter((p) => !/^(challenges|rubric)\//.test(p.path ?? ''));
    return html`<section class="hk-editor" aria-label=${t('hkEditor.label')} data-testid="hackathon-editor">
      ${general.length ? html`<div role="alert" class="notice notice--error"><p>${t('hkEditor.problems')}</p>
        <ul>${general.map((p) => html`<li>${p.message}</li>`)}</ul></div>` : nothing}
      <h3>${t('hkEditor.challenges')} (${k.challenges.length})</h3>
      ${k.challenges.map((c, i) => this._challenge(c, i, k.challenges.length))}
      ${this.readonly ? nothing : html`<button type="button" class="btn btn--secondary btn--small" data-testid="hke-add-challenge"
        @click=${() => this._edit((x) => x.challenges.push(blankChallenge(x.challenges.length + 1)))}>${t('hkEditor.addChallenge')}</button>`}
      <h3>${t('hkEditor.rubric')} (${k.rubric.length})</h3>
      ${k.rubric.map((c, i) => this._criterion(c, i, k.rubric.length))}
      ${this.readonly ? nothing : html`<button type="button" class="btn btn--secondary btn--small" data-testid="hke-add-criterion"
        @click=${() => this._edit((x) => x.rubric.push({ id: `critere-${x.rubric.length + 1}`, label: '', weight: 1 }))}>${t('hkEditor.addCriterion')}</button>`}
    </section>`;
  }
}

customElements.define('hackathon-editor', HackathonEditor);
