import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { defineMinutesSuite } from './minutes.suite';

/** One mocha test's outcome, for the driver that started VS Code. */
export interface MochaOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface MochaResults {
  /** Tests the suite defines. */
  total: number;
  failures: number;
  /** Outcomes in order; a failing hook counts as a failure. */
  tests: MochaOutcome[];
}

/**
 * The extension tests entry (`--extensionTestsPath`): runs the mocha suite in this extension
 * host and resolves when all passed. With MINUTES_MOCHA_RESULTS set, it also writes each
 * test's outcome there as JSON, for hosts whose output the driver cannot read (code-server).
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false, reporter: 'spec' });
  const context: Record<string, unknown> = {};
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, context, 'minutes.suite.ts', mocha);
  defineMinutesSuite(context as unknown as Mocha.MochaGlobals);
  const outcomes: MochaOutcome[] = [];
  const resultsPath = process.env.MINUTES_MOCHA_RESULTS;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const results: MochaResults = { total: mocha.suite.total(), failures, tests: outcomes };
      try {
        if (resultsPath) writeFileSync(resultsPath, JSON.stringify(results, null, 2));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (failures > 0) reject(new Error(`${failures} of ${outcomes.length} tests failed`));
      else resolve();
    });
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
    runner.on(EVENT_TEST_PASS, (test) => outcomes.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on(EVENT_TEST_PENDING, (test) => outcomes.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
    runner.on(EVENT_TEST_FAIL, (test, error: Error) => outcomes.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? error.message }));
  });
}
