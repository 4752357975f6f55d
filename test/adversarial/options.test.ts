// Hostile options (SPEC §3): whatever an option holds — a BigInt, a cyclic
// object, a getter that throws, a Proxy whose traps throw, a revoked Proxy —
// every public function answers with one ValidationError whose issues sit at
// that option's path, never a TypeError or the getter's own error; and each
// option is read exactly once.
import { describe, expect, it } from 'vitest';
import {
  compareUnder,
  describeProgram,
  diffPrograms,
  evaluate,
  explainEvaluation,
  exponentialProgram,
  issueCodes,
  planUpgrade,
  reviewTimeline,
  ValidationError,
} from '../../src/index';

const raw = {
  partner: { id: 'p', joinedOn: '2020-01-15' },
  entries: [
    { id: 'e1', type: 'activity', date: '2026-04-01', activity: 'event-attendance' },
    { id: 'r1', type: 'revenue', date: '2026-04-02', amount: '100.00', source: 'direct-sale' },
  ],
};
const evaluation = evaluate(raw, { asOf: '2026-06-30' });

type Options = Record<string, unknown>;
/** A public function with its options: valid values for every option (or, when they exclude each other, `known` lists them all), and the call. */
type Subject = { readonly name: string; readonly options: Options; readonly known?: readonly string[]; readonly call: (opts: unknown) => unknown };

const subjects: Subject[] = [
  { name: 'evaluate', options: { asOf: '2026-06-30', window: 'rolling-12-months', program: exponentialProgram }, call: (o) => evaluate(raw, o as never) },
  {
    name: 'reviewTimeline',
    options: { from: '2026-01-01', to: '2026-06-30', program: exponentialProgram, window: 'calendar-year', policy: { graceReviews: 2 } },
    call: (o) => reviewTimeline(raw, o as never),
  },
  {
    name: 'planUpgrade',
    options: { asOf: '2026-06-10', target: 'professional', by: '2026-07-31', program: exponentialProgram, window: 'rolling-12-months', prefer: ['article'] },
    call: (o) => planUpgrade(raw, o as never),
  },
  { name: 'explainEvaluation', options: { format: 'markdown' }, call: (o) => explainEvaluation(evaluation, o as never) },
  { name: 'describeProgram (asOf)', options: { asOf: '2026-06-30' }, known: ['asOf', 'version'], call: (o) => describeProgram(exponentialProgram, o as never) },
  { name: 'describeProgram (version)', options: { version: '2014.1' }, known: ['asOf', 'version'], call: (o) => describeProgram(exponentialProgram, o as never) },
  { name: 'diffPrograms', options: { asOf: '2026-06-30' }, call: (o) => diffPrograms(exponentialProgram, exponentialProgram, o as never) },
  { name: 'diffPrograms ({ a, b })', options: { asOf: { a: '2026-01-01', b: '2026-06-30' } }, call: (o) => diffPrograms(exponentialProgram, exponentialProgram, o as never) },
  {
    name: 'compareUnder',
    options: { asOf: '2026-06-30', base: exponentialProgram, candidate: exponentialProgram, window: 'rolling-12-months' },
    call: (o) => compareUnder([raw], o as never),
  },
];

const throwingTraps: ProxyHandler<object> = Object.fromEntries(
  ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'set', 'deleteProperty', 'isExtensible', 'preventExtensions', 'setPrototypeOf', 'apply', 'construct'].map((trap) => [
    trap,
    () => {
      throw new Error(`trap ${trap}`);
    },
  ]),
);
function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
function cyclic(): object {
  const value: Record<string, unknown> = { a: '2026-06-30' };
  value['self'] = value;
  return value;
}
function cyclicArray(): unknown[] {
  const value: unknown[] = ['article'];
  value.push(value);
  return value;
}

/** Hostile values, each built afresh; `getter` marks the option defined as a getter that throws. */
const hostile: [string, () => unknown][] = [
  ['a BigInt', () => 10n],
  ['a cyclic object', cyclic],
  ['a cyclic array', cyclicArray],
  ['a Proxy whose every trap throws', () => new Proxy({}, throwingTraps)],
  ['a Proxy of an array whose every trap throws', () => new Proxy([], throwingTraps)],
  ['a revoked Proxy', revokedProxy],
  ['a symbol', () => Symbol('x')],
  ['a function', () => () => '2026-06-30'],
  ['getter', () => undefined],
];

