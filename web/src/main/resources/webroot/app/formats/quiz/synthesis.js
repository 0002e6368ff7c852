import { FormatElement } from '../../components/format-element.js';
import { html } from 'lit';
import '../../components/bar-chart.js';
import { t, tn } from '../../i18n/index.js';
import { answerBars, renderBoard, renderExplanation, typeHint } from './shared.js';

/** Synthesis: ranking, each question with its distribution and explanation, each participant's part. */
class QuizSynthesis extends FormatElement {
  render() {
    const r = this.results;
    if (!r) return html`<p class="muted" data-testid="quiz-synth-empty">${t('quiz.synthesis.none')}</p>`;
    return html`<div class="quiz-stack" data-testid="quiz-synthesis">
      <p>${r.bankTitle} · ${t(`quiz.pacing.${r.pacing}`)} · ${tn('quiz.questions', r.questionCount)}</p>
      <h3 class="panel__subtitle">${t('quiz.end.ranking')}</h3>
      ${renderBoard(r.teams, { testid: 'quiz-synth-ranking', withTime: true })}
      <h3 class="panel__subtitle">${t('quiz.synthesis.questions')}</h3>
      <ol class="synth-questions">
        ${(r.questions ?? []).map(
          (q) => html`<li class="synth-question" data-testid="quiz-synth-question-${q.position}">
            <h4>${q.position}. ${q.text}</h4>
            <p class="muted">${typeHint(q.type)} · ${t('quiz.rightOf', { n: q.right, total: q.answered })}</p>
            ${renderExplanation({ rightLabel: q.rightAnswer, explanation: q.explanation, source: q.source })}
            <bar-chart .items=${answerBars({ distribution: q.distribution })} testid="quiz-synth-q${q.position}-bar"></bar-chart>
          </li>`,
        )}
      </ol>
      <h3 class="panel__subtitle">${t('quiz.synthesis.participants')}</h3>
      <table class="quiz-board" data-testid="quiz-synth-participants">
        <thead><tr><th scope="col">${t('quiz.synthesis.nickname')}</th><th scope="col">${t('quiz.board.team')}</th>
          <th scope="col" class="num">${t('quiz.synthesis.changes')}</th><th scope="col" class="num">${t('quiz.synthesis.final')}</th>
          <th scope="col" class="num">${t('quiz.board.right')}</th></tr></thead>
        <tbody>
          ${(r.participants ?? []).map(
            (p) => html`<tr><td>${p.nickname}</td><td>${p.team ?? '—'}</td><td class="num">${p.changes}</td>
              <td class="num">${p.finalAnswers}</td><td class="num">${p.rightFinalAnswers}</td></tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('quiz-synthesis', QuizSynthesis);
