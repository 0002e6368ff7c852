import { LightElement, inputs } from './light-element.js';

export { state } from './light-element.js';

/**
 * Base of every format's role component (phone, projector, console, synthesis). format-slot hands
 * it `view` (the whole view), `activity` (view.activity), `send(command)` → Promise, and on the
 * synthesis page `synthesis` and `results` (synthesis.results).
 */
export class FormatElement extends LightElement {
  static properties = inputs({ view: null, activity: null, send: null, synthesis: null, results: null });

}
