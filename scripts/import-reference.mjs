#!/usr/bin/env node
// Rebuilds data/reference.json and data/sectors.geojson from the research data set
// (nypd_reference.json and nypd_sectors_2018_simplified.geojson, described in data/SOURCES.md).
// Usage: node scripts/import-reference.mjs <folder holding the research data>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const from = process.argv[2];
if (!from) {
  console.error('usage: node scripts/import-reference.mjs <research data folder>');
  process.exit(2);
}
const source = JSON.parse(readFileSync(join(from, 'nypd_reference.json'), 'utf8'));
const blankToNull = (v) => (v === '' || v === undefined ? null : v);

const precincts = source.precincts.map((p) => ({
  precinct: Number(p.precinct),
  name: p.name,
  commonName: blankToNull(p.common_name),
  borough: p.borough,
  patrolBorough: p.patrol_borough,
  patrolBoroughCode: p.patrol_bor,
  address: blankToNull(p.address),
  phone: blankToNull(p.phone),
  url: blankToNull(p.nypd_url),
  // The 22nd Precinct's phase 99 / 1999-01-01 is a placeholder in the source: kept as unknown (null).
  rollout: {
    startDate: blankToNull(p.nco_start_date),
    phase: p.nco_phase === '' ? null : Number(p.nco_phase),
  },
  opened: Number(p.precinct) === 116 ? '2024-12-18' : null,
  notes: blankToNull(p.notes),
}));

const sectors = source.sectors.map((s) => ({
  id: s.sector,
  precinct: Number(s.pct),
  letter: s.sector_letter,
  sqMiles: s.sq_miles === '' ? null : Number(s.sq_miles),
}));

const phases = source.phases.map((ph) => ({
  phase: Number(ph.nco_phase),
  startDate: ph.start_date,
  precincts: String(ph.precincts).split(/\s+/).map(Number),
}));

const psas = source.psas.map((psa) => ({
  psa: Number(psa.psa),
  name: `Police Service Area ${psa.psa}`,
  address: psa.address,
  borough: psa.borough,
}));

writeFileSync('data/reference.json', JSON.stringify({ precincts, sectors, phases, psas }, null, 1) + '\n');

const geo = JSON.parse(readFileSync(join(from, 'nypd_sectors_2018_simplified.geojson'), 'utf8'));
const features = geo.features.map((f) => ({
  type: 'Feature',
  properties: { sector: f.properties.sector, precinct: Number(f.properties.pct) },
  geometry: f.geometry,
}));
writeFileSync('data/sectors.geojson', JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(
  `${precincts.length} precincts, ${sectors.length} sectors, ${phases.length} phases, ${psas.length} PSAs, ${features.length} boundaries`,
);
