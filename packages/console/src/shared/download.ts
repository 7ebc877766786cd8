/** Saves an export as a file: CSV text from the server, or base64 (`encoding: "base64"`, e.g. xlsx). */
export function downloadFile(file: {
  filename: string;
  contentType: string;
  content: string;
  encoding?: string | null;
}) {
  const body = file.encoding === 'base64' ? base64ToBytes(file.content) : file.content;
  const blob = new Blob([body], { type: file.contentType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A chosen file as base64 (no data-URL prefix), for uploads through GraphQL. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}
