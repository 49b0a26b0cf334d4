// The builder's "same token from server-side code": the code that signs the
// builder's payload with a server's JWT library, loaded the first time the
// part is opened. The payload is written out exactly as the builder signed
// it (iat and exp included, with their values), so that the code prints the
// builder's token byte for byte wherever the library writes the header as
// the builder does ({"alg":…,"typ":"JWT"}). The secret (or private key) is
// read from an environment variable, never written into the code.
//
// What each library does that the code accounts for:
// - jsonwebtoken (sign.js): adds iat unless the payload has one or
//   noTimestamp is set; header {"alg","typ"}.
// - PyJWT (api_jws.py encode): header keys sorted ("alg", "typ"); JSON with
//   ensure_ascii unless the encoder says otherwise.
// - firebase/php-jwt (JWT::encode): header ["typ" => "JWT"] first, then
//   "alg": its token differs from the builder's in the header, and so in the
//   signature, yet verifies with the same secret; json_encode escapes
//   non-ASCII characters as \u….
// - auth0 java-jwt (JWTCreator.withPayload(String)): header "alg", "typ".
// - System.IdentityModel.Tokens.Jwt (JwtHeader(SigningCredentials)): "alg",
//   "typ"; SymmetricSecurityKey refuses a secret shorter than the hash.
//
// The comments are in the page's language (`say`: its t(), web/page/lang.mjs;
// English by default); the code, commands and names stay as they are.
import { render } from '../lib/i18n.mjs';

const english = (en, params) => render(en, params ?? {}, 'en');
// A comment: each line of the sentence `text` after `lead` ('// ', '# ').
const comment = (say, lead, text, params) => say(text, params).split('\n').map((l) => `${lead}${l}`).join('\n');
const FRESH = 'The payload as the builder signed it. For a fresh token each time, ';

export const LANGUAGES = [
  ['node', 'Node.js: jsonwebtoken'],
  ['php', 'PHP: firebase/php-jwt'],
  ['python', 'Python: PyJWT'],
  ['java', 'Java: auth0 java-jwt'],
  ['csharp', 'C#: System.IdentityModel.Tokens.Jwt'],
];

const HS = /^HS(256|384|512)$/;
const bits = (alg) => alg.slice(2);

/** The environment variable the code reads the key from. */
export const envName = (alg) => (HS.test(alg) ? 'JWT_SECRET' : 'JWT_PRIVATE_KEY');

// Python source for a JSON value, keys in their order.
function py(v, indent = '') {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v !== 'object') return JSON.stringify(v);
  const inner = `${indent}    `;
  const items = Array.isArray(v) ? v.map((x) => py(x, inner)) : Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${py(x, inner)}`);
  if (items.length === 0) return Array.isArray(v) ? '[]' : '{}';
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}${close}`;
}

const json = (v) => JSON.stringify(v, null, 2);
// JSON.stringify escapes every quote, so no JSON text holds a C# raw string's
// """ nor starts a line with a PHP nowdoc's terminator; a Java text block
// reads backslash escapes, so its backslashes are doubled.
const nonAscii = (s) => /[^\x00-\x7f]/.test(s);

// How each language reads the key from the environment, by the Secret box's encoding.
const KEY = {
  node: { utf8: (e) => `process.env.${e}`, base64: (e) => `Buffer.from(process.env.${e}, 'base64')`,
    base64url: (e) => `Buffer.from(process.env.${e}, 'base64url')`, hex: (e) => `Buffer.from(process.env.${e}, 'hex')` },
  python: { utf8: (e) => `os.environ["${e}"]`, base64: (e) => `base64.b64decode(os.environ["${e}"])`,
    base64url: (e) => `base64.urlsafe_b64decode(os.environ["${e}"] + "==")`, hex: (e) => `bytes.fromhex(os.environ["${e}"])` },
  php: { utf8: (e) => `getenv('${e}')`, base64: (e) => `base64_decode(getenv('${e}'), true)`,
    base64url: (e) => `JWT::urlsafeB64Decode(getenv('${e}'))`, hex: (e) => `hex2bin(getenv('${e}'))` },
  java: { utf8: (e) => `System.getenv("${e}")`, base64: (e) => `Base64.getDecoder().decode(System.getenv("${e}"))`,
    base64url: (e) => `Base64.getUrlDecoder().decode(System.getenv("${e}"))`, hex: (e) => `HexFormat.of().parseHex(System.getenv("${e}"))` },
  csharp: { utf8: (e) => `Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("${e}"))`,
    base64: (e) => `Convert.FromBase64String(Environment.GetEnvironmentVariable("${e}"))`,
    base64url: (e) => `Base64UrlEncoder.DecodeBytes(Environment.GetEnvironmentVariable("${e}"))`,
    hex: (e) => `Convert.FromHexString(Environment.GetEnvironmentVariable("${e}"))` },
};

