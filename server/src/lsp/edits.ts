import { diffLines } from 'diff';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as OffsetEdit } from '../core';
import { rangeOf } from './documents';

/** Line-wise edits that turn `before` into `after` (so a fix-all leaves untouched lines, and the cursor, alone). */
export function editsBetween(before: string, after: string): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  let offset = 0;
  for (const change of diffLines(before, after)) {
    const last = edits[edits.length - 1];
    if (change.removed) {
      if (last && last.end === offset) last.end += change.value.length;
      else edits.push({ start: offset, end: offset + change.value.length, newText: '' });
      offset += change.value.length;
    } else if (change.added) {
      if (last && last.end === offset) last.newText += change.value;
      else edits.push({ start: offset, end: offset, newText: change.value });
    } else {
      offset += change.value.length;
    }
  }
  return edits;
}

export function toTextEdits(document: TextDocument, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: rangeOf(document, e), newText: e.newText }));
}

/** What the client can do with the actions it is offered. */
export interface ClientAbilities {
  /** `codeAction/resolve` can fill in `edit`. */
  resolveEdit: boolean;
  /** The client runs `govreport.insertSnippet`. */
  snippetCommand: boolean;
  /** Workspace edits may be versioned (`documentChanges`). */
  documentChanges: boolean;
}

export function workspaceEdit(document: TextDocument, edits: TextEdit[], abilities: ClientAbilities): WorkspaceEdit {
  if (abilities.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: edits } };
}
