/**
 * Hands a file made on the device to the browser's download, without a server round trip: a
 * backup of unsynced records, a list of passwords that must not travel again, a template.
 * The URL is let go once the download has read it.
 */
export function saveFile(contents: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
