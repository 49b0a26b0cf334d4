// Copying a text to the clipboard, for the builder's and the Diagnose box's
// Copy buttons: the Clipboard API, or a selection copied where the API is
// refused (permissions, file://).

/** Copy `text`; resolves once it is copied. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (permissions): copy a selection instead.
    const t = document.createElement('textarea');
    t.value = text;
    document.body.append(t);
    t.select();
    document.execCommand('copy');
    t.remove();
  }
}
