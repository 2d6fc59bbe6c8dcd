/**
 * Stand-ins for packages vscode-languageclient imports for code the Minutes web client never
 * runs (the web build, scripts/buildWeb.mjs, puts this module in their place; see
 * standIns.json). Each throws, so a change that reaches them fails loudly.
 */

function unreachable(what: string): Error {
  return new Error(`The web client is built without ${what}: take it out of client/src/web/standIns.json.`);
}

/**
 * minimatch. The client matches globs in two places: the file operation filters a server
 * registers (the server registers none, and those features are stand-ins), and the
 * document filters of pull diagnostics (utils/globPattern.js), which diagnostic.js applies
 * only to a tab whose document is not open, pulled only with `diagnosticPullOptions.onTabs`:
 * the Minutes client sets no `diagnosticPullOptions`.
 */
export class Minimatch {
  constructor() {
    throw unreachable('glob matching (minimatch)');
  }
}

/**
 * vscode-languageserver-textdocument. The client snapshots a document with it only when
 * `textSynchronization.delayOpenNotifications` defers the open notification of a document
 * not in view; the Minutes client leaves it off.
 */
export const TextDocument = {
  create(): never {
    throw unreachable('delayed open notifications (vscode-languageserver-textdocument)');
  },
};
