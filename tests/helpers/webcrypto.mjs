// Import before jose. jose 6 (dist/webapi) calls the global Web Crypto API
// (crypto.subtle, crypto.getRandomValues), which Node puts on globalThis from
// Node 19 on; Node 18 (Debian bookworm's nodejs) has the same object only as
// node:crypto's webcrypto. This sets the global from it when it is missing,
// so the tests and tools that use jose run on Node 18 as on Node 20.
import { webcrypto } from 'node:crypto';

if (globalThis.crypto === undefined) globalThis.crypto = webcrypto;
