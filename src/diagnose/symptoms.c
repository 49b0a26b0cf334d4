/*
 * The symptom table (oojwt_symptom_at): each message a user meets when
 * tokens fail, in the product's own words, quoted as data with its
 * source. The versions read:
 *
 *   ONLYOFFICE/web-apps  apps/documenteditor/main/locale/en.json at
 *                        b78d3cf509ea, zh.json at 09fbdf0909a0 (the
 *                        editor's dialogs; web-apps Main.js onError
 *                        shows them for the errors of ONLYOFFICE/sdkjs
 *                        common/errorCodes.js c_oAscError.ID:
 *                        VKeyEncrypt -20, KeyExpire -21, AccessDeny -23,
 *                        DownloadError -4, SessionToken -122); the
 *                        spreadsheet and presentation editors' zh.json
 *                        (SSE. and PE.Controllers.Main) write errorTokenExpire
 *                        with no full stop before <br> and end
 *                        errorAccessDeny with a full-width one: the table
 *                        quotes the document editor's, and symptom_match.c
 *                        recognises all three
 *   ONLYOFFICE/onlyoffice-nextcloud  9d5157cb55d1: lib/DocumentService.php
 *                        (processCommandServResponceError,
 *                        checkDocServiceUrl), src/settings.js,
 *                        lib/Controller/CallbackController.php,
 *                        l10n/zh_CN.json
 *   ONLYOFFICE/onlyoffice-owncloud   91820ebe8ae2: lib/documentservice.php,
 *                        js/settings.js, l10n/zh_CN.json
 *   ONLYOFFICE/moodle-mod_onlyofficeeditor  2883dda9508f:
 *                        classes/local/docs/docs_settings_validator.php,
 *                        lang/en and lang/zh_cn onlyofficeeditor.php
 *   ONLYOFFICE/server    4e56b8d05664: DocService/sources/DocsCoServer.js
 *                        (checkJwt, fillDataFromJwt, auth),
 *                        Common/sources/utils.js (downloadUrlPromise),
 *                        FileConverter/sources/converter.js (downloadFile)
 *
 * The connectors translate with gettext-style keys (the English text is
 * the key); a text they build from a translated part and a literal one
 * ("...: Invalid token") is quoted as built, and its source says which
 * part is translated. Document Server writes its log in English only.
 */
#include <stddef.h>
#include "inner.h"
#include "diagnose.h"

#define WA_EN "ONLYOFFICE/web-apps apps/documenteditor/main/locale/en.json "
#define WA_ZH "ONLYOFFICE/web-apps apps/documenteditor/main/locale/zh.json "
#define NC "ONLYOFFICE/onlyoffice-nextcloud "
#define OC "ONLYOFFICE/onlyoffice-owncloud "
#define MD "ONLYOFFICE/moodle-mod_onlyofficeeditor "
#define DS "ONLYOFFICE/server "

/* Where to get what is pasted: the commands people run. */
#define DS_LOCAL_JSON "docker exec <container> cat " \
	"/etc/onlyoffice/documentserver/local.json (without Docker: that file " \
	"on the Document Server host)"
#define DS_INBOX "docker exec <container> " \
	"/var/www/onlyoffice/documentserver/npm/json -f " \
	"/etc/onlyoffice/documentserver/local.json " \
	"services.CoAuthoring.secret.inbox.string"
#define DS_DOCSERVICE_LOG "docker exec <container> grep -E " \
	"'checkJwt|fillDataFromJwt|auth missing' " \
	"/var/log/onlyoffice/documentserver/docservice/out.log"
#define DS_CONVERTER_LOG "docker exec <container> grep -A3 " \
	"'error downloadFile' /var/log/onlyoffice/documentserver/converter/out.log"
#define EDITOR_CONFIG "the editor page's source (Ctrl+U in the browser): the " \
	"object passed to new DocsAPI.DocEditor, with its token"
