// <quiz-editor>: a question bank in the content library (issue 16, LIBRARY-CONTRACT.md). The page
// gives `.content` (the bank as quiz.useBank carries it), `.readonly` and `.problems` (a 422's); every
// edit dispatches `content-change` with a new bank. Questions are added, duplicated, deleted,
// reordered by buttons, Alt + arrows or drag and drop, and previewed as a phone and as the projector.
import { html, nothing } from 'lit';
import { LightElement, inputs, state } from '../../components/light-element.js';
import { loadStyles } from '../../styles.js';
import { library } from '../../workspace/library/http.js';
import { qt } from './editor-messages.js';
import { duplicate, move, newQuestion, problemsOf, tidy } from './editor-model.js';
import { questionFields } from './editor-fields.js';
import './quiz-preview.js';

loadStyles(new URL('./editor.css', import.meta.url).pathname);

/** A new bank's first content: one question to fill in. */
export function starter({ title }) {
  const id = `banque-${Date.now().toString(36)}`;
  return { id, title: title || 'Nouvelle banque', description: null, questions: [{ ...newQuestion([], qt('qe.starterText')), choices: [{ id: 'a', text: 'Oui' }, { id: 'b', text: 'Non' }] }] };
}

class QuizEditor extends LightElement {
  static properties = {
    ...inputs({ content: null, readonly: false, problems: [] }),
    ...state({ _open: [], _confirm: null, _announce: '', _preview: null, _uploading: null, _uploadError: {} }),
  };

  constructor() {
    super();
    this._dragFrom = null;
  }

  willUpdate(changed) {
    if (changed.has('content') && this._open.length === 0 && this._questions.length === 1) this._open = [this._questions[0].id];
  }

  get _questions() {
    return this.content?.questions ?? [];
  }

  _emit(questions) {
    const content = { ...this.content, questions: questions.map(tidy) };
    this.content = content;
    this.dispatchEvent(new CustomEvent('content-change', { detail: { content }, bubbles: true, composed: true }));
  }

