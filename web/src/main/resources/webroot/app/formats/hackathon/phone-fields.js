import { FormatElement, state } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { t } from '../../i18n/index.js';
import { storage } from '../../util.js';
import { fieldLabel } from './shared.js';

const FIELD_MAX = { persona: 1000, situation: 1000, needs: 1000, obstacles: 1000, problem: 500, name: 60, pitch: 200, target: 300, how: 1000, resources: 1000, firstStep: 500 };
const AUTOSAVE_MS = 1500;
const PRESENCE_REFRESH_MS = 20_000;
const juryKey = (code) => `atelier.jury.${code}`;
const fieldHint = (id) => t(`hackathon.hint.${id}`);

/** The phone's state and its team canvases: autosave with revisions, presence, conflicts to merge (the rendering is in phone.js). */
export class HackathonPhoneFields extends FormatElement {
  static properties = state({ _message: '', _teamName: '', _idea: '', _ballots: {}, _juryState: 'idle' });

  constructor() {
    super();
    /** Per field: {text, baseRev, dirty, sending, conflict, timer, sentText, sentBase}. */
    this._fields = {};
    this._focused = null;
    this._focusSentAt = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this._readJuryLink();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    for (const id of Object.keys(this._fields)) this._save(id);
  }

  /** A jury link (/j/CODE#jury=TOKEN): the token is kept until the seat is claimed. */
  _readJuryLink() {
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    const token = fragment.get('jury');
    const code = this._code();
    if (token && code) {
      storage.set(juryKey(code), token);
    }
  }

  _code() {
    return this.view?.session?.code ?? location.pathname.split('/').filter(Boolean)[1]?.toUpperCase() ?? null;
  }

  willUpdate() {
    const a = this.activity;
    if (!a) return;
    this._syncFields(a.workspace);
    this._maybeClaim(a);
  }

  updated() {
    this._maybeClaim(this.activity);
  }

  _maybeClaim(a) {
    const code = this._code();
    if (!a || !code || this._juryState === 'sending') return;
    const token = storage.get(juryKey(code));
    if (!token) return;
    if (a.me?.juror) {
      this._juryDone(code);
      return;
    }
    if (this._juryState === 'failed') return;
    this._juryState = 'sending';
    this.send({ type: 'hackathon.claimJury', token }).then(
      () => {
        this._juryState = 'idle';
        this._juryDone(code);
      },
      (error) => {
        this._juryState = 'failed';
        this._message = error?.message || t('common.rejected');
        storage.remove(juryKey(code));
      },
    );
  }

  _juryDone(code) {
    storage.remove(juryKey(code));
    if (location.hash.includes('jury=')) history.replaceState(history.state, '', location.pathname + location.search);
  }

  async _command(command) {
    this._message = '';
    try {
      await this.send(command);
      return true;
    } catch (error) {
      this._message = error?.message || t('common.rejected');
      return false;
    }
  }

  // ---- canvas fields: drafts, autosave, presence, conflicts ----

  _syncFields(ws) {
    const fields = ws?.fields ?? {};
    for (const [id, server] of Object.entries(fields)) {
      const f = this._fields[id];
      if (!f) {
        this._fields[id] = { text: server.text, baseRev: server.rev, dirty: false, sending: false, conflict: false, timer: null };
        continue;
      }
      if (f.conflict) continue;
      if (!f.dirty && !f.sending) {
        f.text = server.text;
        f.baseRev = server.rev;
      } else if (server.text === f.text) {
        f.baseRev = Math.max(f.baseRev, server.rev);
        if (!f.sending) f.dirty = false;
      } else if (server.rev > f.baseRev && !f.sending) {
        // A teammate saved this field while we were writing: show both texts before anything is sent.
        clearTimeout(f.timer);
        f.timer = null;
        f.conflict = true;
      }
    }
  }

  _input(id, value) {
    const f = this._fields[id];
    if (!f) return;
    f.text = value;
    f.dirty = true;
    clearTimeout(f.timer);
    if (!f.conflict) f.timer = setTimeout(() => this._save(id), AUTOSAVE_MS);
    if (Date.now() - this._focusSentAt > PRESENCE_REFRESH_MS) this._announce(id);
    this.requestUpdate();
  }

  _announce(id) {
    this._focused = id;
    this._focusSentAt = Date.now();
    this.send({ type: 'hackathon.focus', field: id }).catch(() => {});
  }

  _focus(id) {
    if (this._focused !== id || Date.now() - this._focusSentAt > PRESENCE_REFRESH_MS) this._announce(id);
  }

  _blur(id) {
    this._save(id);
    if (this._focused === id) {
      this._focused = null;
      this._focusSentAt = 0;
      this.send({ type: 'hackathon.blur', field: id }).catch(() => {});
    }
  }

