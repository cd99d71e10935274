import {
  AccountTableBuilder,
  createRandom,
  type AccountTable,
  type Random,
  type RepTable,
} from '@tessera/core';
import { AccountSkillPicker } from './account-skills.js';
import { drawCurrentRevenue, drawPotential } from './account-value.js';
import { drawAnnualRevenue, drawEmployees, SEGMENTS, segmentOf } from './company-size.js';
import { drawCompanyName } from './company-names.js';
import { accountId, accountIdWidth, repId, repIdWidth } from './ids.js';
import { NAICS_SECTORS, sectorWeights, settlementClass } from './industries.js';
import { jitterInDisk, placeRadiusKm } from './jitter.js';
import { buildMetros } from './metros.js';
import { type SampleOptions, validateOptions } from './options.js';
import { assignOwners, departedRepCount } from './owners.js';
import { samplePlaces } from './place-sampler.js';
import { generateReps } from './reps.js';
import { createAliasTable, drawAlias } from './weighted-sampler.js';
import { drawWorkload } from './workload.js';

export interface SampleData {
  accounts: AccountTable;
  reps: RepTable;
}

/**
 * Realistic, seeded accounts and reps drawn around real places (see the package README for the
 * model). Each account attribute has its own random stream, forked in a fixed order from the
 * seed, so the first k accounts are the same whatever the total, and reworking one sub-model
 * leaves the others' draws alone.
 */
export function generateSample(options: SampleOptions): SampleData {
  validateOptions(options);
  const { accounts: n, reps: repCount, places } = options;
  const root = createRandom(options.seed);
  const streams = {
    place: root.fork(),
    location: root.fork(),
    industry: root.fork(),
    employees: root.fork(),
    annualRevenue: root.fork(),
    potential: root.fork(),
    revenue: root.fork(),
    workload: root.fork(),
    name: root.fork(),
    skills: root.fork(),
    reps: root.fork(),
    owners: root.fork(),
  } satisfies Record<string, Random>;

  const accountPlace = samplePlaces(places, n, streams.place);

  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const point = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    const p = places[accountPlace[i]!]!;
    jitterInDisk(p.lat, p.lon, placeRadiusKm(p.population), streams.location, point);
    lat[i] = point[0]!;
    lon[i] = point[1]!;
  }

  const industryTables = ([0, 1, 2] as const).map((c) => createAliasTable(sectorWeights(c)));
  const industry = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const settlement = settlementClass(places[accountPlace[i]!]!.population);
    industry[i] = drawAlias(industryTables[settlement]!, streams.industry);
  }

  const employees = new Float64Array(n);
  const segment = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    employees[i] = drawEmployees(NAICS_SECTORS[industry[i]!]!.medianEmployees, streams.employees);
    segment[i] = SEGMENTS.indexOf(segmentOf(employees[i]!));
  }

  const annualRevenue = new Float64Array(n);
  const potential = new Float64Array(n);
  const revenue = new Float64Array(n);
  const workload = new Float64Array(n);
  const sectorWorkload = new Float64Array(NAICS_SECTORS.length);
  let totalWorkload = 0;
  for (let i = 0; i < n; i++) {
    const s = NAICS_SECTORS[industry[i]!]!;
    annualRevenue[i] = drawAnnualRevenue(
      employees[i]!,
      s.revenuePerEmployee,
      streams.annualRevenue,
    );
  }
  for (let i = 0; i < n; i++) {
    const s = NAICS_SECTORS[industry[i]!]!;
    potential[i] = drawPotential(annualRevenue[i]!, s.potentialMultiplier, streams.potential);
  }
  for (let i = 0; i < n; i++) {
    revenue[i] = drawCurrentRevenue(potential[i]!, SEGMENTS[segment[i]!]!, streams.revenue);
  }
  for (let i = 0; i < n; i++) {
    const w = drawWorkload(
      employees[i]!,
      NAICS_SECTORS[industry[i]!]!.workloadFactor,
      streams.workload,
    );
    workload[i] = w;
    sectorWorkload[industry[i]!]! += w;
    totalWorkload += w;
  }

  const repWidth = repIdWidth(repCount + departedRepCount(repCount));
  const reps = generateReps({
    reps: repCount,
    metros: buildMetros(places),
    totalWorkload,
    sectorWorkload,
    idWidth: repWidth,
    random: streams.reps,
  });

  const { owner, locked } = assignOwners({
    places,
    accountPlace,
    accountSegment: segment,
    reps,
    random: streams.owners,
  });
  const ownerIds = Array.from({ length: repCount + departedRepCount(repCount) }, (_, r) =>
    repId(r, repWidth),
  );

  const skills = new AccountSkillPicker();
  const idWidth = accountIdWidth(n);
  const builder = new AccountTableBuilder(n);
  for (let i = 0; i < n; i++) {
    const place = places[accountPlace[i]!]!;
    const sector = NAICS_SECTORS[industry[i]!]!;
    const o = owner[i]!;
    builder.push({
      id: accountId(i, idWidth),
      name: drawCompanyName(sector.id, place.name, streams.name),
      lat: lat[i]!,
      lon: lon[i]!,
      postalCode: null,
      region: place.region,
      country: 'US',
      industry: sector.id,
      employees: employees[i]!,
      annualRevenue: annualRevenue[i]!,
      potential: potential[i]!,
      revenue: revenue[i]!,
      workload: workload[i]!,
      owner: o < 0 ? null : ownerIds[o]!,
      locked: locked[i] === 1,
      skillsRequired: skills.pick(industry[i]!, sector, segment[i]!, place.region, streams.skills),
    });
  }
  return { accounts: builder.finish(), reps };
}
