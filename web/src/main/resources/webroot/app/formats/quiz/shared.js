// "Challenge numérique": the team quiz. Phones choose a team and answer for it (teammates see the
// team's answer live, with who changed it last); the projector shows questions, countdowns,
// reveals, the progress board and the podium; the console picks a bank, sets the game up and
// drives it. Scores come from the server; nothing here computes them.
import { html, nothing } from 'lit';
import { styleProps } from '../../components/style-props.js';
import { t, formatNumber } from '../../i18n/index.js';

export const TEAM_NAME_MAX = 30;
export const letter = (i) => String.fromCharCode(65 + i);

export const TROPHY = html`<svg class="quiz-trophy" viewBox="0 0 64 64" role="img" aria-label="${t('quiz.trophy')}" data-testid="trophy">
  <path d="M18 6h28v14c0 9-6 16-14 16s-14-7-14-16V6z" fill="#e9b53b" stroke="#8a6212" stroke-width="2" />
  <path d="M18 10H8v4c0 7 5 12 11 12M46 10h10v4c0 7-5 12-11 12" fill="none" stroke="#8a6212" stroke-width="3" />
  <rect x="28" y="36" width="8" height="10" fill="#c9962b" stroke="#8a6212" stroke-width="2" />
  <rect x="18" y="46" width="28" height="8" rx="2" fill="#7a4a00" />
  <path d="M32 12l2.5 5 5.5.8-4 3.9.9 5.5-4.9-2.6-4.9 2.6.9-5.5-4-3.9 5.5-.8z" fill="#fff6d6" />
</svg>`;

export function rankLabel(rank) {
  return t(rank === 1 ? 'quiz.rank.first' : 'quiz.rank.other', { n: rank });
}

export function typeHint(type) {
  return t(`quiz.type.${type}`);
}

export function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

export function sameSiteOrHttp(url) {
  return typeof url === 'string' && (/^https?:\/\//i.test(url) || (url.startsWith('/') && !url.startsWith('//')));
}

export function seconds(ms) {
  return formatNumber((ms ?? 0) / 1000, 1);
}

export function answerBars(reveal, mineKeys = []) {
  return (reveal?.distribution ?? []).map((b) => ({
    label: b.label,
    value: b.count,
    correct: b.right,
    mine: mineKeys.includes(b.key),
  }));
}

export function renderImage(q) {
  // { src, alt } since issue 16; a bare address (older banks) keeps the generic description.
  const src = typeof q?.image === 'string' ? q.image : q?.image?.src;
  if (!src || !sameSiteOrHttp(src)) return nothing;
  const alt = typeof q.image === 'object' && q.image.alt ? q.image.alt : t('quiz.imageAlt');
  return html`<img class="quiz-image" src=${src} alt=${alt} data-testid="quiz-image" />`;
}

export function renderExplanation(reveal, large = false) {
  if (!reveal) return nothing;
  const url = safeUrl(reveal.source?.url);
  return html`<div class="quiz-explain" data-testid="quiz-explanation">
    <p><span class="quiz-kicker">${t('quiz.rightAnswer')}</span><br /><span class="quiz-right" data-testid="quiz-right-answer">${reveal.rightLabel}</span></p>
    ${reveal.explanation ? html`<p>${reveal.explanation}</p>` : nothing}
    ${reveal.source
      ? html`<p class="quiz-source" data-testid="quiz-source">${t('quiz.source')}
          ${url && !large
            ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${reveal.source.name ?? url}<span class="visually-hidden"> ${t('common.newWindow')}</span></a>`
            : html`<strong>${reveal.source.name ?? ''}</strong>${url ? html` — ${url}` : nothing}`}
        </p>`
      : nothing}
  </div>`;
}

export function renderBoard(rows, { myTeam = null, testid = 'quiz-scoreboard', caption = null, withTime = false, compact = false } = {}) {
  if (!rows?.length) return nothing;
  return html`<table class="quiz-board" data-testid=${testid}>
    ${caption ? html`<caption class="visually-hidden">${caption}</caption>` : nothing}
    <thead><tr>
      <th scope="col" class="num">${t('quiz.board.rank')}</th>
      <th scope="col">${t('quiz.board.team')}</th>
      <th scope="col" class="num">${t('quiz.board.points')}</th>
      ${compact ? nothing : html`<th scope="col" class="num">${t('quiz.board.right')}</th>`}
      ${withTime ? html`<th scope="col" class="num">${t('quiz.board.time')}</th>` : nothing}
    </tr></thead>
    <tbody>
      ${rows.map(
        (r) => html`<tr class=${r.teamId === myTeam ? 'quiz-board--mine' : ''} data-testid="${testid}-row" data-team=${r.teamId}>
          <td class="num">${r.rank}</td>
          <td>${r.name}</td>
          <td class="num" data-testid="${testid}-score">${formatNumber(r.score)}</td>
          ${compact ? nothing : html`<td class="num">${formatNumber(r.right)}</td>`}
          ${withTime ? html`<td class="num">${seconds(r.timeMs)} s</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

export function renderProgress(progress, total) {
  return html`<ol class="quiz-progress" data-testid="quiz-progress">
    ${(progress ?? []).map((p) => {
      const pct = total ? Math.round((100 * p.answered) / total) : 0;
      return html`<li class="quiz-progress__row" data-testid="quiz-progress-${p.teamId}" data-answered=${p.answered}>
        <span class="quiz-progress__name">${p.name}${p.submittedAt ? html` <span class="tag tag--correct">${t('quiz.submitted')}</span>` : nothing}</span>
        <span class="quiz-progress__track" aria-hidden="true"><span class="quiz-progress__fill" ${styleProps({ width: `${pct}%` })}></span></span>
        <span class="quiz-progress__value">${t('quiz.progress', { n: formatNumber(p.answered), total: formatNumber(total) })}</span>
      </li>`;
    })}
  </ol>`;
}
