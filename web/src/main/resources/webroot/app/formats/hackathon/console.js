import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import '../../components/count-down.js';
import { t, tn } from '../../i18n/index.js';
import { copyText } from '../../util.js';
import { PROBLEM, SOLUTION, STAGES, TIMED, challengeOf, fieldLabel, newTeamForm, resultsView, stageHead, stageLabel, stepsList, teamName } from './shared.js';
import { randomSeed } from '../../random.js';
import { HackathonConsoleKit } from './console-kit.js';
import { describer, runStep } from '../../components/next-step.js';

/** Console: challenges and rubric (edit, import, export), jury links, teams, phases and timers, pitches, prizes. */
class HackathonConsole extends HackathonConsoleKit {
  /** What its own buttons changed, in words (the page's status region). */
  describe = describer('hackathon', ['extend', 'setup', 'inviteJury', 'revokeJury', 'createTeam', 'balanceTeams', 'pitchOrder']);

  get preparation() {
    return true;
  }

  get preparationNeeded() {
    return !this.activity?.kit;
  }

  /** Changing phase cannot be undone on the server: the command waits 5 s, with "Annuler". */
  _advanceStep(a) {
    const next = STAGES[STAGES.indexOf(a.stage) + 1];
    if (!next) return null;
    const timed = TIMED.includes(next);
    const label = next === 'RESULTS' ? t('hackathon.console.reveal') : t('hackathon.console.goTo', { stage: stageLabel(next) });
    const run = async () => {
      const command = { type: 'hackathon.advance', to: next };
      if (timed && String(this._minutes).trim() !== '') command.minutes = Number(this._minutes);
      if (next === 'PITCH') command.seed = randomSeed();
      await this.send(command);
      this._minutes = '';
    };
    return { id: `hk-advance-${next}`, label, run, undoSeconds: 5, done: t('hackathon.step.advanced', { stage: stageLabel(next) }) };
  }

  get nextStep() {
    const a = this.activity ?? {};
    if (!a.stage) return null;
    if (this.view?.session?.phase === 'LOBBY') {
      const open = { id: 'hk-open', label: t('hackathon.step.open'), opening: true, after: t('hackathon.console.goTo', { stage: stageLabel('UNDERSTAND') }) };
      if (!a.kit) return { ...open, disabled: t('hackathon.step.needKit') };
      return { ...open, run: () => Promise.resolve(), done: t('hackathon.step.opened') };
    }
    const advance = this._advanceStep(a);
    if (a.stage === 'PITCH') {
      const p = a.pitch ?? { order: [], done: [] };
      const id = p.order.find((x) => !p.done.includes(x) && x !== p.current);
      if (id) {
        const team = teamName(a, id);
        return { id: `hk-pitch-${id}`, label: t('hackathon.step.pitch', { team }), after: advance?.label,
          run: () => this.send({ type: 'hackathon.pitch', teamId: id }), done: t('hackathon.step.pitchStarted', { team }) };
      }
    }
    if (!advance) return null;
    const after = STAGES[STAGES.indexOf(a.stage) + 2];
    return { ...advance, after: after ? stageLabel(after) : undefined };
  }

