import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../documentContext';
import type { Span } from '../../parse/model';
import type { Fix } from './rule';

/** A fix that replaces text in the document being checked. */
export function replaceFix(context: DocumentContext, title: string, edits: readonly { span: Span; newText: string }[], preferred = true): Fix {
  const textEdits: TextEdit[] = edits.map(({ span, newText }) => ({ range: context.range(span), newText }));
  const edit: WorkspaceEdit = { changes: { [context.model.uri]: textEdits } };
  return { title, edit, preferred };
}

/** A fix that replaces one span. */
export function replaceSpan(context: DocumentContext, title: string, span: Span, newText: string, preferred = true): Fix {
  return replaceFix(context, title, [{ span, newText }], preferred);
}