function withOption(options: Options, name: string, make: () => unknown, kind: string): Options {
  const copy = { ...options };
  if (kind === 'getter') {
    Object.defineProperty(copy, name, {
      enumerable: true,
      get() {
        throw new TypeError(`getter ${name}`);
      },
    });
  } else copy[name] = make();
  return copy;
}

/** The issues of the ValidationError `call` throws; fails on any other outcome. */
function issuesOf(call: () => unknown): ValidationError['issues'] {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  // Issues are plain data: they can be written, whatever the option held.
  expect(() => JSON.stringify(error.issues)).not.toThrow();
  expect(typeof error.message).toBe('string');
  for (const found of error.issues) expect(Object.keys(issueCodes)).toContain(found.code);
  return error.issues;
}

const under = (path: string, name: string) => path === name || path.startsWith(`${name}.`) || path.startsWith(`${name}[`);

describe('options: hostile values at every option of every public function', () => {
  it.each(subjects.map((s) => [s.name, s] as const))('%s: the valid options work', (_, subject) => {
    expect(() => subject.call(subject.options)).not.toThrow();
  });

  const cases = subjects.flatMap((subject) => Object.keys(subject.options).flatMap((option) => hostile.map(([label, make]) => [subject.name, option, label, subject, make] as const)));

  it.each(cases)('%s: %s as %s is a ValidationError at that option', (_, option, label, subject, make) => {
    const issues = issuesOf(() => subject.call(withOption(subject.options, option, make, label)));
    expect(issues.length).toBeGreaterThan(0);
    for (const found of issues) expect(under(found.path, option), `${found.path} ${found.code}: ${found.message}`).toBe(true);
    if (label === 'getter') expect(issues).toEqual([expect.objectContaining({ path: option, code: 'unreadable-value' })]);
  });

  it.each(subjects.map((s) => [s.name, s] as const))('%s: a nested option read through a throwing getter is an issue at its own path', (_, subject) => {
    for (const [name, value] of Object.entries(subject.options)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || value === exponentialProgram) continue;
      for (const key of Object.keys(value)) {
        const nested = withOption(value as Options, key, () => undefined, 'getter');
        expect(issuesOf(() => subject.call({ ...subject.options, [name]: nested }))).toEqual([expect.objectContaining({ path: `${name}.${key}`, code: 'unreadable-value' })]);
      }
    }
  });

  it.each(subjects.map((s) => [s.name, s] as const))('%s: options that are themselves hostile are one issue at the root', (_, subject) => {
    for (const opts of [10n, new Proxy({}, throwingTraps), revokedProxy(), cyclicArray(), null, 'asOf']) {
      expect(issuesOf(() => subject.call(opts)).map((i) => i.path)).toEqual(['']);
    }
  });

  it.each(subjects.map((s) => [s.name, s] as const))('%s: a Proxy of the options whose get trap throws is one issue per option', (_, subject) => {
    const opts = new Proxy(subject.options, {
      get(_target, key) {
        throw new Error(`get ${String(key)}`);
      },
    });
    const issues = issuesOf(() => subject.call(opts));
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual((subject.known ?? Object.keys(subject.options)).map((name) => `${name} unreadable-value`));
  });

  it('a getter that throws a hostile value (a Proxy, a BigInt) is still described', () => {
    for (const thrown of [new Proxy({}, throwingTraps), 10n, revokedProxy(), Symbol('s')]) {
      const opts = Object.defineProperty({}, 'asOf', {
        enumerable: true,
        get() {
          throw thrown;
        },
      });
      expect(issuesOf(() => evaluate(raw, opts as never))).toEqual([expect.objectContaining({ path: 'asOf', code: 'unreadable-value' })]);
    }
  });
});

