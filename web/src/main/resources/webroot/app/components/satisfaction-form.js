import { html, nothing } from 'lit';
import { LightElement, inputs, state } from './light-element.js';
import { t } from '../i18n/index.js';

const COMMENT_MAX = 500;

/** Phone: the 1–5 satisfaction rating with an optional comment; can be changed until the end. */
class SatisfactionForm extends LightElement {
  static properties = {
    ...inputs({ satisfaction: null, send: null }),
    ...state({ _score: null, _comment: '', _dirty: false, _state: 'idle', _message: '' }),
  };

  willUpdate(changed) {
    const mine = this.satisfaction?.mine;
    if (changed.has('satisfaction') && mine && !this._dirty && this._state !== 'sending') {
      this._score = mine.score;
      this._comment = mine.comment ?? '';
    }
  }

  _pick(score) {
    this._score = score;
    this._dirty = true;
    if (this._state !== 'sending') this._state = 'idle';
  }

  async _submit(event) {
    event.preventDefault();
    if (!this._score || !this.send || this._state === 'sending') return;
    const command = { type: 'session.rate', score: this._score };
    const comment = this._comment.trim();
    if (comment) command.comment = comment.slice(0, COMMENT_MAX);
    this._state = 'sending';
    this._message = '';
    try {
      await this.send(command);
      this._state = 'saved';
      this._dirty = false;
    } catch (error) {
      this._state = 'error';
      this._message = error?.message || t('common.rejected');
    }
  }

  render() {
    const saved = !this._dirty && (this._state === 'saved' || (this._state === 'idle' && this.satisfaction?.mine));
    const hasAnswered = Boolean(this.satisfaction?.mine) || this._state === 'saved';
    return html`<form class="satisfaction" @submit=${this._submit} aria-labelledby="sat-title" data-testid="satisfaction-form">
      <h2 id="sat-title" class="question">${t('sat.title')}</h2>
      <p id="sat-question" class="lead">${t('sat.question')}</p>
      <div class="rating" role="group" aria-labelledby="sat-question">
        ${[1, 2, 3, 4, 5].map(
          (n) => html`<button type="button" class="rating__btn ${this._score === n ? 'rating__btn--selected' : ''}"
            aria-pressed=${this._score === n ? 'true' : 'false'}
            aria-label=${t('sat.rate', { n, label: t(`sat.scale.${n}`) })}
            data-testid="rating-${n}" @click=${() => this._pick(n)}>${n}</button>`,
        )}
      </div>
      <div class="rating__legend" aria-hidden="true"><span>${t('sat.scale.1')}</span><span>${t('sat.scale.5')}</span></div>
      <div class="field">
        <label for="sat-comment">${t('sat.comment')}</label>
        <textarea id="sat-comment" rows="3" maxlength=${COMMENT_MAX} data-testid="satisfaction-comment" aria-describedby="sat-count"
          .value=${this._comment}
          @input=${(e) => {
            this._comment = e.target.value;
            this._dirty = true;
            if (this._state !== 'sending') this._state = 'idle';
          }}></textarea>
        <p id="sat-count" class="hint">${t('sat.count', { n: this._comment.length, max: COMMENT_MAX })}</p>
      </div>
      <button type="submit" class="btn btn--primary btn--block" data-testid="satisfaction-send" ?disabled=${!this._score || this._state === 'sending'}>
        ${hasAnswered ? t('sat.update') : t('sat.send')}
      </button>
      <div role="status" aria-live="polite" class="answer-status" data-testid="satisfaction-status">
        ${this._state === 'sending' ? t('sat.sending') : nothing}
        ${this._state === 'error' ? html`<span class="error-text">${this._message}</span>` : nothing}
        ${saved ? html`<p class="thanks" data-testid="satisfaction-thanks">${t('sat.thanks')}</p>` : nothing}
      </div>
    </form>`;
  }
}
customElements.define('satisfaction-form', SatisfactionForm);
