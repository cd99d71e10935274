// Revenue simulation: expected revenue of a plan under a documented sales-response model,
// with a seeded Monte-Carlo spread. The model and its calibration: docs/simulation.md.
export {
  simulateRevenue,
  parseSimulationOptions,
  type SimulationResult,
  type SimulationTotal,
  type TerritorySimulation,
  type UnassignedSimulation,
} from './simulate.js';
export { compareSimulations, type SimulationComparison } from './compare.js';
export {
  responseModelSchema,
  simulationOptionsSchema,
  DEFAULT_RESPONSE_MODEL,
  MAX_DRAWS,
  responseShare,
  responseSaturation,
  type ResponseModel,
  type SimulationOptions,
  type ResolvedSimulationOptions,
} from './model.js';
export type { Spread } from './spread.js';
