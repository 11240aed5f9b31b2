// Choosing an import file. The desktop app opens the native dialog and main keeps the chosen path
// (the page gets a token); browser mode uses the page's file input and streams the file to main
// (POST /upload), which keeps it as a temporary file. Either way the import channel gets a token
// and main reads the file from disk in chunks: no file crosses IPC as base64.
import { useRef, type ReactElement } from 'react';
import type { StagedFileOut } from '@shared/ipc/files';
import type { CreditdeskShell } from '@shared/ipc/shell';
import { ApiError } from './client';
import { uploadToMain } from './bridge';

type NativeChooser = CreditdeskShell['chooseImportFile'];

function nativeChooser(): NativeChooser | null {
  const shell = (window as { creditdeskShell?: CreditdeskShell }).creditdeskShell;
  return shell?.chooseImportFile ?? null;
}

/** A chosen file: already staged in main (desktop) or still in the page (browser mode). */
export type ChosenFile = { staged: StagedFileOut } | { file: File };

/** The import channel's input for a chosen file (uploads it first in browser mode). */
export async function importInput(c: ChosenFile): Promise<{ fileToken: string }> {
  if ('staged' in c) return { fileToken: c.staged.token };
  const r = await uploadToMain(c.file);
  if (!r.ok) throw new ApiError(r.error);
  return { fileToken: r.data.token };
}

/**
 * `pick()` opens the chooser; `onChosen` gets the file. Render `input` (the hidden file input
 * browser mode uses, with the given test id).
 */
export function useImportFileChooser(
  onChosen: (c: ChosenFile) => void,
  testId: string,
): { pick: () => void; input: ReactElement } {
  const ref = useRef<HTMLInputElement>(null);
  const pick = () => {
    const native = nativeChooser();
    if (!native) return ref.current?.click();
    void native().then(
      (staged) => staged && onChosen({ staged }),
      () => undefined, // the dialog failed to open: nothing chosen
    );
  };
  const input = (
    <input
      ref={ref}
      type="file"
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      style={{ display: 'none' }}
      data-testid={testId}
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) onChosen({ file: f });
      }}
    />
  );
  return { pick, input };
}
