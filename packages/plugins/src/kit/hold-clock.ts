/**
 * The clock holds are measured on: this process's CPU time where the runtime tells it (Node),
 * so a strategy is not blamed for the time a busy machine kept its thread off a core; wall
 * time elsewhere (browsers), where nothing better exists.
 */
export const holdClock: () => number = (() => {
  const cpuUsage = (
    globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }
  ).process?.cpuUsage;
  if (typeof cpuUsage !== 'function') return () => performance.now();
  return () => {
    const { user, system } = cpuUsage();
    return (user + system) / 1000;
  };
})();
