import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { challengeOf, resultsView, solutionList, stageHead, stepsList, teamName } from './shared.js';

/** Projector: the stage and its countdown, each team's progress, the pitch order and timer, then the prizes. */
class HackathonScreen extends FormatElement {
  render() {
    const a = this.activity ?? {};
    if (!a.stage) return nothing;
    return html`<section class="screen-panel hk hk-screen" data-testid="hk-screen" data-stage=${a.stage}>
      ${stepsList(a.stage)} ${stageHead(a)}
      ${a.stage === 'TEAMS' ? this._renderTeams(a) : nothing}
      ${['UNDERSTAND', 'IMAGINE', 'BUILD'].includes(a.stage) ? this._renderProgress(a) : nothing}
      ${a.stage === 'PITCH' ? this._renderPitch(a) : nothing}
      ${a.stage === 'VOTE' ? this._renderVote(a) : nothing}
      ${a.stage === 'RESULTS' ? resultsView(a, a.results, { testid: 'hk-screen-results' }) : nothing}
    </section>`;
  }

  _renderTeams(a) {
    return html`<p class="screen-lead">${t('hackathon.screen.forming')}</p>
      <ul class="hk-grid" role="list" data-testid="hk-screen-teams">
        ${a.teams.map((team) => html`<li class="hk-team" data-testid="hk-screen-team-${team.id}">
          <h3>${team.name}</h3>
          <p class="hk-members">${team.members.join(', ') || t('hackathon.teams.empty')}</p>
          <p class="muted">${challengeOf(a, team.challengeId)?.title ?? t('hackathon.challenge.none')}</p>
        </li>`)}
      </ul>
      ${a.kit ? html`<h2 class="panel__subtitle">${t('hackathon.challenge.all')}</h2>
        <ul class="hk-grid" role="list">${a.kit.challenges.map((c) => html`<li class="hk-challenge"><h3>${c.title}</h3>
          <p class="muted">${c.publics.join(' · ')}</p></li>`)}</ul>` : nothing}`;
  }

  _renderProgress(a) {
    return html`<ul class="hk-grid" role="list" data-testid="hk-screen-progress">
      ${a.teams.filter((x) => x.size > 0).map((team) => {
        const p = team.progress;
        return html`<li class="hk-team" data-testid="hk-screen-team-${team.id}">
          <h3>${team.name}</h3>
          <p class="muted">${challengeOf(a, team.challengeId)?.title ?? t('hackathon.challenge.none')} · ${tn('common.participants', team.size)}</p>
          <div class="hk-progress">
            <span>${t('hackathon.canvas.problem')}</span>
            <progress max=${p.problemOf} .value=${p.problem} aria-label=${t('hackathon.canvas.problem')}></progress>
            <span data-testid="hk-screen-team-${team.id}-problem">${p.problem}/${p.problemOf}</span>
            <span>${t('hackathon.ideas.title')}</span><span></span>
            <span data-testid="hk-screen-team-${team.id}-ideas">${formatNumber(p.ideas)}</span>
            <span>${t('hackathon.canvas.solution')}</span>
            <progress max=${p.solutionOf} .value=${p.solution} aria-label=${t('hackathon.canvas.solution')}></progress>
            <span data-testid="hk-screen-team-${team.id}-solution">${p.solution}/${p.solutionOf}</span>
          </div>
          ${p.writing ? html`<p class="hk-presence">✎ ${tn('hackathon.screen.writing', p.writing)}</p>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  _renderPitch(a) {
    const p = a.pitch ?? { order: [], done: [] };
    const current = p.current ? a.teams.find((x) => x.id === p.current) : null;
    return html`<div class="screen-split screen-split--aside">
      <div data-testid="hk-screen-pitch">
        ${current
          ? html`<p class="kicker">${t('hackathon.pitch.now')}</p>
              <h2 class="hk-pitch-name" data-testid="hk-screen-pitch-team">${current.name}</h2>
              <p class="muted">${challengeOf(a, current.challengeId)?.title ?? ''}</p>
              ${p.deadline && !p.timeUp ? html`<count-down .deadline=${p.deadline}></count-down>` : nothing}
              ${p.timeUp ? html`<p class="hk-timeup" data-testid="hk-screen-pitch-timeup">${t('hackathon.pitch.timeUp')}</p>` : nothing}
              ${solutionList(current.solution, { testid: 'hk-screen-solution' })}`
          : html`<p class="screen-lead">${t('hackathon.screen.pitchSoon')}</p>`}
      </div>
      <aside class="join-aside">
        <h2 class="panel__subtitle">${t('hackathon.pitch.order')}</h2>
        <ol class="hk-order" data-testid="hk-screen-order">
          ${p.order.map((id) => html`<li aria-current=${id === p.current ? 'true' : 'false'}>${teamName(a, id)}${p.done.includes(id) && id !== p.current ? ' ✓' : ''}</li>`)}
        </ol>
      </aside>
    </div>`;
  }

  _renderVote(a) {
    const v = a.votes ?? {};
    return html`<p class="screen-lead" data-testid="hk-screen-vote">${t('hackathon.screen.vote')}</p>
      <p class="screen-answered" data-testid="hk-screen-ballots">${t('hackathon.screen.ballots', { jury: formatNumber(v.juryBallots ?? 0), public: formatNumber(v.publicBallots ?? 0) })}</p>
      <ul class="hk-grid" role="list">
        ${a.teams.filter((x) => x.solution && Object.keys(x.solution).length).map((team) => html`<li class="hk-team">
          <h3>${team.name}</h3>${solutionList(team.solution, { testid: `hk-screen-solution-${team.id}` })}</li>`)}
      </ul>`;
  }
}

customElements.define('hackathon-screen', HackathonScreen);
