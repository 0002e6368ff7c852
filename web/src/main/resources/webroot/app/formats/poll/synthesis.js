import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import { t, tn } from '../../i18n/index.js';
import { barItems, letter } from './shared.js';

/** Synthesis: every question with its distribution and the correct answer. */
class PollSynthesis extends FormatElement {
  render() {
    const r = this.results;
    const questions = Array.isArray(r) ? r : Array.isArray(r?.questions) ? r.questions : [];
    if (!questions.length) return html`<p class="muted" data-testid="synth-no-questions">${t('poll.synthesis.none')}</p>`;
    return html`<ol class="synth-questions">
      ${questions.map(
        (q, i) => html`<li class="synth-question" data-testid="synth-question-${i}">
          <h3>${t('poll.synthesis.question', { n: i + 1 })} ${q.text}</h3>
          <p class="muted">${tn('poll.answers', q.answered ?? 0)}${q.correct !== null && q.correct !== undefined
            ? html` · ${t('poll.synthesis.correct')} <strong>${letter(q.correct)}. ${q.options?.[q.correct]}</strong>`
            : nothing}</p>
          <bar-chart .items=${barItems({ ...q, options: q.options ?? [] }, null)} testid="synth-q${i}-bar"></bar-chart>
        </li>`,
      )}
    </ol>`;
  }
}

customElements.define('poll-synthesis', PollSynthesis);
