/** The simulation's module worker (Vite bundles it from this URL). */
export function startSimulationWorker(): Worker {
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'tessera-simulation',
  });
}
