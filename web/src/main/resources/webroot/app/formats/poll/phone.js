import { FormatElement, state } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import '../../components/count-down.js';
import { t, tn } from '../../i18n/index.js';
import { barItems, letter } from './shared.js';

/** Phone: the question, big option buttons, then the revealed distribution. */
const PENDING_AFTER_MS = 1000;

class PollPhone extends FormatElement {
  static properties = state({ _choice: null, _state: 'idle', _message: '' });

  constructor() {
    super();
    this._questionId = null;
    this._attempt = 0;
  }

  willUpdate() {
    const id = this.activity?.question?.id ?? null;
    if (id !== this._questionId) {
      this._questionId = id;
      this._choice = null;
      this._state = 'idle';
      this._message = '';
    }
  }

  _answer(question, option) {
    if (question.status !== 'OPEN' || !this.send) return;
    this._choice = option;
    this._state = 'sending';
    this._message = '';
    const attempt = ++this._attempt;
    // No answer from the server within a second (offline, a lost link): say it is waiting, not sent.
    setTimeout(() => {
      if (attempt === this._attempt && this._state === 'sending') this._state = 'pending';
    }, PENDING_AFTER_MS);
    this.send({ type: 'poll.answer', questionId: question.id, option }).then(
      () => {
        if (attempt === this._attempt) this._state = 'saved';
      },
      (error) => {
        if (attempt !== this._attempt) return;
        this._state = 'error';
        this._message = error?.message || t('common.rejected');
        this._choice = null;
      },
    );
  }

  render() {
    const activity = this.activity ?? {};
    const q = activity.question;
    if (!q) {
      return html`<section class="card card--center" data-testid="poll-waiting">
        <p class="lead" role="status">${activity.asked ? t('poll.phone.next') : t('poll.phone.waiting')}</p>
      </section>`;
    }
    const mine = this._choice ?? q.myAnswer ?? null;
    const open = q.status === 'OPEN';
    const revealed = q.status === 'REVEALED';
    return html`<section class="poll-phone" aria-labelledby="poll-question">
      <h2 id="poll-question" class="question" data-testid="question-text">${q.text}</h2>
      ${open && q.deadline ? html`<count-down .deadline=${q.deadline}></count-down>` : nothing}
      ${revealed ? nothing : this._renderOptions(q, mine, open)}
      <div class="poll-phone__result" aria-live="polite">${revealed ? this._renderRevealed(q, mine) : nothing}</div>
      <p class="answer-status answer-status--${this._state}" role="status" aria-live="polite" data-testid="answer-status">
        ${this._statusText(q, mine)}
      </p>
    </section>`;
  }

  _renderOptions(q, mine, open) {
    return html`<div class="options" role="group" aria-labelledby="poll-question">
      ${q.options.map(
        (label, i) => html`<button
          type="button"
          class="option ${mine === i ? 'option--selected' : ''}"
          aria-pressed=${mine === i ? 'true' : 'false'}
          ?disabled=${!open}
          data-testid="option-${i}"
          @click=${() => this._answer(q, i)}
        >
          <span class="option__letter" aria-hidden="true">${letter(i)}</span>
          <span class="option__text">${label}</span>
          ${mine === i && this._state === 'pending'
            ? html`<span class="option__pending" data-testid="option-pending">${t('phone.pendingMark')}</span>`
            : mine === i && this._state !== 'sending' ? html`<span class="option__check" aria-hidden="true" data-testid="option-check">✓</span>` : nothing}
        </button>`,
      )}
    </div>`;
  }

  _renderRevealed(q, mine) {
    let verdict = nothing;
    if (q.correct !== undefined && q.correct !== null) {
      if (mine === null) verdict = html`<p class="verdict" data-testid="verdict">${t('poll.phone.noAnswer')}</p>`;
      else if (mine === q.correct) verdict = html`<p class="verdict verdict--right" data-testid="verdict">${t('poll.phone.right')}</p>`;
      else verdict = html`<p class="verdict verdict--wrong" data-testid="verdict">${t('poll.phone.wrong', { answer: `${letter(q.correct)}. ${q.options[q.correct]}` })}</p>`;
    }
    return html`${verdict}
      <bar-chart .items=${barItems(q, mine)} testid="reveal-bar" caption=${tn('poll.answers', q.answered ?? 0)}></bar-chart>`;
  }

  _statusText(q, mine) {
    if (this._state === 'sending') return t('poll.phone.sending');
    if (this._state === 'pending') return t('phone.pendingStatus');
    if (this._state === 'error') return this._message;
    if (q.status === 'CLOSED') return mine !== null ? t('poll.phone.closedAnswered') : t('poll.phone.closed');
    if (q.status === 'REVEALED') return '';
    if (this._state === 'saved' || (mine !== null && mine === q.myAnswer)) return t('poll.phone.saved');
    return t('poll.phone.choose');
  }
}

customElements.define('poll-phone', PollPhone);
