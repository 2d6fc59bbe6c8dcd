import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, ROOT, spawnServer } from '../support/lspClient';

/**
 * A spawned server fed random but well-formed LSP traffic: documents opened, edited (whole
 * and by range) and closed, and every request the server offers, at random positions,
 * some cancelled, some for documents it never saw. It must answer every request and stay
 * alive. `npm test` sends 2,000 messages; MINUTES_PROTOCOL_MESSAGES=20000 (as
 * `npm run test:fuzz` does) sends more.
 */
const MESSAGES = Number(process.env.MINUTES_PROTOCOL_MESSAGES ?? 2_000);
const site = mkdtempSync(join(tmpdir(), 'minutes-fuzz-'));
cpSync(resolve(ROOT, 'test/fixtures/cpansec'), site, { recursive: true });
after(() => rmSync(site, { recursive: true, force: true }));

const corpus = readdirSync(join(site, 'meetings')).map((name) => readFileSync(join(site, 'meetings', name), 'utf8'));
const lines = corpus.flatMap((text) => text.split('\n'));
const JUNK = ['@', '{{', '{% for i in (1..99999999) %}', '---', '\u0000', '\uD800', '](', '- [ ] ', '17:00 CEST', 'Thursday 2024-11-27', '\r\n'];

let seed = 1_234_567;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const someText = () => Array.from({ length: 1 + Math.floor(random() * 30) }, () => (random() < 0.8 ? pick(lines) : pick(JUNK))).join('\n');

for (const [label, capabilities] of [
  ['pull', PULL_CAPABILITIES],
  ['push', PUSH_CAPABILITIES],
] as const) {
  test(`protocol fuzz (${label} client): ${MESSAGES} messages, every request answered, the server alive`, async () => {
    const server = await spawnServer(site, capabilities);
    server.connection.onRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'fuzz client' }));
    server.connection.onRequest('window/showDocument', () => ({ success: false }));
    server.connection.onRequest('window/showMessageRequest', () => null);
    server.connection.onNotification('window/showMessage', () => undefined);
    const uris = [...readdirSync(join(site, 'meetings')).map((n) => pathToFileURL(join(site, 'meetings', n)).href), 'untitled:Untitled-1', 'file:///nowhere/x.md'];
    const open = new Map<string, { version: number; text: string }>();
    let sent = 0;
    let answered = 0;
    let errors = 0;
    let slowest = 0;
    const errorSamples = new Set<string>();
    const pending: Promise<void>[] = [];
    const request = (method: string, params: unknown, cancel = false) => {
      const started = performance.now();
      const source = cancel ? new CancellationTokenSource() : null;
      const call = (
        // (The token goes last only when there is one: an undefined would be sent as a parameter.)
        source ? server.connection.sendRequest(method, params, source.token) : server.connection.sendRequest(method, params)
      )
        .then(
          () => undefined,
          (error: Error) => {
            errors++;
            if (errorSamples.size < 12) errorSamples.add(`${method}: ${error.message}`.slice(0, 200));
          },
        )
        .then(() => {
          answered++;
          slowest = Math.max(slowest, performance.now() - started);
        });
      if (source) source.cancel();
      pending.push(call);
    };
    const position = () => ({ line: Math.floor(random() * 120) - 5, character: Math.floor(random() * 200) - 5 });
    while (sent < MESSAGES) {
      const uri = pick(uris);
      const doc = open.get(uri);
      const roll = random();
      sent++;
      if (!doc && roll < 0.35) {
        const text = random() < 0.5 ? pick(corpus) : someText();
        open.set(uri, { version: 1, text });
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      } else if (doc && roll < 0.4) {
        doc.version++;
        if (random() < 0.3) {
          doc.text = someText();
          await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text: doc.text }] });
        } else {
          const start = position();
          const end = { line: start.line + Math.floor(random() * 3), character: start.character + Math.floor(random() * 20) };
          const range = { start: { line: Math.max(0, start.line), character: Math.max(0, start.character) }, end: { line: Math.max(0, end.line), character: Math.max(0, end.character) } };
          await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: pick([...JUNK, 'x', '', '\n', pick(lines)]) }] });
          doc.text = '';
        }
      } else if (doc && roll < 0.45) {
        open.delete(uri);
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      } else {
        const textDocument = { uri };
        const method = pick(['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/diagnostic', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/references', 'textDocument/prepareRename', 'workspace/executeCommand']);
        const at = position();
        const params =
          method === 'workspace/executeCommand'
            ? { command: pick(['minutes.showMeetingTimes', 'minutes.newMeeting', 'minutes.unknown']), arguments: random() < 0.8 ? [uri] : [42] }
            : method === 'textDocument/codeAction'
              ? { textDocument, range: { start: at, end: at }, context: { diagnostics: [], only: random() < 0.5 ? ['source.fixAll.minutes'] : undefined } }
              : method === 'textDocument/references'
                ? { textDocument, position: at, context: { includeDeclaration: true } }
                : { textDocument, position: at };
        if (method === 'textDocument/diagnostic' && capabilities === PUSH_CAPABILITIES) continue;
        request(method, params, random() < 0.05);
      }
      if (pending.length >= 40) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending.splice(0));
    const requests = answered;
    // Still alive and well: a real question gets a real answer.
    const file = pathToFileURL(join(site, 'meetings/cpansec-minutes-2024-04-10.md')).href;
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: file } });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: file, languageId: 'markdown', version: 999, text: readFileSync(join(site, 'meetings/cpansec-minutes-2024-04-10.md'), 'utf8') } });
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: file }, position: { line: 3, character: 3 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /on Apr 10th, 2024, at 17:00 UTC/);
    assert.equal(server.process.exitCode, null, 'the server process is alive');
    assert.ok(requests > MESSAGES / 3, `requests answered: ${requests}`);
    const crashes = server.logs.filter((line) => /uncaught|unhandled rejection/.test(line));
    assert.deepEqual(crashes, []);
    if (errorSamples.size > 0) console.log([...errorSamples].join('\n'));
    console.log(`protocol fuzz (${label}): ${sent} messages, ${requests} requests all answered (${errors} with an error), slowest ${slowest.toFixed(0)} ms`);
    await server.stop();
  });
}

test('a document closed while its request is in flight, and a cancelled request, are answered', async () => {
  const server = await spawnServer(site, PULL_CAPABILITIES);
  try {
    const file = join(site, 'meetings/cpansec-minutes-2024-03-27.md');
    const uri = pathToFileURL(file).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') } });
    const hover = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } });
    const diagnostics = server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const answers = await Promise.allSettled([hover, diagnostics]);
    assert.ok(answers.every((a) => a.status === 'fulfilled'), JSON.stringify(answers));
    const source = new CancellationTokenSource();
    const cancelled = server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }, source.token);
    source.cancel();
    await cancelled.catch(() => undefined);
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///unknown.md' } })) as { items: unknown[] };
    assert.deepEqual(report.items, []);
    assert.equal(server.process.exitCode, null);
  } finally {
    await server.stop();
  }
});
