import type { Random } from '@tessera/core';
import { SURNAMES } from './person-names.js';

// Evocative words companies are named after.
// prettier-ignore
const PREFIXES: readonly string[] = [
  'Northwind', 'Cedar', 'Summit', 'Blue Ridge', 'Harbor', 'Redwood', 'Pioneer', 'Keystone',
  'Evergreen', 'Silver Creek', 'Lakeside', 'Prairie', 'Granite', 'Horizon', 'Liberty', 'Maple',
  'Oak Hill', 'Riverbend', 'Sunrise', 'Copper', 'Bluebird', 'Meridian', 'Frontier', 'Heritage',
  'Ironwood', 'Juniper', 'Lighthouse', 'Magnolia', 'Northstar', 'Old Mill', 'Pinecrest', 'Quarry',
  'Red Rock', 'Sagebrush', 'Tidewater', 'Union', 'Valley', 'Westfield', 'Willow', 'Atlas',
  'Beacon', 'Cascade', 'Crescent', 'Delta', 'Eagle', 'Falcon', 'Golden Gate', 'Highland',
  'Independence', 'Lone Star', 'Mesa', 'Patriot', 'Pinnacle', 'Sequoia', 'Sterling', 'Trailhead',
  'Bayview', 'Canyon', 'Coastal', 'Crossroads', 'Elm Street', 'First Light', 'Gateway', 'Hudson',
];

// What companies in each sector call themselves, keyed by NAICS sector id.
// prettier-ignore
const SECTOR_NOUNS: Readonly<Record<string, readonly string[]>> = {
  agriculture: ['Farms', 'Growers', 'Orchards', 'Ranch', 'Harvest', 'Agri Services'],
  mining: ['Minerals', 'Resources', 'Drilling', 'Aggregates', 'Energy'],
  utilities: ['Power', 'Electric', 'Water', 'Gas & Light', 'Energy Cooperative'],
  construction: ['Builders', 'Construction', 'Contracting', 'Roofing', 'Concrete', 'Homes'],
  manufacturing: ['Manufacturing', 'Industries', 'Fabrication', 'Machine Works', 'Plastics', 'Components'],
  wholesale: ['Supply', 'Distributors', 'Wholesale', 'Trading', 'Imports'],
  retail: ['Outfitters', 'Market', 'Hardware', 'Apparel', 'Home Goods', 'Pharmacy'],
  transportation: ['Logistics', 'Freight', 'Transport', 'Trucking', 'Couriers', 'Warehousing'],
  information: ['Media', 'Software', 'Networks', 'Broadcasting', 'Publishing', 'Data'],
  finance: ['Financial', 'Capital', 'Bank', 'Credit Union', 'Insurance', 'Wealth Advisors'],
  'real-estate': ['Realty', 'Properties', 'Property Management', 'Equipment Rental', 'Land'],
  'professional-services': ['Consulting', 'Law', 'Accounting', 'Engineering', 'Design', 'Analytics'],
  management: ['Holdings', 'Enterprises', 'Management', 'Capital Partners'],
  administrative: ['Staffing', 'Facility Services', 'Janitorial', 'Security', 'Waste Services'],
  education: ['Academy', 'Learning Center', 'College', 'Institute', 'Tutoring'],
  healthcare: ['Health', 'Medical Group', 'Clinic', 'Dental', 'Family Care', 'Senior Living'],
  'arts-entertainment': ['Fitness', 'Theater', 'Golf Club', 'Studios', 'Recreation'],
  hospitality: ['Grill', 'Hotel', 'Kitchen', 'Cafe', 'Inn', 'Catering'],
  'other-services': ['Auto Repair', 'Salon', 'Cleaners', 'Repair', 'Services'],
  'public-administration': ['County Services', 'Public Works', 'Utility District', 'Transit Authority'],
};

const GENERIC_NOUNS: readonly string[] = ['Group', 'Company', 'Services'];
const LEGAL_SUFFIXES: readonly string[] = ['Inc', 'LLC', 'Co', 'Corp'];
// Public bodies and schools rarely carry a legal suffix.
const NO_SUFFIX = new Set(['public-administration', 'education']);

/** Share of names that get a legal suffix. */
export const SUFFIX_SHARE = 0.45;

/**
 * A plausible company name for a sector: "Northwind Health", "Cedar Logistics Inc",
 * "Patel & Kim Law", "Fresno Dental LLC". Always takes the same number of draws.
 */
export function drawCompanyName(sectorId: string, placeName: string, random: Random): string {
  const nouns = SECTOR_NOUNS[sectorId] ?? GENERIC_NOUNS;
  const noun = nouns[random.int(nouns.length)]!;
  const pattern = random.next();
  const word = PREFIXES[random.int(PREFIXES.length)]!;
  const surname = SURNAMES[random.int(SURNAMES.length)]!;
  const partner = SURNAMES[random.int(SURNAMES.length)]!;
  const suffix = LEGAL_SUFFIXES[random.int(LEGAL_SUFFIXES.length)]!;
  const withSuffix = random.next() < SUFFIX_SHARE && !NO_SUFFIX.has(sectorId);
  let base: string;
  if (pattern < 0.4) base = `${word} ${noun}`;
  else if (pattern < 0.65) base = `${surname} ${noun}`;
  else if (pattern < 0.85) base = `${placeName} ${noun}`;
  else base = partner === surname ? `${surname} ${noun}` : `${surname} & ${partner} ${noun}`;
  return withSuffix ? `${base} ${suffix}` : base;
}
