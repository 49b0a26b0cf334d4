// The markup and styles of the Document Server and Deployment modes'
// panels, loaded with them (panels.mjs) the first time one is shown rather
// than with index.html and style.css, which then stay small for the JWT
// inspector. Static HTML and CSS only: panels.mjs adds the output parts
// (data-parts) and the stylesheet (adopted: the page's CSP allows no inline
// style), and the modules wire it.

/** The Document Server mode: editor config, server config, request or callback, connector settings. */
export const DS_MODE = `
<p class="mode-intro">Judge what an integration hands Document Server the way the server does: the editor config,
  the server's own settings, and the requests and callbacks. Each finding says what is wrong, where, what the server
  does with it, and what to change.</p>
<section class="panel ds" id="ds-config" aria-labelledby="ds-config-h">
  <h2 id="ds-config-h">Editor config</h2>
  <div class="ds-grid">
    <div class="ds-in">
      <div class="field">
        <label for="ds-config-text">Config passed to DocsAPI.DocEditor</label>
        <p class="hint" id="ds-config-hint">The config object as JSON (in the browser console:
          <code>copy(JSON.stringify(config))</code>), or the page source or script that contains it.</p>
        <textarea id="ds-config-text" class="mono" rows="16" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="ds-config-hint ds-config-found"></textarea>
        <p class="hint" id="ds-config-found" hidden></p>
      </div>
      <div class="field">
        <label for="ds-config-secret">Inbox secret</label>
        <input id="ds-config-secret" type="text" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="ds-config-secret-hint">
        <p class="hint" id="ds-config-secret-hint"><code>services.CoAuthoring.secret.inbox.string</code> in
          <code>local.json</code> (<code>JWT_SECRET</code> in Docker): the secret that signs editor configs.</p>
      </div>
      <div class="field" id="ds-config-connector-field">
        <label for="ds-config-connector">Connector that built it</label>
        <select id="ds-config-connector" aria-describedby="ds-config-connector-hint">
          <option value="" selected>not known (recognised from the config where it can be)</option>
        </select>
        <p class="hint" id="ds-config-connector-hint">Connectors sign differently: some put no expiry in the token,
          some let it expire after minutes.</p>
      </div>
      <div class="field" id="ds-config-kind-field" hidden>
        <p class="hint kind" id="ds-config-kind" aria-live="polite"></p>
        <label for="ds-config-kind-select">Judge as</label>
        <select id="ds-config-kind-select" aria-describedby="ds-config-kind">
          <option value="" selected>the kind guessed from its payload</option>
        </select>
      </div>
      <p class="using" data-using hidden></p>
      <div class="sign">
        <button type="button" id="ds-sign" aria-describedby="ds-sign-note">Edit and sign in the builder</button>
        <p class="hint" id="ds-sign-note" aria-live="polite">Opens the config, without its token, in the JWT inspector's
          builder: sign it there with any algorithm and expiry, and get the config with its token and the server-side code.</p>
      </div>
    </div>
    <div class="ds-out" data-parts="verdict forensics findings">
      <div id="ds-config-times" hidden>
        <h3>Token times</h3>
        <div class="times"></div>
      </div>
      <h3 id="ds-config-effective-h">Effective config</h3>
      <p class="hint" id="ds-config-effective-hint">The config after the token's values replace the page's: what the
        server uses. <mark class="from-token">Marked</mark> values come from the token.</p>
      <pre id="ds-config-effective" class="json" tabindex="0" role="region" aria-labelledby="ds-config-effective-h"
        aria-describedby="ds-config-effective-hint"></pre>
    </div>
  </div>
</section>

<section class="panel ds" id="ds-server" aria-labelledby="ds-server-h">
  <h2 id="ds-server-h">Server config</h2>
  <div class="ds-grid">
    <div class="ds-in">
      <div class="field">
        <label for="ds-server-text">local.json, or Docker env / compose lines</label>
        <p class="hint" id="ds-server-hint"><code>/etc/onlyoffice/documentserver/local.json</code>, or the
          <code>JWT_ENABLED</code>, <code>JWT_SECRET</code>, <code>JWT_HEADER</code> lines of an env or compose file.
          Merged over the shipped <code>default.json</code> as the server merges it.</p>
        <textarea id="ds-server-text" class="mono" rows="14" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="ds-server-hint"></textarea>
      </div>
      <button type="button" id="ds-server-use" aria-pressed="false" disabled>Use this server config</button>
      <p class="hint" id="ds-server-use-note">The editor config and request checks then take its inbox secret (outbox
        for callbacks), header, prefix and clock tolerance, unless you type a secret there.</p>
    </div>
    <div class="ds-out" data-parts="verdict settings findings"></div>
  </div>
</section>

<section class="panel ds" id="ds-request" aria-labelledby="ds-request-h">
  <h2 id="ds-request-h">Request or callback</h2>
  <p class="unavailable" data-unavailable hidden>Checking requests is not
    available in this build (its checks are not in the loaded wasm module).</p>
  <div class="ds-grid">
    <div class="ds-in">
      <div class="field">
        <label for="ds-request-kind">Kind</label>
        <select id="ds-request-kind">
          <option value="callback" selected>callback (Document Server → your callbackUrl)</option>
          <option value="command">command (→ CommandService)</option>
          <option value="converter">converter (→ ConvertService)</option>
          <option value="docbuilder">docbuilder (→ DocBuilder)</option>
        </select>
      </div>
      <div class="field" id="ds-request-connector-field">
        <label for="ds-request-connector">Receiving connector</label>
        <select id="ds-request-connector" aria-describedby="ds-request-connector-hint">
          <option value="" selected>every connector (who accepts it, who not)</option>
        </select>
        <label for="ds-request-leeway">Its leeway, seconds (empty: its default)</label>
        <input id="ds-request-leeway" type="number" min="0" step="1" inputmode="numeric" autocomplete="off">
        <p class="hint" id="ds-request-connector-hint">Each connector verifies the callback with its own JWT library:
          php-jwt (Nextcloud, ownCloud, Moodle) refuses a token issued ahead of its clock, most take HS256 only.
          Nextcloud's leeway is <code>jwt_leeway</code> in <code>config.php</code>.</p>
      </div>
      <div class="field">
        <label for="ds-request-text">HTTP request, or its body</label>
        <p class="hint" id="ds-request-hint">The raw request (request line, headers, a blank line, the body), or the
          JSON body alone with its headers in the box below.</p>
        <textarea id="ds-request-text" class="mono" rows="12" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="ds-request-hint"></textarea>
      </div>
      <div class="field">
        <label for="ds-request-headers">Headers (with a body alone)</label>
        <textarea id="ds-request-headers" class="mono" rows="3" spellcheck="false" autocomplete="off" autocapitalize="off"
          placeholder="Authorization: Bearer eyJ…"></textarea>
      </div>
      <div class="field">
        <label for="ds-request-secret">Request secret</label>
        <input id="ds-request-secret" type="text" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="ds-request-secret-hint">
        <p class="hint" id="ds-request-secret-hint"><code>secret.outbox</code> signs callbacks, <code>secret.inbox</code>
          the requests to Document Server (both are <code>JWT_SECRET</code> in Docker).</p>
      </div>
      <p class="using" data-using hidden></p>
    </div>
    <div class="ds-out" data-parts="verdict forensics tokens connectors findings">
      <div id="ds-request-body" hidden>
        <h3 id="ds-request-body-h">Effective body</h3>
        <pre class="json" tabindex="0" role="region" aria-labelledby="ds-request-body-h"></pre>
      </div>
    </div>
  </div>
</section>

<section class="panel ds" id="ds-connector" aria-labelledby="ds-connector-h">
  <h2 id="ds-connector-h">Connector settings</h2>
  <p class="unavailable" data-unavailable hidden>Reading connector settings
    (<code>kit.onlyoffice.readConnectorSettings</code>) is not available in this build.</p>
  <div class="ds-grid">
    <div class="ds-in">
      <div class="field">
        <label for="ds-connector-text">What the connector shows</label>
        <p class="hint" id="ds-connector-hint">Nextcloud's or ownCloud's <code>config.php</code> (its
          <code>'onlyoffice' =&gt; [...]</code> section), the output of
          <code>occ config:app:get onlyoffice jwt_secret</code> with the command line, or of
          <code>occ config:list onlyoffice</code>, the Moodle plugin settings
          (<code>admin/cli/cfg.php --component=onlyofficeeditor</code>), or the Mattermost plugin's entry of
          <code>config.json</code>. Secrets stay in this page.</p>
        <textarea id="ds-connector-text" class="mono" rows="10" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="ds-connector-hint"></textarea>
      </div>
      <p class="using" data-using hidden></p>
    </div>
    <div class="ds-out" data-parts="verdict settings secrets findings"></div>
  </div>
</section>
`;

