// <poll-editor>: the library's editor of a prepared poll question list (LIBRARY-CONTRACT.md).
// .content is a PollList {id, title, description, questions: [{kind, text, options, correct,
// seconds, scale}]}; the library page shows the title and description itself. Every edit dispatches
// `content-change` with a new object; .problems (the last 422's [{path, message}]) show beside the
// question they name.
import { html, nothing } from 'lit';
import { LightElement, inputs } from '../../components/light-element.js';
import { t } from '../../i18n/index.js';
import { KINDS, hasOptions, kindLabel } from './shared.js';

const NEW_QUESTION = { kind: 'SINGLE', text: '', options: ['', ''] };
const QUESTIONS_MAX = 30;

class PollEditor extends LightElement {
  static properties = inputs({ content: null, readonly: false, problems: [] });

  _questions() {
    return this.content?.questions ?? [];
  }

  _change(questions) {
    const content = { ...(this.content ?? {}), questions };
    this.dispatchEvent(new CustomEvent('content-change', { detail: { content }, bubbles: true, composed: true }));
  }

  _edit(i, patch) {
    this._change(this._questions().map((q, j) => (j === i ? clean({ ...q, ...patch }) : q)));
  }

  _move(i, to) {
    const list = [...this._questions()];
    if (to < 0 || to >= list.length) return;
    const [q] = list.splice(i, 1);
    list.splice(to, 0, q);
    this._change(list);
  }

  _problemsOf(i) {
    return (this.problems ?? []).filter((p) => typeof p.path === 'string' && (p.path === `/questions/${i}` || p.path.startsWith(`/questions/${i}/`)));
  }

  render() {
    const questions = this._questions();
    const general = (this.problems ?? []).filter((p) => !(typeof p.path === 'string' && p.path.startsWith('/questions/')));
    return html`<div class="poll-editor" data-testid="poll-editor">
      ${general.length ? html`<ul class="notice notice--error" role="alert">${general.map((p) => html`<li>${p.message}</li>`)}</ul>` : nothing}
      <ol class="poll-editor__list">${questions.map((q, i) => this._question(q, i, questions.length))}</ol>
      ${this.readonly ? nothing : html`<button type="button" class="btn btn--secondary" data-testid="pe-add" ?disabled=${questions.length >= QUESTIONS_MAX}
        @click=${() => this._change([...questions, { ...NEW_QUESTION, options: ['', ''] }])}>${t('poll.editor.add')}</button>`}
    </div>`;
  }

  _question(q, i, count) {
    const ro = this.readonly;
    const id = `pe-${i}`;
    const kind = q.kind ?? 'SINGLE';
    const problems = this._problemsOf(i);
    return html`<li class="panel poll-editor__question" data-testid=${id}>
      <fieldset class="field">
        <legend>${t('poll.editor.question', { n: i + 1 })}</legend>
        ${problems.length ? html`<ul class="notice notice--error" id="${id}-problems">${problems.map((p) => html`<li>${p.message}</li>`)}</ul>` : nothing}
        <div class="field"><label for="${id}-kind">${t('poll.console.kind')}</label>
          <select id="${id}-kind" data-testid="${id}-kind" ?disabled=${ro}
            @change=${(e) => this._edit(i, { kind: e.target.value })}>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${kindLabel(k)}</option>`)}
          </select></div>
        <div class="field"><label for="${id}-text">${t('poll.console.text')}</label>
          <textarea id="${id}-text" rows="2" maxlength="200" data-testid="${id}-text" ?readonly=${ro}
            aria-describedby=${problems.length ? `${id}-problems` : nothing}
            .value=${q.text ?? ''} @change=${(e) => this._edit(i, { text: e.target.value })}></textarea></div>
        ${hasOptions(kind) ? html`<div class="field"><label for="${id}-options">${t('poll.editor.options')}</label>
          <textarea id="${id}-options" rows="4" data-testid="${id}-options" ?readonly=${ro} aria-describedby="${id}-options-hint"
            .value=${(q.options ?? []).join('\n')}
            @change=${(e) => this._edit(i, { options: e.target.value.split('\n').map((o) => o.trim()).filter(Boolean) })}></textarea>
          <p class="hint" id="${id}-options-hint">${t('poll.editor.optionsHint')}</p></div>` : nothing}
        ${kind === 'SCALE' ? this._scale(q, i, id, ro) : nothing}
        <div class="field field--inline"><label for="${id}-seconds">${t('poll.console.seconds')}</label>
          <input id="${id}-seconds" type="number" min="5" max="3600" data-testid="${id}-seconds" ?readonly=${ro}
            .value=${q.seconds ?? ''} @change=${(e) => this._edit(i, { seconds: e.target.value === '' ? null : Number(e.target.value) })} /></div>
        ${ro ? nothing : html`<div class="row">
          <button type="button" class="btn btn--ghost btn--small" data-testid="${id}-up" ?disabled=${i === 0}
            aria-label=${t('poll.editor.up', { n: i + 1 })} @click=${() => this._move(i, i - 1)}>↑</button>
          <button type="button" class="btn btn--ghost btn--small" data-testid="${id}-down" ?disabled=${i === count - 1}
            aria-label=${t('poll.editor.down', { n: i + 1 })} @click=${() => this._move(i, i + 1)}>↓</button>
          <button type="button" class="btn btn--ghost btn--small" data-testid="${id}-remove"
            @click=${() => this._change(this._questions().filter((_, j) => j !== i))}>${t('poll.editor.remove', { n: i + 1 })}</button>
        </div>`}
      </fieldset>
    </li>`;
  }

  _scale(q, i, id, ro) {
    const s = q.scale ?? { min: 1, max: 5 };
    const set = (patch) => this._edit(i, { scale: { ...s, ...patch } });
    return html`<div class="field"><label for="${id}-scale">${t('poll.console.scale')}</label>
        <select id="${id}-scale" data-testid="${id}-scale" ?disabled=${ro}
          @change=${(e) => set(e.target.value === '10' ? { min: 0, max: 10 } : { min: 1, max: 5 })}>
          <option value="5" ?selected=${s.max !== 10}>${t('poll.console.scale5')}</option>
          <option value="10" ?selected=${s.max === 10}>${t('poll.console.scale10')}</option>
        </select></div>
      <div class="field"><label for="${id}-min-label">${t('poll.console.minLabel')}</label>
        <input id="${id}-min-label" type="text" maxlength="40" ?readonly=${ro} .value=${s.minLabel ?? ''}
          @change=${(e) => set({ minLabel: e.target.value.trim() || undefined })} /></div>
      <div class="field"><label for="${id}-max-label">${t('poll.console.maxLabel')}</label>
        <input id="${id}-max-label" type="text" maxlength="40" ?readonly=${ro} .value=${s.maxLabel ?? ''}
          @change=${(e) => set({ maxLabel: e.target.value.trim() || undefined })} /></div>`;
  }
}

/** Keeps only the fields the question's type has (the server refuses options on a word cloud). */
function clean(q) {
  const out = { kind: q.kind, text: q.text };
  if (hasOptions(q.kind)) out.options = q.options?.length ? q.options : ['', ''];
  if (q.kind === 'SINGLE' && q.correct !== undefined && q.correct !== null) out.correct = q.correct;
  if (q.kind === 'SCALE') out.scale = q.scale ?? { min: 1, max: 5 };
  if (q.seconds) out.seconds = q.seconds;
  return out;
}

customElements.define('poll-editor', PollEditor);
