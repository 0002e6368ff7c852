import { html, nothing } from 'lit';
import { state } from '../../components/format-element.js';
import { LibraryConsole } from '../../components/library-console.js';
import '../../components/bar-chart.js';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { libraryItem } from '../../library.js';
import { barBase, barItems, cloud, isText, kindLabel, kindOf, meanText, statusLabel } from './shared.js';
import { askForm, EMPTY_FORM, formCommand, MAX_OPTIONS, MIN_OPTIONS } from './console-form.js';
import { moderation, nextPrepared, preparedList } from './console-texts.js';
import { askConfirm, describer } from '../../components/next-step.js';

/**
 * Console: ask a question (prepared or typed live, of any type), follow the live result, moderate
 * the texts, close and reveal, browse the history. The "Préparation" tab chooses the prepared list.
 */
class PollConsole extends LibraryConsole {
  static library = { format: 'poll', keys: 'poll.console', prefix: 'poll' };
  /** What its own buttons changed, in words (the page's status region). */
  describe = describer('poll', ['close', 'reveal', 'ask', 'askPrepared', 'useList']);

  // The question's fields start as _reset() leaves them after each question asked.
  static properties = state({ ...EMPTY_FORM, _problem: '', _busy: false });

  _reset() {
    Object.assign(this, EMPTY_FORM);
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

  async _useCatalogueList() {
    try {
      const list = await libraryItem('poll', this._chosenId);
      await this.send({ type: 'poll.useList', list });
    } catch {
      /* the page shows a rejection; a failed load says so below */
    }
  }

  _imported(list) {
    this.send({ type: 'poll.useList', list }).catch(() => {});
  }

  get preparation() {
    return true;
  }

  get preparationNeeded() {
    return false;
  }

  /** Revealing closes the vote: ask first when some participants have not answered yet. */
  _revealConfirm(q) {
    const total = this.view?.session?.participantCount ?? 0;
    if (q.status !== 'OPEN' || (q.answered ?? 0) >= total || isText(kindOf(q))) return undefined;
    return { title: t('poll.step.revealTitle'), text: t('poll.step.revealText', { n: q.answered ?? 0, total }), confirmLabel: t('poll.step.reveal') };
  }

  get nextStep() {
    const a = this.activity;
    const q = a?.question;
    const ask = { id: 'poll-ask', label: t('poll.step.ask'), after: t('poll.step.reveal') };
    if (this.view?.session?.phase !== 'ACTIVITY') return ask;
    if (q && q.status !== 'REVEALED') {
      return {
        id: `poll-reveal-${q.id}`, label: t(q.status === 'CLOSED' ? 'poll.step.revealOnly' : 'poll.step.reveal'), confirm: this._revealConfirm(q), after: t('poll.step.askAnother'),
        run: () => this.send({ type: 'poll.reveal', questionId: q.id }), done: t('poll.step.revealed'),
      };
    }
    if (this._text.trim()) return { ...ask, run: () => this._ask(), done: t('poll.step.asked') };
    const next = nextPrepared(a);
    if (next >= 0) {
      return { id: `poll-ask-prepared-${next}`, label: t('poll.step.askPrepared', { n: next + 1, text: a.prepared.questions[next].text }),
        after: t('poll.step.reveal'), run: () => this.send({ type: 'poll.askPrepared', index: next }), done: t('poll.step.asked') };
    }
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
    const { command, problem } = formCommand(this);
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
    if (this.consoleTab === 'prep') return preparedList(this, activity, false);
    return html`
      ${q ? this._renderCurrent(q, phase) : nothing}
      ${q && isText(kindOf(q)) ? moderation(this, q) : nothing}
      ${phase === 'ACTIVITY' && activity.prepared ? preparedList(this, activity, true) : nothing}
      ${phase === 'ACTIVITY' ? askForm(this, q) : phase === 'LOBBY' ? html`<p class="notice">${t('poll.console.startFirst')}</p>` : nothing}
      ${history.length ? this._renderHistory(history) : nothing}
    `;
  }

  _result(q, testid) {
    const kind = kindOf(q);
    if (kind === 'WORDS') return q.cloud?.length ? cloud(q.cloud, `${testid}-cloud`) : nothing;
    if (isText(kind)) return nothing;
    return html`${kind === 'SCALE' ? html`<p data-testid="${testid}-mean">${meanText(q)}</p>` : nothing}
      <bar-chart .items=${barItems(q, null)} .base=${barBase(q)} testid=${testid}></bar-chart>`;
  }

  _renderCurrent(q, phase) {
    const total = this.view?.session?.participantCount ?? 0;
    const live = phase === 'ACTIVITY';
    return html`<section class="panel poll-current" aria-labelledby="poll-current-title" data-testid="poll-current">
      <h3 class="panel__title" id="poll-current-title">${t('poll.console.current')}</h3>
      <div class="poll-current__head">
        <p class="question question--console" data-testid="question-text">${q.text}</p>
        <span class="badge" data-testid="question-kind">${kindLabel(kindOf(q))}</span>
        <span class="badge badge--${q.status.toLowerCase()}" data-testid="question-status">${statusLabel(q.status)}</span>
      </div>
      ${q.status === 'OPEN' && q.deadline ? html`<count-down .deadline=${q.deadline}></count-down>` : nothing}
      <p class="count" data-testid="answered-count">${t('poll.answeredOf', { answered: formatNumber(q.answered ?? 0), total: formatNumber(total) })}</p>
      ${this._result(q, 'console-bar')}
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
                <span class="muted"> — ${kindLabel(kindOf(q))} · ${tn('poll.answers', q.answered ?? 0)} · ${statusLabel(q.status)}</span>
              </summary>
              ${this._result(q, `history-${i}-bar`)}
            </details>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}

customElements.define('poll-console', PollConsole);