function node({ alg, payload, format, say }) {
  const e = envName(alg);
  const key = HS.test(alg) ? KEY.node[format](e) : `process.env.${e}`;
  const options = [`algorithm: '${alg}'`];
  // Without iat in the payload jsonwebtoken would add one.
  if (!Object.hasOwn(payload, 'iat')) options.push('noTimestamp: true');
  return `// npm install jsonwebtoken
const jwt = require('jsonwebtoken');

${comment(say, '// ', `${FRESH}leave out\niat and exp and pass '{ expiresIn: <seconds> }' with the algorithm.`)}
const payload = ${json(payload)};

${comment(say, '// ', HS.test(alg) ? 'The secret: {env}, as the server reads it (Document Server: JWT_SECRET).' : 'The private key (PEM) in {env}.', { env: e })}
const token = jwt.sign(payload, ${key}, { ${options.join(', ')} });
console.log(token);
`;
}

function python({ alg, payload, format, say }) {
  const e = envName(alg);
  const key = HS.test(alg) ? KEY.python[format](e) : `os.environ["${e}"]`;
  const text = JSON.stringify(payload);
  const utf8 = nonAscii(text);
  const imports = ['import os', ...(format.startsWith('base64') && HS.test(alg) ? ['import base64'] : []), ...(utf8 ? ['import json'] : []), '', 'import jwt'];
  return `# pip install pyjwt${HS.test(alg) ? '' : '[crypto]'}
${imports.join('\n')}
${utf8 ? `

class Utf8Encoder(json.JSONEncoder):
    """${say('Keep non-ASCII characters as UTF-8, as the builder does (PyJWT escapes them).')}"""

    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "ensure_ascii": False})
` : ''}
${comment(say, '# ', `${FRESH}set\niat to int(time.time()) and exp to iat + <seconds>.`)}
payload = ${py(payload)}

token = jwt.encode(payload, ${key}, algorithm="${alg}"${utf8 ? ', json_encoder=Utf8Encoder' : ''})
print(token)
`;
}

function php({ alg, payload, format, say }) {
  const e = envName(alg);
  if (/^PS/.test(alg) || alg === 'ES512') {
    return `<?php
${comment(say, '// ', 'firebase/php-jwt does not sign {alg} (JWT::$supported_algs): choose HS, RS, ES256 or ES384,\nor sign in another language.', { alg })}
`;
  }
  const key = HS.test(alg) ? KEY.php[format](e) : `getenv('${e}')`;
  const text = json(payload);
  return `<?php
// composer require firebase/php-jwt
require __DIR__ . '/vendor/autoload.php';

use Firebase\\JWT\\JWT;

${comment(say, '// ', `${FRESH}set\n'iat' => time() and 'exp' => time() + <seconds>.`)}
$payload = json_decode(<<<'JSON'
${text}
JSON, true, 512, JSON_THROW_ON_ERROR);

${comment(say, '// ', 'php-jwt writes the header as \'{\'"typ":"JWT","alg":"{alg}"\'}\' (typ first): the signature\n'
    + 'differs from the builder\'s, and both verify with the same {key, select, secret {secret} other {key}}.', { alg, key: HS.test(alg) ? 'secret' : 'key' })}${nonAscii(text) ? `
${comment(say, '// ', 'json_encode writes non-ASCII characters as \\u… escapes: the payload part differs too.')}` : ''}
$token = JWT::encode($payload, ${key}, '${alg}');
echo $token, "\\n";
`;
}

