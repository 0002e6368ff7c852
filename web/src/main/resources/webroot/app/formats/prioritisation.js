// "Dessine-moi le travail": a project on a job, a territory and a target public, over several
// sessions. Phones choose an anonymous profile and post short contributions; the console moderates
// them and groups them into themes; proposals are voted with dots (and rated for impact and
// feasibility); the facilitator reveals the ranking and turns the top proposals into an action plan
// that later sessions of the project update. The server decides what each view holds: no phone and
// no projector sees a tally before the reveal, and nobody's name is ever tied to a contribution.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { LightElement } from '../components/light-element.js';
import { styleProps } from '../components/style-props.js';
import { t, tn, formatNumber, formatDateTime } from '../i18n/index.js';
import { api, storage } from '../util.js';

export const PROFILES = ['young', 'jobseeker', 'employee', 'employer', 'partner', 'other'];
export const KINDS = ['representation', 'experience', 'difficulty', 'proposal'];
export const CATEGORIES = ['conditions', 'recruitment', 'communication', 'valorisation', 'other'];
export const SIDES = ['public', 'employers', 'others'];
export const STATUSES = ['planned', 'in_progress', 'done', 'dropped'];
const STAGES = ['COLLECT', 'SYNTHESIS', 'VOTE', 'RESULTS', 'PLAN'];
const TEXT_MAX = 280;
const THEME_MAX = 80;
const LEAD_MAX = 120;
/** The console refuses to send a project bigger than a facilitator frame (256 KiB) can carry. */
const FRAME_MAX = 250 * 1024;
const PROJECTS_KEY = 'atelier.projects';

const CSS = `
.prio{display:block}
.prio-chips{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;margin:.3rem 0}
.prio-chip{display:inline-flex;align-items:center;gap:.3rem;padding:.1rem .55rem;border-radius:999px;border:1px solid var(--border,#c5cedc);background:var(--bg,#f4f6fa);font-size:.8em;font-weight:600;white-space:nowrap}
.prio-chip--earlier{border-style:dashed}
.prio-chip--hidden{background:var(--danger-soft,#fbe9e7);color:#6e130d;border-color:var(--danger,#a4231b)}
.prio-chip--recurring{background:var(--accent-soft,#fdf1dc);color:var(--accent-text,#7a4a00);border-color:var(--accent,#e9a23b)}
.prio-chip--shared{background:var(--success-soft,#e2f3ea);color:var(--success,#1b6e45);border-color:var(--success,#1b6e45)}
.prio-choices{display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));margin:.4rem 0 .8rem}
.prio-choice,.prio-scale button,.prio-stepper .btn{-webkit-tap-highlight-color:transparent}
.prio-choice{min-height:48px;border:2px solid var(--primary,#1d3557);border-radius:var(--radius-small,8px);background:#fff;color:var(--primary,#1d3557);font:inherit;font-weight:650;padding:.45rem .7rem;cursor:pointer;text-align:left;line-height:1.2}
.prio-choice[aria-pressed="true"]{background:var(--primary,#1d3557);color:#fff;box-shadow:0 0 0 3px var(--accent,#e9a23b)}
.prio-choice:focus-visible,.prio-scale button:focus-visible,.prio-stepper button:focus-visible{outline:3px solid var(--accent,#e9a23b);outline-offset:2px}
.prio-counter{font-size:.85rem;color:var(--muted,#4a5568);text-align:right;margin:.2rem 0 0}
.prio-list{list-style:none;padding:0;margin:.4rem 0;display:grid;gap:.45rem}
.prio-list>li{border:1px solid var(--border,#c5cedc);border-radius:var(--radius-small,8px);padding:.5rem .7rem;background:#fff;overflow-wrap:anywhere}
.prio-text{white-space:pre-wrap;overflow-wrap:anywhere}
.prio-meta{display:flex;flex-wrap:wrap;gap:.35rem;align-items:center;margin-top:.3rem;font-size:.85em;color:var(--muted,#4a5568)}
.prio-budget{font-size:1.15rem;font-weight:800;color:var(--primary,#1d3557);margin:.2rem 0 .8rem}
.prio-dots{display:inline-flex;gap:.25rem;flex-wrap:wrap;vertical-align:middle}
.prio-dot{width:1.05em;height:1.05em;border-radius:50%;border:2px solid var(--accent-text,#7a4a00);display:inline-block;background:#fff}
.prio-dot--on{background:var(--accent,#e9a23b)}
.prio-proposal{border:1px solid var(--border,#c5cedc);border-radius:var(--radius,14px);padding:.8rem 1rem;margin-bottom:.75rem;background:var(--surface,#fff)}
.prio-proposal__text{font-weight:700;margin:0 0 .2rem;overflow-wrap:anywhere}
.prio-stepper{display:flex;align-items:center;gap:.7rem;margin:.5rem 0}
.prio-stepper .btn{min-width:52px;font-size:1.3rem}
.prio-scale{display:grid;grid-template-columns:repeat(5,1fr);gap:.3rem;margin:.2rem 0 .5rem}
.prio-scale button{min-height:44px;font:inherit;font-weight:800;border:2px solid var(--primary,#1d3557);border-radius:var(--radius-small,8px);background:#fff;color:var(--primary,#1d3557);cursor:pointer}
.prio-scale button[aria-pressed="true"]{background:var(--primary,#1d3557);color:#fff}
.prio-scale-label{font-weight:600;font-size:.9rem;margin-top:.4rem}
.prio-steps{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:0 0 .8rem}
.prio-steps .btn[aria-current="step"]{background:var(--primary,#1d3557);color:#fff}
.prio-wall{display:grid;gap:1rem;grid-template-columns:repeat(5,minmax(0,1fr));align-items:start}
.prio-wall__col{background:var(--bg,#f4f6fa);border-radius:var(--radius,14px);padding:.6rem;border-top:8px solid var(--cat,#1d3557);min-width:0}
.prio-wall__head{display:flex;justify-content:space-between;gap:.5rem;font-weight:800;margin:0 0 .5rem;font-size:1em}
.prio-card{background:#fff;border:1px solid var(--border,#c5cedc);border-left:5px solid var(--cat,#1d3557);border-radius:var(--radius-small,8px);padding:.4rem .6rem;margin:0 0 .45rem;overflow-wrap:anywhere;line-height:1.3;list-style:none}
.prio-card__text{margin:0;font-size:.85em}
.prio-card__meta{display:flex;gap:.5rem;font-size:.65em;color:var(--muted,#4a5568);margin-top:.2rem}
.prio-weight{font-weight:800;color:var(--accent-text,#7a4a00)}
.prio-cat--conditions{--cat:#1d3557}
.prio-cat--recruitment{--cat:#a4231b}
.prio-cat--communication{--cat:#1b6e45}
.prio-cat--valorisation{--cat:#b35c00}
.prio-cat--other{--cat:#5a4a8a}
.prio-themes{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr));align-items:start}
.prio-theme{border:2px solid var(--border,#c5cedc);border-radius:var(--radius,14px);padding:.8rem 1rem;background:#fff;min-width:0}
.prio-theme--recurring{border-color:var(--accent,#e9a23b);box-shadow:0 0 0 2px var(--accent-soft,#fdf1dc)}
.prio-theme--drop{outline:3px dashed var(--primary,#1d3557);outline-offset:2px}
.prio-theme__head{display:flex;justify-content:space-between;gap:.5rem;align-items:baseline}
.prio-theme__name{margin:0;font-size:1.05em;overflow-wrap:anywhere}
.prio-theme__count{font-size:1.5em;font-weight:800;color:var(--primary,#1d3557);white-space:nowrap}
.prio-split{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,13rem),1fr));gap:.4rem 1.2rem;margin-top:.4rem}
.prio-split h4{margin:.2rem 0;font-size:.8em;text-transform:uppercase;letter-spacing:.03em;color:var(--muted,#4a5568)}
.prio-minibars{list-style:none;padding:0;margin:0;display:grid;gap:.15rem;font-size:.8em}
.prio-minibars li{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:.05rem .4rem;align-items:center}
.prio-minibars__label{grid-column:1;grid-row:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.prio-minibars li>.prio-num{grid-column:2;grid-row:1}
.prio-minibars li>.prio-minibar{grid-column:1/-1;grid-row:2}
.prio-minibar{height:.65em;background:var(--primary-soft,#e7edf6);border-radius:999px;overflow:hidden}
.prio-minibar>span{display:block;height:100%;background:var(--primary,#1d3557);width:0}
.prio-minibar--side>span{background:var(--accent,#e9a23b)}
.prio-num{text-align:right;font-variant-numeric:tabular-nums;font-weight:700}
/* Focusable so that a keyboard can scroll a table wider than a phone (WCAG 2.1.1). */
.prio-table-wrap{overflow-x:auto}
.prio-table{width:100%;border-collapse:collapse;font-size:.95em}
.prio-table caption{text-align:left;font-weight:700;margin-bottom:.3rem}
.prio-table th,.prio-table td{border-bottom:1px solid var(--border,#c5cedc);padding:.4rem .5rem;text-align:left;vertical-align:top}
.prio-table th{font-size:.85em;color:var(--muted,#4a5568)}
.prio-table .prio-num{text-align:right}
.prio-rank{font-weight:800;font-size:1.15em;white-space:nowrap}
.prio-tie{display:block;font-size:.7em;font-weight:700;color:var(--accent-text,#7a4a00)}
.prio-results{display:grid;gap:1.5rem;grid-template-columns:minmax(0,3fr) minmax(0,2fr);align-items:start}
@media (max-width:900px){.prio-results{grid-template-columns:1fr}}
.prio-screen .prio-themes{grid-template-columns:repeat(auto-fill,minmax(min(100%,34rem),1fr))}
.prio-table td.prio-grow{width:100%}
.prio-sides{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,14rem),1fr))}
.prio-sides ol{margin:.3rem 0;padding-left:1.4rem}
.prio-sides li{margin:.15rem 0;overflow-wrap:anywhere}
.prio-matrix-wrap{padding:0 0 2.4rem 2.6rem;max-width:40rem}
.prio-matrix{position:relative;display:grid;grid-template-columns:1fr 1fr;grid-template-rows:1fr 1fr;aspect-ratio:4/3;border:2px solid var(--text,#14213d);background:#fff}
.prio-matrix__q{padding:.4rem .5rem;font-size:.75em;font-weight:700;color:var(--muted,#4a5568)}
.prio-matrix__q--project{background:#eef3fb}
.prio-matrix__q--priority{background:var(--success-soft,#e2f3ea);text-align:right}
.prio-matrix__q--later{background:#f6f6f6;display:flex;align-items:flex-end}
.prio-matrix__q--easy{background:var(--accent-soft,#fdf1dc);display:flex;align-items:flex-end;justify-content:flex-end}
.prio-matrix__dot{position:absolute;transform:translate(-50%,50%);min-width:1.9em;height:1.9em;padding:0 .3em;border-radius:999px;background:var(--primary,#1d3557);color:#fff;font-weight:800;display:flex;align-items:center;justify-content:center;font-size:.85em;border:2px solid #fff;box-shadow:0 1px 3px rgb(0 0 0 / .3)}
.prio-matrix__x{position:absolute;left:0;right:0;bottom:-2em;text-align:center;font-size:.8em;font-weight:700}
.prio-matrix__y{position:absolute;top:0;bottom:0;left:-2.4em;width:2em;display:flex;align-items:center;justify-content:center;writing-mode:vertical-rl;transform:rotate(180deg);font-size:.8em;font-weight:700}
.prio-legend{margin:.4rem 0;padding:0;list-style:none;font-size:.9em;display:grid;gap:.25rem}
.prio-legend li{display:flex;gap:.5rem;align-items:baseline}
.prio-legend__n{flex:none;min-width:1.7em;height:1.7em;border-radius:999px;background:var(--primary,#1d3557);color:#fff;font-weight:800;display:inline-flex;align-items:center;justify-content:center;font-size:.85em}
.prio input[type="date"]{display:block;width:100%;min-height:48px;padding:.5rem .7rem;font:inherit;color:var(--text,#14213d);background:#fff;border:2px solid #6b7a90;border-radius:var(--radius-small,8px)}
.prio-plan-cards{list-style:none;padding:0;margin:.5rem 0;display:grid;gap:.6rem}
.prio-plan-card{border:1px solid var(--border,#c5cedc);border-radius:var(--radius-small,8px);padding:.6rem .8rem;background:#fff}
.prio-plan-card .field{margin-bottom:.5rem}
.prio-plan-status{font-weight:700}
.prio-status--done{color:var(--success,#1b6e45)}
.prio-status--dropped{color:var(--muted,#4a5568);text-decoration:line-through}
.prio-status--in_progress{color:var(--accent-text,#7a4a00)}
.prio-mod{display:grid;gap:.35rem}
.prio-mod__item{display:grid;grid-template-columns:auto 1fr;gap:.3rem .6rem;align-items:start;border:1px solid var(--border,#c5cedc);border-left:5px solid var(--cat,#1d3557);border-radius:var(--radius-small,8px);padding:.45rem .6rem;background:#fff}
.prio-mod__item[draggable="true"]{cursor:grab}
.prio-mod__item--hidden{background:#fafafa;border-style:dashed}
.prio-mod__item--merged{margin-left:1.6rem;border-left-style:dashed}
.prio-mod__item input[type="checkbox"]{width:1.4rem;height:1.4rem;margin:.15rem 0 0}
.prio-mod__actions{grid-column:2;display:flex;flex-wrap:wrap;gap:.3rem}
.prio-mod__actions .btn{min-height:36px;padding:.2rem .6rem;font-size:.85rem}
.prio-toolbar{position:sticky;bottom:0;z-index:2;background:var(--surface,#fff);border:2px solid var(--primary,#1d3557);border-radius:var(--radius-small,8px);padding:.5rem .6rem;margin:.5rem 0;display:grid;gap:.4rem;box-shadow:0 -4px 16px rgb(20 33 61 / .15)}
.prio-toolbar .count,.prio-toolbar .hint{margin:0}
.prio-inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.prio-inline .field{margin:0;flex:1 1 12rem}
.prio-screen-head{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;flex-wrap:wrap;margin-bottom:.8rem}
.prio-screen-head h2{margin:0;font-size:1.6em;color:var(--primary,#1d3557)}
.prio-screen-sub{margin:0;color:var(--muted,#4a5568)}
.prio-screen .prio-card__text{font-size:.8em}
.prio-screen .prio-table{font-size:1em}
.prio-screen-proposals{counter-reset:p;list-style:none;padding:0;display:grid;gap:.6rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,26rem),1fr))}
.prio-screen-proposals li{border:2px solid var(--border,#c5cedc);border-radius:var(--radius,14px);padding:.6rem .9rem;font-weight:700;overflow-wrap:anywhere}
.prio-room{display:flex;flex-wrap:wrap;gap:.4rem;margin:.8rem 0 0}
.prio-project-line{margin:.2rem 0;overflow-wrap:anywhere}
.prio-print-only{display:none}
@media (max-width:1100px){.prio-wall{grid-template-columns:repeat(auto-fill,minmax(12rem,1fr))}}
@media print{
.prio-print-only{display:block}
.prio-theme,.prio-proposal,.prio-table tr,.prio-matrix-wrap{break-inside:avoid}
.prio-table th,.prio-table td{border-bottom:1px solid #777}
.prio-chip{border:1px solid #777;background:#fff}
.prio-minibar{border:1px solid #777;background:#fff}
.prio-minibar>span{background:#444}
.prio-matrix__dot{background:#000;color:#fff}
}
`;
let styled = false;
/** Format-specific layout. A constructed stylesheet is not an inline style, so the strict CSP allows it. */
export function ensureStyles() {
  if (styled || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    styled = true;
  } catch {
    /* the page still works with base.css only */
  }
}

