import { EventEmitter, type Event } from 'vscode';

/**
 * Stand-ins for the features of vscode-languageclient whose capability the Minutes server
 * never offers (call hierarchy, semantic tokens, formatting, notebooks, file operations, …).
 * The web build (scripts/buildWeb.mjs) puts this module in place of the library's modules
 * listed in standIns.json, which keeps their code out of the web client's bundle.
 *
 * Each stand-in does what the library's feature does while the server offers nothing: it
 * announces the same client capabilities, reports the same state, answers the server's
 * refresh requests the same way (there is nothing to refresh) and ignores unregistrations.
 * Should the server ever offer one of these capabilities, statically or by registration,
 * the stand-in throws instead of silently doing nothing: the client does not start.
 * test/meta/webClientStandIns.test.ts holds each stand-in to the library's feature and the
 * built server to offering none of them.
 */

type Json = { [key: string]: Json } | Json[] | string | number | boolean;
type Capabilities = Record<string, unknown>;

/** What a stand-in is given: the library's client, of which it uses only these. */
export interface StandInClient {
  onRequest(method: string, handler: (params: { uri: string }) => Promise<void>): unknown;
  readonly protocol2CodeConverter: { asUri(value: string): unknown };
}

interface Absent {
  /** The library feature's registration method. */
  readonly method: string;
  readonly kind: 'document' | 'workspace';
  /** What the library's feature adds to the client capabilities. */
  readonly announces: { [key: string]: Json };
  /** Whether the server capabilities ask for the feature. */
  offered(capabilities: Capabilities): boolean;
  /** The refresh request from the server that the library's feature answers whatever the server offers. */
  readonly refresh?: { readonly method: string; readonly convertsUri?: true };
}

/** Writes `what` into `target` as the library's `ensure(…)` chains do: objects merged, values set. */
function announce(target: Capabilities, what: { [key: string]: Json }): void {
  for (const [key, value] of Object.entries(what)) {
    if (typeof value === 'object' && !Array.isArray(value)) announce((target[key] ??= {}) as Capabilities, value);
    else target[key] = Array.isArray(value) ? [...value] : value;
  }
}

const server = (capabilities: Capabilities, ...path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Capabilities | undefined)?.[key], capabilities);

/** The feature of a language provider (`<provider>Provider` in the server capabilities, `textDocument.<name>` in the client's). */
const provider = (method: string, name: string, capability: string, more: { [key: string]: Json } = {}): Absent => ({
  method,
  kind: 'document',
  announces: { textDocument: { [name]: { dynamicRegistration: true, ...more } } },
  offered: (capabilities) => !!capabilities[capability],
});

/** A refreshable feature also announces `workspace.<name>.refreshSupport` and answers `workspace/<name>/refresh`. */
function refreshable(absent: Absent, name: string): Absent {
  return { ...absent, announces: { ...absent.announces, workspace: { [name]: { refreshSupport: true } } }, refresh: { method: `workspace/${name}/refresh` } };
}

const fileOperation = (operation: string, method: string): Absent => ({
  method,
  kind: 'workspace',
  announces: { workspace: { fileOperations: { dynamicRegistration: true, [operation]: true } } },
  offered: (capabilities) => server(capabilities, 'workspace', 'fileOperations', operation, 'filters') !== undefined,
});

function notBuilt(method: string): Error {
  return new Error(`The web client is built without the language client's support for ${method}, which the server now offers: take it out of client/src/web/standIns.json.`);
}

function standIn(absent: Absent) {
  return class AbsentFeature {
    readonly registrationType = { method: absent.method };
    constructor(private readonly client: StandInClient) {}
    getState(): { kind: 'document' | 'workspace'; id: string; registrations: false; matches?: false } {
      return absent.kind === 'document' ? { kind: 'document', id: absent.method, registrations: false, matches: false } : { kind: 'workspace', id: absent.method, registrations: false };
    }
    fillClientCapabilities(capabilities: Capabilities): void {
      announce(capabilities, absent.announces);
    }
    initialize(capabilities: Capabilities): void {
      const refresh = absent.refresh;
      // Nothing is registered, so nothing is refreshed (the library's content refresh reads the URI first).
      if (refresh) this.client.onRequest(refresh.method, async (params) => void (refresh.convertsUri && this.client.protocol2CodeConverter.asUri(params.uri)));
      if (absent.offered(capabilities)) throw notBuilt(absent.method);
    }
    register(): never {
      throw notBuilt(absent.method);
    }
    unregister(_id: string): void {}
    clear(): void {}
  };
}

const SEMANTIC_TOKEN_TYPES = ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable', 'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'comment', 'string', 'number', 'regexp', 'operator', 'decorator', 'label'];
const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'];
const LINKS = { linkSupport: true };

