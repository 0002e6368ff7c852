import { FormatElement, state } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { barItems, letter, statusLabel } from './shared.js';
import { askConfirm, describer } from '../../components/next-step.js';

const MAX_OPTIONS = 8;
const MIN_OPTIONS = 2;
const TEXT_MAX = 200;
const OPTION_MAX = 80;

/** Console: ask a question, follow the live distribution, close and reveal, browse the history. */
class PollConsole extends FormatElement {
  /** What its own buttons changed, in words (the page's status region). */
  describe = describer('poll', ['close', 'reveal', 'ask']);

  // The question's fields start as _reset() leaves them after each question asked.
  static properties = state({ _text: '', _options: ['', ''], _correct: null, _seconds: '', _problem: '', _busy: false });

  _reset() {
    this._text = '';
    this._options = ['', ''];
    this._correct = null;
    this._seconds = '';
  }

  _setOption(i, value) {
    this._options = this._options.map((o, j) => (j === i ? value : o));
  }

  _addOption() {
    if (this._options.length < MAX_OPTIONS) {
      this._options = [...this._options, ''];
      this.updateComplete.then(() => this.querySelector(`[data-testid="poll-option-${this._options.length - 1}"]`)?.focus());
    }
  }

  _removeOption(i) {
    if (this._options.length <= MIN_OPTIONS) return;
    this._options = this._options.filter((_, j) => j !== i);
    if (this._correct === i) this._correct = null;
    else if (this._correct !== null && this._correct > i) this._correct--;
  }

  /** Revealing closes the vote: ask first when some participants have not answered yet. */
  _revealConfirm(q) {
    const total = this.view?.session?.participantCount ?? 0;
    if (q.status !== 'OPEN' || (q.answered ?? 0) >= total) return undefined;
    return { title: t('poll.step.revealTitle'), text: t('poll.step.revealText', { n: q.answered ?? 0, total }), confirmLabel: t('poll.step.reveal') };
  }

  get nextStep() {
    const q = this.activity?.question;
    const ask = { id: 'poll-ask', label: t('poll.step.ask'), after: t('poll.step.reveal') };
    if (this.view?.session?.phase !== 'ACTIVITY') return ask;
    if (q && q.status !== 'REVEALED') {
      return {
        id: `poll-reveal-${q.id}`, label: t(q.status === 'CLOSED' ? 'poll.step.revealOnly' : 'poll.step.reveal'), confirm: this._revealConfirm(q), after: t('poll.step.askAnother'),
        run: () => this.send({ type: 'poll.reveal', questionId: q.id }), done: t('poll.step.revealed'),
      };
    }
    if (this._text.trim()) return { ...ask, run: () => this._ask(), done: t('poll.step.asked') };
    if (q) return null;
    return { ...ask, disabled: t('poll.step.writeFirst') };
  }

  /** The poll's own "close" and "reveal" buttons: both close the vote, so both ask like the next step. */
  async _reveal(q, type = 'reveal') {
    const confirm = this._revealConfirm(q);
    if (confirm && !(await askConfirm(this, { ...confirm, confirmLabel: t(type === 'close' ? 'poll.console.close' : 'poll.step.reveal') }))) return;
    this.send({ type: `poll.${type}`, questionId: q.id }).catch(() => {});
  }