class PrioElement extends LightElement {
  connectedCallback() {
    ensureStyles();
    super.connectedCallback();
  }
}

// ---- shared helpers (also used by the project page) -------------------------------------------

export const label = (vocabulary, id) => t(`prio.${vocabulary}.${id}`);

function sideOf(profile) {
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
  const blob = await response.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `plan-d-action-${id}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function frenchDate(iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).split('-');
  return d && m && y ? `${d}/${m}/${y}` : String(iso);
}

function miniBars(entries, vocabulary, side, testid) {
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
  const pos = (v) => `${((v - 1) / 4) * 100}%`;
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

function projectHeader(project, { big = false } = {}) {
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

function roomChips(room) {
  if (!room) return nothing;
  const entries = [...PROFILES, 'unspecified'].map((p) => [p, room[p] ?? 0]).filter(([, n]) => n > 0);
  if (!entries.length) return nothing;
  return html`<ul class="prio-room prio-chips" data-testid="prio-room" aria-label=${t('prio.room')}>
    ${entries.map(([p, n]) => html`<li class="prio-chip">${label('profile', p)} : ${formatNumber(n)}</li>`)}
  </ul>`;
}

function dotsRow(n, budget) {
  return html`<span class="prio-dots" aria-hidden="true">${Array.from({ length: budget }, (_, i) => html`<span class="prio-dot ${i < n ? 'prio-dot--on' : ''}"></span>`)}</span>`;
}

// ---- phone --------------------------------------------------------------------------------

/** Phone: an optional anonymous profile, short contributions, then dots and ratings, then the plan. */
class PrioritisationPhone extends PrioElement {
  static properties = {
    view: { attribute: false },
    activity: { attribute: false },
    send: { attribute: false },
    _text: { state: true },
    _kind: { state: true },
    _category: { state: true },
    _status: { state: true },
    _statusKind: { state: true },
    _busy: { state: true },
    _changingProfile: { state: true },
    _pendingDots: { state: true },
    _pendingRatings: { state: true },
  };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    this.send = null;
    this._text = '';
    this._kind = null;
    this._category = null;
    this._status = '';
    this._statusKind = 'info';
    this._busy = false;
    this._changingProfile = false;
    this._pendingDots = {};
    this._pendingRatings = {};
    this._stage = null;
  }

  willUpdate(changed) {
    if (changed.has('activity')) {
      const stage = this.activity?.stage ?? null;
      if (stage !== this._stage) {
        this._stage = stage;
        this._status = '';
      }
      // Forget optimistic values the server has now confirmed.
      const proposals = this.activity?.vote?.proposals ?? [];
      const dots = { ...this._pendingDots };
      const ratings = { ...this._pendingRatings };
      for (const p of proposals) {
        if (dots[p.id] === (p.myDots ?? 0)) delete dots[p.id];
        const r = ratings[p.id];
        if (r && r.impact === (p.myImpact ?? null) && r.feasibility === (p.myFeasibility ?? null)) delete ratings[p.id];
      }
      this._pendingDots = dots;
      this._pendingRatings = ratings;
    }
  }

  _say(message, kind = 'info') {
    this._status = message;
    this._statusKind = kind;
  }

  async _do(command, okMessage) {
    try {
      await this.send(command);
      if (okMessage) this._say(okMessage, 'ok');
      return true;
    } catch (error) {
      this._say(error?.message || t('common.rejected'), 'error');
      return false;
    }
  }

  async _chooseProfile(profile) {
    this._changingProfile = false;
    await this._do({ type: 'prioritisation.setProfile', profile }, t('prio.phone.profileSaved'));
  }

  async _contribute(event) {
    event.preventDefault();
    const text = this._text.trim();
    if (!text) return this._say(t('prio.phone.problem.text'), 'error');
    if ([...text].length > TEXT_MAX) return this._say(t('prio.phone.problem.long', { max: TEXT_MAX }), 'error');
    if (!this._kind) return this._say(t('prio.phone.problem.kind'), 'error');
    if (!this._category) return this._say(t('prio.phone.problem.category'), 'error');
    this._busy = true;
    const ok = await this._do({ type: 'prioritisation.contribute', text, kind: this._kind, category: this._category }, t('prio.phone.sent'));
    this._busy = false;
    if (ok) {
      this._text = '';
      this._kind = null;
      this._category = null;
    }
  }

  _dotsOf(p) {
    return this._pendingDots[p.id] ?? p.myDots ?? 0;
  }

  async _setDots(p, dots) {
    this._pendingDots = { ...this._pendingDots, [p.id]: dots };
    const ok = await this._do({ type: 'prioritisation.vote', proposalId: p.id, dots });
    if (!ok) {
      const copy = { ...this._pendingDots };
      delete copy[p.id];
      this._pendingDots = copy;
    } else {
      this._say(t('prio.phone.voteSaved'), 'ok');
    }
  }

  async _rate(p, field, value) {
    const current = this._pendingRatings[p.id] ?? { impact: p.myImpact ?? null, feasibility: p.myFeasibility ?? null };
    const next = { ...current, [field]: current[field] === value ? null : value };
    this._pendingRatings = { ...this._pendingRatings, [p.id]: next };
    const ok = await this._do({ type: 'prioritisation.rate', proposalId: p.id, impact: next.impact, feasibility: next.feasibility });
    if (!ok) {
      const copy = { ...this._pendingRatings };
      delete copy[p.id];
      this._pendingRatings = copy;
    }
  }

  render() {
    const a = this.activity ?? {};
    const me = a.me ?? {};
    const needsProfile = !me.profileChosen || this._changingProfile;
    return html`<div class="prio prio-phone">
      ${a.project ? html`<p class="muted prio-project-line" data-testid="prio-phone-project">${a.project.name}</p>` : nothing}
      ${needsProfile ? this._renderProfile(me) : this._renderProfileLine(me)}
      ${needsProfile ? nothing : this._renderStage(a, me)}
      <p class="answer-status answer-status--${this._statusKind}" role="status" aria-live="polite" data-testid="prio-status">${this._status}</p>
    </div>`;
  }

  _renderProfile(me) {
    return html`<section class="card" aria-labelledby="prio-profile-title" data-testid="prio-profile">
      <h2 id="prio-profile-title" class="panel__title">${t('prio.phone.profileTitle')}</h2>
      <p class="hint">${t('prio.phone.profileHint')}</p>
      <div class="prio-choices" role="group" aria-labelledby="prio-profile-title">
        ${PROFILES.map(
          (p) => html`<button type="button" class="prio-choice" aria-pressed=${me.profile === p ? 'true' : 'false'}
            data-testid="prio-profile-${p}" @click=${() => this._chooseProfile(p)}>${label('profile', p)}</button>`,
        )}
      </div>
      <button type="button" class="btn btn--link" data-testid="prio-profile-skip" @click=${() => this._chooseProfile(null)}>${t('prio.phone.profileSkip')}</button>
    </section>`;
  }

  _renderProfileLine(me) {
    return html`<p class="muted" data-testid="prio-my-profile">${t('prio.phone.myProfile', { profile: label('profile', me.profile ?? 'unspecified') })}
      <button type="button" class="btn btn--link" data-testid="prio-profile-change" @click=${() => (this._changingProfile = true)}>${t('prio.phone.change')}</button></p>`;
  }

  _renderStage(a, me) {
    const stage = a.stage;
    const parts = [];
    if (stage === 'COLLECT') parts.push(this._renderForm(me));
    if (stage === 'SYNTHESIS') parts.push(html`<section class="card card--center" data-testid="prio-phone-synthesis"><p class="lead">${t('prio.phone.synthesis')}</p></section>`);
    if (a.vote && a.vote.open) parts.push(this._renderVote(a.vote));
    if (a.revealed && a.results) parts.push(this._renderResults(a));
    if (stage === 'PLAN') {
      parts.push(html`<section class="card" aria-labelledby="prio-phone-plan"><h2 id="prio-phone-plan" class="panel__title">${t('prio.stage.PLAN')}</h2>
        ${planTable(a.plan ?? [], { testid: 'prio-phone-plan' })}</section>`);
    }
    if (stage === 'VOTE' && a.vote && !a.vote.open) parts.push(html`<p class="card card--center">${t('prio.phone.voteClosed')}</p>`);
    if ((stage === 'COLLECT' || stage === 'SYNTHESIS') && (me.contributions ?? []).length) parts.push(this._renderMine(me));
    return parts;
  }

  _renderForm(me) {
    const count = (me.contributions ?? []).length;
    const limit = me.limit ?? 30;
    const length = [...this._text].length;
    return html`<form class="card" @submit=${this._contribute} novalidate data-testid="prio-form" aria-labelledby="prio-form-title">
      <h2 id="prio-form-title" class="panel__title">${t('prio.phone.formTitle')}</h2>
      <p class="hint">${t('prio.phone.formHint')}</p>
      <fieldset class="field">
        <legend>${t('prio.phone.kind')}</legend>
        <div class="prio-choices">
          ${KINDS.map(
            (k) => html`<button type="button" class="prio-choice" aria-pressed=${this._kind === k ? 'true' : 'false'} data-testid="prio-kind-${k}"
              @click=${() => (this._kind = k)}>${label('kind', k)}</button>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="prio-text">${t('prio.phone.text')}</label>
        <textarea id="prio-text" rows="3" maxlength=${TEXT_MAX} data-testid="prio-text" aria-describedby="prio-text-count"
          .value=${this._text} @input=${(e) => (this._text = e.target.value)}></textarea>
        <p class="prio-counter" id="prio-text-count">${t('prio.phone.counter', { n: length, max: TEXT_MAX })}</p>
      </div>
      <fieldset class="field">
        <legend>${t('prio.phone.category')}</legend>
        <div class="prio-choices">
          ${CATEGORIES.map(
            (c) => html`<button type="button" class="prio-choice" aria-pressed=${this._category === c ? 'true' : 'false'} data-testid="prio-category-${c}"
              @click=${() => (this._category = c)}>${label('category', c)}</button>`,
          )}
        </div>
      </fieldset>
      <button type="submit" class="btn btn--primary btn--block" data-testid="prio-send" ?disabled=${this._busy || count >= limit}>${t('prio.phone.send')}</button>
      ${count >= limit ? html`<p class="hint">${t('prio.phone.limit')}</p>` : nothing}
    </form>`;
  }

  _renderMine(me) {
    return html`<section class="card" aria-labelledby="prio-mine-title">
      <h2 id="prio-mine-title" class="panel__title">${t('prio.phone.mine')} (${(me.contributions ?? []).length})</h2>
      <p class="hint">${t('prio.phone.mineHint')}</p>
      <ul class="prio-list" data-testid="prio-mine">
        ${(me.contributions ?? []).map(
          (c) => html`<li data-testid="prio-mine-item" data-status=${c.status}>
            <span class="prio-text">${c.text}</span>
            <div class="prio-meta"><span class="prio-chip">${label('kind', c.kind)}</span><span class="prio-chip">${label('category', c.category)}</span>
              ${c.status !== 'visible' ? html`<span class="prio-chip ${c.status === 'hidden' ? 'prio-chip--hidden' : ''}">${t(`prio.phone.status.${c.status}`)}</span>` : nothing}</div>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  _renderVote(vote) {
    const proposals = vote.proposals ?? [];
    const used = proposals.reduce((sum, p) => sum + this._dotsOf(p), 0);
    const remaining = Math.max(0, vote.budget - used);
    return html`<section aria-labelledby="prio-vote-title" data-testid="prio-vote">
      <h2 id="prio-vote-title" class="panel__title">${t('prio.phone.voteTitle')}</h2>
      <p class="hint">${t('prio.phone.voteHint', { max: vote.maxPerProposal })}</p>
      <p class="prio-budget" data-testid="prio-remaining" data-remaining=${remaining} aria-live="polite">
        ${t('prio.phone.remaining', { n: remaining, budget: vote.budget })} ${dotsRow(remaining, vote.budget)}</p>
      ${proposals.map((p, i) => this._renderProposal(p, i, vote, remaining))}
    </section>`;
  }

  _renderProposal(p, i, vote, remaining) {
    const dots = this._dotsOf(p);
    const ratings = this._pendingRatings[p.id] ?? { impact: p.myImpact ?? null, feasibility: p.myFeasibility ?? null };
    const scale = (field) => html`<p class="prio-scale-label" id="prio-${field}-${i}">${t(`prio.phone.${field}`)}</p>
      <div class="prio-scale" role="group" aria-labelledby="prio-${field}-${i}">
        ${[1, 2, 3, 4, 5].map(
          (n) => html`<button type="button" aria-pressed=${ratings[field] === n ? 'true' : 'false'} data-testid="prio-${field}-${i}-${n}"
            aria-label=${t(`prio.phone.${field}N`, { n })} @click=${() => this._rate(p, field, n)}>${n}</button>`,
        )}
      </div>`;
    return html`<article class="prio-proposal" data-testid="prio-proposal-${i}" data-dots=${dots}>
      <p class="prio-proposal__text">${p.text}</p>
      ${p.themeName ? html`<p class="prio-meta">${p.themeName}</p>` : nothing}
      <div class="prio-stepper">
        <button type="button" class="btn btn--secondary" data-testid="prio-dot-minus-${i}" ?disabled=${dots <= 0}
          aria-label=${t('prio.phone.less', { text: p.text })} @click=${() => this._setDots(p, dots - 1)}>−</button>
        <span data-testid="prio-dots-${i}" aria-live="polite">${dotsRow(dots, vote.maxPerProposal)} <span class="visually-hidden">${tn('prio.dotsN', dots)}</span></span>
        <button type="button" class="btn btn--secondary" data-testid="prio-dot-plus-${i}" ?disabled=${dots >= vote.maxPerProposal || remaining <= 0}
          aria-label=${t('prio.phone.more', { text: p.text })} @click=${() => this._setDots(p, dots + 1)}>+</button>
      </div>
      ${vote.ratings ? html`${scale('impact')}${scale('feasibility')}` : nothing}
    </article>`;
  }

  _renderResults(a) {
    const rows = a.results.rows ?? [];
    const mine = new Map((a.vote?.proposals ?? []).map((p) => [p.id, p.myDots ?? 0]));
    return html`<section class="card" aria-labelledby="prio-phone-results" data-testid="prio-phone-results">
      <h2 id="prio-phone-results" class="panel__title">${t('prio.stage.RESULTS')}</h2>
      <ol class="prio-list">
        ${rows.slice(0, 10).map(
          (r, i) => html`<li data-testid="prio-phone-result-${i}">
            <strong>${r.rank}.</strong> <span class="prio-text">${r.text}</span>
            <div class="prio-meta"><strong>${tn('prio.dotsN', r.dots)}</strong>${r.tied ? html`<span class="prio-chip">${t('prio.results.tie')}</span>` : nothing}
              ${mine.get(r.proposalId) ? html`<span class="tag tag--mine">${t('prio.phone.yours', { n: mine.get(r.proposalId) })}</span>` : nothing}</div>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}

// ---- projector ----------------------------------------------------------------------------

/** Projector: the live wall by category, then themes, the vote (no tallies), the results, the plan. */
class PrioritisationScreen extends PrioElement {
  static properties = { view: { attribute: false }, activity: { attribute: false } };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
  }

  render() {
    const a = this.activity ?? {};
    const stage = a.stage ?? 'COLLECT';
    return html`<section class="prio prio-screen screen-panel" data-testid="prio-screen" data-stage=${stage}>
      <div class="prio-screen-head">
        <h2 data-testid="prio-screen-stage">${t(`prio.screen.${stage}`)}</h2>
        ${projectHeader(a.project, { big: true })}
      </div>
      ${this._renderBody(a, stage)}
      ${stage === 'COLLECT' ? roomChips(a.room) : nothing}
    </section>`;
  }

  _renderBody(a, stage) {
    switch (stage) {
      case 'COLLECT':
        return this._renderWall(a.wall);
      case 'SYNTHESIS':
        return html`${synthesisBlock(a.synthesis, { withProfiles: true })}${crossTable(a.synthesis)}`;
      case 'VOTE':
        return this._renderVote(a.vote);
      case 'RESULTS':
        return a.results
          ? html`<div class="prio-results">
              <div>${rankingTable(a.results)}${sidesBlock(a.results)}</div>
              <div>${matrixBlock(a.results)}</div>
            </div>`
          : nothing;
      case 'PLAN':
        return planTable(a.plan ?? []);
      default:
        return nothing;
    }
  }

  _renderWall(wall) {
    const columns = wall?.columns ?? [];
    if (!wall?.total) return html`<p class="screen-lead" data-testid="prio-wall-empty">${t('prio.screen.wallEmpty')}</p>`;
    return html`<div class="prio-wall" data-testid="prio-wall" data-total=${wall.total}>
      ${columns.map(
        (col) => html`<section class="prio-wall__col prio-cat--${col.category}" data-testid="prio-wall-${col.category}" data-count=${col.count}
          aria-label=${label('category', col.category)}>
          <h3 class="prio-wall__head"><span>${label('category', col.category)}</span><span>${formatNumber(col.count)}</span></h3>
          <ul class="prio-list">
            ${[...col.items].reverse().map(
              (c) => html`<li class="prio-card" data-testid="prio-card">
                <p class="prio-card__text">${c.text}</p>
                <div class="prio-card__meta"><span>${label('kind', c.kind)}</span>
                  ${c.weight > 1 ? html`<span class="prio-weight" data-testid="prio-weight">×${c.weight}</span>` : nothing}
                  ${c.earlier ? html`<span>${t('prio.earlier')}</span>` : nothing}</div>
              </li>`,
            )}
          </ul>
        </section>`,
      )}
    </div>`;
  }

  _renderVote(vote) {
    if (!vote) return nothing;
    const total = this.view?.session?.participantCount ?? 0;
    return html`<p class="screen-answered" data-testid="prio-voters">${t('prio.screen.voters', { n: formatNumber(vote.voters ?? 0), total: formatNumber(total) })}</p>
      <p class="screen-lead">${t('prio.screen.voteRules', { budget: vote.budget, max: vote.maxPerProposal })}</p>
      <ol class="prio-screen-proposals" data-testid="prio-screen-proposals">
        ${(vote.proposals ?? []).map((p) => html`<li>${p.text}${p.themeName ? html`<div class="prio-meta">${p.themeName}</div>` : nothing}</li>`)}
      </ol>`;
  }
}

// ---- synthesis page -----------------------------------------------------------------------

/** Synthesis: the project, the themes with their counts, every contribution, the vote and the plan. */
class PrioritisationSynthesis extends PrioElement {
  static properties = { results: { attribute: false } };

  constructor() {
    super();
    this.results = null;
  }

  render() {
    const r = this.results;
    if (!r) return html`<p class="muted">${t('prio.synthesis.none')}</p>`;
    const contributions = r.contributions ?? [];
    const themeNames = new Map((r.synthesis?.themes ?? []).map((th) => [th.id, th.name]));
    return html`<div class="prio prio-synthesis" data-testid="prio-synthesis">
      ${r.project ? html`<h3>${t('prio.synthesis.project')}</h3>${projectHeader(r.project)}` : nothing}
      <p>${t('prio.synthesis.counts', { n: formatNumber(r.newContributions ?? 0), total: formatNumber(r.synthesis?.total?.count ?? 0) })}</p>
      ${roomChips(r.room)}
      <h3>${t('prio.synthesis.themes')}</h3>
      ${synthesisBlock(r.synthesis, { withProfiles: true })}
      ${crossTable(r.synthesis)}
      <h3>${t('prio.synthesis.ranking')}</h3>
      ${r.revealed ? nothing : html`<p class="muted">${t('prio.synthesis.notRevealed')}</p>`}
      ${rankingTable(r.ranking, { testid: 'prio-synth-ranking' })}
      ${sidesBlock(r.ranking)}
      ${matrixBlock(r.ranking)}
      <h3>${t('prio.stage.PLAN')}</h3>
      ${planTable(r.plan ?? [], { testid: 'prio-synth-plan' })}
      <details>
        <summary>${t('prio.synthesis.contributions', { n: formatNumber(contributions.length) })}</summary>
        <div class="prio-table-wrap" role="region" tabindex="0" aria-label=${t('prio.synthesis.contributions', { n: formatNumber(contributions.length) })}><table class="prio-table" data-testid="prio-synth-contributions">
          <thead><tr><th scope="col">${t('prio.contribution')}</th><th scope="col">${t('prio.kind')}</th><th scope="col">${t('prio.category')}</th>
            <th scope="col">${t('prio.profile')}</th><th scope="col">${t('prio.theme')}</th></tr></thead>
          <tbody>
            ${contributions.map(
              (c) => html`<tr>
                <td><span class="prio-text">${c.text}</span>
                  ${c.hidden ? html` <span class="prio-chip prio-chip--hidden">${t('prio.hidden')}</span>` : nothing}
                  ${c.mergedInto ? html` <span class="prio-chip">${t('prio.merged')}</span>` : nothing}
                  ${c.earlier ? html` <span class="prio-chip prio-chip--earlier">${t('prio.earlier')}</span>` : nothing}</td>
                <td>${label('kind', c.kind)}</td><td>${label('category', c.category)}</td><td>${label('profile', c.profile)}</td>
                <td>${themeNames.get(c.themeId) ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table></div>
      </details>
    </div>`;
  }
}

// ---- console ------------------------------------------------------------------------------

function randomTag() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Console: project, steps, moderation, themes, proposals and vote, results, action plan. */
class PrioritisationConsole extends PrioElement {
  static properties = {
    view: { attribute: false },
    activity: { attribute: false },
    send: { attribute: false },
    _selected: { state: true },
    _editing: { state: true },
    _showHidden: { state: true },
    _projectForm: { state: true },
    _projectLink: { state: true },
    _projectBusy: { state: true },
    _projectError: { state: true },
    _paper: { state: true },
    _themeName: { state: true },
    _themeTarget: { state: true },
    _renaming: { state: true },
    _proposal: { state: true },
    _settings: { state: true },
    _drafts: { state: true },
    _newAction: { state: true },
    _problem: { state: true },
  };

  constructor() {
    super();
    this.view = null;
    this.activity = null;
    this.send = null;
    this._selected = new Set();
    this._editing = null;
    this._showHidden = true;
    this._projectForm = { sector: '', territory: '', targetPublic: '', name: '' };
    this._projectLink = '';
    this._projectBusy = false;
    this._projectError = '';
    this._paper = { text: '', kind: 'difficulty', category: 'conditions', profile: 'unspecified' };
    this._themeName = '';
    this._themeTarget = '';
    this._renaming = null;
    this._proposal = { text: '', themeId: '' };
    this._settings = null;
    this._drafts = {};
    this._newAction = { title: '', lead: '', deadline: '' };
    this._problem = '';
  }

  /** Sends a command; the console page announces the outcome. Resolves to true when acknowledged. */
  async _do(command) {
    try {
      await this.send(command);
      return true;
    } catch {
      return false;
    }
  }

  willUpdate(changed) {
    if (changed.has('activity')) {
      const ids = new Set((this.activity?.contributions ?? []).map((c) => c.id));
      const kept = [...this._selected].filter((id) => ids.has(id));
      if (kept.length !== this._selected.size) this._selected = new Set(kept);
      const plan = new Map((this.activity?.plan ?? []).map((a) => [a.id, a]));
      const drafts = {};
      for (const [id, draft] of Object.entries(this._drafts)) {
        if (plan.has(id) && this._differs(plan.get(id))) drafts[id] = draft;
      }
      if (Object.keys(drafts).length !== Object.keys(this._drafts).length) this._drafts = drafts;
    }
  }

  render() {
    const a = this.activity ?? {};
    const stage = a.stage ?? 'COLLECT';
    const phase = this.view?.session?.phase;
    const live = phase === 'LOBBY' || phase === 'ACTIVITY';
    return html`<div class="prio prio-console" data-testid="prio-console" data-stage=${stage}>
      ${this._renderProject(a, live)}
      ${phase === 'LOBBY' ? html`<p class="notice">${t('prio.console.startFirst')}</p>` : nothing}
      ${this._renderStages(a, stage, live)}
      ${this._problem ? html`<p class="notice notice--error" role="alert" data-testid="prio-console-problem">${this._problem}</p>` : nothing}
      ${stage === 'COLLECT' || stage === 'SYNTHESIS' ? this._renderModeration(a, stage) : nothing}
      ${stage !== 'COLLECT' ? this._renderThemes(a, stage) : nothing}
      ${stage === 'SYNTHESIS' || stage === 'VOTE' ? this._renderProposals(a, stage) : nothing}
      ${stage === 'VOTE' ? this._renderVote(a) : nothing}
      ${a.revealed && (stage === 'RESULTS' || stage === 'PLAN') ? this._renderResults(a) : nothing}
      ${stage === 'PLAN' || stage === 'RESULTS' ? this._renderPlan(a) : nothing}
      ${stage === 'COLLECT' ? this._renderPaper() : nothing}
    </div>`;
  }

  // -- project --

  _blank(a) {
    return !a.project && !(a.contributions?.length) && !(a.vote?.proposals?.length) && !(a.plan?.length) && !(a.synthesis?.themes?.length);
  }

  async _createProject(event) {
    event.preventDefault();
    const f = this._projectForm;
    if (!f.sector.trim()) {
      this._projectError = t('prio.project.needSector');
      return;
    }
    this._projectBusy = true;
    this._projectError = '';
    try {
      const created = await api('/api/projects', {
        method: 'POST',
        body: { sector: f.sector.trim(), territory: f.territory.trim(), targetPublic: f.targetPublic.trim(), name: f.name.trim() || null },
        fallbackMessage: t('prio.project.createError'),
      });
      saveProject({ id: created.projectId, key: created.projectKey, name: f.name.trim() || f.sector.trim() });
      await this._useProject(created.projectId, created.projectKey);
    } catch (error) {
      this._projectError = error?.message || t('prio.project.createError');
    } finally {
      this._projectBusy = false;
    }
  }

  async _useProject(id, key) {
    this._projectBusy = true;
    this._projectError = '';
    try {
      const data = await api(`/api/projects/${encodeURIComponent(id)}`, { token: key, fallbackMessage: t('prio.project.loadError') });
      saveProject({ id, key, name: data.project?.name });
      const command = { type: 'prioritisation.useProject', projectKey: key, tag: randomTag(), project: data.project };
      if (new TextEncoder().encode(JSON.stringify(command)).length > FRAME_MAX) throw new Error(t('prio.project.tooBig'));
      if (!(await this._do(command))) throw new Error(t('prio.project.refused'));
    } catch (error) {
      this._projectError = error?.message || t('prio.project.loadError');
    } finally {
      this._projectBusy = false;
    }
  }

  _useLink(event) {
    event.preventDefault();
    const parsed = parseProjectLink(this._projectLink);
    if (!parsed) {
      this._projectError = t('prio.project.badLink');
      return;
    }
    this._projectLink = '';
    this._useProject(parsed.id, parsed.key);
  }

  _renderProject(a, live) {
    if (a.project) {
      const key = projectKeyFor(a.project.id);
      return html`<section class="panel" aria-labelledby="prio-project-title" data-testid="prio-project-panel" data-project=${a.project.id}>
        <h3 class="panel__title" id="prio-project-title">${t('prio.project.title')}</h3>
        ${projectHeader(a.project)}
        <p class="hint">${a.project.previousSessions
          ? tn('prio.project.previous', a.project.previousSessions)
          : t('prio.project.first')}</p>
        ${key
          ? html`<div class="row">
              <a class="btn btn--secondary btn--small" href=${projectUrl(a.project.id, key)} target="_blank" rel="noopener" data-testid="prio-project-print">
                ${t('prio.project.open')}<span class="visually-hidden"> ${t('common.newWindow')}</span></a>
              <button type="button" class="btn btn--ghost btn--small" data-testid="prio-project-csv"
                @click=${() => downloadPlan(a.project.id, key).catch((e) => (this._projectError = e.message))}>${t('prio.project.csv')}</button>
            </div>
            <p class="hint">${t('prio.project.planHint')}</p>`
          : html`<p class="hint">${t('prio.project.noKeyHere')}</p>`}
        ${this._projectError ? html`<p class="notice notice--error" role="alert">${this._projectError}</p>` : nothing}
      </section>`;
    }
    const blank = this._blank(a);
    const saved = savedProjects();
    const f = this._projectForm;
    const set = (field) => (e) => (this._projectForm = { ...this._projectForm, [field]: e.target.value });
    return html`<section class="panel" aria-labelledby="prio-project-title" data-testid="prio-project-panel">
      <h3 class="panel__title" id="prio-project-title">${t('prio.project.choose')}</h3>
      ${!blank
        ? html`<p class="notice" data-testid="prio-project-too-late">${t('prio.project.tooLate')}</p>`
        : !live
          ? nothing
          : html`<p class="hint">${t('prio.project.why')}</p>
            <form class="stack" @submit=${this._createProject} novalidate data-testid="prio-project-form">
              <h4>${t('prio.project.new')}</h4>
              <div class="field"><label for="prio-p-sector">${t('prio.project.sector')}</label>
                <input id="prio-p-sector" type="text" maxlength="120" required data-testid="prio-project-sector" .value=${f.sector} @input=${set('sector')} />
                <p class="hint">${t('prio.project.sectorHint')}</p></div>
              <div class="field"><label for="prio-p-territory">${t('prio.project.territory')}</label>
                <input id="prio-p-territory" type="text" maxlength="120" data-testid="prio-project-territory" .value=${f.territory} @input=${set('territory')} /></div>
              <div class="field"><label for="prio-p-public">${t('prio.project.public')}</label>
                <input id="prio-p-public" type="text" maxlength="200" data-testid="prio-project-public" .value=${f.targetPublic} @input=${set('targetPublic')} /></div>
              <div class="field"><label for="prio-p-name">${t('prio.project.name')}</label>
                <input id="prio-p-name" type="text" maxlength="160" data-testid="prio-project-name" .value=${f.name} @input=${set('name')} />
                <p class="hint">${t('prio.project.nameHint')}</p></div>
              <button type="submit" class="btn btn--primary" data-testid="prio-project-create" ?disabled=${this._projectBusy}>${t('prio.project.create')}</button>
            </form>
            ${saved.length
              ? html`<h4>${t('prio.project.saved')}</h4>
                  <ul class="prio-list" data-testid="prio-project-saved">
                    ${saved.map(
                      (p, i) => html`<li class="row"><span>${p.name}</span>
                        <button type="button" class="btn btn--secondary btn--small" data-testid="prio-project-continue-${i}" ?disabled=${this._projectBusy}
                          @click=${() => this._useProject(p.id, p.key)}>${t('prio.project.continue')}</button></li>`,
                    )}
                  </ul>`
              : nothing}
            <form class="prio-inline" @submit=${this._useLink} novalidate>
              <div class="field"><label for="prio-p-link">${t('prio.project.link')}</label>
                <input id="prio-p-link" type="text" autocomplete="off" spellcheck="false" data-testid="prio-project-link"
                  .value=${this._projectLink} @input=${(e) => (this._projectLink = e.target.value)} /></div>
              <button type="submit" class="btn btn--secondary" data-testid="prio-project-link-use" ?disabled=${this._projectBusy}>${t('prio.project.continue')}</button>
            </form>`}
      ${this._projectError ? html`<p class="notice notice--error" role="alert" data-testid="prio-project-error">${this._projectError}</p>` : nothing}
    </section>`;
  }

  // -- stages --

  _renderStages(a, stage, live) {
    const vote = a.vote ?? {};
    const visibleProposals = (vote.proposals ?? []).filter((p) => !p.hidden).length;
    return html`<section class="panel" aria-labelledby="prio-stages-title" data-testid="prio-stages">
      <h3 class="panel__title" id="prio-stages-title">${t('prio.console.steps')}</h3>
      <ol class="prio-steps">
        ${STAGES.map(
          (s) => html`<li><button type="button" class="btn btn--secondary btn--small" data-testid="prio-stage-${s}"
            aria-current=${s === stage ? 'step' : 'false'}
            ?disabled=${!live || s === stage || (s === 'RESULTS' && !a.revealed) || (s === 'VOTE' && (a.revealed || !visibleProposals))}
            @click=${() => this._do({ type: 'prioritisation.setStage', stage: s })}>${t(`prio.stage.${s}`)}</button></li>`,
        )}
      </ol>
      <p class="hint">${t(`prio.console.hint.${stage}`)}</p>
      ${stage === 'VOTE'
        ? html`<button type="button" class="btn btn--primary" data-testid="prio-reveal" ?disabled=${!live}
            @click=${() => this._do({ type: 'prioritisation.reveal' })}>${t('prio.console.reveal')}</button>`
        : nothing}
    </section>`;
  }

  // -- moderation and grouping --

  _toggle(id) {
    const next = new Set(this._selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this._selected = next;
  }

  async _groupSelection(themeId) {
    const ids = [...this._selected];
    if (!ids.length) return;
    if (await this._do({ type: 'prioritisation.group', themeId, contributionIds: ids })) this._selected = new Set();
  }

  async _createTheme() {
    const name = this._themeName.trim();
    if (!name) {
      this._problem = t('prio.console.problem.themeName');
      return;
    }
    this._problem = '';
    if (await this._do({ type: 'prioritisation.createTheme', name, contributionIds: [...this._selected] })) {
      this._themeName = '';
      this._selected = new Set();
    }
  }

  async _mergeSelection(contributions) {
    const ids = contributions.filter((c) => this._selected.has(c.id)).map((c) => c.id);
    if (ids.length < 2) {
      this._problem = t('prio.console.problem.mergeTwo');
      return;
    }
    this._problem = '';
    const [into, ...rest] = ids;
    for (const id of rest) {
      if (!(await this._do({ type: 'prioritisation.merge', contributionId: id, intoId: into }))) return;
    }
    this._selected = new Set();
  }

  async _saveEdit(c) {
    const e = this._editing;
    if (await this._do({ type: 'prioritisation.edit', contributionId: c.id, text: e.text, kind: e.kind, category: e.category })) this._editing = null;
  }

  _renderModeration(a, stage) {
    const contributions = a.contributions ?? [];
    const themes = a.synthesis?.themes ?? [];
    const themeNames = new Map(themes.map((th) => [th.id, th.name]));
    const proposed = new Set((a.vote?.proposals ?? []).filter((p) => !p.hidden && p.contributionId).map((p) => p.contributionId));
    const children = new Map();
    for (const c of contributions) {
      if (c.mergedInto) children.set(c.mergedInto, [...(children.get(c.mergedInto) ?? []), c]);
    }
    const roots = contributions.filter((c) => !c.mergedInto && (this._showHidden || !c.hidden));
    const visible = contributions.filter((c) => !c.hidden).length;
    return html`<section class="panel" aria-labelledby="prio-mod-title" data-testid="prio-moderation">
      <h3 class="panel__title" id="prio-mod-title">${t('prio.console.contributions')}
        <span class="count-pill" data-testid="prio-contribution-count" data-count=${visible}>${formatNumber(visible)}</span></h3>
      <p class="hint">${stage === 'COLLECT' ? t('prio.console.moderationHint') : t('prio.console.groupHint')}</p>
      <label class="row"><input type="checkbox" .checked=${this._showHidden} @change=${(e) => (this._showHidden = e.target.checked)} />
        ${t('prio.console.showHidden')}</label>
      ${contributions.length === 0 ? html`<p class="muted">${t('prio.console.noContribution')}</p>` : nothing}
      ${CATEGORIES.map((cat) => {
        const list = roots.filter((c) => c.category === cat);
        if (!list.length) return nothing;
        return html`<h4>${label('category', cat)} (${list.length})</h4>
          <ul class="prio-mod prio-list" data-testid="prio-mod-${cat}">
            ${list.map((c) => html`${this._renderItem(c, themeNames, proposed, false)}
              ${(children.get(c.id) ?? []).map((child) => this._renderItem(child, themeNames, proposed, true))}`)}
          </ul>`;
      })}
      ${this._selected.size ? this._renderToolbar(contributions, themes) : nothing}
    </section>`;
  }

  _renderItem(c, themeNames, proposed, merged) {
    const editing = this._editing?.id === c.id;
    return html`<li class="prio-mod__item prio-cat--${c.category} ${c.hidden ? 'prio-mod__item--hidden' : ''} ${merged ? 'prio-mod__item--merged' : ''}"
      data-testid="prio-mod-item" data-id=${c.id} data-hidden=${c.hidden ? 'true' : 'false'} draggable=${merged ? 'false' : 'true'}
      @dragstart=${(e) => e.dataTransfer?.setData('text/plain', c.id)}>
      <input type="checkbox" data-testid="prio-select" aria-label=${t('prio.console.select', { text: c.text })}
        .checked=${this._selected.has(c.id)} @change=${() => this._toggle(c.id)} />
      <div>
        ${editing ? this._renderEdit(c) : html`<span class="prio-text">${c.text}</span>`}
        <div class="prio-meta">
          <span class="prio-chip">${label('kind', c.kind)}</span>
          <span class="prio-chip">${label('profile', c.profile)}</span>
          ${c.weight > 1 ? html`<span class="prio-weight">×${c.weight}</span>` : nothing}
          ${c.themeId ? html`<span class="prio-chip" data-testid="prio-item-theme">${themeNames.get(c.themeId) ?? ''}</span>` : nothing}
          ${c.hidden ? html`<span class="prio-chip prio-chip--hidden">${t('prio.hidden')}</span>` : nothing}
          ${merged ? html`<span class="prio-chip">${t('prio.merged')}</span>` : nothing}
          ${c.earlier ? html`<span class="prio-chip prio-chip--earlier">${t('prio.earlier')}</span>` : nothing}
        </div>
      </div>
      ${editing
        ? nothing
        : html`<div class="prio-mod__actions">
            <button type="button" class="btn btn--ghost" data-testid="prio-hide"
              @click=${() => this._do({ type: 'prioritisation.hide', contributionId: c.id, hidden: !c.hidden })}>${c.hidden ? t('prio.console.show') : t('prio.console.hide')}</button>
            <button type="button" class="btn btn--ghost" data-testid="prio-edit"
              @click=${() => (this._editing = { id: c.id, text: c.text, kind: c.kind, category: c.category })}>${t('prio.console.edit')}</button>
            ${merged
              ? html`<button type="button" class="btn btn--ghost" data-testid="prio-unmerge"
                  @click=${() => this._do({ type: 'prioritisation.unmerge', contributionId: c.id })}>${t('prio.console.unmerge')}</button>`
              : nothing}
            ${!merged && !c.hidden && !proposed.has(c.id)
              ? html`<button type="button" class="btn btn--ghost" data-testid="prio-promote"
                  @click=${() => this._do({ type: 'prioritisation.propose', contributionId: c.id })}>${t('prio.console.promote')}</button>`
              : nothing}
          </div>`}
    </li>`;
  }

  _renderEdit(c) {
    const e = this._editing;
    return html`<div class="stack" data-testid="prio-edit-form">
      <label class="visually-hidden" for="prio-edit-${c.id}">${t('prio.console.editText')}</label>
      <textarea id="prio-edit-${c.id}" rows="2" maxlength=${TEXT_MAX} data-testid="prio-edit-text" .value=${e.text}
        @input=${(ev) => (this._editing = { ...this._editing, text: ev.target.value })}></textarea>
      <div class="prio-inline">
        <div class="field"><label for="prio-edit-cat-${c.id}">${t('prio.category')}</label>
          <select id="prio-edit-cat-${c.id}" data-testid="prio-edit-category" @change=${(ev) => (this._editing = { ...this._editing, category: ev.target.value })}>
            ${CATEGORIES.map((cat) => html`<option value=${cat} ?selected=${cat === e.category}>${label('category', cat)}</option>`)}
          </select></div>
        <div class="field"><label for="prio-edit-kind-${c.id}">${t('prio.kind')}</label>
          <select id="prio-edit-kind-${c.id}" @change=${(ev) => (this._editing = { ...this._editing, kind: ev.target.value })}>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === e.kind}>${label('kind', k)}</option>`)}
          </select></div>
      </div>
      <div class="row">
        <button type="button" class="btn btn--primary btn--small" data-testid="prio-edit-save" @click=${() => this._saveEdit(c)}>${t('prio.console.save')}</button>
        <button type="button" class="btn btn--ghost btn--small" @click=${() => (this._editing = null)}>${t('common.cancel')}</button>
      </div>
    </div>`;
  }

  _renderToolbar(contributions, themes) {
    return html`<div class="prio-toolbar" role="group" aria-label=${t('prio.console.selection')} data-testid="prio-toolbar">
      <p class="count">${tn('prio.console.selected', this._selected.size)}</p>
      <div class="prio-inline">
        <div class="field"><label for="prio-theme-name">${t('prio.console.newTheme')}</label>
          <input id="prio-theme-name" type="text" maxlength=${THEME_MAX} data-testid="prio-theme-name" .value=${this._themeName}
            @input=${(e) => (this._themeName = e.target.value)} @keydown=${(e) => e.key === 'Enter' && (e.preventDefault(), this._createTheme())} /></div>
        <button type="button" class="btn btn--primary" data-testid="prio-theme-create" @click=${this._createTheme}>${t('prio.console.createTheme')}</button>
      </div>
      ${themes.length
        ? html`<div class="prio-inline">
            <div class="field"><label for="prio-theme-target">${t('prio.console.existingTheme')}</label>
              <select id="prio-theme-target" data-testid="prio-theme-target" @change=${(e) => (this._themeTarget = e.target.value)}>
                <option value="" ?selected=${!this._themeTarget}>—</option>
                ${themes.map((th) => html`<option value=${th.id} ?selected=${th.id === this._themeTarget}>${th.name}</option>`)}
              </select></div>
            <button type="button" class="btn btn--secondary" data-testid="prio-theme-add" ?disabled=${!this._themeTarget}
              @click=${() => this._groupSelection(this._themeTarget)}>${t('prio.console.addToTheme')}</button>
          </div>`
        : nothing}
      <div class="row">
        <button type="button" class="btn btn--secondary btn--small" data-testid="prio-merge-selection" @click=${() => this._mergeSelection(contributions)}>
          ${t('prio.console.merge')}</button>
        <button type="button" class="btn btn--ghost btn--small" data-testid="prio-ungroup" @click=${() => this._groupSelection(null)}>${t('prio.console.ungroup')}</button>
        <button type="button" class="btn btn--ghost btn--small" data-testid="prio-clear-selection" @click=${() => (this._selected = new Set())}>
          ${t('prio.console.clearSelection')}</button>
      </div>
      <p class="hint">${t('prio.console.mergeHint')}</p>
    </div>`;
  }

  async _addPaper(event) {
    event.preventDefault();
    const p = this._paper;
    if (!p.text.trim()) return;
    const command = { type: 'prioritisation.contribute', text: p.text.trim(), kind: p.kind, category: p.category, profile: p.profile };
    if (await this._do(command)) this._paper = { ...this._paper, text: '' };
  }

  _renderPaper() {
    const p = this._paper;
    const set = (field) => (e) => (this._paper = { ...this._paper, [field]: e.target.value });
    return html`<details class="panel" data-testid="prio-paper">
      <summary class="panel__title">${t('prio.console.paper')}</summary>
      <p class="hint">${t('prio.console.paperHint')}</p>
      <form class="stack" @submit=${this._addPaper} novalidate>
        <div class="field"><label for="prio-paper-text">${t('prio.contribution')}</label>
          <textarea id="prio-paper-text" rows="2" maxlength=${TEXT_MAX} data-testid="prio-paper-text" .value=${p.text} @input=${set('text')}></textarea></div>
        <div class="prio-inline">
          <div class="field"><label for="prio-paper-kind">${t('prio.kind')}</label>
            <select id="prio-paper-kind" @change=${set('kind')}>${KINDS.map((k) => html`<option value=${k} ?selected=${k === p.kind}>${label('kind', k)}</option>`)}</select></div>
          <div class="field"><label for="prio-paper-category">${t('prio.category')}</label>
            <select id="prio-paper-category" @change=${set('category')}>${CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === p.category}>${label('category', c)}</option>`)}</select></div>
          <div class="field"><label for="prio-paper-profile">${t('prio.profile')}</label>
            <select id="prio-paper-profile" @change=${set('profile')}>${[...PROFILES, 'unspecified'].map((x) => html`<option value=${x} ?selected=${x === p.profile}>${label('profile', x)}</option>`)}</select></div>
        </div>
        <button type="submit" class="btn btn--secondary" data-testid="prio-paper-add">${t('prio.console.paperAdd')}</button>
      </form>
    </details>`;
  }

  // -- themes --

  async _rename(themeId) {
    const name = (this._renaming?.name ?? '').trim();
    if (name && (await this._do({ type: 'prioritisation.renameTheme', themeId, name }))) this._renaming = null;
  }

  _renderThemes(a, stage) {
    const synthesis = a.synthesis;
    const editable = stage === 'SYNTHESIS';
    const contributions = a.contributions ?? [];
    return html`<section class="panel" aria-labelledby="prio-themes-title" data-testid="prio-console-themes">
      <h3 class="panel__title" id="prio-themes-title">${t('prio.console.themes')}</h3>
      ${editable ? html`<p class="hint">${t('prio.console.themesHint')}</p>` : nothing}
      ${synthesisBlock(synthesis, {
        withProfiles: true,
        onDrop: editable ? (themeId, id) => this._do({ type: 'prioritisation.group', themeId, contributionIds: [id] }) : null,
        themeExtra: (th, i) => html`
          <details><summary>${t('prio.console.themeContents')}</summary>
            <ul class="prio-list">${contributions.filter((c) => !c.mergedInto && !c.hidden && c.themeId === th.id).map((c) => html`<li class="prio-text">${c.text}</li>`)}</ul>
          </details>
          ${editable
            ? this._renaming?.id === th.id
              ? html`<div class="prio-inline">
                  <div class="field"><label for="prio-rename-${i}">${t('prio.console.rename')}</label>
                    <input id="prio-rename-${i}" type="text" maxlength=${THEME_MAX} .value=${this._renaming.name}
                      @input=${(e) => (this._renaming = { ...this._renaming, name: e.target.value })} /></div>
                  <button type="button" class="btn btn--primary btn--small" @click=${() => this._rename(th.id)}>${t('prio.console.save')}</button>
                  <button type="button" class="btn btn--ghost btn--small" @click=${() => (this._renaming = null)}>${t('common.cancel')}</button>
                </div>`
              : html`<div class="row">
                  <button type="button" class="btn btn--ghost btn--small" data-testid="prio-theme-rename-${i}"
                    @click=${() => (this._renaming = { id: th.id, name: th.name })}>${t('prio.console.rename')}</button>
                  <button type="button" class="btn btn--ghost btn--small" data-testid="prio-theme-remove-${i}"
                    @click=${() => this._do({ type: 'prioritisation.removeTheme', themeId: th.id })}>${t('prio.console.removeTheme')}</button>
                </div>`
            : nothing}`,
      })}
      ${synthesis?.themes?.length ? nothing : html`<p class="muted">${t('prio.console.noTheme')}</p>`}
      ${crossTable(synthesis)}
    </section>`;
  }

  // -- proposals and vote --

  async _addProposal(event) {
    event.preventDefault();
    const text = this._proposal.text.trim();
    if (!text) return;
    const command = { type: 'prioritisation.propose', text, themeId: this._proposal.themeId || null };
    if (await this._do(command)) this._proposal = { text: '', themeId: this._proposal.themeId };
  }

  _renderProposals(a, stage) {
    const proposals = a.vote?.proposals ?? [];
    const themes = a.synthesis?.themes ?? [];
    return html`<section class="panel" aria-labelledby="prio-props-title" data-testid="prio-proposals">
      <h3 class="panel__title" id="prio-props-title">${t('prio.console.proposals')}
        <span class="count-pill">${formatNumber(proposals.filter((p) => !p.hidden).length)}</span></h3>
      <p class="hint">${t('prio.console.proposalsHint')}</p>
      <ol class="prio-list" data-testid="prio-prop-list">
        ${proposals.map(
          (p, i) => html`<li data-testid="prio-prop-item-${i}" data-hidden=${p.hidden ? 'true' : 'false'}>
            <span class="prio-text">${p.text}</span>
            <div class="prio-meta">
              <label class="visually-hidden" for="prio-prop-theme-${i}">${t('prio.theme')}</label>
              <select id="prio-prop-theme-${i}" .value=${live(p.themeId ?? '')} @change=${(e) => this._do({ type: 'prioritisation.editProposal', proposalId: p.id, text: p.text, themeId: e.target.value || null })}>
                <option value="" ?selected=${!p.themeId}>${t('prio.theme.none')}</option>
                ${themes.map((th) => html`<option value=${th.id} ?selected=${th.id === p.themeId}>${th.name}</option>`)}
              </select>
              <span class="prio-chip">${t(`prio.source.${p.source ?? 'facilitator'}`)}</span>
              ${p.earlier ? html`<span class="prio-chip prio-chip--earlier">${t('prio.earlier')}</span>` : nothing}
              ${p.hidden ? html`<span class="prio-chip prio-chip--hidden">${t('prio.console.withdrawn')}</span>` : nothing}
              <button type="button" class="btn btn--ghost btn--small" data-testid="prio-prop-hide-${i}" ?disabled=${a.revealed}
                @click=${() => this._do({ type: 'prioritisation.hideProposal', proposalId: p.id, hidden: !p.hidden })}>
                ${p.hidden ? t('prio.console.restore') : t('prio.console.withdraw')}</button>
            </div>
          </li>`,
        )}
      </ol>
      ${a.revealed
        ? nothing
        : html`<form class="prio-inline" @submit=${this._addProposal} novalidate data-testid="prio-prop-form">
            <div class="field"><label for="prio-prop-text">${t('prio.console.newProposal')}</label>
              <input id="prio-prop-text" type="text" maxlength=${TEXT_MAX} data-testid="prio-prop-text" .value=${this._proposal.text}
                @input=${(e) => (this._proposal = { ...this._proposal, text: e.target.value })} /></div>
            <div class="field"><label for="prio-prop-theme">${t('prio.theme')}</label>
              <select id="prio-prop-theme" data-testid="prio-prop-theme" @change=${(e) => (this._proposal = { ...this._proposal, themeId: e.target.value })}>
                <option value="" ?selected=${!this._proposal.themeId}>${t('prio.theme.none')}</option>
                ${themes.map((th) => html`<option value=${th.id} ?selected=${th.id === this._proposal.themeId}>${th.name}</option>`)}
              </select></div>
            <button type="submit" class="btn btn--secondary" data-testid="prio-prop-add">${t('prio.console.addProposal')}</button>
          </form>`}
      ${stage === 'SYNTHESIS' ? this._renderSettings(a) : nothing}
    </section>`;
  }

  _renderSettings(a) {
    const v = a.vote ?? { budget: 5, maxPerProposal: 3, ratings: true };
    const s = this._settings ?? { budget: v.budget, maxPerProposal: v.maxPerProposal, ratings: v.ratings };
    const set = (field, value) => (this._settings = { ...s, [field]: value });
    const save = async (e) => {
      e.preventDefault();
      const command = { type: 'prioritisation.settings', budget: Number(s.budget), maxPerProposal: Number(s.maxPerProposal), ratings: Boolean(s.ratings) };
      if (await this._do(command)) this._settings = null;
    };
    return html`<form class="stack" @submit=${save} novalidate data-testid="prio-settings">
      <h4>${t('prio.console.settings')}</h4>
      <div class="prio-inline">
        <div class="field"><label for="prio-budget">${t('prio.console.budget')}</label>
          <input id="prio-budget" type="number" min="1" max="20" inputmode="numeric" data-testid="prio-budget" .value=${String(s.budget)}
            @input=${(e) => set('budget', e.target.value)} /></div>
        <div class="field"><label for="prio-max">${t('prio.console.max')}</label>
          <input id="prio-max" type="number" min="1" max="20" inputmode="numeric" data-testid="prio-max" .value=${String(s.maxPerProposal)}
            @input=${(e) => set('maxPerProposal', e.target.value)} /></div>
      </div>
      <label class="row"><input type="checkbox" data-testid="prio-ratings" .checked=${Boolean(s.ratings)} @change=${(e) => set('ratings', e.target.checked)} />
        ${t('prio.console.ratings')}</label>
      <button type="submit" class="btn btn--secondary" data-testid="prio-settings-save">${t('prio.console.saveSettings')}</button>
    </form>`;
  }

  _renderVote(a) {
    const vote = a.vote ?? {};
    const total = this.view?.session?.participantCount ?? 0;
    return html`<section class="panel" aria-labelledby="prio-vote-title" data-testid="prio-console-vote">
      <h3 class="panel__title" id="prio-vote-title">${t('prio.console.vote')}</h3>
      <p class="count" data-testid="prio-console-voters" data-voters=${vote.voters ?? 0}>${t('prio.screen.voters', { n: formatNumber(vote.voters ?? 0), total: formatNumber(total) })}</p>
      <p class="hint">${t('prio.screen.voteRules', { budget: vote.budget, max: vote.maxPerProposal })}
        ${vote.ratings ? t('prio.console.withRatings') : ''}</p>
      <details data-testid="prio-preview">
        <summary>${t('prio.console.preview')}</summary>
        <p class="hint">${t('prio.console.previewHint')}</p>
        ${rankingTable(a.results, { testid: 'prio-preview-ranking' })}
      </details>
    </section>`;
  }

  // -- results and action plan --

  async _addToPlan(proposalIds) {
    for (const proposalId of proposalIds) {
      if (!(await this._do({ type: 'prioritisation.addAction', proposalId }))) return;
    }
  }

  _renderResults(a) {
    const planned = new Set((a.plan ?? []).map((x) => x.proposalId).filter(Boolean));
    const rows = a.results?.rows ?? [];
    const top = rows.filter((r) => r.dots > 0 && !planned.has(r.proposalId)).slice(0, 3).map((r) => r.proposalId);
    return html`<section class="panel" aria-labelledby="prio-results-title" data-testid="prio-console-results">
      <h3 class="panel__title" id="prio-results-title">${t('prio.stage.RESULTS')}</h3>
      ${rankingTable(a.results, {
        actions: (r, i) =>
          planned.has(r.proposalId)
            ? html`<span class="prio-chip">${t('prio.console.inPlan')}</span>`
            : html`<button type="button" class="btn btn--secondary btn--small" data-testid="prio-plan-add-${i}"
                @click=${() => this._addToPlan([r.proposalId])}>${t('prio.console.toPlan')}</button>`,
      })}
      ${top.length
        ? html`<button type="button" class="btn btn--primary" data-testid="prio-plan-top" @click=${() => this._addToPlan(top)}>
            ${tn('prio.console.topToPlan', top.length)}</button>`
        : nothing}
      ${sidesBlock(a.results)}
      ${matrixBlock(a.results)}
    </section>`;
  }

  _draft(action) {
    return this._drafts[action.id] ?? { title: action.title, lead: action.lead ?? '', deadline: action.deadline ?? '', status: action.status };
  }

  _setDraft(action, field, value) {
    this._drafts = { ...this._drafts, [action.id]: { ...this._draft(action), [field]: value } };
  }

  /** Whether the draft differs from what the server holds. */
  _differs(action) {
    const d = this._drafts[action.id];
    return Boolean(d) && (d.title !== action.title || d.lead !== (action.lead ?? '') || d.deadline !== (action.deadline ?? '') || d.status !== action.status);
  }

  async _saveAction(action) {
    const d = this._draft(action);
    const command = { type: 'prioritisation.updateAction', actionId: action.id, title: d.title, lead: d.lead || null, deadline: d.deadline || null, status: d.status };
    // The draft stays until the console's view shows the saved values (see willUpdate).
    await this._do(command);
  }

  async _addAction(event) {
    event.preventDefault();
    const n = this._newAction;
    if (!n.title.trim()) return;
    const command = { type: 'prioritisation.addAction', title: n.title.trim(), lead: n.lead.trim() || null, deadline: n.deadline || null };
    if (await this._do(command)) this._newAction = { title: '', lead: '', deadline: '' };
  }

  _renderPlan(a) {
    const plan = a.plan ?? [];
    const key = a.project ? projectKeyFor(a.project.id) : null;
    const n = this._newAction;
    return html`<section class="panel" aria-labelledby="prio-plan-title" data-testid="prio-console-plan">
      <h3 class="panel__title" id="prio-plan-title">${t('prio.stage.PLAN')} <span class="count-pill">${formatNumber(plan.length)}</span></h3>
      <p class="hint">${t('prio.console.planHint')}</p>
      ${plan.length
        ? html`<ol class="prio-plan-cards" data-testid="prio-plan-editor">
            ${plan.map((action, i) => {
              const d = this._draft(action);
              const dirty = this._differs(action);
              return html`<li class="prio-plan-card" data-testid="prio-action-${i}">
                <div class="field"><label for="prio-action-title-${i}">${t('prio.plan.action')} ${i + 1}
                  ${action.earlier ? html`<span class="prio-chip prio-chip--earlier">${t('prio.earlier')}</span>` : nothing}</label>
                  <input id="prio-action-title-${i}" type="text" maxlength=${TEXT_MAX} data-testid="prio-action-title-${i}" .value=${d.title}
                    @input=${(e) => this._setDraft(action, 'title', e.target.value)} />
                  ${action.proposalText && action.proposalText !== d.title ? html`<p class="hint">${t('prio.plan.from')} ${action.proposalText}</p>` : nothing}</div>
                <div class="prio-inline">
                  <div class="field"><label for="prio-action-lead-${i}">${t('prio.plan.lead')}</label>
                    <input id="prio-action-lead-${i}" type="text" maxlength=${LEAD_MAX} data-testid="prio-action-lead-${i}" .value=${d.lead}
                      @input=${(e) => this._setDraft(action, 'lead', e.target.value)} /></div>
                  <div class="field"><label for="prio-action-deadline-${i}">${t('prio.plan.deadline')}</label>
                    <input id="prio-action-deadline-${i}" type="date" data-testid="prio-action-deadline-${i}" .value=${d.deadline}
                      @input=${(e) => this._setDraft(action, 'deadline', e.target.value)} @change=${(e) => this._setDraft(action, 'deadline', e.target.value)} /></div>
                  <div class="field"><label for="prio-action-status-${i}">${t('prio.plan.status')}</label>
                    <select id="prio-action-status-${i}" data-testid="prio-action-status-${i}" .value=${live(d.status)}
                      @change=${(e) => this._setDraft(action, 'status', e.target.value)}>
                      ${STATUSES.map((st) => html`<option value=${st} ?selected=${st === d.status}>${label('status', st)}</option>`)}
                    </select></div>
                </div>
                <div class="row">
                  <button type="button" class="btn btn--primary btn--small" data-testid="prio-action-save-${i}" ?disabled=${!dirty}
                    @click=${() => this._saveAction(action)}>${t('prio.console.save')}</button>
                  <button type="button" class="btn btn--ghost btn--small" data-testid="prio-action-remove-${i}"
                    @click=${() => this._do({ type: 'prioritisation.removeAction', actionId: action.id })}>${t('prio.console.remove')}</button>
                </div>
              </li>`;
            })}
          </ol>`
        : html`<p class="muted">${t('prio.plan.empty')}</p>`}
      <form class="prio-inline" @submit=${this._addAction} novalidate data-testid="prio-new-action">
        <div class="field"><label for="prio-new-title">${t('prio.console.newAction')}</label>
          <input id="prio-new-title" type="text" maxlength=${TEXT_MAX} data-testid="prio-new-action-title" .value=${n.title}
            @input=${(e) => (this._newAction = { ...this._newAction, title: e.target.value })} /></div>
        <div class="field"><label for="prio-new-lead">${t('prio.plan.lead')}</label>
          <input id="prio-new-lead" type="text" maxlength=${LEAD_MAX} data-testid="prio-new-action-lead" .value=${n.lead}
            @input=${(e) => (this._newAction = { ...this._newAction, lead: e.target.value })} /></div>
        <div class="field"><label for="prio-new-deadline">${t('prio.plan.deadline')}</label>
          <input id="prio-new-deadline" type="date" data-testid="prio-new-action-deadline" .value=${n.deadline}
            @change=${(e) => (this._newAction = { ...this._newAction, deadline: e.target.value })} /></div>
        <button type="submit" class="btn btn--secondary" data-testid="prio-new-action-add">${t('prio.console.addAction')}</button>
      </form>
      ${key
        ? html`<div class="row">
            <a class="btn btn--secondary" href=${projectUrl(a.project.id, key)} target="_blank" rel="noopener" data-testid="prio-plan-print">
              ${t('prio.project.print')}<span class="visually-hidden"> ${t('common.newWindow')}</span></a>
            <button type="button" class="btn btn--ghost" @click=${() => downloadPlan(a.project.id, key).catch(() => {})}>${t('prio.project.csv')}</button>
          </div>`
        : nothing}
    </section>`;
  }
}

customElements.define('prioritisation-phone', PrioritisationPhone);
customElements.define('prioritisation-screen', PrioritisationScreen);
customElements.define('prioritisation-console', PrioritisationConsole);
customElements.define('prioritisation-synthesis', PrioritisationSynthesis);
