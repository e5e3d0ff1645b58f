/** Saves text as a file on the device through the browser's own download (works offline). */
export function downloadTextFile(fileName: string, text: string, type = 'application/json'): void {
  downloadFile(fileName, new Blob([text], { type }));
}

/** Saves `blob` as a file on the device through the browser's own download (works offline). */
export function downloadFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