  /** The form's submit, or the next step (which then rejects when the form has a problem). */
  async _ask(event) {
    event?.preventDefault();
    const text = this._text.trim();
    const options = this._options.map((o) => o.trim());
    let problem = '';
    if (!text) problem = t('poll.console.problem.text');
    else if (options.some((o) => !o)) problem = t('poll.console.problem.options');
    else if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) problem = t('poll.console.problem.duplicate');
    const command = { type: 'poll.ask', text, options };
    if (this._correct !== null) command.correct = this._correct;
    if (String(this._seconds).trim() !== '') {
      const seconds = Number(this._seconds);
      if (!Number.isInteger(seconds) || seconds < 5 || seconds > 3600) problem ||= t('poll.console.problem.seconds');
      else command.seconds = seconds;
    }
    this._problem = problem;
    if (problem) {
      this.updateComplete.then(() => this.querySelector('[data-testid="poll-form-problem"]')?.focus());
      if (!event) throw Object.assign(new Error(problem), { stepMessage: problem });
      return;
    }
    this._busy = true;
    try {
      await this.send(command);
      this._reset();
    } catch (error) {
      if (!event) throw error;
      /* the page shows the rejection in its status region */
    } finally {
      this._busy = false;
    }
  }

  render() {
    const phase = this.view?.session?.phase;
    const activity = this.activity ?? {};
    const q = activity.question;
    const history = activity.history ?? [];
    return html`
      ${q ? this._renderCurrent(q, phase) : nothing}
      ${phase === 'ACTIVITY' ? this._renderForm(q) : phase === 'LOBBY' ? html`<p class="notice">${t('poll.console.startFirst')}</p>` : nothing}
      ${history.length ? this._renderHistory(history) : nothing}
    `;
  }

  _renderForm(q) {
    const busyQuestion = q && q.status === 'OPEN';
    return html`<form class="panel poll-form" @submit=${this._ask} novalidate data-testid="poll-form">
      <h3 class="panel__title">${t('poll.console.askTitle')}</h3>
      ${busyQuestion ? html`<p class="hint">${t('poll.console.openWarning')}</p>` : nothing}
      <div class="field">
        <label for="poll-text">${t('poll.console.text')}</label>
        <textarea id="poll-text" rows="2" maxlength=${TEXT_MAX} required data-testid="poll-text"
          .value=${this._text} @input=${(e) => (this._text = e.target.value)}></textarea>
      </div>
      <fieldset class="field poll-form__options">
        <legend>${t('poll.console.options')}</legend>
        <p class="hint" id="poll-correct-hint">${t('poll.console.correctHint')}</p>
        <ol class="option-editor">
          ${this._options.map(
            (value, i) => html`<li class="option-editor__row">
              <span class="option__letter" aria-hidden="true">${letter(i)}</span>
              <label class="visually-hidden" for="poll-option-${i}">${t('poll.console.optionLabel', { letter: letter(i) })}</label>
              <input id="poll-option-${i}" type="text" maxlength=${OPTION_MAX} required data-testid="poll-option-${i}"
                .value=${value} @input=${(e) => this._setOption(i, e.target.value)} />
              <label class="option-editor__correct">
                <input type="radio" name="poll-correct" data-testid="poll-correct-${i}" aria-describedby="poll-correct-hint"
                  .checked=${this._correct === i} @change=${() => (this._correct = i)} />
                <span>${t('poll.console.correct')}<span class="visually-hidden"> ${letter(i)}</span></span>
              </label>
              <button type="button" class="btn btn--ghost btn--small" data-testid="poll-remove-option-${i}"
                ?disabled=${this._options.length <= MIN_OPTIONS} @click=${() => this._removeOption(i)}
                aria-label=${t('poll.console.removeOption', { letter: letter(i) })}>✕</button>
            </li>`,
          )}
        </ol>
        <div class="row">
          <button type="button" class="btn btn--secondary" data-testid="poll-add-option"
            ?disabled=${this._options.length >= MAX_OPTIONS} @click=${this._addOption}>${t('poll.console.addOption')}</button>
          <label class="option-editor__correct">
            <input type="radio" name="poll-correct" data-testid="poll-correct-none"
              .checked=${this._correct === null} @change=${() => (this._correct = null)} />
            <span>${t('poll.console.noCorrect')}</span>
          </label>
        </div>
      </fieldset>
      <div class="field field--inline">
        <label for="poll-seconds">${t('poll.console.seconds')}</label>
        <input id="poll-seconds" type="number" min="5" max="3600" step="1" inputmode="numeric" data-testid="poll-seconds"
          aria-describedby="poll-seconds-hint" .value=${String(this._seconds)} @input=${(e) => (this._seconds = e.target.value)} />
        <span class="hint" id="poll-seconds-hint">${t('poll.console.secondsHint')}</span>
      </div>
      ${this._problem
        ? html`<p class="notice notice--error" role="alert" tabindex="-1" data-testid="poll-form-problem">${this._problem}</p>`
        : nothing}
      <button type="submit" class="btn btn--secondary" data-testid="poll-ask" ?disabled=${this._busy}>${t('poll.console.ask')}</button>
    </form>`;
  }

  _renderCurrent(q, phase) {
    const total = this.view?.session?.participantCount ?? 0;
    const live = phase === 'ACTIVITY';
    return html`<section class="panel poll-current" aria-labelledby="poll-current-title" data-testid="poll-current">
      <h3 class="panel__title" id="poll-current-title">${t('poll.console.current')}</h3>
      <div class="poll-current__head">
        <p class="question question--console" data-testid="question-text">${q.text}</p>
        <span class="badge badge--${q.status.toLowerCase()}" data-testid="question-status">${statusLabel(q.status)}</span>
      </div>
      ${q.status === 'OPEN' && q.deadline ? html`<count-down .deadline=${q.deadline}></count-down>` : nothing}
      <p class="count" data-testid="answered-count">${t('poll.answeredOf', { answered: formatNumber(q.answered ?? 0), total: formatNumber(total) })}</p>
      <bar-chart .items=${barItems(q, null)} testid="console-bar"></bar-chart>
      ${live
        ? html`<div class="row">
            <button type="button" class="btn btn--secondary" data-testid="poll-close" ?disabled=${q.status !== 'OPEN'}
              @click=${() => this._reveal(q, 'close')}>${t('poll.console.close')}</button>
            <button type="button" class="btn btn--secondary" data-testid="poll-reveal" ?disabled=${q.status === 'REVEALED'}
              @click=${() => this._reveal(q)}>${t('poll.console.reveal')}</button>
          </div>`
        : nothing}
    </section>`;
  }

  _renderHistory(history) {
    return html`<section class="panel" aria-labelledby="poll-history-title" data-testid="poll-history">
      <h3 class="panel__title" id="poll-history-title">${t('poll.console.history')} (${history.length})</h3>
      <ol class="history">
        ${history.map(
          (q, i) => html`<li class="history__item" data-testid="poll-history-${i}">
            <details>
              <summary>
                <span class="history__text">${q.text}</span>
                <span class="muted"> — ${tn('poll.answers', q.answered ?? 0)} · ${statusLabel(q.status)}</span>
              </summary>
              <bar-chart .items=${barItems(q, null)} testid="history-${i}-bar"></bar-chart>
            </details>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}

customElements.define('poll-console', PollConsole);