  render() {
    const phase = this.view?.session?.phase;
    const a = this.activity ?? {};
    if (!a.stage) return nothing;
    const teamsLive = a.stage === 'TEAMS' && phase === 'ACTIVITY';
    if (this.consoleTab === 'prep') {
      return html`<div class="hk stack" data-testid="hk-console" data-stage=${a.stage}>
        ${a.stage === 'TEAMS' && (phase === 'LOBBY' || phase === 'ACTIVITY') ? this._renderSetup(a) : this._renderKitSummary(a)}
        ${this._renderJury(a)} ${teamsLive ? nothing : this._renderTeams(a, phase)}
      </div>`;
    }
    return html`<div class="hk stack" data-testid="hk-console" data-stage=${a.stage}>
      <section class="panel">${stepsList(a.stage)} ${stageHead(a, { testid: 'hk-console-stage' })}
        ${phase === 'ACTIVITY' ? this._renderStageControls(a) : nothing}
      </section>
      ${teamsLive ? this._renderTeams(a, phase) : nothing}
      ${a.stage === 'PITCH' ? this._renderPitchControls(a) : nothing}
      ${a.results && ['PITCH', 'VOTE', 'RESULTS'].includes(a.stage) ? html`<section class="panel" data-testid="hk-console-scores">
          <h3 class="panel__title">${a.results.revealed ? t('hackathon.results.title') : t('hackathon.console.liveResults')}</h3>
          ${a.results.revealed ? nothing : html`<p class="hint">${t('hackathon.console.liveResultsHint', { jury: a.votes?.juryBallots ?? 0, public: a.votes?.publicBallots ?? 0 })}</p>`}
          ${resultsView(a, a.results, { testid: 'hk-console-results' })}
        </section>` : nothing}
      ${a.stage !== 'TEAMS' ? this._renderWorkspaces(a) : nothing}
    </div>`;
  }

  _renderStageControls(a) {
    const i = STAGES.indexOf(a.stage);
    const next = STAGES[i + 1];
    const timed = next && TIMED.includes(next);
    const defaultMinutes = timed ? a.settings?.[`${next.toLowerCase()}Minutes`] ?? '' : '';
    const advance = (event) => {
      event.preventDefault();
      runStep(this, this._advanceStep(a));
    };
    return html`${next
        ? html`<form class="row" @submit=${advance} data-testid="hk-advance-form">
            ${timed
              ? html`<label for="hk-minutes">${t('hackathon.console.minutes')}</label>
                  <input id="hk-minutes" type="number" min="0" max="480" inputmode="numeric" data-testid="hk-minutes" placeholder=${String(defaultMinutes)}
                    .value=${live(String(this._minutes))} @input=${(e) => (this._minutes = e.target.value)} />`
              : nothing}
            <button type="submit" class="btn btn--secondary" data-testid="hk-advance" data-next=${next}>
              ${next === 'RESULTS' ? t('hackathon.console.reveal') : t('hackathon.console.goTo', { stage: stageLabel(next) })}</button>
          </form>`
        : nothing}
      ${a.stage !== 'TEAMS' && a.stage !== 'RESULTS'
        ? html`<div class="row">
            <button type="button" class="btn btn--secondary btn--small" data-testid="hk-extend"
              @click=${() => this._run({ type: 'hackathon.extend', minutes: 5 })}>${t('hackathon.console.extend')}</button>
          </div>`
        : nothing}`;
  }

  _renderJury(a) {
    const seats = a.jury ?? [];
    const links = this._links ?? {};
    return html`<section class="panel" data-testid="hk-jury">
      <h3 class="panel__title">${t('hackathon.jury.title')}</h3>
      <p class="hint">${t('hackathon.jury.hint')}</p>
      ${a.stage !== 'RESULTS'
        ? html`<form class="input-row" @submit=${this._invite}>
            <label class="visually-hidden" for="hk-jury-label">${t('hackathon.jury.label')}</label>
            <input id="hk-jury-label" type="text" maxlength="40" placeholder=${t('hackathon.jury.label')} data-testid="hk-jury-label"
              .value=${live(this._juryLabel)} @input=${(e) => (this._juryLabel = e.target.value)} />
            <button type="submit" class="btn btn--secondary" data-testid="hk-jury-create">${t('hackathon.jury.create')}</button>
          </form>`
        : nothing}
      <ul class="stack" role="list">
        ${seats.map((s) => html`<li data-testid="hk-seat-${s.id}">
          <strong>${s.label}</strong> — <span data-testid="hk-seat-${s.id}-holder">${s.holder ? t('hackathon.jury.heldBy', { name: s.holder }) : t('hackathon.jury.free')}</span>
          <span class="muted">· ${tn('hackathon.ballots', s.ballots)}</span>
          ${links[s.id]
            ? html`<div class="input-row">
                <label class="visually-hidden" for="hk-link-${s.id}">${t('hackathon.jury.link')}</label>
                <input id="hk-link-${s.id}" class="hk-link" type="text" readonly .value=${this._juryUrl(links[s.id])} data-testid="hk-jury-link-${s.id}" />
                <button type="button" class="btn btn--secondary btn--small"
                  @click=${(e) => copyText(this._juryUrl(links[s.id]), e.target.previousElementSibling)}>${t('console.copy')}</button>
              </div>`
            : html`<p class="hint">${t('hackathon.jury.linkElsewhere')}</p>`}
          ${a.stage !== 'RESULTS'
            ? html`<button type="button" class="btn btn--ghost btn--small" data-testid="hk-seat-${s.id}-revoke"
                @click=${() => this._run({ type: 'hackathon.revokeJury', seatId: s.id })}>${t('hackathon.jury.revoke')}</button>`
            : nothing}
        </li>`)}
      </ul>
    </section>`;
  }

