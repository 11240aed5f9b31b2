// The command line run in this process (no child process): its exit code, standard output (text
// and bytes, in order) and standard error.
import { runCli } from '../../main/cli';

export async function runCliCaptured(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const chunks: Buffer[] = [];
  let err = '';
  const code = await runCli(args, {
    out: (t) => chunks.push(Buffer.from(t, 'utf8')),
    outBytes: (b) => chunks.push(Buffer.from(b)),
    err: (t) => (err += t),
  });
  return { code, out: Buffer.concat(chunks).toString('utf8'), err };
}
