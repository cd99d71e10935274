import { computeMetrics } from '@tessera/core';
import { loadPlan } from '../files/load-plan.js';
import { loadTables } from '../files/load-tables.js';
import { formatMetricsTable } from '../format/metrics-table.js';
import type { CliIO } from '../io.js';
import type { MetricsOptions } from './metrics.js';

export async function metrics(io: CliIO, options: MetricsOptions): Promise<void> {
  const { accounts, reps } = await loadTables(io, options);
  const plan = await loadPlan(
    io,
    options.plan,
    { accounts, reps },
    { accountsFile: options.accounts, role: 'plan' },
  );
  const metrics = computeMetrics(accounts, reps, plan, { seed: options.seed });
  io.stdout.write(
    options.format === 'table'
      ? formatMetricsTable(metrics)
      : `${JSON.stringify(metrics, null, 2)}\n`,
  );
}
