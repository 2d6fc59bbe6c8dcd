import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { TestContext } from 'node:test';
import type { MochaResults } from '../vscode/index';
import { until } from './site';

/** Waits for the results file the mocha runner writes when the suite has run. */
export async function mochaResults(path: string, timeoutMs: number, alive: () => void = () => undefined): Promise<MochaResults> {
  await until(`the mocha suite's results in ${path}`, () => {
    alive();
    return existsSync(path);
  }, timeoutMs);
  return JSON.parse(readFileSync(path, 'utf8')) as MochaResults;
}

/** Reports each mocha test as a test of its own, so the output names them, and fails if any failed or did not run. */
export async function reportMocha(t: TestContext, results: MochaResults): Promise<void> {
  for (const outcome of results.tests) {
    await t.test(`${outcome.title} (${outcome.durationMs} ms in the extension host)`, (sub) => {
      if (outcome.state === 'pending') sub.skip('pending in mocha');
      else if (outcome.state === 'failed') assert.fail(outcome.error ?? 'failed');
    });
  }
  const ran = results.tests.filter((outcome) => outcome.state === 'passed').length;
  assert.equal(results.failures, 0, `${results.failures} mocha failures`);
  assert.equal(ran, results.total, `${ran} of the suite's ${results.total} tests passed`);
}