function java({ alg, payload, format, say }) {
  const e = envName(alg);
  if (/^PS/.test(alg)) {
    return `${comment(say, '// ', 'auth0 java-jwt does not sign {alg} (Algorithm has HMAC, RSA and ECDSA only):\nchoose HS, RS or ES, or sign in another language.', { alg })}
`;
  }
  const n = bits(alg);
  let algorithm;
  let keyCode = '';
  if (HS.test(alg)) {
    algorithm = `Algorithm.HMAC${n}(${KEY.java[format](e)})`;
  } else {
    const rsa = alg.startsWith('RS');
    const type = rsa ? 'RSAPrivateKey' : 'ECPrivateKey';
    keyCode = `
${comment(say, '        // ', 'The private key, PKCS#8 PEM ("BEGIN PRIVATE KEY"), in {env}.', { env: e })}
        String pem = System.getenv("${e}").replaceAll("-----[A-Z ]+-----|\\\\s", "");
        ${type} key = (${type}) KeyFactory.getInstance("${rsa ? 'RSA' : 'EC'}")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
`;
    algorithm = `Algorithm.${rsa ? 'RSA' : 'ECDSA'}${n}(null, key)`;
  }
  return `// Maven: com.auth0:java-jwt
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
${HS.test(alg) ? (format === 'utf8' ? '' : format === 'hex' ? 'import java.util.HexFormat;\n' : 'import java.util.Base64;\n')
    : `import java.security.KeyFactory;\nimport java.security.interfaces.${alg.startsWith('RS') ? 'RSAPrivateKey' : 'ECPrivateKey'};\nimport java.security.spec.PKCS8EncodedKeySpec;\nimport java.util.Base64;\n`}
public class SignToken {
    public static void main(String[] args) throws Exception {
${comment(say, '        // ', `${FRESH}leave out\niat and exp and call .withIssuedAt(now) and .withExpiresAt(now.plusSeconds(…)).`)}
        String payload = """
${json(payload).replace(/\\/g, '\\\\').split('\n').map((l) => `            ${l}`).join('\n')}
            """;
${keyCode}
        String token = JWT.create().withPayload(payload).sign(${algorithm});
        System.out.println(token);
    }
}
`;
}

function csharp({ alg, payload, format, say }) {
  const e = envName(alg);
  const n = bits(alg);
  let credentials;
  let keyCode = '';
  if (HS.test(alg)) {
    credentials = `new SigningCredentials(new SymmetricSecurityKey(${KEY.csharp[format](e)}), SecurityAlgorithms.HmacSha${n})`;
  } else {
    const ec = alg.startsWith('ES');
    keyCode = `
${comment(say, '// ', 'The private key (PEM) in {env}.', { env: e })}
var key = ${ec ? 'ECDsa' : 'RSA'}.Create();
key.ImportFromPem(Environment.GetEnvironmentVariable("${e}"));
`;
    const name = { RS: `RsaSha${n}`, PS: `RsaSsaPssSha${n}`, ES: `EcdsaSha${n}` }[alg.slice(0, 2)];
    credentials = `new SigningCredentials(new ${ec ? 'ECDsaSecurityKey' : 'RsaSecurityKey'}(key), SecurityAlgorithms.${name})`;
  }
  return `// dotnet add package System.IdentityModel.Tokens.Jwt
using System;
${HS.test(alg) && format === 'utf8' ? 'using System.Text;\n' : ''}${HS.test(alg) ? '' : 'using System.Security.Cryptography;\n'}using System.IdentityModel.Tokens.Jwt;
using Microsoft.IdentityModel.Tokens;

${comment(say, '// ', `${FRESH}leave out\niat and exp and use a SecurityTokenDescriptor with IssuedAt and Expires.`)}
var payload = JwtPayload.Deserialize("""
${json(payload)}
""");
${keyCode}${HS.test(alg) ? `${comment(say, '// ', 'SymmetricSecurityKey refuses a secret shorter than {n} bytes for {alg}.', { n: n / 8, alg })}\n` : ''}var header = new JwtHeader(${credentials});
var token = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(header, payload));
Console.WriteLine(token);
`;
}

const WRITERS = { node, php, python, java, csharp };

/**
 * The code for `lang` that signs `payload` (the object the builder signed,
 * iat/exp included, in its order) with `alg`; `format`: the Secret box's
 * encoding ('utf8', 'base64', 'base64url', 'hex'); `say`: the comments'
 * words (the page's t(); English by default).
 */
export function snippet(lang, { alg, payload, format = 'utf8', say = english }) {
  return WRITERS[lang]({ alg, payload, format, say });
}
