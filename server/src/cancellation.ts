import type { CancellationToken } from 'vscode-languageserver';

/** Thrown where a request's work stops because the client cancelled it; the handler guard answers RequestCancelled. */
export class RequestCancelledError extends Error {
  constructor() {
    super('the client cancelled the request');
  }
}

/**
 * What `work` resolves to, unless the request is cancelled first: then it rejects at once
 * with RequestCancelledError, and the request is answered without waiting for `work`
 * (the workspace scan or a settings round trip goes on for the requests that still want it).
 */
export function unlessCancelled<T>(work: PromiseLike<T>, token: CancellationToken): Promise<T> {
  if (token.isCancellationRequested) return Promise.reject(new RequestCancelledError());
  return new Promise<T>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => reject(new RequestCancelledError()));
    work.then(
      (value) => {
        listener.dispose();
        if (token.isCancellationRequested) reject(new RequestCancelledError());
        else resolve(value);
      },
      (error: unknown) => {
        listener.dispose();
        reject(error);
      },
    );
  });
}
