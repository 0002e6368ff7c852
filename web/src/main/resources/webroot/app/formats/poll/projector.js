import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import '../../components/count-down.js';
import { t, formatNumber } from '../../i18n/index.js';
import { barBase, barItems, cloud, kindLabel, kindOf, letter, meanText, scaleLabel, statusLabel } from './shared.js';
import { wall } from './phone-parts.js';

/**
 * Projector, read from the back of the room: the question in large type, the live answer count and
 * countdown; then the result of its type: bars (ranking: ordered by points), the word cloud sized by
 * count, the wall of approved texts, the room's questions by votes. Texts show live, as soon as the
 * facilitator lets them on the wall.
 */
class PollScreen extends FormatElement {
  render() {
    const activity = this.activity ?? {};
    const q = activity.question;
    if (!q) {
      return html`<section class="screen-panel screen-panel--center" data-testid="poll-waiting">
        <p class="screen-lead">${t('poll.screen.waiting')}</p>
      </section>`;
    }
    const kind = kindOf(q);
    const total = this.view?.session?.participantCount ?? 0;
    // Everything must fit on one projected screen: long questions and many options get smaller type.
    const length = q.text.length;
    const questionSize = length > 110 ? 'screen-question--long' : length > 60 ? 'screen-question--medium' : '';
    return html`<section class="screen-panel poll-screen poll-screen--${kind.toLowerCase()}" data-kind=${kind}>
      <div class="poll-screen__meta">
        <span class="badge badge--${q.status.toLowerCase()}" data-testid="question-status">${statusLabel(q.status)}</span>
        <span class="badge" data-testid="question-kind">${kindLabel(kind)}</span>
        ${q.status === 'OPEN' && q.deadline ? html`<count-down .deadline=${q.deadline}></count-down>` : nothing}
        <p class="screen-answered" data-testid="answered-count" data-answered=${q.answered ?? 0}>
          ${t('poll.answeredOf', { answered: formatNumber(q.answered ?? 0), total: formatNumber(total) })}
        </p>
      </div>
      <h2 class="screen-question ${questionSize}" data-testid="question-text">${q.text}</h2>
      ${this._body(q, kind)}
    </section>`;
  }

  _body(q, kind) {
    if (kind === 'WORDS') {
      return q.cloud?.length ? cloud(q.cloud, 'screen-cloud') : html`<p class="screen-lead">${t('poll.screen.wordsHint')}</p>`;
    }
    if (kind === 'OPEN') {
      return q.entries?.length ? wall(q.entries, 'screen-wall') : html`<p class="screen-lead">${t('poll.screen.openHint')}</p>`;
    }
    if (kind === 'QA') return this._questions(q);
    if (q.status === 'REVEALED') {
      return html`${kind === 'SCALE' ? html`<p class="screen-lead" data-testid="scale-mean">${meanText(q)}</p>` : nothing}
        <bar-chart .items=${barItems(q, null)} .base=${barBase(q)} testid="reveal-bar" size="large"></bar-chart>`;
    }
    if (kind === 'SCALE') {
      return html`<ol class="screen-scale" data-testid="screen-scale">
        ${q.options.map((_, i) => html`<li class="screen-scale__value">${scaleLabel(q, i)}</li>`)}
      </ol>`;
    }
    const many = q.options.length > 4 || q.options.some((o) => o.length > 40) ? 'screen-options--many' : '';
    return html`${kind !== 'SINGLE' ? html`<p class="screen-lead">${t(`poll.screen.hint.${kind}`)}</p>` : nothing}
      <ol class="screen-options ${many}">
        ${q.options.map(
          (label, i) => html`<li class="screen-option" data-testid="screen-option-${i}">
            <span class="option__letter" aria-hidden="true">${letter(i)}</span><span>${label}</span>
          </li>`,
        )}
      </ol>`;
  }

  _questions(q) {
    const entries = q.entries ?? [];
    if (!entries.length) return html`<p class="screen-lead">${t('poll.screen.qaHint')}</p>`;
    return html`<ol class="screen-qa" data-testid="screen-qa">
      ${entries.slice(0, 6).map((e, i) => html`<li class="screen-qa__item ${e.answered ? 'screen-qa__item--answered' : ''}"
          data-testid="screen-qa-${i}" data-votes=${e.votes ?? 0}>
        <span class="screen-qa__votes" aria-label=${t('poll.votes', { n: e.votes ?? 0 })}>▲ ${formatNumber(e.votes ?? 0)}</span>
        <span class="screen-qa__text">${e.text}</span>
        ${e.answered ? html`<span class="tag">${t('poll.answered')}</span>` : nothing}
      </li>`)}
    </ol>
    ${entries.length > 6 ? html`<p class="screen-lead">${t('poll.screen.more', { n: entries.length - 6 })}</p>` : nothing}`;
  }
}

customElements.define('poll-screen', PollScreen);
