import type { CancellationToken, Diagnostic, ResultProgressReporter, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDiagnosticReportPartialResult, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { unlessCancelled } from './cancellation';
import { resultIdOf, workspaceFileReport, type ResultBasis } from './diagnosticReports';
import type { MinutesService, MinutesSettings, WorkspaceIndex, WorkspaceKnowledge } from './service';
import { yieldToEventLoop } from './workspace/scanWorkspace';
import type { Workspaces } from './workspace/workspaces';

interface Host {
  /** Open documents are reported by document pulls, with their editor's text. */
  isOpen(uri: string): boolean;
  settingsFor(uri: string): Promise<MinutesSettings>;
  basisOf(knowledge: WorkspaceKnowledge): ResultBasis;
}

/** How long a stretch of diagnosing runs before the event loop gets a turn (and partial results go out). */
const SLICE_MS = 20;

/**
 * LSP 3.17 workspace diagnostics: the problems of every minutes file, the index page and
 * the knowledge files, open or not, so a reviewer opening the repository sees them all in
 * the Problems panel. Files the client already holds a current result for are answered
 * `unchanged`; the rest are diagnosed in short slices, streamed as partial results when the
 * client takes them, and the request stops at the first slice after a cancel.
 */
export class WorkspaceReports {
  /** Files reported with findings, per root: when reporting is turned off they are cleared once. */
  private readonly reported = new Map<string, Set<string>>();

  constructor(
    private readonly service: MinutesService,
    private readonly workspaces: Workspaces,
    private readonly host: Host,
  ) {}

  async report(params: WorkspaceDiagnosticParams, token: CancellationToken, progress?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(params.previousResultIds.map(({ uri, value }) => [uri, value]));
    const all: WorkspaceDocumentDiagnosticReport[] = [];
    let batch: WorkspaceDocumentDiagnosticReport[] = [];
    const flush = () => {
      if (progress && batch.length > 0) progress.report({ items: batch });
      else all.push(...batch);
      batch = [];
    };
    for (const { index, ready } of this.workspaces.roots()) {
      await unlessCancelled(ready, token);
      const settings = await unlessCancelled(this.host.settingsFor(index.rootUri), token);
      const reported = this.reported.get(index.rootUri) ?? new Set<string>();
      this.reported.set(index.rootUri, reported);
      if (settings.problems === 'openFiles') {
        // Turned off: what was reported before is cleared, once.
        for (const uri of reported) if (!this.host.isOpen(uri)) batch.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
        reported.clear();
        continue;
      }
      const knowledge = index.knowledge();
      const resultId = resultIdOf(null, this.host.basisOf(knowledge));
      let sliceStart = Date.now();
      for (const uri of filesToReport(knowledge)) {
        if (this.host.isOpen(uri)) continue;
        const text = index.kindOf(uri) === 'markdown' ? index.textOf(uri) : await this.workspaces.readText(index, uri);
        const report = workspaceFileReport(uri, resultId, previous, () => this.diagnose(index, knowledge, settings, uri, text));
        if (report.kind === DocumentDiagnosticReportKind.Full && report.items.length > 0) reported.add(uri);
        batch.push(report);
        if (Date.now() - sliceStart >= SLICE_MS) {
          flush();
          await unlessCancelled(yieldToEventLoop(), token);
          sliceStart = Date.now();
        }
      }
    }
    flush();
    return { items: all };
  }

  private diagnose(index: WorkspaceIndex, knowledge: WorkspaceKnowledge, settings: MinutesSettings, uri: string, text: string | null): Diagnostic[] {
    const kind = index.kindOf(uri);
    // A file not read (too large, a device, a link out of the workspace) has the reason as its problem.
    if ((kind === 'markdown' || kind === 'template') && text !== null) {
      const found = this.service.diagnostics({ uri, version: -1, getText: () => text }, knowledge, settings);
      // Closed files are diagnosed once per change of the workspace: their models are not kept.
      this.service.forget(uri);
      return found;
    }
    return this.service.knowledgeDiagnostics(uri, text ?? '', knowledge, settings);
  }
}

/** The minutes files, the index page, and every file with a knowledge problem (authors, config). */
function filesToReport(knowledge: WorkspaceKnowledge): string[] {
  const uris = new Set(knowledge.minutesFiles.map((file) => file.uri));
  if (knowledge.indexPage) uris.add(knowledge.indexPage);
  for (const problem of knowledge.problems) uris.add(problem.uri);
  return [...uris];
}
