// The wasm modules embedded in the single-file build (dist/oojwt.html):
// tools/build-dist.mjs writes each module into a data block,
// <script type="application/octet-stream" id="…">, as base64 of its gzipped
// bytes (the HTML to parse is half the size of plain base64). The served page
// has no data block: oojwt.mjs fetches the .wasm file next to it.

const fromBase64 = Uint8Array.fromBase64 ? (text) => Uint8Array.fromBase64(text) : (text) => {
  const bin = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
};

/**
 * The bytes of the module in data block `id` (a promise of an ArrayBuffer),
 * or undefined when the page has no such block; either way a `wasm` option
 * for loadToolkit() and kit.loadOnlyoffice().
 */
export function embeddedWasm(id) {
  const block = document.getElementById(id);
  if (block === null) return undefined;
  const gzipped = new Blob([fromBase64(block.textContent)]);
  return new Response(gzipped.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}
