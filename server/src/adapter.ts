import {
  CancellationToken,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type DidChangeWatchedFilesParams,
  type TextDocumentChangeEvent,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RequestCancelledError, unlessCancelled } from './cancellation';
import { normalizeSettings } from './node/settings';
import { describeUnread, type FileAccess } from './workspace/fileAccess';
import { yieldToEventLoop } from './workspace/scanWorkspace';
import { Workspaces } from './workspace/workspaces';
import { currentHour, documentReport, lean, resultIdOf, type ResultBasis } from './diagnosticReports';
import { WorkspaceReports } from './workspaceReports';
import { ActionItemsRequest, Commands, NextMeetingCalendarRequest, SETTINGS_SECTION, type ActionItemsParams, type MinutesInitializationOptions, type NewMeetingResult, type NextMeetingCalendarParams, type NextMeetingCalendarResult } from './common/protocol';
import { createMinutesService, DEFAULT_SETTINGS, FIX_ALL_KIND, type Logger, type MinutesSettings, type ReadText, type WorkspaceIndex, type WorkspaceKnowledge } from './service';
import { describeError } from './service/logger';
import { TURN_MS } from './service/steps';

/** Files whose change alters what Minutes knows; the client watches them. */
export const WATCHED_GLOBS = ['**/_data/authors.{yml,yaml}', '**/_config.yml', '**/.minutes.json', '**/*.md'];

/**
 * Wires the language service to a connection: capabilities, and one short handler per
 * request. Every handler is guarded: an exception is logged and answered as an error,
 * and the server keeps serving.
 */
