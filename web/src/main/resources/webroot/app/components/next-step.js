// The console's "next step": one primary action at a time, run by a click, Enter, or a presenter's keys
// (→ / Page Down / Space forward, ← / Page Up back), with a confirmation or a few seconds to undo
// for what cannot be reversed. The contract with the formats' console elements is in FORMAT-GUIDE.md.
import { html, nothing } from 'lit';
import { t } from '../i18n/index.js';

const FORWARD = new Set(['ArrowRight', 'PageDown', ' ', 'Spacebar']);
const BACKWARD = new Set(['ArrowLeft', 'PageUp']);

/** Where a key already means something: text entry, lists, and (for Space and arrows) focused controls. */
function keyBelongsToTarget(event) {
  const el = event.target;
  if (!(el instanceof Element)) return false;
  const paging = event.key === 'PageDown' || event.key === 'PageUp';
  // Page Down / Page Up mean nothing on a check box, a radio button or a button: the clicker works there.
  if (paging && el.matches('input[type="checkbox"], input[type="radio"], button')) return false;
  if (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog[open]')) return true;
  if (el.closest('[role="tab"], [role="radio"], [role="slider"], [role="listbox"], [role="menu"]')) return true;
  if (event.key === ' ' && el.closest('button, a[href], summary, label')) return true;
  return false;
}

/**
 * Runs the composed step of a host (the console page): `host.currentStep()` returns the step or
 * null; `host.say(text, kind)` writes in the status region; `host.askConfirm(confirm)` → Promise<boolean>.
 */
export class NextStepController {
  constructor(host) {
    this.host = host;
    this.pending = null; // { step, endsAt, timer, tick }
    this.running = false;
    this._onKey = (event) => this._key(event);
    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('keydown', this._onKey);
  }

  hostDisconnected() {
    document.removeEventListener('keydown', this._onKey);
    this.cancel(false);
  }

  _key(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'Escape' && this.pending) {
      event.preventDefault();
      this.cancel(true);
      return;
    }
    const forward = FORWARD.has(event.key);
    const backward = BACKWARD.has(event.key);
    if ((!forward && !backward) || keyBelongsToTarget(event)) return;
    event.preventDefault();
    if (event.repeat) return;
    if (this.pending) {
      if (backward) this.cancel(true);
      return;
    }
    const step = this.host.currentStep();
    if (forward && step) this.trigger(step);
    else if (backward && step?.back) this._runBack(step.back);
  }

  async _runBack(back) {
    if (this.running) return;
    this.running = true;
    this.host.requestUpdate();
    try {
      await back.run();
      if (back.done) this.host.say(back.done, 'ok');
    } catch {
      /* the page has said why */
    } finally {
      this.running = false;
      this.host.requestUpdate();
    }
  }

  /** The primary button or a key: confirm, hold for undo, or run now. */
  async trigger(step) {
    if (!step || this.running || this.pending) return;
    if (step.disabled) {
      this.host.say(step.disabled, 'info'); // a clicker's press still gets an answer
      return;
    }
    if (step.confirm) {
      if (!(await this.host.askConfirm(step.confirm))) {
        this.host.say(t('console.step.cancelled'), 'info');
        return;
      }
      return this._run(step);
    }
    if (step.undoSeconds) return this._hold(step);
    return this._run(step);
  }

  _hold(step) {
    const endsAt = Date.now() + step.undoSeconds * 1000;
    const pending = { step, endsAt, left: step.undoSeconds };
    pending.tick = setInterval(() => {
      pending.left = Math.max(0, Math.ceil((pending.endsAt - Date.now()) / 1000));
      this.host.requestUpdate();
    }, 250);
    pending.timer = setTimeout(() => {
      this._clear();
      this._run(step);
    }, step.undoSeconds * 1000);
    this.pending = pending;
    this.host.say(t('console.step.held', { label: step.label, n: step.undoSeconds }), 'info');
    this.host.requestUpdate();
  }

  _clear() {
    if (!this.pending) return;
    clearTimeout(this.pending.timer);
    clearInterval(this.pending.tick);
    this.pending = null;
    this.host.requestUpdate();
  }

  /** Drops the held command: nothing was sent. */
  cancel(announce) {
    if (!this.pending) return;
    const label = this.pending.step.label;
    this._clear();
    if (announce) this.host.say(t('console.step.undone', { label }), 'ok');
  }

  async _run(step) {
    this.running = true;
    this.host.requestUpdate();
    try {
      await step.run();
      this.host.say(step.done || t('console.step.doneLabel', { label: step.label }), 'ok');
      this.host.stepRan?.(step);
    } catch (error) {
      if (error?.stepMessage) this.host.say(error.stepMessage, 'error');
      /* otherwise the page has already said why in its status region */
    } finally {
      this.running = false;
      this.host.requestUpdate();
    }
  }

  /** The "Étape suivante" panel. */
  render(step) {
    const pending = this.pending;
    if (pending) {
      return html`<section class="next-step next-step--pending" aria-labelledby="next-step-title" data-testid="next-step-panel">
        <h2 id="next-step-title" class="next-step__title">${t('console.step.title')}</h2>
        <p class="next-step__held" data-testid="next-step-held">${t('console.step.heldShort', { label: pending.step.label, n: pending.left ?? pending.step.undoSeconds })}</p>
        <div class="row">
          <button type="button" class="btn btn--secondary" data-testid="undo" @click=${() => this.cancel(true)}>${t('console.step.undo')}</button>
          <span class="hint">${t('console.step.undoHint')}</span>
        </div>
      </section>`;
    }
    if (!step) return nothing;
    return html`<section class="next-step" aria-labelledby="next-step-title" data-testid="next-step-panel" data-step=${step.id}>
      <h2 id="next-step-title" class="next-step__title">${t('console.step.title')}</h2>
      <div class="next-step__row">
        ${step.back
          ? html`<button type="button" class="btn btn--ghost" data-testid="next-step-back" ?disabled=${this.running}
              @click=${() => this._runBack(step.back)}>← ${step.back.label}</button>`
          : nothing}
        <button type="button" class="btn btn--primary btn--large next-step__go" data-testid="next-step" data-step=${step.id}
          aria-describedby="next-step-after" ?disabled=${Boolean(step.disabled) || this.running} @click=${() => this.trigger(step)}>
          ${step.label} <span aria-hidden="true">→</span></button>
      </div>
      <p class="next-step__after" id="next-step-after" data-testid="next-step-after">
        ${step.disabled ? step.disabled : step.after ? t('console.step.after', { label: step.after }) : nothing}
      </p>
      <p class="hint next-step__keys">${t('console.step.keys')}</p>
    </section>`;
  }
}

/** Sends commands one after the other; a refusal stops the chain and says which one failed. */
export async function chain(send, steps) {
  for (const { command, label } of steps) {
    try {
      await send(command);
    } catch (error) {
      const e = new Error(error?.message);
      e.stepMessage = t('console.step.failed', { label, reason: error?.message || t('common.rejected') });
      throw e;
    }
  }
}

/** The console page's confirmation dialog, for a format's own irreversible buttons. */
export function askConfirm(element, confirm) {
  const host = element.closest('console-app');
  return host?.askConfirm ? host.askConfirm(confirm) : Promise.resolve(true);
}

/** A format's own button for what its next step also does: same confirmation or undo window. */
export function runStep(element, step) {
  const host = element.closest('console-app');
  return host?.steps ? host.steps.trigger(step) : step.run().catch(() => {});
}

/**
 * What a format console's own button changed, in words, for the page's status region: the key
 * `<prefix>.did.<command name>` (with the command's fields as parameters) for the names listed.
 */
export function describer(prefix, names) {
  const known = new Set(names);
  return (command) => {
    const name = command?.type?.split('.')[1];
    return known.has(name) ? t(`${prefix}.did.${name}`, command) : undefined;
  };
}
