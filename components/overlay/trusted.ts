// Page scripts can dispatch events on whatever they reach, and build events that look like the
// merchant's (issue 14: a portal's own script pressed Dispute and dismissed findings). The
// overlay's controls act only on what the browser says the merchant did: one capture listener
// on each of our shadow roots stops every untrusted input event before it reaches a control.

/** Events a control acts on: pointer, keyboard, form input. */
const GUARDED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'reset',
] as const;

export const isTrustedEvent = (e: Event): boolean => e.isTrusted;

/**
 * Stops untrusted input events at the shadow root, in the capture phase, so no control inside
 * sees them (Preact's listeners sit on the controls themselves). `isTrusted` is the test seam:
 * unit tests that press our buttons from script pass their own.
 */
export function guardShadowRoot(root: ShadowRoot, isTrusted: (e: Event) => boolean = isTrustedEvent): void {
  const stop = (e: Event) => {
    if (isTrusted(e)) return;
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  for (const type of GUARDED_EVENTS) root.addEventListener(type, stop, { capture: true });
}
