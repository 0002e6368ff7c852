// "Dessine-moi le travail": a project on a job, a territory and a target public, over several
// sessions. Phones choose an anonymous profile and post short contributions; the console moderates
// them and groups them into themes; proposals are voted with dots (and rated for impact and
// feasibility); the facilitator reveals the ranking and turns the top proposals into an action plan
// that later sessions of the project update. The server decides what each view holds: no phone and
// no projector sees a tally before the reveal, and nobody's name is ever tied to a contribution.
import { html, nothing } from 'lit';
import { styleProps } from '../../components/style-props.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { saveFile, storage } from '../../util.js';

export const PROFILES = ['young', 'jobseeker', 'employee', 'employer', 'partner', 'other'];
export const KINDS = ['representation', 'experience', 'difficulty', 'proposal'];
export const CATEGORIES = ['conditions', 'recruitment', 'communication', 'valorisation', 'other'];
export const SIDES = ['public', 'employers', 'others'];
export const STATUSES = ['planned', 'in_progress', 'done', 'dropped'];
export const TEXT_MAX = 280;
export const PROJECTS_KEY = 'atelier.projects';
/** The session's own vocabulary (issue 16: profiles and categories relabelled), set by the view being drawn; null: the catalogue's words. */
let words = null;
export function useWords(vocabulary) {
  words = vocabulary && typeof vocabulary === 'object' ? vocabulary : null;
}
const sessionWord = (vocabulary, id) => {
  const list = vocabulary === 'profile' ? words?.profiles : vocabulary === 'category' ? words?.categories : null;
  return Array.isArray(list) ? list.find((e) => e && e.id === id) : undefined;
};
export const label = (vocabulary, id) => sessionWord(vocabulary, id)?.label || t(`prio.${vocabulary}.${id}`);
/** The session vocabulary's hint under a profile or a category, or ''. */
export const hint = (vocabulary, id) => sessionWord(vocabulary, id)?.hint || '';

export function sideOf(profile) {
  if (profile === 'young' || profile === 'jobseeker') return 'public';
  return profile === 'employer' ? 'employers' : 'others';
}

/** The projects this device created or continued (id, key, name): the key is a secret, kept like a host token. */
export function savedProjects() {
  const list = storage.get(PROJECTS_KEY);
  return Array.isArray(list) ? list.filter((p) => p && typeof p.id === 'string' && typeof p.key === 'string') : [];
}

export function saveProject(project) {
  const list = savedProjects().filter((p) => p.id !== project.id);
  list.unshift({ id: project.id, key: project.key, name: project.name ?? project.id, savedAt: Date.now() });
  storage.set(PROJECTS_KEY, list.slice(0, 30));
}

export function projectKeyFor(id) {
  return savedProjects().find((p) => p.id === id)?.key ?? null;
}

export function projectUrl(id, key) {
  return `/projets/${encodeURIComponent(id)}${key ? `#k=${encodeURIComponent(key)}` : ''}`;
}

