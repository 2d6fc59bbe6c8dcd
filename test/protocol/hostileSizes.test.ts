// Every item of the reliability review, through the spawned server and CLI: small sizes in
// `npm test`, the review's own sizes in `npm run test:fuzz` (MINUTES_HOSTILE=full). Each case
// must be answered (not hang), stay inside the workspace, and end with the process alive and
// bounded in memory. How long each took, and how long other requests were blocked, is printed;
// the figures are the bench's business (`npm run bench -- --hostile`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostileCases } from '../bench/hostile';

const scale = process.env.MINUTES_HOSTILE === 'full' ? 'full' : 'small';
const hasDevices = process.platform === 'linux';

for (const hostileCase of hostileCases(scale)) {
  test(`hostile item ${hostileCase.item} (${scale} size) is answered`, { skip: hasDevices ? false : 'needs /dev and mkfifo (Linux)' }, async (t) => {
    const outcome = await hostileCase.run();
    t.diagnostic(`${outcome.what}: ${outcome.ms?.toFixed(0)} ms, peak ${outcome.peakMb?.toFixed(0)} MB, others blocked ${outcome.blockedMs?.toFixed(0) ?? '–'} ms${outcome.note ? ` (${outcome.note})` : ''}`);
    assert.notEqual(outcome.ms, null, `${outcome.what}: ${outcome.note}`);
    assert.ok(!outcome.note?.startsWith('error'), outcome.note);
    if (outcome.note?.includes('edits outside the root')) assert.equal(outcome.note, '0 edits outside the root');
    if (outcome.note?.startsWith('exit')) assert.match(outcome.note, /^exit [012]$/);
    if (outcome.note?.startsWith('read ')) assert.match(outcome.note, /^read 1[0-9] files/, 'only the opened file\'s folder');
    assert.ok((outcome.peakMb ?? 0) < 1024, `${outcome.what}: peak ${outcome.peakMb} MB`);
  });
}
