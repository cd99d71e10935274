import { Command } from 'commander';
import { configureCommand } from '../configure-command.js';
import type { CliIO } from '../io.js';
import { scenarioCompareCommand } from './scenario-compare.js';
import { scenarioRunCommand } from './scenario-run.js';
import { scenarioSweepCommand } from './scenario-sweep.js';

/** `tessera scenario run|compare|sweep`: what-if scenarios from JSON files. */
export function scenarioCommand(io: CliIO): Command {
  const command = new Command('scenario').description(
    'run, compare and sweep what-if scenarios (JSON files; see docs/scenarios.md)',
  );
  for (const sub of [
    scenarioRunCommand(io),
    scenarioCompareCommand(io),
    scenarioSweepCommand(io),
  ]) {
    command.addCommand(configureCommand(sub, io));
  }
  return command;
}