  _setQuestion(index, patch) {
    this._emit(this._questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  }

  _replaceQuestion(index, q) {
    this._emit(this._questions.map((x, i) => (i === index ? q : x)));
  }

  _add() {
    const q = newQuestion(this._questions);
    this._emit([...this._questions, q]);
    this._open = [...this._open, q.id];
    this._say(qt('qe.added', { n: this._questions.length }));
    this._focus(`#qe-${CSS.escape(q.id)}-text`);
  }

  _duplicate(i) {
    const questions = duplicate(this._questions, i);
    const copy = questions[i + 1];
    this._emit(questions);
    this._open = [...this._open, copy.id];
    this._say(qt('qe.duplicated', { n: i + 1 }));
    this._focus(`#qe-${CSS.escape(copy.id)}-text`);
  }

  _delete(i) {
    const questions = this._questions.filter((_, j) => j !== i);
    this._confirm = null;
    this._emit(questions);
    this._say(qt('qe.deleted'));
    const next = questions[Math.min(i, questions.length - 1)];
    this._focus(next ? `[data-testid="qe-toggle-${CSS.escape(next.id)}"]` : '[data-testid="qe-add"]');
  }

  _move(from, to, focusSelector) {
    if (to < 0 || to >= this._questions.length) return;
    const id = this._questions[from].id;
    this._emit(move(this._questions, from, to));
    this._say(qt('qe.moved', { n: to + 1, total: this._questions.length }));
    // A move button that became disabled (first or last place) gives the focus to its question's toggle.
    if (focusSelector) this._focus(focusSelector, `[data-testid="qe-toggle-${CSS.escape(id)}"]`);
  }

  _keydown(event, i, q) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || this.readonly) return;
    event.preventDefault();
    // Focus stays on the same control, which moved with its question (test ids end with the position).
    const to = event.key === 'ArrowUp' ? i - 1 : i + 1;
    const id = document.activeElement?.id;
    const testid = document.activeElement?.dataset?.testid ?? '';
    const selector = id ? `#${CSS.escape(id)}` : /-\d+$/.test(testid) ? `[data-testid="${CSS.escape(testid.replace(/-\d+$/, `-${to}`))}"]`
      : testid ? `[data-testid="${CSS.escape(testid)}"]` : `[data-testid="qe-toggle-${CSS.escape(q.id)}"]`;
    this._move(i, to, selector);
  }

  _drop(event, to) {
    event.preventDefault();
    event.currentTarget.classList.remove('qe-question--over');
    if (this._dragFrom === null) return;
    this._move(this._dragFrom, to);
    this._dragFrom = null;
  }

  async _upload(index, file, input) {
    const q = this._questions[index];
    this._uploading = q.id;
    this._uploadError = { ...this._uploadError, [q.id]: '' };
    try {
      const image = await library.image(file);
      const current = this._questions.findIndex((x) => x.id === q.id);
      if (current >= 0) this._setQuestion(current, { image: { src: image.url, alt: this._questions[current].image?.alt ?? '' } });
      this._focus(`#qe-${CSS.escape(q.id)}-alt`);
    } catch (e) {
      this._uploadError = { ...this._uploadError, [q.id]: e.message || String(e.status) };
    } finally {
      this._uploading = null;
      input.value = '';
    }
  }

  _toggle(id) {
    this._open = this._open.includes(id) ? this._open.filter((x) => x !== id) : [...this._open, id];
  }

  _say(text) {
    this._announce = '';
    this.updateComplete.then(() => (this._announce = text));
  }

  _focus(selector, fallback) {
    this.updateComplete.then(() => {
      const e = this.querySelector(selector);
      if (e && !e.disabled) e.focus();
      else if (fallback) this.querySelector(fallback)?.focus();
    });
  }

  render() {
    const questions = this._questions;
    const themes = [...new Set(questions.map((q) => q.theme).filter(Boolean))];
    return html`<section class="panel qe" aria-labelledby="qe-heading" data-testid="quiz-editor">
      <h2 id="qe-heading" class="panel__title">${qt('qe.questions')} <span class="muted">(${qt('qe.count', { n: questions.length })})</span></h2>
      ${this.readonly ? html`<p class="muted">${qt('qe.readonly')}</p>` : html`<p id="qe-reorder-hint" class="hint">${qt('qe.reorderHint')}</p>`}
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="qe-announce">${this._announce}</p>
      <datalist id="qe-themes">${themes.map((t) => html`<option value=${t}></option>`)}</datalist>
      <ol class="qe-list" data-testid="qe-list">${questions.map((q, i) => this._question(q, i, questions.length))}</ol>
      ${this.readonly ? nothing : html`<button type="button" class="btn btn--primary" data-testid="qe-add" @click=${this._add}>${qt('qe.add')}</button>`}
      ${this._preview ? this._previewPanel() : nothing}
    </section>`;
  }

  _question(q, i, total) {
    const open = this._open.includes(q.id);
    const problems = problemsOf(this.problems, i);
    const headingId = `qe-${q.id}-heading`;
    const ro = this.readonly;
    return html`<li class="qe-question ${problems.length ? 'qe-question--invalid' : ''}" data-testid="qe-question-${i}" data-id=${q.id}
      aria-labelledby=${headingId} @keydown=${(e) => this._keydown(e, i, q)}
      @dragover=${(e) => { if (this._dragFrom !== null) { e.preventDefault(); e.currentTarget.classList.add('qe-question--over'); } }}
      @dragleave=${(e) => e.currentTarget.classList.remove('qe-question--over')}
      @drop=${(e) => this._drop(e, i)}>
      <div class="qe-question__head">
        ${ro ? nothing : html`<span class="qe-handle" draggable="true" role="img" aria-label=${qt('qe.drag', { n: i + 1 })} title=${qt('qe.drag', { n: i + 1 })}
          data-testid="qe-handle-${i}" @dragstart=${(e) => { this._dragFrom = i; e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', q.id); }}
          @dragend=${() => (this._dragFrom = null)}>⠿</span>`}
        <h3 id=${headingId} class="qe-question__title">${qt('qe.question', { n: i + 1 })}
          <span class="qe-question__summary">${q.text?.trim() || qt('qe.untitled')}</span>
          ${problems.length ? html`<span class="tag tag--error">${qt('qe.problems')} (${problems.length})</span>` : nothing}</h3>
        <div class="qe-question__tools">
          <button type="button" class="btn btn--secondary btn--small" aria-expanded=${open ? 'true' : 'false'} data-testid="qe-toggle-${q.id}"
            @click=${() => this._toggle(q.id)}>${open ? qt('qe.fold') : qt('qe.edit')}<span class="visually-hidden"> — ${qt('qe.question', { n: i + 1 })}</span></button>
          <button type="button" class="btn btn--secondary btn--small" data-testid="qe-preview-${i}"
            @click=${() => { this._preview = { id: q.id, reveal: false }; this._focus('#qe-preview-title'); }}>
            ${qt('qe.preview')}<span class="visually-hidden"> — ${qt('qe.question', { n: i + 1 })}</span></button>
          ${ro ? nothing : html`
            <button type="button" class="btn btn--secondary btn--small" ?disabled=${i === 0} aria-describedby="qe-reorder-hint" data-testid="qe-up-${i}"
              @click=${() => this._move(i, i - 1, `[data-testid="qe-up-${i - 1}"]`)}>${qt('qe.up')}<span class="visually-hidden"> — ${qt('qe.question', { n: i + 1 })}</span></button>
            <button type="button" class="btn btn--secondary btn--small" ?disabled=${i === total - 1} aria-describedby="qe-reorder-hint" data-testid="qe-down-${i}"
              @click=${() => this._move(i, i + 1, `[data-testid="qe-down-${i + 1}"]`)}>${qt('qe.down')}<span class="visually-hidden"> — ${qt('qe.question', { n: i + 1 })}</span></button>
            <button type="button" class="btn btn--secondary btn--small" data-testid="qe-duplicate-${i}" @click=${() => this._duplicate(i)}>
              ${qt('qe.duplicate')}<span class="visually-hidden"> — ${qt('qe.question', { n: i + 1 })}</span></button>
            ${this._confirm === q.id ? html`<span class="qe-confirm" role="group" aria-label=${qt('qe.confirmDelete')}>${qt('qe.confirmDelete')}
                <button type="button" class="btn btn--danger btn--small" data-testid="qe-delete-confirm-${i}" @click=${() => this._delete(i)}>${qt('qe.confirm')}</button>
                <button type="button" class="btn btn--secondary btn--small" @click=${() => { this._confirm = null; this._focus(`[data-testid="qe-delete-${i}"]`); }}>${qt('qe.cancel')}</button></span>`
              : html`<button type="button" class="btn btn--danger btn--small" ?disabled=${total <= 1} data-testid="qe-delete-${i}"
                  @click=${() => { this._confirm = q.id; this._focus(`[data-testid="qe-delete-confirm-${i}"]`); }}>
                  ${qt('qe.delete')}<span class="visually-hidden"> — ${qt('qe.question', { n: i + 1 })}</span></button>`}`}
        </div>
      </div>
      ${open ? html`<div class="qe-question__body">${questionFields(q, {
        readonly: ro, problems, uploading: this._uploading === q.id, uploadError: this._uploadError[q.id],
        set: (patch) => this._setQuestion(this._questions.findIndex((x) => x.id === q.id), patch),
        replace: (next) => this._replaceQuestion(this._questions.findIndex((x) => x.id === q.id), next),
        upload: (file, input) => this._upload(this._questions.findIndex((x) => x.id === q.id), file, input),
      })}</div>` : problems.length ? html`<ul class="field__error">${problems.map((p) => html`<li>${p.message}</li>`)}</ul>` : nothing}
    </li>`;
  }

  _previewPanel() {
    const i = this._questions.findIndex((q) => q.id === this._preview.id);
    if (i < 0) return nothing;
    return html`<section class="qe-preview-panel" aria-labelledby="qe-preview-title" data-testid="qe-preview">
      <div class="qe-preview-panel__head">
        <h3 id="qe-preview-title" class="panel__title" tabindex="-1">${qt('qe.previewTitle', { n: i + 1 })}</h3>
        <label class="check"><input type="checkbox" data-testid="qe-preview-reveal" .checked=${this._preview.reveal}
          @change=${(e) => (this._preview = { ...this._preview, reveal: e.target.checked })}> ${qt('qe.previewReveal')}</label>
        <button type="button" class="btn btn--secondary btn--small" data-testid="qe-preview-close"
          @click=${() => { this._preview = null; this._focus(`[data-testid="qe-preview-${i}"]`); }}>${qt('qe.previewClose')}</button>
      </div>
      <quiz-preview .question=${this._questions[i]} .index=${i} .total=${this._questions.length} .bankTitle=${this.content?.title ?? ''}
        .reveal=${this._preview.reveal}></quiz-preview>
    </section>`;
  }
}
customElements.define('quiz-editor', QuizEditor);
