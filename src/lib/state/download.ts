/** Saves bytes or text as a file the user downloads; nothing is sent anywhere. */
export function downloadFile(fileName: string, content: BlobPart, type: string) {
	const url = URL.createObjectURL(new Blob([content], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	// revoke after the click has been handled, or some browsers cancel the download
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
