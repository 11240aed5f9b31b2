// Writing a backup file to its target in one pass over the snapshot: header and a draft manifest,
// the payload (each chunk hashed or encrypted on its way), then the manifest's final values over
// their same-length placeholders, the trailer and an fsync. The file is `<final>.partial` until
// createBackup has read it back, so a crash in between leaves nothing that looks finished.
import { HEADER_BYTES, encodeHeader, encodeTrailer, type BackupManifest } from './format';
import { ioError, keyedBackupError } from './errors';
import { chunks, writeBehind, type BackupTargetFs, type TargetHandle } from './fsutil';
import type { ProgressFn } from './verify';

/** A placeholder as long as the value it stands for: a hex SHA-256, a base64 16-byte GCM tag. */
export const SHA_PLACEHOLDER = '0'.repeat(64);
export const TAG_PLACEHOLDER = Buffer.alloc(16).toString('base64');

/** How the snapshot's bytes become the payload in the one pass that writes them. */
export interface PayloadPass {
  /** the manifest with placeholders for what the pass works out */
  draft: BackupManifest;
  /** each chunk of the snapshot, as it is written (hashed, or encrypted) */
  through: (chunk: Buffer) => Buffer;
  /** the last bytes, after the snapshot's (the cipher's final block) */
  end?: () => Buffer;
  /** the final manifest, once every byte has passed */
  manifest: () => BackupManifest;
}

const manifestJson = (m: BackupManifest) => Buffer.from(JSON.stringify(m, null, 2), 'utf8');

export async function writeTarget(
  tfs: BackupTargetFs,
  file: string,
  toDir: string,
  snapshot: string,
  payloadBytes: number,
  payload: PayloadPass,
  onProgress?: ProgressFn,
): Promise<BackupManifest> {
  let h: TargetHandle;
  try {
    h = await tfs.create(file);
  } catch (e) {
    throw ioError(e, toDir, 'create the backup file');
  }
  let closed = false;
  try {
    const draftBytes = manifestJson(payload.draft);
    await h.write(Buffer.concat([encodeHeader(draftBytes), draftBytes]));
    let done = 0;
    // the next chunk is read and hashed (or encrypted) while the previous one is written
    const out = writeBehind((buf) => h.write(buf));
    for await (const c of chunks(snapshot)) {
      await out.push(payload.through(c));
      done += c.length;
      onProgress?.(done, payloadBytes, 'write');
    }
    const last = payload.end?.();
    if (last?.length) await out.push(last);
    await out.drain();
    if (done !== payloadBytes) throw keyedBackupError('io', 'backup_payload_changed', { done, expected: payloadBytes });
    const manifest = payload.manifest();
    const manifestBytes = manifestJson(manifest);
    // the header states the draft's length: the final manifest must fill exactly its place
    if (manifestBytes.length !== draftBytes.length) throw new Error('backup manifest changed length');
    await h.writeAt(manifestBytes, HEADER_BYTES);
    await h.write(encodeTrailer(manifestBytes));
    await h.sync();
    closed = true;
    await h.close();
    return manifest;
  } catch (e) {
    if (!closed) await h.close().catch(() => undefined);
    throw ioError(e, toDir, 'write the backup');
  }
}
