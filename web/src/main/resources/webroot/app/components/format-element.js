import { LightElement, inputs } from './light-element.js';

export { state } from './light-element.js';

/**
 * Base of every format's role component (phone, projector, console, synthesis). format-slot hands
 * it `view` (the whole view), `activity` (view.activity), `send(command)` → Promise, and on the
 * synthesis page `synthesis` and `results` (synthesis.results). On the console, the page sets
 * `consoleTab` ('live' or 'prep') and reads the element's `nextStep` (FORMAT-GUIDE.md, "The next
 * step"); each update tells the page with a bubbling `format-updated` event.
 */
export class FormatElement extends LightElement {
  static properties = inputs({ view: null, activity: null, send: null, synthesis: null, results: null, consoleTab: 'live' });

  updated() {
    this.dispatchEvent(new Event('format-updated', { bubbles: true }));
  }
}
