/**
 * Moving focus to the page's heading after a client-side navigation. When the new page is still
 * loading (no `h1` yet), the request waits until its `Page` mounts.
 */
let pending = false;

export function focusPageHeading(): void {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    pending = false;
    heading.focus();
  } else {
    pending = true;
  }
}

/** True once if a navigation is still waiting for a heading to focus. */
export function takePendingHeadingFocus(): boolean {
  const was = pending;
  pending = false;
  return was;
}
