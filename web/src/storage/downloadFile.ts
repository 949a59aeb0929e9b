// Hands a file to the browser's downloads: the one place the app does that.
export function downloadFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The click has started the download; give a slow browser a while before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
