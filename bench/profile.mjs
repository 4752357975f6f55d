/**
 * A workload to profile with `node --cpu-prof` (see bench/profile.sh):
 *   node --cpu-prof … bench/profile.mjs evaluate 100000
 *   node --cpu-prof … bench/profile.mjs evaluate 1000000
 *   node --cpu-prof … bench/profile.mjs parse 100000
 *   node --cpu-prof … bench/profile.mjs timeline 1000   (12 month-end reviews up to the review date)
 * Generation and the first parse happen first; the measured work runs inside
 * `measuredPhase`, which bench/profile-summary.mjs uses to keep only the
 * samples of the measured phase (GC samples in that time span included).
 */
import { evaluate, parseLedger, reviewTimeline } from '../dist/index.js';
import { AS_OF, generateLedger } from './generate.mjs';

const [mode = 'evaluate', sizeArg = '100000', secondsArg = '6'] = process.argv.slice(2);
const size = Number(sizeArg);
const raw = generateLedger(size, size);
const parsed = parseLedger(raw);
if (!parsed.ok) throw new Error('invalid generated ledger');
const ledger = parsed.ledger;
evaluate(ledger, { asOf: AS_OF }); // the memoised R11 renewal review happens here, outside the measured phase

function measuredPhase() {
  const until = performance.now() + Number(secondsArg) * 1000;
  let runs = 0;
  let sink = 0;
  while (performance.now() < until) {
    if (mode === 'parse') sink += parseLedger(raw).ok ? 1 : 0;
    else if (mode === 'parse+evaluate') sink += evaluate(parseLedger(raw).ledger, { asOf: AS_OF }).points.total;
    else if (mode === 'timeline') sink += reviewTimeline(ledger, { from: '2025-07-31', to: AS_OF }).length;
    else sink += evaluate(ledger, { asOf: AS_OF }).points.total;
    runs++;
  }
  return { runs, sink };
}

const t0 = performance.now();
const { runs } = measuredPhase();
const ms = (performance.now() - t0) / runs;
console.log(`${mode} × ${size}: ${runs} runs, ${ms.toFixed(2)} ms/run, ${((size / ms) * 1000 / 1e6).toFixed(2)} M entries/s (under the profiler)`);
