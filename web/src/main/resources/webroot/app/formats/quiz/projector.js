import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { TROPHY, answerBars, letter, rankLabel, renderBoard, renderExplanation, renderImage, renderProgress, typeHint } from './shared.js';

function renderPodium(ranking) {
  if (!ranking?.length) return html`<p class="screen-lead">${t('quiz.end.noTeams')}</p>`;
  const top = ranking.filter((r) => r.rank <= 3).slice(0, 3);
  const order = [top[1], top[0], top[2]].filter(Boolean);
  return html`<ol class="quiz-podium" data-testid="quiz-podium">
    ${order.map(
      (r) => html`<li class="quiz-podium__place quiz-podium__place--${Math.min(3, r.rank)}" data-testid="quiz-podium-${r.rank}">
        ${r.rank === 1 ? TROPHY : nothing}
        <span class="quiz-podium__name">${r.name}</span>
        <span class="quiz-podium__score">${tn('quiz.points', r.score)}</span>
        <span class="quiz-podium__block" aria-hidden="true">${r.rank}</span>
        <span class="visually-hidden">${rankLabel(r.rank)}</span>
      </li>`,
    )}
  </ol>`;
}

/** Projector: teams, question with countdown, reveal, scoreboard, progress board, podium and debrief. */
class QuizScreen extends FormatElement {
  render() {
    const a = this.activity ?? {};
    if (a.stage === 'FINISHED') return this._renderEnd(a);
    if (a.stage === 'PLAYING') return a.live ? this._renderLive(a) : this._renderChallenge(a);
    return this._renderSetup(a);
  }

  _teams(a) {
    const teams = a.teams ?? [];
    if (!teams.length) return html`<p class="screen-lead">${t('quiz.screen.noTeams')}</p>`;
    return html`<ul class="quiz-teams" data-testid="quiz-screen-teams">
      ${teams.map(
        (team) => html`<li class="quiz-team" data-testid="quiz-screen-team-${team.id}">
          <p class="quiz-team__name">${team.name} <span class="muted">(${formatNumber(team.size ?? team.members.length)})</span></p>
          <ul class="quiz-team__members">${team.members.map((m) => html`<li>${m.nickname}</li>`)}${(team.size ?? 0) > team.members.length
            ? html`<li>${t('quiz.team.more', { n: team.size - team.members.length })}</li>` : nothing}</ul>
        </li>`,
      )}
    </ul>`;
  }

  _renderSetup(a) {
    return html`<section class="screen-panel quiz-stack" data-testid="quiz-screen-setup">
      <h2 class="screen-question">${a.bank ? a.bank.title : t('quiz.title')}</h2>
      <p class="screen-lead">${a.bank ? html`${tn('quiz.questions', a.bank.questions)} · ${t(`quiz.pacing.${a.settings?.pacing ?? 'live'}`)}` : t('quiz.screen.soon')}</p>
      <p class="screen-lead">${a.settings?.selfTeams ? t('quiz.screen.joinTeam') : t('quiz.screen.teamsByFacilitator')}</p>
      ${this._teams(a)}
      ${a.unassignedCount ? html`<p class="screen-answered" data-testid="quiz-unassigned">${tn('quiz.unassigned', a.unassignedCount)}</p>` : nothing}
    </section>`;
  }

  _renderLive(a) {
    const live = a.live ?? {};
    const q = live.question;
    if (!q) {
      return html`<section class="screen-panel quiz-stack" data-testid="quiz-screen-ready">
        <h2 class="screen-question">${t('quiz.screen.ready')}</h2>
        ${this._teams(a)}
      </section>`;
    }
    const revealed = live.status === 'REVEALED';
    if (revealed && live.scoreboard) {
      return html`<section class="screen-panel" data-testid="quiz-screen-scoreboard">
        <h2 class="screen-question">${t('quiz.screen.scoreboard', { n: live.asked, total: live.total })}</h2>
        ${renderBoard(a.scoreboard, { testid: 'quiz-scoreboard' })}
      </section>`;
    }
    return html`<section class="screen-panel" data-testid="quiz-screen-question" data-question=${q.id} data-status=${live.status}>
      <div class="poll-screen__meta">
        <span class="badge badge--${live.status === 'OPEN' ? 'open' : live.status === 'LOCKED' ? 'closed' : 'revealed'}" data-testid="question-status">
          ${t(`quiz.status.${live.status}`)}</span>
        <span class="quiz-kicker">${t('quiz.questionOf', { n: live.asked, total: live.total })} · ${typeHint(q.type)}</span>
        ${live.status === 'OPEN' && live.deadline ? html`<count-down .deadline=${live.deadline}></count-down>` : nothing}
      </div>
      <div class="quiz-split ${revealed ? 'quiz-split--2' : ''}">
        <div>
          ${renderImage(q)}
          <h2 class="screen-question" data-testid="question-text">${q.text}</h2>
          ${revealed
            ? html`<bar-chart .items=${answerBars(live.reveal)} testid="quiz-reveal-bar" size="large"></bar-chart>`
            : q.choices
              ? html`<ol class="quiz-screen-choices">
                  ${q.choices.map(
                    (c, i) => html`<li class="screen-option"><span class="option__letter" aria-hidden="true">${letter(i)}</span><span>${c.text}</span></li>`,
                  )}
                </ol>`
              : html`<p class="quiz-screen-hint">${t(`quiz.screen.hint.${q.type}`)}</p>`}
          <p class="screen-answered" data-testid="answered-count" data-count=${live.answered ?? 0}>
            ${t('quiz.teamsAnsweredOf', { n: formatNumber(live.answered ?? 0), total: formatNumber(live.teamCount ?? 0) })}</p>
        </div>
        ${revealed ? html`<div>${renderExplanation(live.reveal, true)}</div>` : nothing}
      </div>
    </section>`;
  }

  _renderChallenge(a) {
    const c = a.challenge ?? {};
    return html`<section class="screen-panel" data-testid="quiz-screen-challenge">
      <h2 class="screen-question">${a.bank?.title ?? t('quiz.title')}</h2>
      ${c.deadline ? html`<div class="quiz-big-clock" data-testid="quiz-time-left"><count-down .deadline=${c.deadline}></count-down></div>` : nothing}
      ${renderProgress(c.progress, c.total)}
    </section>`;
  }

  _renderEnd(a) {
    const end = a.end ?? {};
    if (end.current) {
      const item = end.current;
      return html`<section class="screen-panel" data-testid="quiz-screen-debrief" data-index=${item.index}>
        <p class="quiz-kicker">${t('quiz.debrief.title', { n: item.index + 1 })} / ${end.debriefCount}</p>
        <div class="quiz-split quiz-split--2">
          <div>
            ${renderImage(item.question)}
            <h2 class="screen-question">${item.question.text}</h2>
            <bar-chart .items=${answerBars(item.reveal)} testid="quiz-debrief-bar" size="large"></bar-chart>
          </div>
          <div>${renderExplanation(item.reveal, true)}</div>
        </div>
      </section>`;
    }
    const rest = (end.ranking ?? []).filter((r) => r.rank > 3);
    return html`<section class="screen-panel" data-testid="quiz-screen-podium">
      <h2 class="screen-question">${t('quiz.end.title')}</h2>
      ${renderPodium(end.ranking)}
      ${rest.length ? renderBoard(rest, { testid: 'quiz-ranking-rest' }) : nothing}
    </section>`;
  }
}

customElements.define('quiz-screen', QuizScreen);
