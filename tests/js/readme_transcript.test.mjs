// README.md's shell transcript of `oojwt diagnose` on a Document Server
// host: the block between the diagnose-transcript markers must be exactly
// what tools/readme-transcript.mjs writes by running the command line
// today, so a change of the diagnosis's words or commands without the
// README (or the reverse) fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { transcript, START, END } from '../../tools/readme-transcript.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test("README's diagnose transcript is what the command line prints", () => {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  assert.ok(from >= 0 && to > from, 'README.md has the diagnose-transcript markers');
  assert.equal(readme.indexOf(START, from + 1), -1, 'one transcript');
  const written = transcript();
  assert.equal(readme.slice(from, to + END.length), written,
    'README.md and `oojwt diagnose` disagree: run `node tools/readme-transcript.mjs` and paste its output');
  // It goes from the symptom to the fix: the verdict names the cause, and
  // the commands read the secret cleanly and set it in Nextcloud.
  assert.match(written, /\nERROR: Nextcloud cannot connect: .*line feed added at the end\n/);
  assert.match(written, /\ncommands:\n  on the Document Server host: .*\n    sudo .*services\.CoAuthoring\.secret\.inbox\.string \| tr -d '\\n'; echo\n/);
  assert.match(written, /occ config:app:set onlyoffice jwt_secret --value="\$JWT_SECRET"\n\[exit 1\]\n```/);
});