  _renderTeams(a, phase) {
    const people = (this.view?.participants ?? []).filter((p) => p.active);
    const jurors = new Set((a.jury ?? []).map((j) => j.holderId).filter(Boolean));
    const teamOf = new Map();
    for (const team of a.teams) for (const m of team.people ?? []) teamOf.set(m.id, team.id);
    const open = a.stage !== 'PITCH' && a.stage !== 'VOTE' && a.stage !== 'RESULTS';
    const create = async (event) => {
      event.preventDefault();
      const name = this._teamName.trim();
      if (name && (await this._run({ type: 'hackathon.createTeam', name }))) this._teamName = '';
    };
    return html`<section class="panel" data-testid="hk-console-teams">
      <h3 class="panel__title">${t('hackathon.teams.title')} (${a.teams.length})</h3>
      <div class="hk-grid">
        ${a.teams.map((team) => html`<div class="hk-team" data-testid="hk-console-team-${team.id}">
          <h4>${team.name}</h4>
          <p class="hk-members">${team.members.join(', ') || t('hackathon.teams.empty')}</p>
          ${open && a.kit
            ? html`<label for="hk-ch-${team.id}" class="visually-hidden">${t('hackathon.challenge.label')}</label>
                <select id="hk-ch-${team.id}" data-testid="hk-console-challenge-${team.id}"
                  @change=${(e) => this._run({ type: 'hackathon.chooseChallenge', teamId: team.id, challengeId: e.target.value || null })}>
                  <option value="" ?selected=${!team.challengeId}>${t('hackathon.challenge.none')}</option>
                  ${a.kit.challenges.map((c) => html`<option value=${c.id} ?selected=${c.id === team.challengeId}>${c.title}</option>`)}
                </select>`
            : html`<p class="muted">${challengeOf(a, team.challengeId)?.title ?? t('hackathon.challenge.none')}</p>`}
          ${open && a.stage === 'TEAMS'
            ? html`<button type="button" class="btn btn--ghost btn--small" @click=${() => this._run({ type: 'hackathon.removeTeam', teamId: team.id })}>
                ${t('hackathon.console.removeTeam')}</button>`
            : nothing}
        </div>`)}
      </div>
      ${open
        ? newTeamForm(this, { id: 'hk-console-team-name', button: 'hk-console-create-team', onSubmit: create })
        : nothing}
      ${a.stage === 'TEAMS' && phase === 'ACTIVITY'
        ? html`<div class="input-row">
            <label for="hk-team-count">${t('hackathon.console.teamCount')}</label>
            <input id="hk-team-count" type="number" min="1" max="50" data-testid="hk-team-count" .value=${live(this._teamCount)}
              @input=${(e) => (this._teamCount = e.target.value)} />
            <button type="button" class="btn btn--secondary" data-testid="hk-balance"
              @click=${() => this._run({ type: 'hackathon.balanceTeams', seed: randomSeed(), teams: Number(this._teamCount) || null })}>
              ${t('hackathon.console.balance')}</button>
          </div>`
        : nothing}
      ${open && people.length
        ? html`<details><summary>${t('hackathon.console.people')} (${people.length})</summary>
            <ul class="people">
              ${people.map((p) => html`<li class="people__item">
                <label for="hk-move-${p.id}">${p.nickname}</label>
                ${jurors.has(p.id)
                  ? html` <span class="tag">${t('hackathon.jury.juror')}</span>`
                  : html`<select id="hk-move-${p.id}" data-testid="hk-move-${p.nickname}"
                      @change=${(e) => this._run({ type: 'hackathon.moveMember', participantId: p.id, teamId: e.target.value || null })}>
                      <option value="" ?selected=${!teamOf.has(p.id)}>${t('hackathon.console.noTeam')}</option>
                      ${a.teams.map((team) => html`<option value=${team.id} ?selected=${teamOf.get(p.id) === team.id}>${team.name}</option>`)}
                    </select>`}
              </li>`)}
            </ul></details>`
        : nothing}
    </section>`;
  }

