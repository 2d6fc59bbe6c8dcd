import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentContext } from '../../documentContext';
import type { MinutesModel, Span } from '../../parse/model';
import type { Fix } from './rule';

/** What a fix needs of the document: its URI and positions (every check's context has them). */
export type FixTarget = Pick<DocumentContext, 'range'> & { readonly model: Pick<MinutesModel, 'uri'> };

/** A fix that replaces text in the document being checked. */
export function replaceFix(context: FixTarget, title: string, edits: readonly { span: Span; newText: string }[], preferred = true): Fix {
  const textEdits: TextEdit[] = edits.map(({ span, newText }) => ({ range: context.range(span), newText }));
  const edit: WorkspaceEdit = { changes: { [context.model.uri]: textEdits } };
  return { title, edit, preferred };
}

/** A fix that replaces one span. */
export function replaceSpan(context: FixTarget, title: string, span: Span, newText: string, preferred = true): Fix {
  return replaceFix(context, title, [{ span, newText }], preferred);
}
