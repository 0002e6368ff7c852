// "Hack ton orientation": teams take a challenge and go through timed phases (understand, imagine,
// build), pitch their project, and are scored by a jury and by the room on a weighted rubric.
// Several phones write in a team's canvases at once: every save names the revision it was written
// from, and when a teammate saved in between, both texts are shown to be merged (nothing is lost).
// The server decides what each view holds: another team's workspace never reaches a phone before
// its pitch, scores never reach a phone or the projector before the prizes.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';

export const STAGES = ['TEAMS', 'UNDERSTAND', 'IMAGINE', 'BUILD', 'PITCH', 'VOTE', 'RESULTS'];
export const PROBLEM = ['persona', 'situation', 'needs', 'obstacles', 'problem'];
export const SOLUTION = ['name', 'pitch', 'target', 'how', 'resources', 'firstStep'];
const TEAM_NAME_MAX = 30;
export const TIMED = ['UNDERSTAND', 'IMAGINE', 'BUILD', 'VOTE'];
export const stageLabel = (s) => t(`hackathon.stage.${s}`);
export const fieldLabel = (id) => t(`hackathon.field.${id}`);

/**
 * The form naming a new team, on the phone (a participant's own team) and on the console. It edits
 * `el._teamName`; `id` is the field's id and test id, `button` the button's test id.
 */
export function newTeamForm(el, { id, button, primary = false, testid, onSubmit }) {
  return html`<form class="input-row" @submit=${onSubmit} data-testid=${testid ?? nothing}>
    <label class="visually-hidden" for=${id}>${t('hackathon.teams.newName')}</label>
    <input id=${id} type="text" maxlength=${TEAM_NAME_MAX} placeholder=${t('hackathon.teams.newName')}
      data-testid=${id} .value=${live(el._teamName)} @input=${(e) => (el._teamName = e.target.value)} />
    <button type="submit" class=${primary ? 'btn btn--primary' : 'btn btn--secondary'} data-testid=${button}>${t('hackathon.teams.create')}</button>
  </form>`;
}

export function teamName(a, id) {
  return (a?.teams ?? []).find((x) => x.id === id)?.name ?? id;
}

export function challengeOf(a, id) {
  return (a?.kit?.challenges ?? []).find((c) => c.id === id) ?? null;
}

export function stepsList(stage) {
  const current = STAGES.indexOf(stage);
  return html`<ol class="hk-steps" aria-label=${t('hackathon.steps')}>
    ${STAGES.map((s, i) => html`<li aria-current=${i === current ? 'step' : 'false'} class=${i < current ? 'muted' : ''}>${stageLabel(s)}</li>`)}
  </ol>`;
}

/** The stage, its countdown or "time is up". */
export function stageHead(a, { testid = 'hk-stage' } = {}) {
  const timed = TIMED.includes(a.stage);
  return html`<div class="hk-head">
    <p class="hk-stage" data-testid=${testid} data-stage=${a.stage}>${stageLabel(a.stage)}</p>
    ${timed && a.deadline && !a.timeUp ? html`<count-down .deadline=${a.deadline}></count-down>` : nothing}
    ${timed && a.timeUp ? html`<p class="hk-timeup" role="status" data-testid="hk-time-up">${t('hackathon.timeUp')}</p>` : nothing}
  </div>`;
}

export function challengeCard(c, { open = false, testid = 'hk-challenge', heading = 'h3' } = {}) {
  if (!c) return nothing;
  const title = heading === 'h4' ? html`<h4>${c.title}</h4>` : html`<h3>${c.title}</h3>`;
  return html`<article class="hk-challenge" data-testid="${testid}-${c.id}">
    ${title}
    <details ?open=${open}>
      <summary>${t('hackathon.challenge.details')}</summary>
      <p>${c.statement}</p>
      ${c.publics?.length ? html`<p><strong>${t('hackathon.challenge.publics')}</strong> ${c.publics.join(' · ')}</p>` : nothing}
      ${c.questions?.length
        ? html`<p><strong>${t('hackathon.challenge.questions')}</strong></p>
            <ul>${c.questions.map((q) => html`<li>${q}</li>`)}</ul>`
        : nothing}
      ${c.resources?.length
        ? html`<p><strong>${t('hackathon.challenge.resources')}</strong></p>
            <ul>
              ${c.resources.map((r) => html`<li>${r.url ? html`<a href=${r.url} target="_blank" rel="noopener noreferrer">${r.name}</a>` : r.name}${r.description ? html` — ${r.description}` : nothing}</li>`)}
            </ul>`
        : nothing}
    </details>
  </article>`;
}

export function solutionList(solution, { testid = 'hk-solution' } = {}) {
  const entries = SOLUTION.filter((id) => solution?.[id]);
  if (!entries.length) return html`<p class="muted">${t('hackathon.solution.empty')}</p>`;
  return html`<dl class="hk-solution" data-testid=${testid}>
    ${entries.map((id) => html`<dt>${fieldLabel(id)}</dt><dd data-testid="${testid}-${id}">${solution[id]}</dd>`)}
  </dl>`;
}

export function scoreText(tally) {
  if (!tally || tally.total === undefined || tally.total === null) return '—';
  return t('hackathon.results.score', { score: formatNumber(tally.total, 2) });
}

/** Prizes and the ranking, once revealed (the console also sees them live). */
export function resultsView(a, results, { testid = 'hk-results' } = {}) {
  if (!results) return nothing;
  const names = (ids) => ids.map((id) => teamName(a, id)).join(' · ');
  const rows = [...results.teams].sort((x, y) => (x.jury?.rank ?? 99) - (y.jury?.rank ?? 99));
  return html`<section class="stack" data-testid=${testid}>
    <div class="hk-grid">
      <div class="hk-prize" data-testid="hk-prize-jury">
        <h3>★ ${t('hackathon.results.juryPrize')}</h3>
        <p data-testid="hk-prize-jury-teams">${results.juryPrize.length ? names(results.juryPrize) : t('hackathon.results.noVote')}</p>
      </div>
      <div class="hk-prize" data-testid="hk-prize-public">
        <h3>★ ${t('hackathon.results.publicPrize')}</h3>
        <p data-testid="hk-prize-public-teams">${results.publicPrize.length ? names(results.publicPrize) : t('hackathon.results.noVote')}</p>
      </div>
    </div>
    <div class="hk-table-wrap" role="region" tabindex="0" aria-label=${t('hackathon.results.caption')}><table class="hk-table" data-testid="${testid}-table">
      <caption class="visually-hidden">${t('hackathon.results.caption')}</caption>
      <thead><tr><th scope="col">${t('hackathon.results.team')}</th><th scope="col" class="num">${t('hackathon.results.jury')}</th>
        <th scope="col" class="num">${t('hackathon.results.public')}</th></tr></thead>
      <tbody>
        ${rows.map((r) => html`<tr data-testid="${testid}-${r.teamId}">
          <th scope="row">${r.name}</th>
          <td class="num"><strong class="hk-nowrap">${scoreText(r.jury)}</strong> <span class="muted">(${tn('hackathon.ballots', r.jury?.ballots ?? 0)})</span></td>
          <td class="num"><strong class="hk-nowrap">${scoreText(r.public)}</strong> <span class="muted">(${tn('hackathon.ballots', r.public?.ballots ?? 0)})</span></td>
        </tr>`)}
      </tbody>
    </table></div>
  </section>`;
}
