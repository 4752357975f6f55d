/**
 * Summarises a .cpuprofile written by `node --cpu-prof` on bench/profile.mjs:
 * self and inclusive time per function, over the samples of `measuredPhase`
 * (and the GC / program samples taken in its time span).
 *   node bench/profile-summary.mjs bench/results/profiles/evaluate-100k.cpuprofile [top]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const [file, topArg = '25'] = process.argv.slice(2);
const top = Number(topArg);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n) => {
  const f = n.callFrame;
  const name = f.functionName || '(anonymous)';
  if (!f.url) return name;
  return `${name} (${basename(f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1})`;
};
const inPhase = new Map();
const stackOf = new Map();
function stack(id) {
  let s = stackOf.get(id);
  if (s) return s;
  s = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) s.push(cur);
  stackOf.set(id, s);
  return s;
}
function isMeasured(id) {
  let v = inPhase.get(id);
  if (v === undefined) {
    v = stack(id).some((x) => byId.get(x).callFrame.functionName === 'measuredPhase');
    inPhase.set(id, v);
  }
  return v;
}

// Sample times, and the span of the measured phase.
const times = [];
let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i] ?? 0;
  times.push(t);
}
let first = Infinity;
let last = -Infinity;
profile.samples.forEach((id, i) => {
  if (isMeasured(id)) {
    first = Math.min(first, times[i]);
    last = Math.max(last, times[i]);
  }
});
const self = new Map();
const inclusive = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  if (times[i] < first || times[i] > last) return;
  const node = byId.get(id);
  const name = node.callFrame.functionName;
  const measured = isMeasured(id);
  if (!measured && name !== '(garbage collector)' && name !== '(program)') return;
  const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000; // ms until the next sample
  total += dt;
  const key = label(node);
  self.set(key, (self.get(key) ?? 0) + dt);
  const seen = new Set();
  for (const x of stack(id)) {
    const k = label(byId.get(x));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  }
});

const pct = (x) => `${((100 * x) / total).toFixed(1)} %`;
console.log(`${basename(file)}: ${(total / 1000).toFixed(2)} s in the measured phase\n`);
console.log('| self | function |');
console.log('| ---: | --- |');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${pct(v)} | ${k} |`);
console.log('\n| inclusive | function |');
console.log('| ---: | --- |');
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).filter(([k]) => !/^\((root)\)|measuredPhase/.test(k)).slice(0, top)) console.log(`| ${pct(v)} | ${k} |`);
