import { FormatElement, state } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import '../../components/count-down.js';
import { t, tn } from '../../i18n/index.js';
import { barBase, barItems, cloud, kindOf, letter, meanText, scaleLabel } from './shared.js';
import { rankingList, textAnswers } from './phone-parts.js';

/**
 * Phone: the question, then what its type asks (option buttons, boxes to tick, a scale, an order to
 * arrange, a text to send, the room's questions to support), then the revealed result. Every send
 * says "sending", "waiting for the network" or "saved" in a polite live region.
 */
const PENDING_AFTER_MS = 1000;

class PollPhone extends FormatElement {
  static properties = state({ _choice: null, _picks: null, _order: null, _draft: '', _moved: '', _state: 'idle', _message: '' });

  constructor() {
    super();
    this._questionId = null;
    this._attempt = 0;
  }

  willUpdate() {
    const q = this.activity?.question;
    const id = q?.id ?? null;
    if (id !== this._questionId) {
      this._questionId = id;
      this._choice = null;
      this._picks = null;
      this._order = null;
      this._draft = '';
      this._moved = '';
      this._state = 'idle';
      this._message = '';
    }
  }

  /** Sends {@code command}; {@code undo} runs when the server refuses it. */
  _send(command, undo = () => {}) {
    if (!this.send) return Promise.resolve();
    this._state = 'sending';
    this._message = '';
    const attempt = ++this._attempt;
    // No answer from the server within a second (offline, a lost link): say it is waiting, not sent.
    setTimeout(() => {
      if (attempt === this._attempt && this._state === 'sending') this._state = 'pending';
    }, PENDING_AFTER_MS);
    return this.send(command).then(
      () => {
        if (attempt === this._attempt) this._state = 'saved';
      },
      (error) => {
        if (attempt !== this._attempt) return;
        this._state = 'error';
        this._message = error?.message || t('common.rejected');
        undo();
      },
    );
  }

  _answer(question, option) {
    if (question.status !== 'OPEN') return;
    this._choice = option;
    this._send({ type: 'poll.answer', questionId: question.id, option }, () => (this._choice = null));
  }

  _toggle(question, option) {
    const current = this._picks ?? question.myPicks ?? [];
    this._picks = current.includes(option) ? current.filter((o) => o !== option) : [...current, option].sort((a, b) => a - b);
    this._state = 'idle';
  }

  _sendPicks(question) {
    const options = this._picks ?? question.myPicks ?? [];
    if (!options.length) {
      this._state = 'error';
      this._message = t('poll.phone.pickOne');
      return;
    }
    this._send({ type: 'poll.choose', questionId: question.id, options });
  }

  render() {
    const activity = this.activity ?? {};
    const q = activity.question;
    if (!q) {
      return html`<section class="card card--center" data-testid="poll-waiting">
        <p class="lead" role="status">${activity.asked ? t('poll.phone.next') : t('poll.phone.waiting')}</p>
      </section>`;
    }
    const kind = kindOf(q);
    const open = q.status === 'OPEN';
    const revealed = q.status === 'REVEALED';
    return html`<section class="poll-phone poll-phone--${kind.toLowerCase()}" aria-labelledby="poll-question" data-kind=${kind}>
      <p class="poll-kind" data-testid="question-kind">${t(`poll.phone.how.${kind}`)}</p>
      <h2 id="poll-question" class="question" data-testid="question-text">${q.text}</h2>
      ${open && q.deadline ? html`<count-down .deadline=${q.deadline}></count-down>` : nothing}
      ${this._renderInput(q, kind, open, revealed)}
      <div class="poll-phone__result" aria-live="polite">${revealed ? this._renderRevealed(q, kind) : nothing}</div>
      <p class="answer-status answer-status--${this._state}" role="status" aria-live="polite" data-testid="answer-status">
        ${this._statusText(q, kind)}
      </p>
    </section>`;
  }

