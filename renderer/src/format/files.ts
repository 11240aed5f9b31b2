// Browser file helpers: read a picked file as base64 / data URL, save base64 as a download.

export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('cannot read file'));
    r.readAsDataURL(file);
  });
}

/** "data:...;base64,XXXX" → "XXXX" */
export function dataUrlBase64(dataUrl: string): string {
  const i = dataUrl.indexOf('base64,');
  return i < 0 ? '' : dataUrl.slice(i + 'base64,'.length);
}

export async function readAsBase64(file: Blob): Promise<string> {
  return dataUrlBase64(await readAsDataUrl(file));
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Save a file through a Blob + <a download> (works in Electron and in the browser). */
export function downloadBase64(fileName: string, mime: string, base64: string): void {
  const blob = new Blob([base64ToBytes(base64)], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
