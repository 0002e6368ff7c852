import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { fieldLabel } from './shared.js';

/** Synthesis: the prizes, then a printable dossier of every project (one page per team). */
class HackathonSynthesis extends FormatElement {
  render() {
    const r = this.results;
    if (!r?.teams) return html`<p class="muted">${t('hackathon.synthesis.none')}</p>`;
    const name = (id) => r.teams.find((x) => x.id === id)?.name ?? id;
    const rubric = r.rubric ?? [];
    return html`<div class="stack" data-testid="hk-synthesis">
      <p>${r.kitTitle ?? ''}</p>
      <div class="hk-grid">
        <div class="hk-prize" data-testid="synth-hk-prize-jury"><h3>★ ${t('hackathon.results.juryPrize')}</h3>
          <p>${r.juryPrize?.length ? r.juryPrize.map(name).join(' · ') : t('hackathon.results.noVote')}</p></div>
        <div class="hk-prize" data-testid="synth-hk-prize-public"><h3>★ ${t('hackathon.results.publicPrize')}</h3>
          <p>${r.publicPrize?.length ? r.publicPrize.map(name).join(' · ') : t('hackathon.results.noVote')}</p></div>
      </div>
      <p class="muted">${t('hackathon.synthesis.counts', { teams: r.teams.length, jury: r.juryBallots ?? 0, public: r.publicBallots ?? 0 })}
        ${r.jury?.length ? html` · ${t('hackathon.synthesis.jurors', { names: r.jury.join(', ') })}` : nothing}</p>
      <table class="hk-table" data-testid="synth-hk-challenges">
        <caption>${t('hackathon.synthesis.challenges')}</caption>
        <thead><tr><th scope="col">${t('hackathon.synthesis.challenge')}</th><th scope="col" class="num">${t('hackathon.synthesis.teams')}</th></tr></thead>
        <tbody>${(r.challenges ?? []).map((c) => html`<tr><th scope="row">${c.title}</th><td class="num">${c.teams}</td></tr>`)}</tbody>
      </table>
      <h3>${t('hackathon.synthesis.dossier')}</h3>
      ${r.teams.map((team, i) => html`<article class="hk-dossier" data-testid="synth-hk-team-${i}">
        <p class="kicker">${t('hackathon.synthesis.project', { n: i + 1 })} · ${team.challengeTitle ?? t('hackathon.challenge.none')}</p>
        <h3 data-testid="synth-hk-team-${i}-name">${this._field(team.solution, 'name') || team.name}</h3>
        <p>${team.juryPrize ? html`<span class="hk-badge">★ ${t('hackathon.results.juryPrize')}</span>` : nothing}
          ${team.publicPrize ? html`<span class="hk-badge">★ ${t('hackathon.results.publicPrize')}</span>` : nothing}
          <strong>${team.name}</strong> — ${team.members.join(', ')}</p>
        <section>
          <h4>${t('hackathon.canvas.solution')}</h4>
          ${this._fields(team.solution, `synth-hk-team-${i}-solution`)}
        </section>
        <section>
          <h4>${t('hackathon.canvas.problem')}</h4>
          ${this._fields(team.problem, `synth-hk-team-${i}-problem`)}
        </section>
        <section>
          <h4>${t('hackathon.ideas.title')} (${team.ideas.length})</h4>
          ${team.ideas.length
            ? html`<ol>${team.ideas.map((idea) => html`<li>${idea.text} <span class="muted">— ${idea.author} · ● ${idea.dots}</span></li>`)}</ol>`
            : html`<p class="muted">${t('hackathon.ideas.none')}</p>`}
        </section>
        <section>
          <h4>${t('hackathon.synthesis.scores')}</h4>
          <table class="hk-table" data-testid="synth-hk-team-${i}-scores">
            <thead><tr><th scope="col">${t('hackathon.synthesis.criterion')}</th><th scope="col" class="num">${t('hackathon.synthesis.weight')}</th>
              <th scope="col" class="num">${t('hackathon.results.jury')}</th><th scope="col" class="num">${t('hackathon.results.public')}</th></tr></thead>
            <tbody>
              ${rubric.map((c) => html`<tr><th scope="row">${c.label}</th><td class="num">${c.weight}</td>
                <td class="num">${this._num(team.jury?.criteria?.[c.id])}</td><td class="num">${this._num(team.public?.criteria?.[c.id])}</td></tr>`)}
              <tr><th scope="row">${t('hackathon.synthesis.total')}</th><td></td>
                <td class="num"><strong>${this._num(team.jury?.total)}</strong> <span class="muted">(${tn('hackathon.ballots', team.jury?.ballots ?? 0)})</span></td>
                <td class="num"><strong>${this._num(team.public?.total)}</strong> <span class="muted">(${tn('hackathon.ballots', team.public?.ballots ?? 0)})</span></td></tr>
            </tbody>
          </table>
        </section>
      </article>`)}
    </div>`;
  }

  _num(v) {
    return v === undefined || v === null ? '—' : formatNumber(v, 2);
  }

  _field(fields, id) {
    return (fields ?? []).find((f) => f.id === id)?.text ?? '';
  }

  _fields(fields, testid) {
    const filled = (fields ?? []).filter((f) => f.text);
    if (!filled.length) return html`<p class="muted">${t('hackathon.solution.empty')}</p>`;
    return html`<dl class="hk-solution" data-testid=${testid}>
      ${filled.map((f) => html`<dt>${fieldLabel(f.id)}</dt><dd>${f.text}</dd>`)}
    </dl>`;
  }
}

customElements.define('hackathon-synthesis', HackathonSynthesis);