/** The Deployment mode: download links, nginx, certificates. */
export const DEPLOY_MODE = `
<p class="mode-intro">The other signed things a deployment depends on: the secure links nginx checks before a
  download, its configuration, and the TLS certificate. When these are wrong users see “Download failed”, 403 or 410
  on <code>/cache/files/…</code>, or a connector that cannot reach the server.</p>
<section class="panel ds" id="dp-url" aria-labelledby="dp-url-h">
  <h2 id="dp-url-h">Download link</h2>
  <p class="unavailable" data-unavailable hidden>Checking download links
    is not available in this build (its checks are not in the loaded wasm module).</p>
  <div class="ds-grid">
    <div class="ds-in">
      <div class="field">
        <label for="dp-url-text">Download URL</label>
        <p class="hint" id="dp-url-hint"><code>…/cache/files/…?md5=…&amp;expires=…&amp;filename=…</code> as Document
          Server hands it out.</p>
        <textarea id="dp-url-text" class="mono" rows="4" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="dp-url-hint"></textarea>
      </div>
      <div class="field">
        <label for="dp-url-secret">Secure link secret</label>
        <input id="dp-url-secret" type="text" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="dp-url-secret-hint">
        <p class="hint" id="dp-url-secret-hint"><code>set $secure_link_secret …;</code> in nginx's <code>ds.conf</code>,
          the same as <code>storage.fs.secretString</code> in <code>local.json</code>.</p>
      </div>
    </div>
    <div class="ds-out" data-parts="verdict facts findings"></div>
  </div>
</section>

<section class="panel ds" id="dp-nginx" aria-labelledby="dp-nginx-h">
  <h2 id="dp-nginx-h">nginx config</h2>
  <p class="unavailable" data-unavailable hidden>Reading nginx configuration
    is not available in this build (its checks are not in the loaded wasm module).</p>
  <div class="ds-grid">
    <div class="ds-in">
      <div class="field">
        <label for="dp-nginx-text">nginx file or snippet</label>
        <p class="hint" id="dp-nginx-hint"><code>ds.conf</code> and the <code>includes/ds-*.conf</code> files, or the
          server block of your reverse proxy.</p>
        <textarea id="dp-nginx-text" class="mono" rows="12" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="dp-nginx-hint"></textarea>
      </div>
      <button type="button" id="dp-nginx-use" disabled>Check download links with this secret</button>
    </div>
    <div class="ds-out" data-parts="verdict settings findings"></div>
  </div>
</section>

<section class="panel ds" id="dp-cert" aria-labelledby="dp-cert-h">
  <h2 id="dp-cert-h">Certificate</h2>
  <p class="unavailable" data-unavailable hidden>Reading certificates is not
    available in this build (its checks are not in the loaded wasm module).</p>
  <div class="ds-grid">
    <div class="ds-in">
      <div class="field">
        <label for="dp-cert-text">Certificate (PEM)</label>
        <textarea id="dp-cert-text" class="mono" rows="10" spellcheck="false" autocomplete="off" autocapitalize="off"
          placeholder="-----BEGIN CERTIFICATE-----"></textarea>
      </div>
      <div class="field">
        <label for="dp-cert-key">Private key (PEM, optional)</label>
        <p class="hint" id="dp-cert-key-hint">Only to check that it belongs to the certificate; it stays in this page.</p>
        <textarea id="dp-cert-key" class="mono" rows="4" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="dp-cert-key-hint"></textarea>
      </div>
      <div class="field">
        <label for="dp-cert-host">Host name or IP address</label>
        <input id="dp-cert-host" type="text" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-describedby="dp-cert-host-hint" placeholder="docs.example.com" translate="no">
        <p class="hint" id="dp-cert-host-hint">The name or address your integration (Nextcloud, …) uses to reach
          Document Server.</p>
      </div>
    </div>
    <div class="ds-out" data-parts="verdict facts findings"></div>
  </div>
</section>
`;

