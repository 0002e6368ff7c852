// The format-specific part of the preparation form for Hack ton orientation (challenges, teams and
// their challenge, team settings), Dessine-moi le travail (a new project of the territory) and the
// poll (its prepared questions are a library list, chosen in prepare-form.js like a quiz bank),
// and the host commands they become. Kept apart from prepare-form.js.
import { html, nothing } from 'lit';
import { pt } from './messages.js';

/** The form's starting values for these formats. */
export const CONTENT_DEFAULTS = { kit: null, dropped: [], teamChallenges: {}, teamSize: '5', selfTeams: true,
  project: 'later', pName: '', pSector: '', pTerritory: '', pPublic: '' };

const teamNames = (v) => v.teams.split('\n').map((x) => x.trim()).filter(Boolean);
const kept = (v) => (v.kit ? v.kit.challenges.filter((c) => !v.dropped.includes(c.id)) : []);

/** Hackathon: the kit keeping the chosen challenges, the teams, then each team's challenge (ids t1, t2… in order). */
export function hackathonCommands(v) {
  const commands = [];
  if (v.kit) {
    const teamSize = v.teamSize === '' ? null : Number(v.teamSize);
    commands.push({ type: 'hackathon.setup', kit: { ...v.kit, challenges: kept(v) }, settings: { teamSize, selfTeams: v.selfTeams } });
  }
  teamNames(v).forEach((name) => commands.push({ type: 'hackathon.createTeam', name }));
  if (v.kit) {
    const ids = kept(v).map((c) => c.id);
    teamNames(v).forEach((name, i) => {
      const challengeId = v.teamChallenges[i];
      if (challengeId && ids.includes(challengeId)) commands.push({ type: 'hackathon.chooseChallenge', teamId: `t${i + 1}`, challengeId });
    });
  }
  return commands;
}

/** Dessine-moi: the project created when the session opens (its secret link is shown then, once). */
export function prioritisationProject(v) {
  if (v.project !== 'new') return null;
  return { new: { name: v.pName.trim(), sector: v.pSector.trim(), territory: v.pTerritory.trim(), targetPublic: v.pPublic.trim() } };
}

export function hackathonFields(v, set) {
  const names = teamNames(v);
  const challenges = kept(v);
  return html`
    ${v.kit ? html`<fieldset class="field" data-testid="pf-challenges"><legend>${pt('pl.hack.challenges')}</legend>
      ${v.kit.challenges.map((c) => html`<label class="check"><input type="checkbox" data-testid="pf-challenge-${c.id}"
        .checked=${!v.dropped.includes(c.id)}
        @change=${(e) => set('dropped', e.target.checked ? v.dropped.filter((x) => x !== c.id) : [...v.dropped, c.id])}> ${c.title}</label>`)}
    </fieldset>` : nothing}
    <div class="field"><label for="pf-teams">${pt('pl.form.teams')}</label>
      <textarea id="pf-teams" rows="3" data-testid="pf-teams" .value=${v.teams} @input=${(e) => set('teams', e.target.value)}></textarea></div>
    ${v.kit && names.length > 0 ? html`<fieldset class="field"><legend>${pt('pl.hack.teamChallenges')}</legend>
      ${names.map((name, i) => html`<div class="field"><label for="pf-team-challenge-${i}">${name}</label>
        <select id="pf-team-challenge-${i}" data-testid="pf-team-challenge-${i}"
          @change=${(e) => set('teamChallenges', { ...v.teamChallenges, [i]: e.target.value })}>
          <option value="">${pt('pl.hack.teamChooses')}</option>
          ${challenges.map((c) => html`<option value=${c.id} ?selected=${v.teamChallenges[i] === c.id}>${c.title}</option>`)}
        </select></div>`)}
    </fieldset>` : nothing}
    ${v.kit ? html`<div class="field"><label for="pf-team-size">${pt('pl.hack.teamSize')}</label>
        <input id="pf-team-size" type="number" min="1" max="12" data-testid="pf-team-size" .value=${v.teamSize}
          @input=${(e) => set('teamSize', e.target.value)}></div>
      <label class="check"><input type="checkbox" data-testid="pf-self-teams" .checked=${v.selfTeams}
        @change=${(e) => set('selfTeams', e.target.checked)}> ${pt('pl.hack.selfTeams')}</label>`
    : html`<p class="muted">${pt('pl.hack.noKit')}</p>`}`;
}

/** Dessine-moi: the words of the chosen vocabulary, as the phones will show them. */
export function vocabularyPreview(vocabulary) {
  const list = (key, entries) => html`<div><h3>${pt(key)}</h3>
    <ul class="planning__questions">${(entries ?? []).map((e) => html`<li>${e.label}${e.hint ? html` <span class="muted">— ${e.hint}</span>` : nothing}</li>`)}</ul></div>`;
  return html`<div class="field" data-testid="pf-vocabulary-preview">${list('pl.prio.profiles', vocabulary?.profiles)}${list('pl.prio.categories', vocabulary?.categories)}</div>`;
}

export function prioritisationFields(v, set) {
  const line = (key, id, label, max, required) => html`<div class="field"><label for=${id}>${pt(label)}</label>
    <input id=${id} type="text" maxlength=${max} ?required=${required} data-testid=${id} .value=${v[key]}
      @input=${(e) => set(key, e.target.value)}></div>`;
  return html`<fieldset class="field" aria-describedby="pf-project-hint"><legend>${pt('pl.prio.project')}</legend>
      <label class="check"><input type="radio" name="pf-project" value="later" data-testid="pf-project-later" .checked=${v.project !== 'new'}
        @change=${() => set('project', 'later')}> ${pt('pl.prio.later')}</label>
      <label class="check"><input type="radio" name="pf-project" value="new" data-testid="pf-project-new" .checked=${v.project === 'new'}
        @change=${() => set('project', 'new')}> ${pt('pl.prio.new')}</label>
      <p id="pf-project-hint" class="hint">${pt('pl.prio.hint')}</p>
    </fieldset>
    ${v.project === 'new' ? html`
      ${line('pSector', 'pf-p-sector', 'pl.prio.sector', 120, true)}
      ${line('pName', 'pf-p-name', 'pl.prio.name', 160, false)}
      ${line('pTerritory', 'pf-p-territory', 'pl.prio.territory', 120, false)}
      ${line('pPublic', 'pf-p-public', 'pl.prio.public', 200, false)}` : nothing}`;
}
