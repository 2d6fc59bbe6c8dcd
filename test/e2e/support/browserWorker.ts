import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { CHROMIUM, CHROMIUM_FLAGS } from './workbench';
import { tmpFolder } from './site';

interface PageWorkerHandle {
  onmessage: (event: { data: unknown }) => void;
  postMessage(message: unknown): void;
}
interface PageScope {
  Worker: new (url: string, options: { name?: string }) => PageWorkerHandle;
  minutesWorker: PageWorkerHandle;
  minutesFromWorker(message: unknown): void;
}

export interface PageWorker {
  /** LSP to the worker, through the page (postMessage both ways). */
  readonly connection: ProtocolConnection;
  readonly page: Page;
  /** What the worker's page asked the web server for, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * A script of dist/ started the way vscode.dev and github.dev start an extension's worker:
 * `new Worker(url)` with the URL of the file on a web server (here one on 127.0.0.1 serving
 * dist/), in a page of the same origin, in Chromium. The test speaks LSP to it through the page.
 */
export async function startPageWorker(dir: string, script: string, workerName: string): Promise<PageWorker> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === `/${script}`) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(process.cwd(), 'dist', script)));
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>worker</title>');
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, env: { ...process.env, TMPDIR: tmpFolder(dir), XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') } });
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    let deliver: DataCallback = () => undefined;
    await page.exposeFunction('minutesFromWorker', (message: Message) => deliver(message));
    // In the page (the project compiles without the DOM library: the page's globals are typed here).
    await page.evaluate(
      ([url, name]) => {
        const scope = globalThis as unknown as PageScope;
        const worker = new scope.Worker(url!, { name });
        worker.onmessage = (event) => scope.minutesFromWorker(event.data);
        scope.minutesWorker = worker;
      },
      [`/${script}`, workerName],
    );
    class PageReader extends AbstractMessageReader implements MessageReader {
      listen(callback: DataCallback): Disposable {
        deliver = callback;
        return { dispose: () => (deliver = () => undefined) };
      }
    }
    class PageWriter extends AbstractMessageWriter implements MessageWriter {
      async write(message: Message): Promise<void> {
        await page.evaluate((m) => (globalThis as unknown as PageScope).minutesWorker.postMessage(m), message as unknown as Record<string, unknown>);
      }
      end(): void {}
    }
    const connection = createProtocolConnection(new PageReader(), new PageWriter());
    const opened = browser;
    return {
      connection,
      page,
      requests,
      async close() {
        connection.dispose();
        await opened.close();
        server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}
