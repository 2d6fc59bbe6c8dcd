import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateJekyllTime, renderJekyllLiquid, rubyValueOfScalar } from '../../../server/src/service/time';
import { meetingTimeNode, oracleMeta, oracleRecords, settingsFor } from './oracleRecords';

for (const record of oracleRecords) {
  test(`oracle #${record.id} [${record.tz}] ${record.yamlSource}`, () => {
    const settings = settingsFor(record);
    const value = rubyValueOfScalar(meetingTimeNode(record), settings);
    const evaluation = evaluateJekyllTime(value, settings);
    assert.equal(evaluation.rubyClass, record.rubyClass, 'Ruby class');
    assert.equal(evaluation.rubyClass, record.yamlType, 'YAML type');
    assert.equal(evaluation.buildError !== null, record.buildError !== undefined, `build fails: ${evaluation.buildError}`);
    if (record.dependsOnBuildClock !== undefined && record.buildError === undefined) {
      const fromClock = evaluation.notes.some((n) => n.kind === 'year-from-clock' || n.kind === 'date-from-clock');
      assert.equal(fromClock, record.dependsOnBuildClock, 'depends on the build clock');
    }

    const failing = Object.keys(record.filterErrors ?? {});
    for (const [name, template] of Object.entries(oracleMeta.filters)) {
      const rendered = renderJekyllLiquid(template, { meeting_time: value }, settings);
      const expected = record.outputs[name];
      if (failing.includes(name)) {
        assert.notEqual(rendered.error, null, `${name} must fail`);
        assert.ok(record.filterErrors![name]!.startsWith(rendered.error!), `${name} error: ${rendered.error}`);
      } else {
        assert.equal(rendered.error, null, `${name} must not fail`);
        assert.equal(rendered.output, expected, name);
      }
    }
  });
}
