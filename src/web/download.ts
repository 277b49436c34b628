/**
 * Saving bytes as a file from the page: a blob: URL on a temporary link with `download`, the
 * one way every current browser saves a made file from a page opened from disk. Nothing goes
 * over the network; the URL is revoked once the browser has taken the file.
 */
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The type of the zip of every scored copy (全部下载). */
export const ZIP_TYPE = "application/zip";

/** @summary Offer `bytes` for download as `name` (an .xlsx unless `type` says otherwise). */
export function saveBytes(bytes: Uint8Array, name: string, type: string = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
