// How an import file reaches main: a token for a file main staged (the desktop app's open
// dialog, or browser mode's streamed upload: main/services/files/staged-files.ts), or, for
// small files and scripts, the bytes as base64.
import { z } from 'zod';

export const importFileInput = z.union([
  z.object({ fileToken: z.string().min(16).max(100) }).strict(),
  z.object({ fileName: z.string().min(1).max(260), base64: z.string().max(200_000_000) }).strict(),
]);
export type ImportFileInput = z.infer<typeof importFileInput>;

/** What staging a file answers (Electron's chooser, browser mode's POST /upload). */
export interface StagedFileOut {
  token: string;
  fileName: string;
  size: number;
}
