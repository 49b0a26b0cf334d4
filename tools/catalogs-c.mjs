// The message catalogs web/lib/locales/*.json as C data for the command
// line: the tables src/cli/cli.h declares (oojwt_cli_catalogs, ...), which
// src/cli/i18n.c reads. The Makefile builds what this writes into both
// build/oojwt and bin/oojwt-cli.wasm, never into a library module.
//
//   node tools/catalogs-c.mjs OUT.c web/lib/locales/en.json web/lib/locales/zh-CN.json ...
//        src/cli/words/en.json src/cli/words/zh-CN.json ...
//
// A file with "codes" is a code catalog: English is the C code's own
// text, so en.json gives only its tag to the list of languages; every
// other catalog becomes a table of {code, message, fix} in the order of
// its file. A file with "words" is the command line's own words
// (src/cli/words.c) in that language, as a table of {id, text}: English's
// too (oojwt_cli_en_words), the source of every id. Strings are written with
// octal escapes for every byte outside printable ASCII, so the C compiler
// reads them byte for byte whatever its source charset.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const [out, ...files] = process.argv.slice(2);
if (!out || files.length === 0) {
  console.error('usage: node tools/catalogs-c.mjs OUT.c CATALOG.json...');
  process.exit(2);
}

function cString(s) {
  let t = '"';
  for (const b of Buffer.from(s, 'utf8')) {
    if (b === 0x22 || b === 0x5c) t += '\\' + String.fromCharCode(b);
    else if (b >= 0x20 && b < 0x7f && b !== 0x3f) t += String.fromCharCode(b); // '?': no trigraphs
    else t += '\\' + b.toString(8).padStart(3, '0');
  }
  return t + '"';
}

// C99 promises string literals of 4095 bytes only (-Woverlength-strings);
// a longer text becomes a char array written byte by byte, named here.
let arrays = '';
let nArrays = 0;
function cText(s) {
  const bytes = Buffer.from(s, 'utf8');
  if (bytes.length < 4000) return cString(s);
  const name = `long_text_${nArrays++}`;
  const lines = [];
  for (let i = 0; i < bytes.length; i += 16) lines.push(`\t${[...bytes.subarray(i, i + 16)].map((b) => `'\\${b.toString(8).padStart(3, '0')}'`).join(', ')},`);
  arrays += `static const char ${name}[] = {\n${lines.join('\n')}\n\t'\\0'\n};\n\n`;
  return name;
}

const langs = [];
const counts = {};
const words = {};
let body = '';
const codeFiles = [];
for (const file of files) {
  const cat = JSON.parse(readFileSync(file, 'utf8'));
  const tag = basename(file, '.json');
  if (cat.lang === tag && typeof cat.words === 'object' && cat.words !== null) {
    const rows = Object.entries(cat.words).map(([id, text]) => {
      if (typeof text !== 'string') {
        console.error(`${file}: ${id}: a word is a string`);
        process.exit(1);
      }
      return `\t{ ${cString(id)},\n\t\t${cString(text)} }`;
    });
    words[tag] = rows;
  } else {
    codeFiles.push(file);
  }
}
const wordsId = (tag) => `words_${tag.replace(/[^A-Za-z0-9]/g, '_')}`;
for (const [tag, rows] of Object.entries(words)) {
  if (tag !== 'en') body += `static const oojwt_cli_word_entry ${wordsId(tag)}[] = {\n${rows.join(',\n') || '\t{ "", "" }'}\n};\n\n`;
}
for (const file of codeFiles.sort()) {
  const cat = JSON.parse(readFileSync(file, 'utf8'));
  const tag = basename(file, '.json');
  if (cat.lang !== tag || typeof cat.codes !== 'object' || cat.codes === null) {
    console.error(`${file}: "lang" must be "${tag}" and "codes" an object`);
    process.exit(1);
  }
  langs.push(tag);
  if (tag === 'en') continue;
  const id = tag.replace(/[^A-Za-z0-9]/g, '_');
  const rows = Object.entries(cat.codes).map(([code, e]) => {
    if (typeof e.message !== 'string' || typeof (e.fix ?? '') !== 'string') {
      console.error(`${file}: ${code}: message and fix must be strings`);
      process.exit(1);
    }
    return `\t{ ${cString(code)},\n\t\t${cText(e.message)},\n\t\t${cText(e.fix ?? '')} }`;
  });
  body += `static const oojwt_cli_entry catalog_${id}[] = {\n${rows.join(',\n') || '\t{ "", "", "" }'}\n};\n\n`;
  counts[id] = rows.length;
}
const others = langs.filter((l) => l !== 'en');
const table = others.map((l) => {
  const id = l.replace(/[^A-Za-z0-9]/g, '_');
  const cat = JSON.parse(readFileSync(codeFiles.find((f) => basename(f, '.json') === l), 'utf8'));
  const w = words[l] ? `${wordsId(l)}, ${words[l].length}` : 'NULL, 0';
  return `\t{ ${cString(l)}, ${cString(cat.name ?? l)}, catalog_${id}, ${counts[id]}, ${w} }`;
});
if (!words.en) {
  console.error('no English words (src/cli/words/en.json): English is their source');
  process.exit(1);
}
const text = `/* Written by tools/catalogs-c.mjs from ${files.map((f) => f.split('/').slice(-2).join('/')).join(', ')}: do not edit. */
#include "cli/cli.h"

${arrays}${body}const oojwt_cli_catalog oojwt_cli_catalogs[${Math.max(others.length, 1)}] = {
${table.join(',\n') || '\t{ "", "", NULL, 0, NULL, 0 }'}
};
const size_t oojwt_cli_n_catalogs = ${others.length};
const char oojwt_cli_lang_list[] = ${cString(langs.join(', '))};
const oojwt_cli_word_entry oojwt_cli_en_words[] = {
${words.en.join(',\n') || '\t{ "", "" }'}
};
const size_t oojwt_cli_n_en_words = ${words.en.length};
`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