export function startAdapter(connection: Connection, files: FileAccess): void {
  const logger: Logger = {
    error: (message, error) => connection.console.error(error === undefined ? message : `${message}: ${describeError(error)}`),
    warn: (message) => connection.console.warn(message),
    info: (message) => connection.console.info(message),
  };
  const documents = new TextDocuments(TextDocument);
  const service = createMinutesService({ logger });
  const settingsCache = new Map<string, Promise<MinutesSettings>>();
  let capabilities: ClientCapabilities = {};
  let pullDiagnostics = false;
  const pushTimers = new Map<string, NodeJS.Timeout>();

  // The server may send the client requests only once it has answered `initialize`.
  let clientReady: () => void = () => undefined;
  const initialized = new Promise<void>((resolve) => (clientReady = resolve));

  // The read starts at once; progress is shown once the client has made a place for it.
  const workspaces = new Workspaces(files, async (root, scan) => {
    const started = Date.now();
    const progress = capabilities.window?.workDoneProgress ? initialized.then(() => connection.window.createWorkDoneProgress()).catch(() => null) : Promise.resolve(null);
    void progress.then((reporter) => {
      if (!reporter) return;
      reporter.begin('Minutes: reading the workspace', undefined, root, false);
      scan.onProgress = (count) => reporter.report(`${count} files`);
    });
    void scan.basics.then(() => logger.info(`read the configuration and _data of ${root} in ${Date.now() - started} ms`));
    try {
      const read = await scan.done;
      logger.info(`read ${read} files of ${root} in ${Date.now() - started} ms`);
    } catch (error) {
      logger.error(`reading ${root} failed`, error);
    } finally {
      void progress.then((reporter) => reporter?.done());
    }
    // What waited for the whole workspace (findings that compare files) is now known.
    refreshDiagnostics();
  }, logger.info);

  /**
   * `errorData` rides on the error answer (diagnostics pulls pass `retriggerRequest: false`, so a failure does not loop).
   * A request the client cancelled is answered RequestCancelled, as the LSP asks.
   */
  function guard<P, R, D = void, E extends unknown[] = []>(name: string, handler: (params: P, token: CancellationToken, ...rest: E) => R | Promise<R>, errorData?: D) {
    return async (params: P, token: CancellationToken, ...rest: E): Promise<R | ResponseError<D>> => {
      try {
        return await handler(params, token, ...rest);
      } catch (error) {
        if (error instanceof RequestCancelledError) return new ResponseError<D>(LSPErrorCodes.RequestCancelled, `Minutes: ${name} cancelled`);
        logger.error(`${name} failed`, error);
        return new ResponseError<D>(ErrorCodes.InternalError, `Minutes: ${name} failed: ${error instanceof Error ? error.message : String(error)}`, errorData);
      }
    };
  }

  function guardNotification<P>(name: string, handler: (params: P) => void | Promise<void>) {
    return async (params: P): Promise<void> => {
      try {
        await handler(params);
      } catch (error) {
        logger.error(`${name} failed`, error);
      }
    };
  }

  /**
   * Notifications that change what the server knows (edits, files changed on disk) may read
   * files, which is asynchronous; they run one after another, and every request waits for the
   * ones that came before it, so an answer always reflects every message sent before it.
   */
  let stateChanges: Promise<void> = Promise.resolve();
  function inOrder<P>(name: string, handler: (params: P) => void | Promise<void>) {
    const guarded = guardNotification(name, handler);
    return (params: P): void => {
      stateChanges = stateChanges.then(() => guarded(params));
    };
  }

  function settingsFor(uri: string): Promise<MinutesSettings> {
    if (!capabilities.workspace?.configuration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  /** What a request on a document needs; a request cancelled meanwhile stops at the first wait after the cancel. */
  /**
   * A document with what it is judged by. `needs: 'file'` answers once the configuration,
   * `_data/` and the document's folder are read; 'workspace' (references, rename) once every file is.
   */
  async function analyse(uri: string, token = CancellationToken.None, needs: 'file' | 'workspace' = 'file') {
    await unlessCancelled(stateChanges, token);
    const document = documents.get(uri);
    if (!document) return null;
    const { index, basicsFor, ready } = await unlessCancelled(workspaces.indexFor(uri), token);
    // A document over the size limit is not analysed: its one finding says why (`oversized`).
    if (oversized(document, index)) return null;
    await unlessCancelled(needs === 'workspace' ? ready : basicsFor(uri.slice(0, uri.lastIndexOf('/'))), token);
    return { document, knowledge: index.knowledge(), settings: await unlessCancelled(settingsFor(uri), token), index };
  }

  /** Open documents over the size limit: noted once, read again when they are back under it. */
  const tooLarge = new Set<string>();
  /** Open knowledge files (`_data/authors.yml`, `.minutes.json`, …): the version the index last read. */
  const knowledgeVersions = new Map<string, number>();

  function oversized(document: TextDocument, index: WorkspaceIndex): boolean {
    return document.getText().length > index.maxFileBytes;
  }

  /** The findings of an open document too large to analyse: the index's note of why. */
  async function oversizedDiagnostics(uri: string) {
    const document = documents.get(uri);
    if (!document) return [];
    const { index } = await workspaces.indexFor(uri);
    return oversized(document, index) ? lean(service.knowledgeDiagnostics(uri, '', index.knowledge(), DEFAULT_SETTINGS)) : [];
  }

  type Analysed = NonNullable<Awaited<ReturnType<typeof analyse>>>;

  function diagnosticsOf({ document, knowledge, settings, index }: Analysed) {
    const kind = index.kindOf(document.uri);
    if (kind === 'authors' || kind === 'config' || kind === 'jekyll-config') {
      return service.knowledgeDiagnostics(document.uri, document.getText(), knowledge, settings);
    }
    return service.diagnostics(document, knowledge, settings);
  }

  async function diagnosticsFor(uri: string, token = CancellationToken.None) {
    const found = await analyse(uri, token);
    return found ? lean(diagnosticsOf(found)) : oversizedDiagnostics(uri);
  }

  let settingsGeneration = 0;
  const basisOf = (knowledge: WorkspaceKnowledge): ResultBasis => ({ knowledge: knowledge.version, settings: settingsGeneration, hour: currentHour() });

  /** After knowledge or settings change: pull clients re-ask, push clients get new lists. */
  function refreshDiagnostics(): void {
    if (pullDiagnostics) {
      if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const document of documents.all()) schedulePush(document.uri);
    }
  }

  function schedulePush(uri: string): void {
    if (pullDiagnostics) return;
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(() => {
        pushTimers.delete(uri);
        void guardNotification('publishing diagnostics', async () => {
          const diagnostics = await diagnosticsFor(uri);
          const document = documents.get(uri);
          if (document) await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
        })(undefined);
      }, 150),
    );
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    for (const folder of params.workspaceFolders ?? []) void workspaces.add(folder.uri);
    if (!params.workspaceFolders?.length && params.rootUri) void workspaces.add(params.rootUri);
    // Where the editor has its own Markdown outline, a second one would only compete with it.
    const editorOutline = (params.initializationOptions as MinutesInitializationOptions | undefined)?.markdownOutline === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: ['@', '[', '/', '#', '(', ' '], resolveProvider: false },
        hoverProvider: true,
        ...(editorOutline ? {} : { documentSymbolProvider: { label: 'Minutes' } }),
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: [Commands.newMeeting, Commands.showMeetingTimes] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'minutes-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(
    guardNotification('initialized', async () => {
      clientReady();
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          for (const removed of event.removed) workspaces.remove(removed.uri);
          for (const added of event.added) void workspaces.add(added.uri);
        });
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification('configuration change', () => {
      settingsCache.clear();
      settingsGeneration++;
      refreshDiagnostics();
    }),
  );

  connection.onDidChangeWatchedFiles(
    inOrder('file change', async (params: DidChangeWatchedFilesParams) => {
      let changed = false;
      for (const change of params.changes) {
        const { index } = await workspaces.indexFor(change.uri);
        // Gone from disk is gone, even while an editor still shows it (a draft deleted outside the editor).
        if (change.type === FileChangeType.Deleted && !(await workspaces.exists(change.uri))) {
          index.remove(change.uri);
          changed = true;
          continue;
        }
        // Open documents are tracked from the editor's text, not the disk.
        if (documents.get(change.uri)) continue;
        if (change.type === FileChangeType.Deleted) index.remove(change.uri);
        else await workspaces.refresh(index, change.uri);
        changed = true;
      }
      if (changed) refreshDiagnostics();
    }),
  );

  documents.onDidChangeContent(
    inOrder('document change', async (change: TextDocumentChangeEvent<TextDocument>) => {
      const uri = change.document.uri;
      const { index } = await workspaces.indexFor(uri);
      const kind = index.kindOf(uri);
      if (kind && oversized(change.document, index)) {
        // Never parsed: the size limit bounds what one document can cost.
        if (!tooLarge.has(uri)) {
          tooLarge.add(uri);
          const size = change.document.getText().length;
          index.unread(uri, describeUnread({ ok: false, reason: 'too-large', size }, { maxBytes: index.maxFileBytes, root: index.rootUri }));
          refreshDiagnostics();
        }
      } else if (kind && (kind !== 'markdown' || tooLarge.delete(uri))) {
        // Typing fast in a large roster queues one change per keystroke, but the document
        // already holds the latest text: it is parsed once.
        if (knowledgeVersions.get(uri) !== change.document.version) {
          knowledgeVersions.set(uri, change.document.version);
          await index.updateInTurns(uri, change.document.getText(), yieldToEventLoop);
          refreshDiagnostics();
        }
      } else if (kind === 'markdown') {
        const started = performance.now();
        if (index.updateModel(service.parse(change.document))) refreshDiagnostics();
        // A long parse (a generated document of a megabyte) and the diagnosis the editor asks
        // for next run in separate turns: requests that came meanwhile are answered between.
        if (performance.now() - started > TURN_MS) await yieldToEventLoop();
      }
      schedulePush(uri);
    }),
  );

  documents.onDidClose(
    inOrder('document close', async (event: TextDocumentChangeEvent<TextDocument>) => {
      const uri = event.document.uri;
      service.forget(uri);
      tooLarge.delete(uri);
      knowledgeVersions.delete(uri);
      settingsCache.delete(uri);
      // Closed, the file is what the disk holds again: changes not saved are dropped, and a
      // draft never saved (or deleted meanwhile) is no longer minutes.
      const { index } = await workspaces.indexFor(uri);
      if (!uri.startsWith('untitled:') && (await workspaces.refresh(index, uri))) refreshDiagnostics();
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    }),
  );

  connection.languages.diagnostics.on(
    guard(
      'diagnostics',
      async (params, token) => {
        const found = await analyse(params.textDocument.uri, token);
        if (!found) return { kind: DocumentDiagnosticReportKind.Full, items: await oversizedDiagnostics(params.textDocument.uri) };
        const resultId = resultIdOf(found.document.version, basisOf(found.knowledge));
        return params.previousResultId === resultId ? documentReport([], resultId, resultId) : documentReport(diagnosticsOf(found), resultId, undefined);
      },
      { retriggerRequest: false },
    ),
  );

  const workspaceReports = new WorkspaceReports(service, workspaces, {
    isOpen: (uri) => !!documents.get(uri),
    settingsFor,
    basisOf,
  });
  connection.languages.diagnostics.onWorkspace(
    guard('workspace diagnostics', (params, token, _workDone, resultProgress) => workspaceReports.report(params, token, resultProgress), { retriggerRequest: false }),
  );

  /** A workspace file's text: the editor's when it is open, else the one last read (no disk read on a request). */
  const textsOf =
    (index: WorkspaceIndex): ReadText =>
    (uri) =>
      documents.get(uri)?.getText() ?? index.textOf(uri);

  connection.onCompletion(
    guard('completion', async (params, token) => {
      // A space only completes front-matter values; elsewhere it would open a list on every word.
      if (params.context?.triggerCharacter === ' ' && !(await inFrontMatter(params.textDocument.uri, params.position.line))) return [];
      const found = await analyse(params.textDocument.uri, token);
      return found ? service.completions(found.document, params.position, found.knowledge, found.settings) : [];
    }),
  );

  connection.onHover(
    guard('hover', async (params, token) => {
      const found = await analyse(params.textDocument.uri, token);
      return found ? service.hover(found.document, params.position, found.knowledge, found.settings) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('document symbols', async (params, token) => {
      const found = await analyse(params.textDocument.uri, token);
      return found ? service.documentSymbols(found.document, found.knowledge) : [];
    }),
  );

  connection.onFoldingRanges(
    guard('folding ranges', async (params, token) => {
      const found = await analyse(params.textDocument.uri, token);
      return found ? service.foldingRanges(found.document, found.knowledge) : [];
    }),
  );

  connection.onDocumentLinks(
    guard('document links', async (params, token) => {
      const found = await analyse(params.textDocument.uri, token);
      return found ? service.documentLinks(found.document, found.knowledge) : [];
    }),
  );

  connection.onReferences(
    guard('references', async (params, token) => {
      const found = await analyse(params.textDocument.uri, token, 'workspace');
      return found ? service.references(found.document, params.position, found.knowledge, textsOf(found.index)) : [];
    }),
  );

  connection.onPrepareRename(
    guard('prepare rename', async (params, token) => {
      const found = await analyse(params.textDocument.uri, token);
      return found ? service.prepareRename(found.document, params.position, found.knowledge) : null;
    }),
  );

  connection.onRenameRequest(
    guard('rename', async (params, token) => {
      const found = await analyse(params.textDocument.uri, token, 'workspace');
      return found ? service.rename(found.document, params.position, params.newName, found.knowledge, textsOf(found.index)) : null;
    }),
  );

  connection.onExecuteCommand(
    guard('command', async (params) => {
      const target = typeof params.arguments?.[0] === 'string' ? (params.arguments[0] as string) : null;
      if (params.command === Commands.showMeetingTimes) {
        if (!target) return null;
        const found = await analyse(target);
        return found ? service.meetingTimes(found.document, found.knowledge, found.settings) : null;
      }
      if (params.command !== Commands.newMeeting) return null;
      const owner = target ? await workspaces.indexFor(target) : workspaces.first();
      if (!owner) {
        void connection.window.showErrorMessage('Minutes: open a folder with minutes first.');
        return null;
      }
      await owner.ready;
      const settings = target ? await settingsFor(target) : DEFAULT_SETTINGS;
      const fromMinutes = target && owner.index.knowledge().minutesFiles.some((f) => f.uri === target) ? target : null;
      const plan = service.newMeeting(fromMinutes, owner.index.knowledge(), settings, textsOf(owner.index));
      if (!plan.ok) {
        void connection.window.showErrorMessage(`Minutes: ${plan.message}`);
        return null;
      }
      // Nothing is saved: the new file and the index page open with their changes, for review or undo.
      const applied = await connection.workspace.applyEdit({ label: `New meeting ${plan.date}`, edit: plan.edit });
      if (!applied.applied) {
        void connection.window.showErrorMessage(`Minutes: the editor did not create the file (${applied.failureReason ?? 'no reason given'}).`);
        return null;
      }
      owner.index.update(plan.uri, plan.text);
      if (capabilities.window?.showDocument?.support) {
        // The index page opens too (behind the new file): an unsaved change there is then in sight.
        const indexPage = owner.index.knowledge().indexPage;
        if (indexPage && indexPage !== plan.uri) await connection.window.showDocument({ uri: indexPage, takeFocus: false });
        await connection.window.showDocument({ uri: plan.uri, takeFocus: true });
      }
      refreshDiagnostics();
      const name = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
      const notMinutes = target && !fromMinutes && target !== plan.from ? `${name(target)} is not minutes, so this starts from the latest minutes. ` : '';
      const index = plan.indexChange ? ` On ${name(plan.indexChange.uri)}: ${plan.indexChange.summary}.` : '';
      const message = `${notMinutes}Drafted ${name(plan.uri)} from ${name(plan.from)}.${index} Nothing is saved yet; Undo takes it all back.`;
      void connection.window.showInformationMessage(`Minutes: ${message}`);
      const result: NewMeetingResult = { uri: plan.uri, date: plan.date, message };
      return result;
    }),
  );

  connection.onRequest(
    ActionItemsRequest.method,
    guard('action items', async (params: ActionItemsParams | undefined) => {
      const owner = params?.uri ? await workspaces.indexFor(params.uri) : workspaces.first();
      if (!owner) return service.actionItems({ items: [], latestMeeting: null });
      await owner.ready;
      return service.actionItems(owner.index.currentActionItems(), { groupBy: params?.groupBy, include: params?.include });
    }),
  );

  connection.onRequest(
    NextMeetingCalendarRequest.method,
    guard('next meeting calendar', async (params: NextMeetingCalendarParams | undefined): Promise<NextMeetingCalendarResult> => {
      const owner = params?.uri ? await workspaces.indexFor(params.uri) : workspaces.first();
      if (!owner) return { ok: false, message: 'open a folder with minutes first.' };
      await owner.ready;
      const knowledge = owner.index.knowledge();
      // Without a file (or from a file that is not minutes): the index page, else the latest minutes.
      const candidates = [params?.uri, knowledge.indexPage, knowledge.minutesFiles[knowledge.minutesFiles.length - 1]?.uri].filter((u): u is string => !!u);
      let answer: NextMeetingCalendarResult = { ok: false, message: 'no minutes found.' };
      for (const uri of candidates) {
        const text = textsOf(owner.index)(uri);
        if (text === null) continue;
        const document = documents.get(uri) ?? { uri, version: -1, getText: () => text };
        const result = service.nextMeetingCalendar(document, knowledge, await settingsFor(uri));
        if (!documents.get(uri)) service.forget(uri);
        if (result.ok) return { ok: true, text: result.text, fileName: result.fileName, summary: result.event.summary, start: result.event.start.toISO()!, url: result.event.url };
        if (!answer.ok && uri === candidates[0]) answer = result;
      }
      return answer;
    }),
  );

  async function inFrontMatter(uri: string, line: number): Promise<boolean> {
    const document = documents.get(uri);
    if (!document) return false;
    const model = service.parse(document);
    const fm = model.frontMatter;
    return !!fm && line > 0 && model.lineStarts[line]! < fm.contentSpan.end + 1;
  }

  connection.onCodeAction(
    guard('code actions', async (params, token) => {
      const found = await analyse(params.textDocument.uri, token);
      if (!found) return [];
      return service.codeActions(found.document, params.range, params.context, found.knowledge, found.settings);
    }),
  );

  documents.listen(connection);
}