/** Reads "…/projets/ID#k=KEY" as pasted by a facilitator. */
export function parseProjectLink(text) {
  const m = String(text ?? '').match(/projets\/(pj_[A-Za-z0-9_-]{1,40})#k=([A-Za-z0-9_-]{16,100})/);
  return m ? { id: m[1], key: m[2] } : null;
}

/** Downloads the project's action plan as CSV (the key goes in a header, not in a URL). */
export async function downloadPlan(id, key) {
  const response = await fetch(`/api/projects/${encodeURIComponent(id)}/plan.csv`, {
    headers: { Authorization: `Bearer ${key}` },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(t('prio.project.csvError'));
  saveFile(await response.blob(), `plan-d-action-${id}.csv`);
}

export function frenchDate(iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).split('-');
  return d && m && y ? `${d}/${m}/${y}` : String(iso);
}

export function miniBars(entries, vocabulary, side, testid) {
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return html`<ul class="prio-minibars" data-testid=${testid ?? nothing}>
    ${entries.map(
      ([key, n]) => html`<li data-key=${key} data-value=${n}>
        <span class="prio-minibars__label">${label(vocabulary, key)}</span>
        <span class="prio-minibar ${side ? 'prio-minibar--side' : ''}" aria-hidden="true"><span ${styleProps({ width: `${(100 * n) / max}%` })}></span></span>
        <span class="prio-num">${formatNumber(n)}</span>
      </li>`,
    )}
  </ul>`;
}

/** A theme's counts, by category and by side of the room, side by side. */
export function themeCard(theme, { testid, extra = nothing, onDrop = null, withProfiles = false } = {}) {
  const counts = theme.counts ?? {};
  const byCategory = CATEGORIES.map((c) => [c, counts.byCategory?.[c] ?? 0]).filter(([, n]) => n > 0);
  const bySide = SIDES.map((s) => [s, counts.bySide?.[s] ?? 0]);
  // Short side names keep the bars readable; the full names head the category × side table.
  const byProfile = [...PROFILES, 'unspecified'].map((p) => [p, counts.byProfile?.[p] ?? 0]).filter(([, n]) => n > 0);
  const drop = onDrop
    ? {
        over: (e) => {
          e.preventDefault();
          e.currentTarget.classList.add('prio-theme--drop');
        },
        leave: (e) => e.currentTarget.classList.remove('prio-theme--drop'),
        drop: (e) => {
          e.preventDefault();
          e.currentTarget.classList.remove('prio-theme--drop');
          const id = e.dataTransfer?.getData('text/plain');
          if (id) onDrop(id);
        },
      }
    : null;
  return html`<article class="prio-theme ${theme.recurring ? 'prio-theme--recurring' : ''}" data-testid=${testid ?? nothing}
    data-count=${counts.count ?? 0} @dragover=${drop?.over ?? nothing} @dragleave=${drop?.leave ?? nothing} @drop=${drop?.drop ?? nothing}>
    <div class="prio-theme__head">
      <h3 class="prio-theme__name">${theme.name ?? t('prio.theme.none')}</h3>
      <span class="prio-theme__count"><span aria-hidden="true">${formatNumber(counts.count ?? 0)}</span><span class="visually-hidden">${tn('prio.voices', counts.count ?? 0)}</span></span>
    </div>
    <ul class="prio-chips">
      ${theme.recurring ? html`<li class="prio-chip prio-chip--recurring" data-testid="recurring">${t('prio.theme.recurring')}</li>` : nothing}
      ${theme.shared ? html`<li class="prio-chip prio-chip--shared">${t('prio.theme.shared')}</li>` : nothing}
      ${theme.earlier ? html`<li class="prio-chip prio-chip--earlier">${t('prio.earlier')}</li>` : nothing}
    </ul>
    <div class="prio-split">
      <div><h4>${t('prio.byCategory')}</h4>${byCategory.length ? miniBars(byCategory, 'category', false) : html`<p class="muted">—</p>`}</div>
      <div><h4>${t('prio.bySide')}</h4>${miniBars(bySide, 'sideShort', true)}</div>
      ${withProfiles && byProfile.length ? html`<div><h4>${t('prio.byProfile')}</h4>${miniBars(byProfile, 'profile', true)}</div>` : nothing}
    </div>
    ${extra}
  </article>`;
}

/** The whole synthesis: themes from most to least raised, then what is in no theme yet. */
export function synthesisBlock(synthesis, { withProfiles = false, themeExtra = null, onDrop = null } = {}) {
  if (!synthesis) return nothing;
  const themes = synthesis.themes ?? [];
  const rest = synthesis.unthemed;
  return html`<div class="prio-themes" data-testid="prio-themes">
    ${themes.map((th, i) =>
      themeCard(th, {
        testid: `prio-theme-${i}`,
        withProfiles,
        extra: themeExtra ? themeExtra(th, i) : nothing,
        onDrop: onDrop ? (id) => onDrop(th.id, id) : null,
      }),
    )}
    ${rest && (rest.counts?.count ?? 0) > 0
      ? themeCard({ ...rest, name: t('prio.theme.none') }, { testid: 'prio-theme-none', withProfiles, onDrop: onDrop ? (id) => onDrop(null, id) : null })
      : nothing}
  </div>`;
}

/** Category × side of the room: how each side sees the recurring problems. */
export function crossTable(synthesis) {
  const cross = synthesis?.categoryBySide;
  if (!cross) return nothing;
  return html`<div class="prio-table-wrap" role="region" tabindex="0" aria-label=${t('prio.cross.caption')}><table class="prio-table" data-testid="prio-cross">
    <caption>${t('prio.cross.caption')}</caption>
    <thead><tr><th scope="col">${t('prio.category')}</th>${SIDES.map((s) => html`<th scope="col" class="prio-num">${label('side', s)}</th>`)}</tr></thead>
    <tbody>
      ${CATEGORIES.map(
        (c) => html`<tr><th scope="row">${label('category', c)}</th>${SIDES.map((s) => html`<td class="prio-num">${formatNumber(cross[c]?.[s] ?? 0)}</td>`)}</tr>`,
      )}
    </tbody>
  </table></div>`;
}

/** The revealed ranking: rank (ties shown), proposal, dots overall and by side. */
export function rankingTable(results, { actions = null, testid = 'prio-ranking' } = {}) {
  const rows = results?.rows ?? [];
  if (!rows.length) return html`<p class="muted">${t('prio.results.none')}</p>`;
  const max = Math.max(1, ...rows.map((r) => r.dots));
  const caption = t('prio.results.caption', { voters: formatNumber(results.voters ?? 0) });
  return html`<div class="prio-table-wrap" role="region" tabindex="0" aria-label=${caption}><table class="prio-table" data-testid=${testid}>
    <caption>${caption}</caption>
    <thead><tr>
      <th scope="col">${t('prio.results.rank')}</th><th scope="col">${t('prio.results.proposal')}</th>
      <th scope="col" class="prio-num">${t('prio.results.dots')}</th>
      ${SIDES.map((s) => html`<th scope="col" class="prio-num"><abbr title=${label('side', s)}>${label('sideShort', s)}</abbr></th>`)}
      ${actions ? html`<th scope="col"><span class="visually-hidden">${t('prio.actions')}</span></th>` : nothing}
    </tr></thead>
    <tbody>
      ${rows.map(
        (r, i) => html`<tr data-testid="${testid}-row-${i}" data-proposal=${r.proposalId} data-rank=${r.rank} data-dots=${r.dots}>
          <td class="prio-rank">${r.rank}${r.tied ? html`<span class="prio-tie" data-testid="tie">${t('prio.results.tie')}</span>` : nothing}</td>
          <td class="prio-grow"><span class="prio-text">${r.text}</span>${r.themeName ? html`<div class="prio-meta">${r.themeName}</div>` : nothing}
            <span class="prio-minibar" aria-hidden="true"><span ${styleProps({ width: `${(100 * r.dots) / max}%` })}></span></span></td>
          <td class="prio-num">${formatNumber(r.dots)}</td>
          ${SIDES.map((s) => html`<td class="prio-num">${formatNumber(r.dotsBySide?.[s] ?? 0)}</td>`)}
          ${actions ? html`<td>${actions(r, i)}</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}

/** Each side's own top proposals, next to each other: employers beside the public. */
export function sidesBlock(results) {
  const sides = results?.sides ?? [];
  if (!sides.length) return nothing;
  const texts = new Map((results.rows ?? []).map((r) => [r.proposalId, r.text]));
  return html`<div class="prio-sides" data-testid="prio-sides">
    ${sides.map(
      (side) => html`<section data-testid="prio-side-${side.side}">
        <h3>${label('side', side.side)} <span class="muted">(${tn('prio.voters', side.voters ?? 0)})</span></h3>
        ${side.voters
          ? html`<ol>
              ${side.places.filter((p) => p.dots > 0).slice(0, 5).map(
                (p) => html`<li>${texts.get(p.proposalId)} — <strong>${tn('prio.dotsN', p.dots)}</strong>${p.tied ? html` <em>(${t('prio.results.tie')})</em>` : nothing}</li>`,
              )}
            </ol>`
          : html`<p class="muted">${t('prio.results.noVoters')}</p>`}
      </section>`,
    )}
  </div>`;
}

/** Impact × feasibility as a 2×2 matrix in HTML/CSS: each rated proposal is a numbered dot. */
export function matrixBlock(results) {
  const rated = (results?.rows ?? []).map((r, i) => ({ ...r, n: i + 1 })).filter((r) => r.impact != null && r.feasibility != null);
  if (!rated.length) return html`<p class="muted" data-testid="prio-matrix-empty">${t('prio.matrix.none')}</p>`;
  // A dot's centre sits on its value, inset by a little more than its radius so that the extremes
  // (1, 1) and (5, 5) stay inside the plot.
  const pos = (v) => `calc(1.25em + (100% - 2.5em) * ${(v - 1) / 4})`;
  return html`<figure class="prio-matrix-fig" data-testid="prio-matrix">
    <figcaption class="visually-hidden">${t('prio.matrix.caption')}</figcaption>
    <div class="prio-matrix-wrap">
      <div class="prio-matrix">
        <div class="prio-matrix__q prio-matrix__q--project">${label('quadrant', 'project')}</div>
        <div class="prio-matrix__q prio-matrix__q--priority">${label('quadrant', 'priority')}</div>
        <div class="prio-matrix__q prio-matrix__q--later">${label('quadrant', 'later')}</div>
        <div class="prio-matrix__q prio-matrix__q--easy">${label('quadrant', 'easy')}</div>
        ${rated.map(
          (r) => html`<span class="prio-matrix__dot" data-testid="prio-matrix-dot" data-quadrant=${r.quadrant}
            title=${r.text} ${styleProps({ left: pos(r.feasibility), bottom: pos(r.impact) })}>${r.n}</span>`,
        )}
        <span class="prio-matrix__x" aria-hidden="true">${t('prio.matrix.feasibility')} →</span>
        <span class="prio-matrix__y" aria-hidden="true">${t('prio.matrix.impact')} →</span>
      </div>
    </div>
    <ul class="prio-legend">
      ${rated.map(
        (r) => html`<li><span class="prio-legend__n" aria-hidden="true">${r.n}</span>
          <span>${r.text} — ${t('prio.matrix.values', { impact: formatNumber(r.impact, 1), feasibility: formatNumber(r.feasibility, 1) })}
          · <strong>${label('quadrant', r.quadrant)}</strong></span></li>`,
      )}
    </ul>
  </figure>`;
}

/** The action plan, read-only (projector, phones, synthesis, print). */
export function planTable(plan, { testid = 'prio-plan', votes = null } = {}) {
  if (!plan?.length) return html`<p class="muted" data-testid="${testid}-empty">${t('prio.plan.empty')}</p>`;
  return html`<div class="prio-table-wrap" role="region" tabindex="0" aria-label=${t('prio.stage.PLAN')}><table class="prio-table" data-testid=${testid}>
    <thead><tr>
      <th scope="col">${t('prio.plan.action')}</th><th scope="col">${t('prio.plan.lead')}</th>
      <th scope="col">${t('prio.plan.deadline')}</th><th scope="col">${t('prio.plan.status')}</th>
      ${votes ? html`<th scope="col" class="prio-num">${t('prio.plan.lastVote')}</th>` : nothing}
    </tr></thead>
    <tbody>
      ${plan.map(
        (a, i) => html`<tr data-testid="${testid}-row-${i}">
          <td><span class="prio-text">${a.title}</span>
            ${a.proposalText && a.proposalText !== a.title ? html`<div class="prio-meta">${t('prio.plan.from')} ${a.proposalText}</div>` : nothing}
            ${a.earlier ? html`<div class="prio-meta"><span class="prio-chip prio-chip--earlier">${t('prio.earlier')}</span></div>` : nothing}</td>
          <td>${a.lead ?? '—'}</td>
          <td>${a.deadline ? frenchDate(a.deadline) : '—'}</td>
          <td class="prio-plan-status prio-status--${a.status}" data-testid="${testid}-status-${i}">${label('status', a.status)}</td>
          ${votes ? html`<td class="prio-num">${votes.get(a.proposalId) ?? '—'}</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}

export function projectHeader(project, { big = false } = {}) {
  if (!project) return nothing;
  const details = [
    project.sector ? `${t('prio.project.sector')} : ${project.sector}` : null,
    project.territory ? `${t('prio.project.territory')} : ${project.territory}` : null,
    project.targetPublic ? `${t('prio.project.public')} : ${project.targetPublic}` : null,
  ].filter(Boolean);
  return html`<div class="prio-project" data-testid="prio-project-header">
    ${big ? html`<p class="prio-screen-sub">${project.name}</p>` : html`<p class="prio-project-line"><strong>${project.name}</strong></p>`}
    ${big ? nothing : details.map((d) => html`<p class="prio-project-line muted">${d}</p>`)}
  </div>`;
}

export function roomChips(room) {
  if (!room) return nothing;
  const entries = [...PROFILES, 'unspecified'].map((p) => [p, room[p] ?? 0]).filter(([, n]) => n > 0);
  if (!entries.length) return nothing;
  return html`<ul class="prio-room prio-chips" data-testid="prio-room" aria-label=${t('prio.room')}>
    ${entries.map(([p, n]) => html`<li class="prio-chip">${label('profile', p)} : ${formatNumber(n)}</li>`)}
  </ul>`;
}
