using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class StaticRuleCatalogJavaScriptTests
{
    [Theory]
    [InlineData("const cp = require('child_process');\ncp.execSync('ls');", "js.process.child-process")]
    [InlineData("const { execSync: run } = require('node:child_process');\nrun('ls');", "js.process.child-process")]
    [InlineData("import { spawn } from 'child_process';\nspawn('sh');", "js.process.child-process")]
    [InlineData("const m = 'child_' + 'process';\nrequire(m);", "js.process.child-process")]
    [InlineData("const http = require('http');\nhttp.get('x');", "js.network.clients")]
    [InlineData("await fetch('https://evil.example');", "js.network.clients")]
    [InlineData("const ws = new WebSocket('ws://x');", "js.network.clients")]
    [InlineData("process.exit(0); process.abort();", "js.exit.hard")]
    [InlineData("const key = process.env.OPENAI_API_KEY;", "js.env.read")]
    [InlineData("const key = process['env']['HOME'];", "js.env.read")]
    [InlineData("const { env } = process;\nconst k = env.TOKEN;", "js.env.read")]
    [InlineData("const p = globalThis.process;\nconst k = p.env.X;", "js.env.read")]
    [InlineData("eval('1+1');", "js.dynamic.eval")]
    [InlineData("globalThis['ev' + 'al']('1');", "js.dynamic.eval")]
    [InlineData("window[\"\\u0065val\"]('x');", "js.dynamic.eval")]
    [InlineData("const e = eval; e('x');", "js.dynamic.eval")]
    [InlineData("(0, eval)('x');", "js.dynamic.eval")]
    [InlineData("new Function('return process')();", "js.dynamic.eval")]
    [InlineData("[].constructor.constructor('return process')();", "js.dynamic.constructor")]
    [InlineData("const f = ({})['constr' + 'uctor']['constructor'];", "js.dynamic.constructor")]
    [InlineData("setTimeout('steal()', 0);", "js.dynamic.eval")]
    [InlineData("const m = await import('./' + name);", "js.dynamic.eval")]
    [InlineData("const g = globalThis[key];", "js.indirection.global-object")]
    [InlineData("const n = String.fromCharCode(101, 118, 97, 108);", "js.indirection.dangerous-name")]
    [InlineData("const n = atob('ZXZhbA==');", "js.indirection.dangerous-name")]
    [InlineData("const n = ['e','v','a','l'].join('');", "js.indirection.dangerous-name")]
    [InlineData("const n = `${'ev'}${'al'}`;", "js.indirection.dangerous-name")]
    [InlineData("Date.now = () => 0;", "js.timer.assign")]
    [InlineData("performance.now = () => 0;", "js.timer.assign")]
    [InlineData("globalThis.Date = FakeDate;", "js.timer.assign")]
    [InlineData("Math.random = () => 0.5;", "js.patch.builtin-attribute")]
    [InlineData("Array.prototype.includes = () => true;", "js.patch.prototype")]
    [InlineData("const r = { valueOf() { return 1e9; } };", "js.equality.primitive")]
    [InlineData("const r = { [Symbol.toPrimitive]() { return 1; } };", "js.equality.primitive")]
    [InlineData("const r = new Proxy({}, { get: () => true });", "js.equality.primitive")]
    [InlineData("process.on('exit', () => console.log('PASS'));", "js.hook.process-events")]
    [InlineData("const s = new Error().stack;", "js.introspect.stack")]
    [InlineData("const c = arguments.callee.caller;", "js.introspect.stack")]
    [InlineData("const m = require.main;", "js.introspect.modules")]
    [InlineData("const v = require('vm');", "js.introspect.modules")]
    [InlineData("const fs = require('fs');\nfs.readFileSync('/etc/passwd');", "any.path.system-dir")]
    [InlineData("const os = require('os');\nconst h = os.homedir();", "js.file.home")]
    public void Scan_WhenJavaScriptCandidateUsesCapability_ReportsRule(string code, string ruleId)
    {
        var findings = RuleScan.New(code, "solver.js");

        Assert.True(findings.Ids().Contains(ruleId), $"expected {ruleId}; found:\n{findings.Describe()}");
        Assert.True(findings.Rejects(), $"expected a rejection; found:\n{findings.Describe()}");
    }

    [Theory]
    [InlineData("const seed = Number(process.env.RATCHET_SEED ?? 0);")]
    [InlineData("const seed = Number(process.env['RATCHET_SEED']);")]
    [InlineData("class Solver { constructor(n) { this.n = n; } }")]
    [InlineData("// eval('x') is not allowed\nconst y = 2;")]
    [InlineData("const r = /\\.\\.\\//g; const ok = r.test(s);")]
    [InlineData("const t0 = performance.now(); const dt = performance.now() - t0;")]
    [InlineData("module.exports = { solve };")]
    [InlineData("const best = items.filter(x => x.score > 0).map(x => x.score * 2);")]
    [InlineData("const net = buildNetwork(4); net.train(data);")]
    public void Scan_WhenJavaScriptCodeIsHonest_ReportsNothing(string code)
    {
        var findings = RuleScan.New(code, "solver.ts");

        Assert.True(findings.Count == 0, $"expected nothing; found:\n{findings.Describe()}");
    }
}