describe('hostile positional arguments: programs and ledgers', () => {
  const values = hostile.filter(([label]) => label !== 'getter');
  const compare = { asOf: '2026-06-30', base: exponentialProgram, candidate: exponentialProgram };
  // Each positional parameter is named as a path; a ledger is the root of its own paths (`entries[3].amount`).
  const positional: [string, string | null, (value: unknown) => unknown][] = [
    ['describeProgram(program)', 'program', (v) => describeProgram(v)],
    ['diffPrograms(a)', 'a', (v) => diffPrograms(v, exponentialProgram)],
    ['diffPrograms(b)', 'b', (v) => diffPrograms(exponentialProgram, v)],
    ['compareUnder(ledgers)', 'ledgers', (v) => compareUnder(v as never, compare)],
    ['compareUnder(ledgers[0])', 'ledgers[0]', (v) => compareUnder([v], compare)],
    ['compareUnder base', 'base', (v) => compareUnder([raw], { ...compare, base: v })],
    ['evaluate(ledger)', null, (v) => evaluate(v, { asOf: '2026-06-30' })],
    ['reviewTimeline(ledger)', null, (v) => reviewTimeline(v, { from: '2026-01-01', to: '2026-06-30' })],
    ['planUpgrade(ledger)', null, (v) => planUpgrade(v, { asOf: '2026-06-30' })],
  ];
  const cases = positional.flatMap(([name, path, call]) => values.map(([label, make]) => [name, label, path, call, make] as const));

  it.each(cases)('%s as %s is a ValidationError', (_, _label, path, call, make) => {
    const issues = issuesOf(() => call(make()));
    if (path !== null) for (const found of issues) expect(under(found.path, path), `${found.path} ${found.code}`).toBe(true);
  });
});

describe('options: each option is read exactly once', () => {
  /** The options with every (nested) option behind a getter that counts its reads. */
  function counted(options: Options, reads: Map<string, number>, prefix = ''): Options {
    const result: Options = {};
    for (const [name, value] of Object.entries(options)) {
      const path = `${prefix}${name}`;
      reads.set(path, 0);
      const inner = typeof value === 'object' && value !== null && !Array.isArray(value) && value !== exponentialProgram ? counted(value as Options, reads, `${path}.`) : value;
      Object.defineProperty(result, name, {
        enumerable: true,
        get() {
          reads.set(path, (reads.get(path) as number) + 1);
          return inner;
        },
      });
    }
    return result;
  }

  it.each(subjects.map((s) => [s.name, s] as const))('%s', (_, subject) => {
    const reads = new Map<string, number>();
    const expected = subject.call(subject.options);
    expect(subject.call(counted(subject.options, reads))).toEqual(expected);
    expect(Object.fromEntries(reads)).toEqual(Object.fromEntries([...reads.keys()].map((path) => [path, 1])));
  });

  it('an options Proxy sees one get per known option, and no other reads of values', () => {
    const gets: string[] = [];
    const opts = new Proxy(
      { asOf: '2026-06-30', window: 'rolling-12-months' },
      {
        get(target, key, receiver) {
          gets.push(String(key));
          return Reflect.get(target, key, receiver);
        },
      },
    );
    evaluate(raw, opts as never);
    expect(gets.sort()).toEqual(['asOf', 'program', 'window']);
  });
});

