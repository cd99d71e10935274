/**
 * Ends the current task so the page can paint and take input: the next line runs in a task of
 * its own. Promise continuations otherwise chain as microtasks of one task, however long.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
