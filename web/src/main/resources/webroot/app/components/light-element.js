import { LitElement } from 'lit';

/**
 * A Lit element rendered in the light DOM, so that /app/base.css styles it (the CSP allows no inline
 * styles) and browser tests find its elements with plain selectors. A reactive property declared
 * with an `initial` value (see `state` and `inputs` below) starts with its own copy of that value,
 * so that a component names each property and its first value once.
 */
export class LightElement extends LitElement {
  constructor() {
    super();
    for (const [name, options] of this.constructor.elementProperties) {
      if (options.initial !== undefined) this[name] = structuredClone(options.initial);
    }
  }

  createRenderRoot() {
    return this;
  }
}

const declare = (initials, options) =>
  Object.fromEntries(Object.entries(initials).map(([name, initial]) => [name, { ...options, initial }]));

/** Internal reactive state with first values: `static properties = state({ _busy: false, _items: [] })`. */
export const state = (initials) => declare(initials, { state: true });

/** Properties the parent element sets (no attribute), with first values: `inputs({ view: null })`. */
export const inputs = (initials) => declare(initials, { attribute: false });
