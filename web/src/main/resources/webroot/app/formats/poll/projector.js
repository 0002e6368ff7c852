import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import '../../components/count-down.js';
import { t, formatNumber } from '../../i18n/index.js';
import { barItems, letter, statusLabel } from './shared.js';

/** Projector: the question in large type, live answer count, countdown, then the bar chart. */
class PollScreen extends FormatElement {
  render() {
    const activity = this.activity ?? {};
    const q = activity.question;
    if (!q) {
      return html`<section class="screen-panel screen-panel--center" data-testid="poll-waiting">
        <p class="screen-lead">${t('poll.screen.waiting')}</p>
      </section>`;
    }
    const total = this.view?.session?.participantCount ?? 0;
    const revealed = q.status === 'REVEALED';
    // Everything must fit on one projected screen: long questions and many options get smaller type.
    const length = q.text.length;
    const questionSize = length > 110 ? 'screen-question--long' : length > 60 ? 'screen-question--medium' : '';
    const many = q.options.length > 4 || q.options.some((o) => o.length > 40) ? 'screen-options--many' : '';
    return html`<section class="screen-panel poll-screen">
      <div class="poll-screen__meta">
        <span class="badge badge--${q.status.toLowerCase()}" data-testid="question-status">${statusLabel(q.status)}</span>
        ${q.status === 'OPEN' && q.deadline ? html`<count-down .deadline=${q.deadline}></count-down>` : nothing}
        <p class="screen-answered" data-testid="answered-count" data-answered=${q.answered ?? 0}>
          ${t('poll.answeredOf', { answered: formatNumber(q.answered ?? 0), total: formatNumber(total) })}
        </p>
      </div>
      <h2 class="screen-question ${questionSize}" data-testid="question-text">${q.text}</h2>
      ${revealed
        ? html`<bar-chart .items=${barItems(q, null)} testid="reveal-bar" size="large"></bar-chart>`
        : html`<ol class="screen-options ${many}">
            ${q.options.map(
              (label, i) => html`<li class="screen-option" data-testid="screen-option-${i}">
                <span class="option__letter" aria-hidden="true">${letter(i)}</span><span>${label}</span>
              </li>`,
            )}
          </ol>`}
    </section>`;
  }
}

customElements.define('poll-screen', PollScreen);