#define OCC_SECRET "sudo -u www-data php occ config:app:get onlyoffice " \
	"jwt_secret (in the server's folder), or Administration settings > " \
	"ONLYOFFICE > Secret key"

static const oojwt_symptom SYMPTOMS[] = {
	{ "editor_token_invalid", "ONLYOFFICE editor",
		"The document security token is not correctly formed.<br>Please "
		"contact your Document Server administrator.",
		"文档安全令牌的格式不正确<br>请与您的文档服务器管理员联系。",
		WA_EN "DE.Controllers.Main.errorToken",
		WA_ZH "DE.Controllers.Main.errorToken",
		"The editor's error -20: Document Server refused the token of the "
		"editor config and closed the connection (4006). The token does not "
		"verify with the secret Document Server checks configs with "
		"(secret.inbox since 7.2), lacks a field Document Server requires, or "
		"is missing while tokens are on.",
		3, { { "The editor config", EDITOR_CONFIG },
			{ "Document Server's local.json", DS_LOCAL_JSON },
			{ "The checkJwt line of Document Server's log", DS_DOCSERVICE_LOG } },
		OOJWT_DIAG_EDITOR_ERROR, -20, 0 },
	{ "editor_token_expired", "ONLYOFFICE editor",
		"The document security token has expired.<br>Please contact your "
		"Document Server administrator.",
		"文档安全令牌已过期。<br>请与您的文档服务器管理员联系。",
		WA_EN "DE.Controllers.Main.errorTokenExpire",
		WA_ZH "DE.Controllers.Main.errorTokenExpire",
		"The editor's error -21: the config token's exp was past when "
		"Document Server checked it (4005): the page was opened long after "
		"the token was made, or the two servers' clocks differ.",
		2, { { "The editor config", EDITOR_CONFIG },
			{ "The time on both servers", "date -u on the integration's host, "
				"and docker exec <container> date -u" } },
		OOJWT_DIAG_EDITOR_ERROR, -21, 0 },
	{ "editor_access_denied", "ONLYOFFICE editor",
		"You are trying to perform an action you do not have rights for.<br>"
		"Please contact your Document Server administrator.",
		"您正在尝试执行您没有权限的操作。<br>请联系您的文档服务器管理员.",
		WA_EN "DE.Controllers.Main.errorAccessDeny",
		WA_ZH "DE.Controllers.Main.errorAccessDeny",
		"The editor's error -23: Document Server refused the config (4004): "
		"the permissions in its token differ from the page's, or the token "
		"wraps the config in a payload or has a top-level url or key.",
		2, { { "The editor config", EDITOR_CONFIG },
			{ "The fillDataFromJwt lines of Document Server's log",
				DS_DOCSERVICE_LOG } },
		OOJWT_DIAG_EDITOR_ERROR, -23, 0 },
	{ "editor_download_failed", "ONLYOFFICE editor",
		"Download failed.", "下载失败",
		WA_EN "DE.Controllers.Main.downloadErrorText",
		WA_ZH "DE.Controllers.Main.downloadErrorText",
		"The editor's error -4: Document Server could not fetch the document "
		"from document.url. The storage refused it (403: the token Document "
		"Server sent, signed with secret.outbox, does not verify with the "
		"connector's secret), or the address or its certificate is not "
		"reachable or trusted from Document Server.",
		3, { { "The error downloadFile lines of Document Server's converter log",
				DS_CONVERTER_LOG },
			{ "Document Server's local.json", DS_LOCAL_JSON },
			{ "The connector's secret", OCC_SECRET } },
		OOJWT_DIAG_EDITOR_ERROR, -4, 0 },
	{ "editor_key_descriptor_unknown", "ONLYOFFICE editor",
		"Unknown key descriptor", "未知密钥描述符",
		WA_EN "DE.Controllers.Main.errorKeyEncrypt",
		WA_ZH "DE.Controllers.Main.errorKeyEncrypt",
		"An older wording of the editor's key errors: read as -20, Document "
		"Server refused the config's token (wrong secret, missing field or no "
		"token).",
		2, { { "The editor config", EDITOR_CONFIG },
			{ "Document Server's local.json", DS_LOCAL_JSON } },
		OOJWT_DIAG_EDITOR_ERROR, -20, 0 },
	{ "editor_key_descriptor_expired", "ONLYOFFICE editor",
		"Key descriptor expired", "密钥描述符已过期",
		WA_EN "DE.Controllers.Main.errorKeyExpire",
		WA_ZH "DE.Controllers.Main.errorKeyExpire",
		"An older wording of the editor's key errors: read as -21, the "
		"config token had expired when Document Server checked it.",
		2, { { "The editor config", EDITOR_CONFIG },
			{ "The time on both servers", "date -u on the integration's host, "
				"and docker exec <container> date -u" } },
		OOJWT_DIAG_EDITOR_ERROR, -21, 0 },
	{ "editor_session_token", "ONLYOFFICE editor",
		"The connection to the server has been interrupted. Please reload the "
		"page.",
		"与服务器的连接已中断。请重新加载页面。",
		WA_EN "DE.Controllers.Main.errorSessionToken",
		WA_ZH "DE.Controllers.Main.errorSessionToken",
		"The editor's error -122: Document Server refused the session token "
		"the editor reconnects with (signed with secret.session): the session "
		"has expired, or secret.session changed or differs between Document "
		"Server's instances.",
		2, { { "The checkJwt lines of Document Server's log", DS_DOCSERVICE_LOG },
			{ "Document Server's local.json", DS_LOCAL_JSON } },
		OOJWT_DIAG_EDITOR_ERROR, -122, 0 },
	{ "nextcloud_invalid_token", "Nextcloud",
		"Error occurred in the document service: Invalid token",
		"文档服务内部发生异常: Invalid token",
		NC "lib/DocumentService.php processCommandServResponceError, error 6 "
			"(\"Error occurred in the document service\" + \": Invalid token\")",
		NC "l10n/zh_CN.json \"Error occurred in the document service\" "
			"(\": Invalid token\" is not translated)",
		"Document Server's command service answered error 6 to the version "
		"command the ONLYOFFICE app sent: the token the app signed with its "
		"secret does not verify with Document Server's secret.inbox (another "
		"secret, a trailing newline or space), or it went in another header.",
		3, { { "Nextcloud's secret", OCC_SECRET },
			{ "Document Server's secret.inbox", DS_INBOX },
			{ "The checkJwt line of Document Server's log", DS_DOCSERVICE_LOG } },
		OOJWT_DIAG_CONNECTOR_ERROR, 6, OOJWT_CONNECTOR_NEXTCLOUD },
	{ "nextcloud_connect_error", "Nextcloud",
		"Error when trying to connect", "连接时发生异常",
		NC "src/settings.js \"Error when trying to connect\"",
		NC "l10n/zh_CN.json \"Error when trying to connect\"",
		"The check of the ONLYOFFICE settings page failed; the text in "
		"parentheses after it names the step: healthcheck, the command "
		"service (tokens), the conversion, or the download of the converted "
		"file (address, certificate).",
		2, { { "The whole message, with its parentheses", "the toast of "
				"Administration settings > ONLYOFFICE after Save" },
			{ "The onlyoffice lines of Nextcloud's log", "Administration "
				"settings > Logging, or grep onlyoffice data/nextcloud.log" } },
		OOJWT_DIAG_CONNECTOR_ERROR, 0, OOJWT_CONNECTOR_NEXTCLOUD },
	{ "nextcloud_access_denied", "Nextcloud",
		"Access denied", "禁止访问",
		NC "lib/Controller/CallbackController.php download / track "
			"(HTTP 403, {\"message\": \"Access denied\"})",
		NC "l10n/zh_CN.json \"Access denied\"",
		"The ONLYOFFICE app refused Document Server's request with 403: the "
		"request had no token, or its token (signed with secret.outbox) does "
		"not verify with the app's secret, or the link's hash was not the "
		"app's.",
		3, { { "The error downloadFile lines of Document Server's converter log",
				DS_CONVERTER_LOG },
			{ "Nextcloud's secret", OCC_SECRET },
			{ "Document Server's local.json", DS_LOCAL_JSON } },
		OOJWT_DIAG_CONNECTOR_ERROR, 403, OOJWT_CONNECTOR_NEXTCLOUD },
	{ "owncloud_invalid_token", "ownCloud",
		"Error occurred in the document service: Invalid token",
		"文档服务内部发生异常: Invalid token",
		OC "lib/documentservice.php processCommandServResponceError, error 6 "
			"(\"Error occurred in the document service\" + \": Invalid token\")",
		OC "l10n/zh_CN.json \"Error occurred in the document service\" "
			"(\": Invalid token\" is not translated)",
		"Document Server's command service answered error 6: the token the "
		"ONLYOFFICE app signed with its secret does not verify with Document "
		"Server's secret.inbox.",
		2, { { "ownCloud's secret", OCC_SECRET },
			{ "Document Server's secret.inbox", DS_INBOX } },
		OOJWT_DIAG_CONNECTOR_ERROR, 6, OOJWT_CONNECTOR_OWNCLOUD },
	{ "owncloud_connect_error", "ownCloud",
		"Error when trying to connect", "连接时发生异常",
		OC "js/settings.js \"Error when trying to connect\"",
		OC "l10n/zh_CN.json \"Error when trying to connect\"",
		"The check of the ONLYOFFICE settings page failed; the text in "
		"parentheses names the step (healthcheck, command service, "
		"conversion).",
		2, { { "The whole message, with its parentheses", "the message of "
				"Settings > Admin > ONLYOFFICE after Save" },
			{ "The onlyoffice lines of ownCloud's log", "Settings > Admin > "
				"General > Log, or grep onlyoffice data/owncloud.log" } },
		OOJWT_DIAG_CONNECTOR_ERROR, 0, OOJWT_CONNECTOR_OWNCLOUD },
	{ "moodle_incorrect_secret", "Moodle",
		"Unable to connect to ONLYOFFICE Docs. Please check if the Secret key "
		"is correct.",
		"无法连接到 ONLYOFFICE 文档。请检查密钥是否正确。",
		MD "lang/en/onlyofficeeditor.php validationerror:incorrectsecret",
		MD "lang/zh_cn/onlyofficeeditor.php validationerror:incorrectsecret",
		"Document Server's command service answered error 6 to the version "
		"command the plugin signed with its secret: it does not verify with "
		"Document Server's secret.inbox.",
		2, { { "Moodle's secret", "Site administration > Plugins > Activity "
				"modules > ONLYOFFICE > Document Server secret" },
			{ "Document Server's secret.inbox", DS_INBOX } },
		OOJWT_DIAG_CONNECTOR_ERROR, 6, OOJWT_CONNECTOR_MOODLE },
	{ "moodle_incorrect_jwt_header", "Moodle",
		"Unable to connect to ONLYOFFICE Docs. Please check if the "
		"Authorization header is correct.",
		"无法连接到 ONLYOFFICE 文档。请检查 Authorization 请求头是否正确。",
		MD "lang/en/onlyofficeeditor.php validationerror:incorrectjwtheader",
		MD "lang/zh_cn/onlyofficeeditor.php validationerror:incorrectjwtheader",
		"Document Server's conversion service answered -8 (invalid token) to "
		"the plugin's test conversion: the token went in a header Document "
		"Server does not read (services.CoAuthoring.token.inbox.header), or "
		"does not verify with its secret.",
		2, { { "Moodle's ONLYOFFICE settings", "Site administration > Plugins "
				"> Activity modules > ONLYOFFICE: the header and the secret" },
			{ "Document Server's local.json", DS_LOCAL_JSON } },
		OOJWT_DIAG_CONNECTOR_ERROR, -8, OOJWT_CONNECTOR_MOODLE },
	{ "ds_checkjwt_error", "Document Server",
		"checkJwt error: name = %s message = %s token = %s", NULL,
		DS "DocService/sources/DocsCoServer.js checkJwt (ctx.logger.warn)", NULL,
		"Document Server's jsonwebtoken check refused a token; name and "
		"message say why (invalid signature: another secret; jwt expired; "
		"jwt malformed), and the line holds the token itself.",
		2, { { "The whole log line, with token = ...", DS_DOCSERVICE_LOG },
			{ "Document Server's local.json", DS_LOCAL_JSON } },
		OOJWT_DIAG_DS_LOG, 0, 0 },
	{ "ds_auth_missing_parameter", "Document Server",
		"auth missing required parameter %s (since 7.1 version)", NULL,
		DS "DocService/sources/DocsCoServer.js auth (ctx.logger.error)", NULL,
		"Since 7.1 Document Server requires the config token to hold the "
		"config's fields (document.key, document.url, ...); the one named is "
		"not in it, so the editor shows -20.",
		2, { { "The whole log line", DS_DOCSERVICE_LOG },
			{ "The editor config", EDITOR_CONFIG } },
		OOJWT_DIAG_DS_LOG, 1, 0 },
	{ "ds_token_modified_permissions", "Document Server",
		"fillDataFromJwt token has modified permissions", NULL,
		DS "DocService/sources/DocsCoServer.js fillDataFromJwt (ctx.logger.warn)",
		NULL,
		"The permissions of the config differ from those in its token; "
		"Document Server refuses the config (4004, the editor's -23).",
		1, { { "The editor config", EDITOR_CONFIG } },
		OOJWT_DIAG_DS_LOG, 2, 0 },
	{ "ds_token_invalid_format", "Document Server",
		"fillDataFromJwt token has invalid format", NULL,
		DS "DocService/sources/DocsCoServer.js fillDataFromJwt (ctx.logger.warn)",
		NULL,
		"The config token's payload has a top-level url, key or payload "
		"member; Document Server refuses it (4004, the editor's -23).",
		1, { { "The editor config", EDITOR_CONFIG } },
		OOJWT_DIAG_DS_LOG, 3, 0 },
	{ "ds_download_error_response", "Document Server",
		"Error response: statusCode:${status}; headers:${JSON.stringify("
		"headers)}; body:\\r\\n${data}", NULL,
		DS "Common/sources/utils.js downloadUrlPromise", NULL,
		"Document Server asked the storage (document.url) for the file and got "
		"an error status: 403 is the connector refusing Document Server's "
		"token (secret.outbox against the connector's secret) or an expired "
		"link; 404 a wrong address.",
		3, { { "The whole log line, with its status and body",
				DS_CONVERTER_LOG },
			{ "Document Server's local.json", DS_LOCAL_JSON },
			{ "The connector's secret", OCC_SECRET } },
		OOJWT_DIAG_DS_LOG, 5, 0 },
	{ "ds_converter_download_error", "Document Server",
		"error downloadFile:url=%s;attempt=%d;code:%s;connect:%s %s", NULL,
		DS "FileConverter/sources/converter.js downloadFile", NULL,
		"Document Server's converter could not fetch the document: code says "
		"why (a certificate it does not trust, DEPTH_ZERO_SELF_SIGNED_CERT or "
		"UNABLE_TO_VERIFY_LEAF_SIGNATURE; a refused connection; an error status "
		"from the storage).",
		2, { { "The whole log line and the stack after it", DS_CONVERTER_LOG },
			{ "Document Server's local.json", DS_LOCAL_JSON } },
		OOJWT_DIAG_DS_LOG, 6, 0 },
};

size_t
oojwt_symptom_count(void)
{
	return sizeof SYMPTOMS / sizeof *SYMPTOMS;
}

const oojwt_symptom *
oojwt_symptom_at(size_t i)
{
	return i < oojwt_symptom_count() ? &SYMPTOMS[i] : NULL;
}
