// A stand-in for MicrosoftAjax.js, which outlook-web-16.01.js fetches from Microsoft's ajax CDN
// (https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js; npm has no copy, and offline Office.onReady
// never resolves). It is cut at run time from the MsAjax polyfill that @microsoft/office-js embeds in
// its own files (onenote-web-16.00.debug.js: the MicrosoftAjaxFactory and the MsAjaxTypeHelper ...
// OsfMsAjaxFactory.msAjaxDebug block), never copied into this repository and never edited into
// office.js, plus the few pieces office.js checks for that the polyfill lacks (Sys.StringBuilder,
// Sys.Serialization.JavaScriptSerializer, Sys.Debug, Error.argument* and String.format).
// Served by the demo server; end-to-end tests also fulfil the CDN's address with it.

import fs from 'node:fs';
import path from 'node:path';

/** Where outlook-web-16.01.js loads MicrosoftAjax.js from (MicrosoftAjaxFactory.loadMsAjaxFull, on an https page). */
export const MS_AJAX_CDN_URL = 'https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js';

/** The office-js file that carries the polyfill. */
export const POLYFILL_SOURCE = 'onenote-web-16.00.debug.js';

const FACTORY_START = 'var OfficeExt;\n(function (OfficeExt) {\n    var MicrosoftAjaxFactory';
const FACTORY_END = 'var OsfMsAjaxFactory = new OfficeExt.MicrosoftAjaxFactory();';
const POLYFILL_MARK = 'var MsAjaxTypeHelper = (function () {';
const BLOCK_START = '(function (OfficeExt) {';
const BLOCK_END = '})(OfficeExt || (OfficeExt = {}));';

// What office.js's isMsAjaxLoaded() asks for beyond the polyfill, written for this simulator.
const COMPLETION = `
(function () {
  var MsAjaxError = OfficeExt.MsAjaxError, MsAjaxString = OfficeExt.MsAjaxString, MsAjaxDebug = OfficeExt.MsAjaxDebug;
  ['create', 'parameterCount', 'argument', 'argumentNull', 'argumentOutOfRange', 'argumentType', 'argumentUndefined', 'invalidOperation'].forEach(function (name) {
    if (!Error[name]) Error[name] = MsAjaxError[name];
  });
  if (!String.format) String.format = MsAjaxString.format;
  if (!Sys.Debug) Sys.Debug = MsAjaxDebug;
  if (!Sys.StringBuilder) {
    Sys.StringBuilder = function StringBuilder(initialText) {
      this._parts = initialText ? [String(initialText)] : [];
    };
    Sys.StringBuilder.prototype = {
      append: function (text) { this._parts.push(String(text)); return this; },
      appendLine: function (text) { this._parts.push((text === undefined || text === null ? '' : String(text)) + '\\r\\n'); return this; },
      clear: function () { this._parts = []; },
      isEmpty: function () { return this._parts.join('') === ''; },
      toString: function (separator) { return this._parts.join(separator || ''); }
    };
  }
  Type.registerNamespace('Sys.Serialization');
  if (!Sys.Serialization.JavaScriptSerializer) {
    Sys.Serialization.JavaScriptSerializer = {
      serialize: function (value) { return JSON.stringify(value); },
      deserialize: function (text) { return JSON.parse(text); }
    };
  }
})();
`;

function slice(source: string, start: number, endMarker: string, what: string): string {
  const end = source.indexOf(endMarker, start);
  if (start < 0 || end < 0) throw new Error(`MicrosoftAjax stand-in: ${what} not found in ${POLYFILL_SOURCE}; has @microsoft/office-js changed?`);
  return source.slice(start, end + endMarker.length);
}

/** The stand-in script, from the text of onenote-web-16.00.debug.js. Throws when the markers moved. */
export function buildMsAjaxStandIn(text: string): string {
  const source = text.replace(/\r\n/g, '\n'); // the package's files have CRLF line ends
  const factory = slice(source, source.indexOf(FACTORY_START), FACTORY_END, 'MicrosoftAjaxFactory');
  const mark = source.indexOf(POLYFILL_MARK);
  const polyfill = slice(source, mark < 0 ? -1 : source.lastIndexOf(BLOCK_START, mark), BLOCK_END, 'the MsAjax polyfill');
  return [
    '// MicrosoftAjax stand-in for the Justera demo and tests (simulators/outlook-host/msAjaxStandIn.ts),',
    `// cut from @microsoft/office-js ${POLYFILL_SOURCE}. Not Microsoft's MicrosoftAjax.js.`,
    factory,
    polyfill,
    COMPLETION,
  ].join('\n');
}

/** The stand-in from the installed package (`dist` = node_modules/@microsoft/office-js/dist). */
export function readMsAjaxStandIn(dist: string): string {
  return buildMsAjaxStandIn(fs.readFileSync(path.join(dist, POLYFILL_SOURCE), 'utf8'));
}
