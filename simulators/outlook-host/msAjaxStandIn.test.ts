import path from 'node:path';
import vm from 'node:vm';
import { buildMsAjaxStandIn, readMsAjaxStandIn } from './msAjaxStandIn';

const DIST = path.resolve(__dirname, '../../node_modules/@microsoft/office-js/dist');

describe('the MicrosoftAjax stand-in', () => {
  test("is cut from the installed office-js and passes office.js's own check that MicrosoftAjax is loaded", () => {
    const script = readMsAjaxStandIn(DIST);
    const sandbox: Record<string, unknown> = {};
    sandbox.window = sandbox;
    const context = vm.createContext(sandbox);
    vm.runInContext(script, context);
    // The same checks as outlook-web-16.01.js's MicrosoftAjaxFactory.isMsAjaxLoaded(), run by its own factory.
    expect(vm.runInContext('OsfMsAjaxFactory.isMsAjaxLoaded()', context)).toBe(true);
    expect(vm.runInContext("new Sys.StringBuilder('a').append('b').toString()", context)).toBe('ab');
    expect(vm.runInContext("Sys.Serialization.JavaScriptSerializer.serialize({a: [1]})", context)).toBe('{"a":[1]}');
    expect(vm.runInContext("Error.argumentNull('conversationId').message", context)).toMatch(/conversationId/);
    // Function._validateParams, as office.js's XDM code calls it, reports a missing argument.
    expect(vm.runInContext("String(Function._validateParams([null], [{ name: 'x', mayBeNull: false }]))", context)).toMatch(/ArgumentNullException/);
  });

  test('fails with a clear message when office-js no longer has the polyfill where it was', () => {
    expect(() => buildMsAjaxStandIn('var nothing;')).toThrow(/MicrosoftAjaxFactory not found .* has @microsoft\/office-js changed/);
  });
});