export const CallHierarchyFeature = standIn(provider('textDocument/prepareCallHierarchy', 'callHierarchy', 'callHierarchyProvider'));
export const TypeHierarchyFeature = standIn(provider('textDocument/prepareTypeHierarchy', 'typeHierarchy', 'typeHierarchyProvider'));
export const CodeLensFeature = standIn(refreshable(provider('textDocument/codeLens', 'codeLens', 'codeLensProvider', { resolveSupport: { properties: ['command'] } }), 'codeLens'));
export const ColorProviderFeature = standIn(provider('textDocument/documentColor', 'colorProvider', 'colorProvider'));
export const DeclarationFeature = standIn(provider('textDocument/declaration', 'declaration', 'declarationProvider', LINKS));
export const DefinitionFeature = standIn(provider('textDocument/definition', 'definition', 'definitionProvider', LINKS));
export const ImplementationFeature = standIn(provider('textDocument/implementation', 'implementation', 'implementationProvider', LINKS));
export const TypeDefinitionFeature = standIn(provider('textDocument/typeDefinition', 'typeDefinition', 'typeDefinitionProvider', LINKS));
export const DocumentHighlightFeature = standIn(provider('textDocument/documentHighlight', 'documentHighlight', 'documentHighlightProvider'));
export const DocumentFormattingFeature = standIn(provider('textDocument/formatting', 'formatting', 'documentFormattingProvider'));
export const DocumentRangeFormattingFeature = standIn(provider('textDocument/rangeFormatting', 'rangeFormatting', 'documentRangeFormattingProvider', { rangesSupport: true }));
export const DocumentOnTypeFormattingFeature = standIn(provider('textDocument/onTypeFormatting', 'onTypeFormatting', 'documentOnTypeFormattingProvider'));
export const InlayHintsFeature = standIn(
  refreshable(provider('textDocument/inlayHint', 'inlayHint', 'inlayHintProvider', { resolveSupport: { properties: ['tooltip', 'textEdits', 'label.tooltip', 'label.location', 'label.command'] } }), 'inlayHint'),
);
export const InlineCompletionItemFeature = standIn(provider('textDocument/inlineCompletion', 'inlineCompletion', 'inlineCompletionProvider'));
export const InlineValueFeature = standIn(refreshable(provider('textDocument/inlineValue', 'inlineValue', 'inlineValueProvider'), 'inlineValue'));
export const LinkedEditingFeature = standIn(provider('textDocument/linkedEditingRange', 'linkedEditingRange', 'linkedEditingRangeProvider'));
export const SelectionRangeFeature = standIn(provider('textDocument/selectionRange', 'selectionRange', 'selectionRangeProvider'));
export const SemanticTokensFeature = standIn(
  refreshable(
    provider('textDocument/semanticTokens', 'semanticTokens', 'semanticTokensProvider', {
      tokenTypes: SEMANTIC_TOKEN_TYPES,
      tokenModifiers: SEMANTIC_TOKEN_MODIFIERS,
      formats: ['relative'],
      requests: { range: true, full: { delta: true } },
      multilineTokenSupport: false,
      overlappingTokenSupport: false,
      serverCancelSupport: true,
      augmentsSyntaxTokens: true,
    }),
    'semanticTokens',
  ),
);
export const SignatureHelpFeature = standIn(
  provider('textDocument/signatureHelp', 'signatureHelp', 'signatureHelpProvider', {
    signatureInformation: { documentationFormat: ['markdown', 'plaintext'], parameterInformation: { labelOffsetSupport: true }, activeParameterSupport: true, noActiveParameterSupport: true },
    contextSupport: true,
  }),
);
export const WorkspaceSymbolFeature = standIn({
  method: 'workspace/symbol',
  kind: 'workspace',
  // Every SymbolKind (1 to 26) and the one SymbolTag, Deprecated.
  announces: { workspace: { symbol: { dynamicRegistration: true, symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => i + 1) }, tagSupport: { valueSet: [1] }, resolveSupport: { properties: ['location.range'] } } } },
  offered: (capabilities) => !!capabilities.workspaceSymbolProvider,
});
export const TextDocumentContentFeature = standIn({
  method: 'workspace/textDocumentContent',
  kind: 'workspace',
  announces: { workspace: { textDocumentContent: { dynamicRegistration: true } } },
  offered: (capabilities) => !!server(capabilities, 'workspace', 'textDocumentContent'),
  refresh: { method: 'workspace/textDocumentContent/refresh', convertsUri: true },
});
export const DidCreateFilesFeature = standIn(fileOperation('didCreate', 'workspace/didCreateFiles'));
export const DidRenameFilesFeature = standIn(fileOperation('didRename', 'workspace/didRenameFiles'));
export const DidDeleteFilesFeature = standIn(fileOperation('didDelete', 'workspace/didDeleteFiles'));
export const WillCreateFilesFeature = standIn(fileOperation('willCreate', 'workspace/willCreateFiles'));
export const WillRenameFilesFeature = standIn(fileOperation('willRename', 'workspace/willRenameFiles'));
export const WillDeleteFilesFeature = standIn(fileOperation('willDelete', 'workspace/willDeleteFiles'));

/**
 * Notebook synchronisation, which the client's other parts also consult: the diagnostics
 * listen to its notifications (never sent here) and the text synchronisation leaves it the
 * documents it handles (none here), and the visible-documents check reads its cell scheme.
 */
export class NotebookDocumentSyncFeature extends standIn({
  method: 'notebookDocument/sync',
  kind: 'document',
  announces: { notebookDocument: { synchronization: { dynamicRegistration: true, executionSummarySupport: true } } },
  offered: (capabilities) => capabilities.notebookDocumentSync !== undefined,
}) {
  static readonly CellScheme = 'vscode-notebook-cell';
  private readonly nothingSent = new EventEmitter<never>();
  get onOpenNotificationSent(): Event<never> {
    return this.nothingSent.event;
  }
  get onChangeNotificationSent(): Event<never> {
    return this.nothingSent.event;
  }
  get onCloseNotificationSent(): Event<never> {
    return this.nothingSent.event;
  }
  get onSaveNotificationSent(): Event<never> {
    return this.nothingSent.event;
  }
  preInitialize(capabilities: Capabilities): void {
    if (capabilities.notebookDocumentSync !== undefined) throw notBuilt('notebookDocument/sync');
  }
  handles(_document: unknown): boolean {
    return false;
  }
}