  _renderInput(q, kind, open, revealed) {
    if (kind === 'WORDS' || kind === 'OPEN' || kind === 'QA') return textAnswers(this, q, kind, open);
    if (revealed) return nothing;
    if (kind === 'RANKING') return rankingList(this, q, open);
    if (kind === 'MULTIPLE') return this._renderMultiple(q, open);
    const mine = this._choice ?? q.myAnswer ?? null;
    const ends = kind === 'SCALE' && (q.scale?.minLabel || q.scale?.maxLabel)
      ? html`<p class="poll-scale-ends" aria-hidden="true" data-testid="scale-ends">
          <span>${q.scale.minLabel ? `${q.options[0]} : ${q.scale.minLabel}` : ''}</span>
          <span>${q.scale.maxLabel ? `${q.options[q.options.length - 1]} : ${q.scale.maxLabel}` : ''}</span></p>`
      : nothing;
    return html`${ends}<div class="options ${kind === 'SCALE' ? 'options--scale' : ''}" role="group" aria-labelledby="poll-question">
      ${q.options.map(
        (label, i) => html`<button type="button" class="option ${mine === i ? 'option--selected' : ''}"
          aria-pressed=${mine === i ? 'true' : 'false'} ?disabled=${!open} data-testid="option-${i}" @click=${() => this._answer(q, i)}>
          ${kind === 'SCALE' ? nothing : html`<span class="option__letter" aria-hidden="true">${letter(i)}</span>`}
          <span class="option__text">${label}${kind === 'SCALE' && scaleLabel(q, i) !== label
            ? html`<span class="visually-hidden">${scaleLabel(q, i).slice(label.length)}</span>` : nothing}</span>
          ${this._mark(mine === i)}
        </button>`,
      )}
    </div>`;
  }

  _mark(selected) {
    if (!selected) return nothing;
    if (this._state === 'pending') return html`<span class="option__pending" data-testid="option-pending">${t('phone.pendingMark')}</span>`;
    return this._state !== 'sending' ? html`<span class="option__check" aria-hidden="true" data-testid="option-check">✓</span>` : nothing;
  }

  _renderMultiple(q, open) {
    const picks = this._picks ?? q.myPicks ?? [];
    const sent = !this._picks || JSON.stringify(this._picks) === JSON.stringify(q.myPicks ?? null);
    return html`<div class="options" role="group" aria-labelledby="poll-question">
        ${q.options.map(
          (label, i) => html`<button type="button" role="checkbox" class="option ${picks.includes(i) ? 'option--selected' : ''}"
            aria-checked=${picks.includes(i) ? 'true' : 'false'} ?disabled=${!open} data-testid="option-${i}"
            @click=${() => this._toggle(q, i)}>
            <span class="option__letter" aria-hidden="true">${picks.includes(i) ? '☑' : '☐'}</span>
            <span class="option__text">${label}</span>
            ${this._mark(picks.includes(i) && sent && q.myPicks)}
          </button>`,
        )}
      </div>
      ${open ? html`<button type="button" class="btn btn--primary btn--block" data-testid="poll-send-picks"
        @click=${() => this._sendPicks(q)}>${t('poll.phone.sendPicks')}</button>` : nothing}`;
  }

  _renderRevealed(q, kind) {
    if (kind === 'WORDS') return q.cloud?.length ? cloud(q.cloud, 'phone-cloud') : html`<p class="muted">${t('poll.noWords')}</p>`;
    if (kind === 'OPEN' || kind === 'QA') return nothing;
    const mine = kind === 'MULTIPLE' ? q.myPicks ?? [] : q.myAnswer ?? null;
    let verdict = nothing;
    if (q.correct !== undefined && q.correct !== null) {
      if (mine === null) verdict = html`<p class="verdict" data-testid="verdict">${t('poll.phone.noAnswer')}</p>`;
      else if (mine === q.correct) verdict = html`<p class="verdict verdict--right" data-testid="verdict">${t('poll.phone.right')}</p>`;
      else verdict = html`<p class="verdict verdict--wrong" data-testid="verdict">${t('poll.phone.wrong', { answer: `${letter(q.correct)}. ${q.options[q.correct]}` })}</p>`;
    }
    const caption = kind === 'RANKING' ? t('poll.rankingCaption', { n: q.answered ?? 0 }) : tn('poll.answers', q.answered ?? 0);
    return html`${verdict}
      ${kind === 'SCALE' ? html`<p class="lead" data-testid="scale-mean">${meanText(q)}</p>` : nothing}
      <bar-chart .items=${barItems(q, mine)} .base=${barBase(q)} testid="reveal-bar" caption=${caption}></bar-chart>`;
  }

  _statusText(q, kind) {
    if (this._state === 'sending') return t('poll.phone.sending');
    if (this._state === 'pending') return t('phone.pendingStatus');
    if (this._state === 'error') return this._message;
    const answered = kind === 'MULTIPLE' || kind === 'RANKING' ? Boolean(q.myPicks) : kind === 'WORDS' || kind === 'OPEN' || kind === 'QA'
      ? (q.mine ?? []).length > 0 : (this._choice ?? q.myAnswer ?? null) !== null;
    if (q.status === 'CLOSED') return answered ? t('poll.phone.closedAnswered') : t('poll.phone.closed');
    if (q.status === 'REVEALED') return '';
    if (this._state === 'saved') return t(`poll.phone.saved.${kind}`);
    if (answered) return t(`poll.phone.saved.${kind}`);
    return t(`poll.phone.choose.${kind}`);
  }
}

customElements.define('poll-phone', PollPhone);
