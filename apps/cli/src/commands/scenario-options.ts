import type { Command } from 'commander';

/** The dataset flags every `scenario` subcommand takes. */
export function withDatasetFlags(command: Command): Command {
  return command
    .option('--accounts <file>', "accounts CSV (default: the scenario's dataset.accounts)")
    .option('--reps <file>', "reps CSV (default: the scenario's dataset.reps)")
    .option('--baseline <plan.csv>', "today's plan (default: the accounts' owner column)")
    .option('--skip-invalid', 'import the valid rows of the CSV files and report the rest')
    .option(
      '--units-geojson <file.geojson>',
      "building blocks (a GeoJSON FeatureCollection) territories are made of (default: the scenario's dataset.units)",
    )
    .option('--units-id <property>', "the blocks' id property (default: each feature's id)")
    .option('--units-name <property>', "the blocks' name property");
}
