import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { barBase, barItems, cloud, kindLabel, kindOf, letter, meanText } from './shared.js';
import { wall } from './phone-parts.js';

/** Synthesis: every question with its type's result (bars, mean, cloud, wall, the room's questions by votes). */
class PollSynthesis extends FormatElement {
  render() {
    const r = this.results;
    const questions = Array.isArray(r) ? r : Array.isArray(r?.questions) ? r.questions : [];
    if (!questions.length) return html`<p class="muted" data-testid="synth-no-questions">${t('poll.synthesis.none')}</p>`;
    return html`<ol class="synth-questions">
      ${questions.map(
        (q, i) => html`<li class="synth-question" data-testid="synth-question-${i}">
          <h3>${t('poll.synthesis.question', { n: i + 1 })} ${q.text}</h3>
          <p class="muted">${kindLabel(kindOf(q))} · ${tn('poll.answers', q.answered ?? 0)}${q.correct !== null && q.correct !== undefined
            ? html` · ${t('poll.synthesis.correct')} <strong>${letter(q.correct)}. ${q.options?.[q.correct]}</strong>`
            : nothing}</p>
          ${this._result({ ...q, options: q.options ?? [] }, i)}
        </li>`,
      )}
    </ol>`;
  }

  _result(q, i) {
    const kind = kindOf(q);
    if (kind === 'WORDS') return q.cloud?.length ? cloud(q.cloud, `synth-q${i}-cloud`) : html`<p class="muted">${t('poll.noWords')}</p>`;
    if (kind === 'OPEN') return wall(q.entries ?? [], `synth-q${i}-wall`);
    if (kind === 'QA') {
      const entries = q.entries ?? [];
      return entries.length ? html`<ol class="poll-qa__list" data-testid="synth-q${i}-qa">${entries.map((e) => html`<li class="poll-qa__item">
        <span class="poll-qa__text">${e.text}${e.answered ? html` <span class="tag">${t('poll.answered')}</span>` : nothing}</span>
        <span>${t('poll.votes', { n: formatNumber(e.votes ?? 0) })}</span></li>`)}</ol>` : html`<p class="muted">${t('poll.noTexts')}</p>`;
    }
    return html`${kind === 'SCALE' ? html`<p data-testid="synth-q${i}-mean">${meanText(q)}</p>` : nothing}
      <bar-chart .items=${barItems(q, null)} .base=${barBase(q)} testid="synth-q${i}-bar"
        caption=${kind === 'RANKING' ? t('poll.rankingCaption', { n: q.answered ?? 0 }) : ''}></bar-chart>`;
  }
}

customElements.define('poll-synthesis', PollSynthesis);
