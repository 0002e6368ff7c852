// A quiz printed as an answer sheet (issue 16, item 6): one line per question, boxes for choices,
// a line to write a number or a text. Never the answers.
import { html, nothing } from 'lit';
import { prt } from './messages.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function answer(q) {
  if (q.type === 'single' || q.type === 'multiple') {
    return html`<span class="print-quiz__how">${prt(q.type === 'single' ? 'pr.quiz.tick' : 'pr.quiz.tickMany')}</span>
      <ul class="print-boxes print-boxes--row">${(q.choices ?? []).map((c, i) => html`<li><span class="print-box"></span>${LETTERS[i] ?? ''}. ${c.text}</li>`)}</ul>`;
  }
  if (q.type === 'truefalse') {
    return html`<ul class="print-boxes print-boxes--row"><li><span class="print-box"></span>${prt('pr.quiz.true')}</li>
      <li><span class="print-box"></span>${prt('pr.quiz.false')}</li></ul>`;
  }
  return html`<span class="print-quiz__how">${prt('pr.quiz.write')}</span><span class="print-line"></span>`;
}

export function answerSheets(bank, copies, session) {
  const one = html`<section class="print-page print-sheet print-quiz" data-testid="print-quiz">
    <h2>${prt('pr.quiz.title', { title: bank.title })}</h2>
    ${session?.code ? html`<p class="print-field__hint">${prt('pr.forSession', { title: session.title, code: session.code })}</p>` : nothing}
    <div class="print-field print-field--inline"><span class="print-field__label">${prt('pr.quiz.name')}</span><span class="print-line"></span></div>
    <ol class="print-quiz__list">${(bank.questions ?? []).map((q, i) => html`<li class="print-quiz__item" data-testid="print-question">
      <span class="print-quiz__text"><span class="print-quiz__n">${i + 1}.</span> ${q.text}</span>${answer(q)}</li>`)}</ol>
  </section>`;
  return Array.from({ length: Math.max(1, copies) }, () => one);
}