  _renderPitchControls(a) {
    const p = a.pitch ?? { order: [], done: [] };
    const move = (i, delta) => {
      const order = [...p.order];
      const [x] = order.splice(i, 1);
      order.splice(i + delta, 0, x);
      this._run({ type: 'hackathon.pitchOrder', order });
    };
    return html`<section class="panel" data-testid="hk-pitch-controls">
      <h3 class="panel__title">${t('hackathon.pitch.order')}</h3>
      ${p.current && p.deadline && !p.timeUp ? html`<count-down .deadline=${p.deadline}></count-down>` : nothing}
      ${p.timeUp ? html`<p class="hk-timeup">${t('hackathon.pitch.timeUp')}</p>` : nothing}
      <ol class="hk-order">
        ${p.order.map((id, i) => html`<li aria-current=${id === p.current ? 'true' : 'false'} data-testid="hk-pitch-row-${id}">
          ${teamName(a, id)} ${p.done.includes(id) ? '✓' : ''}
          <span class="row">
            <button type="button" class="btn btn--secondary btn--small" data-testid="hk-pitch-${id}"
              @click=${() => this._run({ type: 'hackathon.pitch', teamId: id })}>
              ${id === p.current ? t('hackathon.pitch.restart') : t('hackathon.pitch.start')}</button>
            <button type="button" class="btn btn--ghost btn--small" ?disabled=${i === 0} aria-label=${t('hackathon.pitch.up', { team: teamName(a, id) })}
              @click=${() => move(i, -1)}>↑</button>
            <button type="button" class="btn btn--ghost btn--small" ?disabled=${i === p.order.length - 1}
              aria-label=${t('hackathon.pitch.down', { team: teamName(a, id) })} @click=${() => move(i, 1)}>↓</button>
          </span>
        </li>`)}
      </ol>
      ${p.current
        ? html`<button type="button" class="btn btn--secondary" data-testid="hk-pitch-stop"
            @click=${() => this._run({ type: 'hackathon.pitch', teamId: null })}>${t('hackathon.pitch.stop')}</button>`
        : nothing}
    </section>`;
  }

  _renderWorkspaces(a) {
    return html`<section class="panel" data-testid="hk-workspaces">
      <h3 class="panel__title">${t('hackathon.console.workspaces')}</h3>
      ${a.teams.map((team) => {
        const ws = team.workspace;
        if (!ws) return nothing;
        return html`<details data-testid="hk-workspace-${team.id}">
          <summary><strong>${team.name}</strong> — ${t('hackathon.console.progress', { problem: team.progress.problem, solution: team.progress.solution, ideas: team.progress.ideas })}</summary>
          <dl class="hk-solution">
            ${[...PROBLEM, ...SOLUTION].filter((id) => ws.fields[id]?.text).map((id) => html`<dt>${fieldLabel(id)}</dt><dd>${ws.fields[id].text}</dd>`)}
          </dl>
          ${ws.ideas.length ? html`<h4>${t('hackathon.ideas.title')}</h4><ul>${ws.ideas.map((i) => html`<li>${i.text} — ${i.by} (● ${i.dots})</li>`)}</ul>` : nothing}
        </details>`;
      })}
    </section>`;
  }
}

customElements.define('hackathon-console', HackathonConsole);
