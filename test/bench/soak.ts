import { createMinutesService, DEFAULT_SETTINGS, RULE_CODES, WorkspaceIndex } from '../../server/src/service';
import { corpusSite, documentOfSize } from './corpus';

/** Memory after the soak may exceed memory before by at most this much. */
const BOUND_MB = 64;
const DEFAULT_EDITS = 100_000;
const SIZE = 100_000;
const PASTED_LINE = '\n* @sjn met on Wednesday 2024-11-27 @ 17:00 UTC (18:00 Europe/Amsterdam)\n';

/**
 * Edits (typing, deleting, pasting and cutting lines; 100,000 unless `--edits=N`) to one
 * document that stays about 100 KB, each followed by diagnostics, with a hover and a
 * completion every hundredth edit; memory is compared before and after (after a forced
 * collection) against a stated bound.
 */
export async function soak(): Promise<void> {
  const option = process.argv.find((arg) => arg.startsWith('--edits='));
  const EDITS = option ? Number(option.slice('--edits='.length)) : DEFAULT_EDITS;
  const site = corpusSite();
  const index = new WorkspaceIndex('file:///site', RULE_CODES);
  for (const [path, text] of Object.entries(site)) index.update(`file:///site/${path}`, text);
  const knowledge = index.knowledge();
  const service = createMinutesService();
  const uri = 'file:///site/meetings/cpansec-minutes-2024-11-15.md';
  let text = documentOfSize(site, SIZE);
  const gc = (globalThis as { gc?: () => void }).gc;
  service.diagnostics({ uri, version: 0, getText: () => text }, knowledge, DEFAULT_SETTINGS);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const started = performance.now();
  let slowest = 0;
  for (let version = 1; version <= EDITS; version++) {
    const at = Math.floor(random() * text.length);
    const kind = random();
    // Typing and deleting balance; a pasted line is matched by a cut line, so the document
    // keeps its size and the figures compare like with like.
    if (kind < 0.475) text = text.slice(0, at) + 'abc@ 1:'[Math.floor(random() * 7)] + text.slice(at);
    else if (kind < 0.95) text = text.slice(0, at) + text.slice(at + 1);
    else if (kind < 0.975 || text.length < SIZE) text = text.slice(0, at) + PASTED_LINE + text.slice(at);
    else {
      const start = text.lastIndexOf('\n', at) + 1;
      const end = text.indexOf('\n', at);
      text = text.slice(0, start) + (end < 0 ? '' : text.slice(end + 1));
    }
    const document = { uri, version, getText: () => text };
    const t0 = performance.now();
    service.diagnostics(document, knowledge, DEFAULT_SETTINGS);
    if (version % 100 === 0) {
      const line = Math.floor(random() * 1000);
      service.hover(document, { line, character: 3 }, knowledge, DEFAULT_SETTINGS);
      service.completions(document, { line, character: 3 }, knowledge, DEFAULT_SETTINGS);
    }
    slowest = Math.max(slowest, performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const grown = (after - before) / 1024 / 1024;
  console.log(`soak: ${EDITS} edits of a ${Math.round(text.length / 1000)} KB document in ${(elapsed / 1000).toFixed(1)} s (slowest ${slowest.toFixed(1)} ms)`);
  console.log(`heap before ${(before / 1024 / 1024).toFixed(1)} MB, after ${(after / 1024 / 1024).toFixed(1)} MB, grown ${grown.toFixed(1)} MB (bound ${BOUND_MB} MB${gc ? '' : '; run with --expose-gc for exact figures'})`);
  if (grown > BOUND_MB) {
    console.error('soak: memory grew beyond the bound');
    process.exitCode = 1;
  }
}
