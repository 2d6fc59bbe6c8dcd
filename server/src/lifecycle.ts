import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy, type RequestMessage } from 'vscode-languageserver';

/** The request a refused one is turned into, so that the connection answers it with the error. */
const REFUSED = '$/minutes/refused';

/**
 * The LSP lifecycle, which vscode-languageserver leaves to the server: `initialize` only
 * once, requests before it answered ServerNotInitialized, requests after `shutdown`
 * answered InvalidRequest, and notifications in either state dropped (except `exit`,
 * which vscode-languageserver turns into exit code 0 after `shutdown`, 1 without).
 * It sits in front of every handler, built-in ones included: a second `initialize` must
 * not reach vscode-languageserver's, which would initialize its parts again.
 */
export function createLifecycle(): { strategy: MessageStrategy; listen(connection: Connection): void } {
  let phase: 'new' | 'running' | 'shut down' = 'new';

  const refuse = (request: RequestMessage, code: number, message: string): RequestMessage => ({ ...request, method: REFUSED, params: { code, message } });

  /** The request as it goes on to the handlers, or the refusal it becomes. */
  function admit(request: RequestMessage): RequestMessage {
    if (request.method === REFUSED) return refuse(request, ErrorCodes.MethodNotFound, `Unhandled method ${REFUSED}`);
    if (phase === 'shut down') return refuse(request, ErrorCodes.InvalidRequest, `${request.method} after shutdown`);
    if (request.method === 'initialize') {
      if (phase === 'running') return refuse(request, ErrorCodes.InvalidRequest, 'initialize may be sent only once');
      phase = 'running';
      return request;
    }
    if (phase === 'new') return refuse(request, ErrorCodes.ServerNotInitialized, `${request.method} before initialize`);
    if (request.method === 'shutdown') phase = 'shut down';
    return request;
  }

  const strategy: MessageStrategy = {
    handleMessage(message, next) {
      if (Message.isRequest(message)) return next(admit(message));
      // `$/cancelRequest` also settles the connection's own bookkeeping; it is never dropped.
      const passes = !Message.isNotification(message) || message.method === 'exit' || message.method === '$/cancelRequest' || phase === 'running';
      if (passes) return next(message);
    },
  };

  return {
    strategy,
    listen(connection) {
      connection.onRequest(REFUSED, (params: { code: number; message: string }) => new ResponseError(params.code, params.message));
    },
  };
}
