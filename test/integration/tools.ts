// One rule for tests that need a tool outside npm (Chromium, the workerd binary):
// on a developer's machine a missing tool skips the test, with the reason in its
// title and on stderr; in CI (`CI` set to anything but "", "0" or "false") a
// missing tool fails the run, so a CI machine cannot pass without running them.

/** Whether a value of `CI` means CI: set, and not to "", "0" or "false". */
export const isCi = (value: string | undefined): boolean => !['', '0', 'false'].includes((value ?? '').trim().toLowerCase());

/** True in CI. */
export const inCi = isCi(process.env['CI']);

/** Whether a test that needs `tool` runs, and the reason it does not. */
export type Requirement = { readonly skip: boolean; readonly reason: string };

/**
 * Checks that a tool is present. Missing in CI: throws, which fails the test
 * file. Missing elsewhere: `{ skip: true, reason }`, `reason` to append to the
 * title of the `describe` it skips.
 * @param tool - What is needed, e.g. "Chromium at /usr/bin/chromium".
 * @param present - Whether it was found.
 * @param install - How to get it.
 * @returns Whether to skip, and why.
 */
export function requireTool(tool: string, present: boolean, install: string, ci = inCi): Requirement {
  if (present) return { skip: false, reason: '' };
  if (ci) throw new Error(`${tool} is missing, and CI must run this test: ${install}`);
  const reason = ` (skipped: no ${tool}; ${install})`;
  console.warn(`[${tool}]${reason}`);
  return { skip: true, reason };
}