  _save(id, { text, baseRev } = {}) {
    const f = this._fields[id];
    if (!f) return;
    clearTimeout(f.timer);
    f.timer = null;
    const sending = text ?? f.text;
    const base = baseRev ?? f.baseRev;
    const server = this.activity?.workspace?.fields?.[id];
    if (f.conflict && text === undefined) return;
    if (!f.dirty && text === undefined) return;
    if (server && server.text === sending && server.rev >= base) {
      f.dirty = false;
      f.baseRev = server.rev;
      this.requestUpdate();
      return;
    }
    f.sending = true;
    f.state = 'sending';
    f.text = sending;
    this.requestUpdate();
    this.send({ type: 'hackathon.edit', field: id, baseRev: base, text: sending }).then(
      () => {
        f.sending = false;
        f.conflict = false;
        f.baseRev = Math.max(f.baseRev, base + 1);
        f.dirty = f.text !== sending;
        f.state = 'saved';
        if (f.dirty) f.timer = setTimeout(() => this._save(id), AUTOSAVE_MS);
        this.requestUpdate();
      },
      (error) => {
        f.sending = false;
        if (error?.code === 'conflict') {
          f.conflict = true;
          f.state = 'conflict';
        } else {
          f.state = 'error';
          this._message = error?.message || t('common.rejected');
        }
        this.requestUpdate();
      },
    );
  }

  /**
   * Resolves a conflict: `keep` is the merged text (null: the teammate's version), saved on top of
   * the revision it was merged with, so a third save in between raises a new conflict.
   */
  _resolve(id, keep, base) {
    const f = this._fields[id];
    const server = this.activity?.workspace?.fields?.[id];
    if (!f || !server) return;
    if (keep === null) {
      f.conflict = false;
      f.dirty = false;
      f.text = server.text;
      f.baseRev = server.rev;
      f.state = 'idle';
      this.requestUpdate();
      return;
    }
    f.conflict = false;
    f.dirty = true;
    this._save(id, { text: keep, baseRev: base ?? server.rev });
  }

  _renderField(a, id, writable) {
    const f = this._fields[id] ?? { text: '', baseRev: 0 };
    const server = a.workspace?.fields?.[id] ?? { text: '', rev: 0 };
    const now = Date.now();
    const others = (a.workspace?.presence ?? []).filter((p) => p.field === id && !p.mine && p.until > now - 5000);
    const busy = others.length > 0;
    const inputId = `hk-${id}`;
    const state = f.conflict ? 'conflict' : f.sending ? 'sending' : f.dirty ? 'dirty' : f.state === 'saved' ? 'saved' : '';
    return html`<div class="hk-field ${busy ? 'hk-field--busy' : ''}" data-testid="hk-field-${id}-box">
      <label for=${inputId}><strong>${fieldLabel(id)}</strong></label>
      <span class="hint" id="${inputId}-hint">${fieldHint(id)}</span>
      ${busy
        ? html`<p class="hk-presence" data-testid="hk-field-${id}-presence">✎ ${t('hackathon.presence', { names: others.map((p) => p.nickname).join(', ') })}</p>`
        : nothing}
      <textarea id=${inputId} data-testid="hk-field-${id}" maxlength=${FIELD_MAX[id]} rows=${FIELD_MAX[id] <= 200 ? 2 : 4}
        aria-describedby="${inputId}-hint ${inputId}-state" ?readonly=${!writable || f.conflict}
        .value=${live(f.text ?? '')} @input=${(e) => this._input(id, e.target.value)}
        @focus=${() => writable && this._focus(id)} @blur=${() => writable && this._blur(id)}></textarea>
      <p class="hk-state" id="${inputId}-state" role="status" data-testid="hk-field-${id}-state" data-state=${state}>
        ${state && state !== 'conflict' ? t(`hackathon.save.${state}`) : ''}
        ${!state && server.by ? t('hackathon.lastBy', { name: server.by }) : ''}
      </p>
      ${f.conflict ? this._renderConflict(id, f, server) : nothing}
    </div>`;
  }

  _renderConflict(id, f, server) {
    if (f.merged === undefined) {
      f.merged = `${server.text}${server.text && f.text ? '\n' : ''}${f.text}`;
      f.mergedBase = server.rev;
    }
    const merged = f.merged;
    return html`<div class="hk-conflict" role="alert" data-testid="hk-conflict-${id}">
      <p><strong>${t('hackathon.conflict.title', { name: server.by ?? t('hackathon.conflict.someone') })}</strong></p>
      <p class="hint">${t('hackathon.conflict.hint')}</p>
      <p>${t('hackathon.conflict.theirs', { name: server.by ?? t('hackathon.conflict.someone') })}</p>
      <blockquote data-testid="hk-conflict-${id}-theirs">${server.text}</blockquote>
      <p>${t('hackathon.conflict.mine')}</p>
      <blockquote data-testid="hk-conflict-${id}-mine">${f.text}</blockquote>
      <label for="hk-merge-${id}">${t('hackathon.conflict.merged')}</label>
      <textarea id="hk-merge-${id}" rows="4" maxlength=${FIELD_MAX[id]} data-testid="hk-conflict-${id}-merged"
        .value=${live(merged)} @input=${(e) => {
          f.merged = e.target.value;
        }}></textarea>
      <div class="row">
        <button type="button" class="btn btn--primary" data-testid="hk-conflict-${id}-save"
          @click=${() => {
            const text = f.merged;
            const base = f.mergedBase;
            f.merged = undefined;
            this._resolve(id, text, base);
          }}>${t('hackathon.conflict.saveMerged')}</button>
        <button type="button" class="btn btn--secondary" data-testid="hk-conflict-${id}-keep-theirs"
          @click=${() => {
            f.merged = undefined;
            this._resolve(id, null);
          }}>${t('hackathon.conflict.keepTheirs')}</button>
      </div>
    </div>`;
  }
}