/** The panels' rules, after style.css's (whose custom properties they use). */
export const MODES_CSS = `
.panel.ds + .panel.ds { margin-top: 1rem; }

.ds-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
@media (min-width: 64rem) {
  .ds-grid { grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); }
}
.ds-in > .field + .field, .ds-in > .field + p, .ds-in > .field + button, .ds-in > p + fieldset, .ds-in > .sign { margin-top: 0.6rem; }
.ds-in > button { margin-top: 0.6rem; }
.using { margin: 0.6rem 0 0; padding: 0.45rem 0.6rem; border-radius: 6px; background: var(--neutral-bg); font-size: 0.9rem; overflow-wrap: anywhere; }
.using button { margin-left: 0.35rem; }
.unavailable { margin: 0 0 0.75rem; padding: 0.45rem 0.6rem; border-left: 4px solid var(--warn); background: var(--warn-bg); border-radius: 4px; }

/* The verdict line of a panel. */
.ds-verdict { padding: 0.65rem 0.9rem; border-radius: 8px; border: 2px solid var(--border); background: var(--neutral-bg); overflow-wrap: anywhere; }
.ds-verdict[data-state="ok"] { border-color: var(--ok); background: var(--ok-bg); }
.ds-verdict[data-state="bad"], .ds-verdict[data-state="error"] { border-color: var(--bad); background: var(--bad-bg); }
.ds-verdict[data-state="unavailable"] { border-style: dashed; }
.ds-verdict[data-state="ok"] .mark { color: var(--ok); }
.ds-verdict[data-state="bad"] .mark, .ds-verdict[data-state="error"] .mark { color: var(--bad); }
.ds-verdict .mark { font-weight: 700; }
.verdict-facts { margin: 0.4rem 0 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
.chip { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; border: 1px solid var(--border); background: var(--panel); font-size: 0.85rem; }
.chip-k { color: var(--muted); }

/* Secret forensics: prominent. */
.forensics { margin-top: 0.75rem; padding: 0.6rem 0.9rem; border: 2px solid var(--warn); border-radius: 8px; background: var(--warn-bg); overflow-wrap: anywhere; }
.forensics[hidden], .field[hidden] { display: none; }
.forensics h3 { margin: 0 0 0.3rem; }
.forensics p { margin: 0.2rem 0 0; }
.forensics .forensics-msg { font-weight: 600; }

/* The findings list: the product. */
.findings-h { margin: 1rem 0 0.4rem; }
.findings-none { margin: 0.75rem 0 0; color: var(--ok); font-weight: 600; }
.finding-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
.finding { padding: 0.45rem 0.7rem; border: 1px solid var(--border); border-left: 5px solid var(--muted); border-radius: 6px; background: var(--panel); overflow-wrap: anywhere; }
.finding.sev-error { border-left-color: var(--bad); }
.finding.sev-warning { border-left-color: var(--warn); }
.finding p { margin: 0; }
.finding p + p { margin-top: 0.2rem; }
.f-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.3rem; }
.sev { font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; padding: 0 0.4rem; border-radius: 4px; background: var(--neutral-bg); }
.sev-error .sev { color: var(--bad); background: var(--bad-bg); }
.sev-warning .sev { color: var(--warn); background: var(--warn-bg); }
.f-code { font-weight: 700; }
.f-where { color: var(--muted); font-size: 0.85rem; }
.f-fix { font-size: 0.9rem; }
.f-label { font-weight: 700; }
.f-extra { font-size: 0.9rem; color: var(--muted); }

/* Facts and settings. */
.facts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.1rem 1rem; margin: 0.5rem 0 0; font-size: 0.9rem; }
@media (min-width: 40rem) {
  .facts { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
}
.facts dt { color: var(--muted); }
.facts dd { margin: 0 0 0.35rem; overflow-wrap: anywhere; }
.secret-value button.reveal { min-height: 1.8rem; padding: 0.1rem 0.6rem; font-size: 0.8rem; }
.when .rel.ok { color: var(--ok); font-weight: 600; }
.when .rel.bad { color: var(--bad); font-weight: 600; }
.when .local { color: var(--muted); }
mark.from-token { background: var(--mark-bg); color: var(--mark-fg); border-radius: 2px; }
mark.from-token > span { color: inherit; }
`;