describe('explainEvaluation judges an evaluation by its structure', () => {
  it('accepts an evaluation that went through JSON or structuredClone', () => {
    const text = explainEvaluation(evaluation);
    expect(explainEvaluation(JSON.parse(JSON.stringify(evaluation)))).toBe(text);
    expect(explainEvaluation(structuredClone(evaluation))).toBe(text);
  });

  it('options null, or not an object, are a ValidationError at the root', () => {
    for (const opts of [null, 'markdown', ['markdown'], 1n]) expect(issuesOf(() => explainEvaluation(evaluation, opts as never)).map((i) => `${i.path} ${i.code}`)).toEqual([' invalid-type']);
  });

  it.each([
    ['null', null, 'evaluation'],
    ['a string', 'evaluation', 'evaluation'],
    ['an empty object', {}, 'evaluation.asOf'],
    ['a BigInt', 1n, 'evaluation'],
    ['a cyclic object', cyclic(), 'evaluation.asOf'],
    ['points without a total', { ...evaluation, points: { ...evaluation.points, total: '10' } }, 'evaluation.points.total'],
    ['a requirement check of an unknown kind', { ...evaluation, requirements: [{ ...evaluation.requirements[0], checks: [{ kind: 'karma', required: 1, actual: 0, met: false, shortfall: 1 }] }] }, 'evaluation.requirements[0].checks[0].kind'],
    ['requirements that are not a list', { ...evaluation, requirements: {} }, 'evaluation.requirements'],
    ['a membership basis it does not know', { ...evaluation, membership: { ...evaluation.membership, basis: 'gift' } }, 'evaluation.membership.basis'],
    ['a fee without a status', { ...evaluation, fee: {} }, 'evaluation.fee.status'],
    ['no program', { ...evaluation, program: undefined }, 'evaluation.program'],
    ['a certification without a holder', { ...evaluation, certifications: { ...evaluation.certifications, valid: [{ certification: 'developer', date: '2026-01-01' }] } }, 'evaluation.certifications.valid[0].holder'],
  ])('%s is a ValidationError at %s', (_, value, path) => {
    const issues = issuesOf(() => explainEvaluation(value as never));
    expect(issues.map((i) => i.path)).toEqual([path]);
  });

  it('a Proxy or a revoked Proxy in place of the evaluation, or of one of its fields, is a ValidationError', () => {
    for (const value of [new Proxy({}, throwingTraps), revokedProxy(), { ...evaluation, points: new Proxy({}, throwingTraps) }, { ...evaluation, requirements: revokedProxy() }]) {
      expect(issuesOf(() => explainEvaluation(value as never))[0]?.path).toBe('evaluation');
    }
  });
});

describe('diffPrograms: an asOf that is an object but not { a, b } (#12)', () => {
  class Sides {
    a = '2026-01-01';
    b = '2026-06-30';
  }
  it.each([
    ['a Date', new Date('2026-06-30T00:00:00Z')],
    ['a Map', new Map([['a', '2026-06-30']])],
    ['a class instance', new Sides()],
  ])('%s is an issue at asOf, never read as {}', (_, asOf) => {
    expect(issuesOf(() => diffPrograms(exponentialProgram, exponentialProgram, { asOf } as never)).map((i) => `${i.path} ${i.code}`)).toEqual(['asOf invalid-date']);
  });

  it('still reads a plain { a, b }, of any prototype-free kind', () => {
    const plain = diffPrograms(exponentialProgram, exponentialProgram, { asOf: { a: '2026-01-01', b: '2026-06-30' } });
    const bare = Object.assign(Object.create(null) as object, { a: '2026-01-01', b: '2026-06-30' });
    expect(diffPrograms(exponentialProgram, exponentialProgram, { asOf: bare } as never)).toEqual(plain);
  });
});

describe('one wording for values in every message (#12)', () => {
  const partner = { id: 'p', joinedOn: '2024-01-01' };
  const messages = (run: () => unknown) => issuesOf(run).map((i) => i.message);

  it('is one function, shared by the issue mapping and the option readers', async () => {
    const issues = await import('../../src/issues');
    const readers = await import('../../src/readOptions');
    expect(readers.describeValue).toBe(issues.describeValue);
  });

  it('shows a number as written, wherever it appears: -5 in a ledger and in an option alike', () => {
    const inLedger = messages(() => evaluate({ partner, entries: [{ id: 'b', type: 'bonus', date: '2026-01-01', points: -5, reason: 'r' }] }, { asOf: '2026-06-30' }));
    const inOption = messages(() => reviewTimeline(raw, { from: '2026-01-01', to: '2026-06-30', policy: { graceReviews: -5 } }));
    for (const message of [...inLedger, ...inOption]) {
      expect(message).toContain('received -5');
      expect(message).not.toMatch(/the number|the string/);
    }
  });

  it('says what an entry type must be, and what a preference must be, in sentences that read', () => {
    expect(messages(() => evaluate({ partner, entries: [{ id: 'x', type: Infinity, date: '2026-01-01' }] }, { asOf: '2026-06-30' }))[0]).toMatch(/^"type" must be an entry type, one of "revenue", .*; received Infinity$/);
    expect(messages(() => planUpgrade(raw, { asOf: '2026-06-30', prefer: [undefined] } as never))).toContain('expected an activity id a partner can report, received nothing');
  });
});
