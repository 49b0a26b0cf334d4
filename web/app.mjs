// The placeholder page: verify a pasted token with a pasted secret as you type.
import { loadToolkit } from './oojwt.mjs';

const $ = (id) => document.getElementById(id);
const kit = await loadToolkit();

function show() {
  const token = $('token').value.trim();
  const status = $('status');
  if (token === '') {
    status.className = '';
    status.textContent = 'Paste a token.';
    $('header').textContent = '';
    $('payload').textContent = '';
    return;
  }
  const r = kit.verify(token, $('secret').value);
  $('header').textContent = r.header ? JSON.stringify(r.header, null, 2) : (r.headerText ?? '');
  $('payload').textContent = r.payload ? JSON.stringify(r.payload, null, 2) : (r.payloadText ?? '');
  status.className = r.valid ? 'valid' : 'invalid';
  const lines = r.valid ? ['Valid signature.'] : r.errors.map((e) => `✗ ${e.code}: ${e.message}`);
  for (const w of r.warnings) lines.push(`⚠ ${w.code}: ${w.message}`);
  status.textContent = lines.join('\n');
}

$('token').addEventListener('input', show);
$('secret').addEventListener('input', show);
show();
