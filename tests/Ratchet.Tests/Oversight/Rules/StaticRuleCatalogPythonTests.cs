using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class StaticRuleCatalogPythonTests
{
    [Theory]
    // process spawning, plain and hidden
    [InlineData("import subprocess\nsubprocess.run(['ls'])", "py.process.subprocess")]
    [InlineData("import subprocess as sp\nsp.call('x')", "py.process.subprocess")]
    [InlineData("from subprocess import Popen as P\nP(['sh'])", "py.process.subprocess")]
    [InlineData("import os\nos.system('ls')", "py.process.os-spawn")]
    [InlineData("import os as o\no.system('ls')", "py.process.os-spawn")]
    [InlineData("from os import system as s\ns('ls')", "py.process.os-spawn")]
    [InlineData("from os import *\nsystem('ls')", "py.indirection.star-import")]
    [InlineData("import os\nrun = os.popen\nrun('ls')", "py.process.os-spawn")]
    [InlineData("import os\nos.execvp('sh', ['sh'])", "py.process.os-spawn")]
    [InlineData("import os\nos.posix_spawn('/bin/sh', [], {})", "py.process.os-spawn")]
    [InlineData("import pty\npty.spawn('/bin/sh')", "py.process.spawn-module")]
    [InlineData("import ctypes\nctypes.CDLL(None).system(b'ls')", "py.process.ctypes")]
    [InlineData("o = __import__('os')\no.system('ls')", "py.process.os-spawn")]
    [InlineData("import importlib\nm = importlib.import_module('subprocess')", "py.dynamic.import")]
    [InlineData("import importlib\nm = importlib.import_module('subprocess')\nm.run(['sh'])", "py.process.subprocess")]
    [InlineData("import os\ngetattr(os, 'system')('ls')", "py.process.os-spawn")]
    [InlineData("import os\ngetattr(os, 'sys' + 'tem')('ls')", "py.process.os-spawn")]
    [InlineData("import os\ngetattr(os, 'met' 'sys'[::-1])('ls')", "py.process.os-spawn")]
    [InlineData("import os\nf = getattr(os, ''.join(['s','y','s','t','e','m']))", "py.process.os-spawn")]
    [InlineData("import os\nname = chr(115) + 'ystem'\ngetattr(os, name)('ls')", "py.indirection.computed-attribute")]
    [InlineData("import operator, os\noperator.attrgetter('system')(os)('ls')", "py.indirection.operator")]
    [InlineData("import os\nos.kill(os.getppid(), 9)", "py.process.kill")]
    [InlineData("import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)", "py.process.ignore-termination")]
    [InlineData("import resource\nresource.setrlimit(resource.RLIMIT_CPU, (999, 999))", "py.process.resource-limits")]
    [InlineData("import asyncio\nasyncio.create_subprocess_shell('ls')", "py.process.asyncio-subprocess")]
    [InlineData("import pickle\npickle.loads(b'cos\\nsystem\\n(S\\'ls\\'\\ntR.')", "py.dynamic.pickle-load")]
    [InlineData("import faulthandler\nfaulthandler.dump_traceback()", "py.introspect.traceback")]
    [InlineData("import os\nkeys = os.__dict__['system']", "py.indirection.dangerous-name")]
    [InlineData("f = print.__self__.eval", "py.introspect.dunder-escape")]
    [InlineData("import os\no = os\no.system('ls')", "py.process.os-spawn")]
    [InlineData("@eval\ndef f(): pass", "py.dynamic.eval")]
    [InlineData("open(chr(47) + 'etc/passwd')", "any.path.system-dir")]
    [InlineData("import numpy\nnumpy.testing.assert_allclose = lambda *a, **k: None", "py.patch.module-attribute")]
    // network
    [InlineData("import socket\ns = socket.socket()", "py.network.module")]
    [InlineData("from urllib.request import urlopen\nurlopen('x')", "py.network.module")]
    [InlineData("import requests\nrequests.get('http://x')", "py.network.socket")]
    [InlineData("s = __import__('soc' + 'ket')", "py.indirection.suspicious-name")]
    [InlineData("u = 'http://evil.example/steal'", "any.network.url")]
    // files outside the working folder
    [InlineData("open('/etc/passwd').read()", "any.path.system-dir")]
    [InlineData("open('/' + 'etc' + '/passwd').read()", "any.path.system-dir")]
    [InlineData("open('\\x2fetc/shadow')", "any.path.system-dir")]
    [InlineData("import os\nopen(os.path.join('/', 'etc', 'passwd'))", "any.path.root-join")]
    [InlineData("open('../score.py', 'w')", "any.path.parent")]
    [InlineData("from pathlib import Path\np = Path(__file__).parent.parent / 'answers.json'", "py.file.parent-walk")]
    [InlineData("open('/proc/self/mountinfo').read()", "any.path.mount-info")]
    [InlineData("import os\nos.path.expanduser('~/.ssh/id_rsa')", "any.path.home")]
    [InlineData("open('.git/logs/HEAD')", "any.path.git")]
    [InlineData("open('.ratchet/ledger.db', 'rb')", "any.path.ledger")]
    [InlineData("open('policy.toml', 'w').write('')", "any.path.policy-file")]
    [InlineData("open('ratchet.toml', 'a')", "any.path.task-file")]
    [InlineData("import os\nos.chdir('..')", "py.file.chdir")]
    [InlineData("import os\nos.symlink('/etc', 'e')", "py.file.links")]
    [InlineData("open('/dev/tty', 'w')", "any.path.terminal")]
    // introspection of the caller or the evaluator
    [InlineData("import sys\nf = sys._getframe(1)", "py.introspect.frame")]
    [InlineData("import sys as s\nf = s._getframe(1).f_back.f_globals", "py.introspect.frame")]
    [InlineData("import inspect\ninspect.stack()", "py.introspect.inspect")]
    [InlineData("from inspect import currentframe as cf\nx = cf().f_back", "py.introspect.inspect")]
    [InlineData("import traceback\ntraceback.extract_stack()", "py.introspect.traceback")]
    [InlineData("import gc\nfor o in gc.get_objects(): pass", "py.introspect.gc")]
    [InlineData("try:\n    1/0\nexcept Exception as e:\n    g = e.__traceback__.tb_frame.f_back.f_locals", "py.introspect.frame-attributes")]
    [InlineData("x = ().__class__.__base__.__subclasses__()", "py.introspect.dunder-escape")]
    [InlineData("x = [].__class__.__mro__[1].__subclasses__()", "py.introspect.dunder-escape")]
    [InlineData("f = lambda: 0\ng = f.__globals__['__builtins__']", "py.introspect.dunder-escape")]
    [InlineData("import sys\nsys.modules['__main__'].score = 1e9", "py.introspect.main-module")]
    [InlineData("import __main__\n__main__.score = 1", "py.introspect.main-module")]
    // exit
    [InlineData("import os\nos._exit(0)", "py.exit.os-exit")]
    [InlineData("from os import _exit\n_exit(0)", "py.exit.os-exit")]
    // timer and clock
    [InlineData("import time\ntime.time = lambda: 0", "py.timer.assign")]
    [InlineData("import time as t\nt.perf_counter = lambda: 0.0", "py.timer.assign")]
    [InlineData("from time import perf_counter\nperf_counter = lambda: 0", "py.timer.assign")]
    [InlineData("import time\nsetattr(time, 'monotonic', lambda: 0)", "py.indirection.computed-attribute")]
    [InlineData("import time\nsetattr(time, 'mono' + 'tonic', lambda: 0)", "py.indirection.computed-attribute")]
    [InlineData("import datetime\ndatetime.datetime.now = staticmethod(lambda: 0)", "py.timer.assign")]
    // monkeypatching
    [InlineData("import builtins\nbuiltins.print = lambda *a: None", "py.patch.builtins")]
    [InlineData("__builtins__.len = lambda x: 0", "py.introspect.dunder-escape")]
    [InlineData("import sys\nsys.stdout = open('log', 'w')", "py.patch.sys-streams")]
    [InlineData("import math\nmath.isclose = lambda *a, **k: True", "py.patch.module-attribute")]
    [InlineData("import numpy as np\nnp.allclose = lambda *a, **k: True", "py.patch.module-attribute")]
    [InlineData("import json\ndel json.dumps", "py.patch.module-attribute")]
    [InlineData("from unittest import mock\nmock.patch('score.check')", "py.patch.mock")]
    // equality and comparison
    [InlineData("class R:\n    def __eq__(self, o):\n        return True", "py.equality.eq")]
    [InlineData("class R(float):\n    __eq__ = lambda s, o: True", "py.equality.eq")]
    [InlineData("class R:\n    pass\nsetattr(R, '__eq__', lambda s, o: True)", "py.indirection.dangerous-name")]
    [InlineData("class R:\n    pass\nsetattr(R, '__e' + 'q__', lambda s, o: True)", "py.indirection.dangerous-name")]
    [InlineData("x = 1\nx.__class__ = Fake", "py.equality.class-swap")]
    // test-runner and interpreter hooks
    [InlineData("import pytest\n", "py.hook.test-runner")]
    [InlineData("def pytest_runtest_makereport(item, call):\n    pass", "py.hook.pytest-hook")]
    [InlineData("import unittest\nunittest.TestCase.assertEqual = lambda *a: None", "py.hook.test-runner")]
    [InlineData("import atexit\natexit.register(lambda: print('score: 1.0'))", "py.hook.atexit")]
    [InlineData("open('sitecustomize.py', 'w').write('x')", "any.hook.test-runner-file")]
    [InlineData("open('conftest.py', 'w')", "any.hook.test-runner-file")]
    // environment
    [InlineData("import os\nk = os.environ['OPENAI_API_KEY']", "py.env.read")]
    [InlineData("import os\nk = os.getenv('HOME')", "py.env.read")]
    [InlineData("import os\nall_env = dict(os.environ)", "py.env.read")]
    [InlineData("import os\nname = 'RATCHET_' + suffix\nk = os.environ[name]", "py.env.read")]
    [InlineData("from os import environ as e\nk = e['AWS_SECRET']", "py.env.read")]
    [InlineData("from os import getenv\nk = getenv('TOKEN')", "py.env.read")]
    // dynamic code
    [InlineData("eval('1+1')", "py.dynamic.eval")]
    [InlineData("exec(bytes.fromhex('7072696e74283129'))", "py.dynamic.eval")]
    [InlineData("e = eval\ne('1')", "py.dynamic.eval")]
    [InlineData("code = compile('x=1', 'f', 'exec')", "py.dynamic.eval")]
    [InlineData("ｅｖａｌ('1+1')", "py.dynamic.eval")]
    [InlineData("𝐞𝐱𝐞𝐜('print(1)')", "py.dynamic.eval")]
    [InlineData("m = __import__('o' + 's')", "py.introspect.dunder-escape")]
    [InlineData("import importlib\nimportlib.import_module('os')", "py.dynamic.import")]
    [InlineData("import marshal\nexec(marshal.loads(b''))", "py.dynamic.serialisation")]
    [InlineData("import types\nf = types.FunctionType(code, {})", "py.dynamic.code-objects")]
    [InlineData("x = f'{eval(\"1\")}'", "py.dynamic.eval")]
    // indirection
    [InlineData("globals()['ev' + 'al']('1')", "py.indirection.namespaces")]
    [InlineData("vars(__builtins__)['exec']('x')", "py.indirection.namespaces")]
    [InlineData("f = getattr(x, name)", "py.indirection.computed-attribute")]
    [InlineData("n = '\\x5f\\x5fimport\\x5f\\x5f'", "py.indirection.dangerous-name")]
    [InlineData("n = '\\N{LOW LINE}\\N{LOW LINE}import__'", "py.indirection.dangerous-name")]
    [InlineData("import base64\nn = base64.b64decode('X19pbXBvcnRfXw==')", "py.indirection.dangerous-name")]
    [InlineData("import codecs\nn = codecs.decode('flfgrz', 'rot13')", "py.indirection.dangerous-name")]
    [InlineData("n = '%c%c%c%c%c%c' % (115, 121, 115, 116, 101, 109)", "py.indirection.dangerous-name")]
    [InlineData("n = ''.join(map(chr, [115, 121, 115, 116, 101, 109]))", "py.indirection.dangerous-name")]
    [InlineData("n = 'metsys'[::-1]", "py.indirection.dangerous-name")]
    [InlineData("n = 'sYsTeM'.lower()", "py.indirection.dangerous-name")]
    [InlineData("n = 'sysXtem'.replace('X', '')", "py.indirection.dangerous-name")]
    [InlineData("n = ''.join(reversed('metsys'))", "py.indirection.dangerous-name")]
    [InlineData("n = bytes([95, 95, 105, 109, 112, 111, 114, 116, 95, 95]).decode()", "py.indirection.dangerous-name")]
    [InlineData("n = '_' * 2 + 'import' + '_' * 2", "py.indirection.dangerous-name")]
    // red-team finds: a class built at run time under a computed name, code after the main program, stream hijacks
    [InlineData("k = [n for n in dir(object) if n[2:4] == 'eq'][0]\nA = type('A', (), {k: lambda s, o: True})", "py.equality.dynamic-class")]
    [InlineData("A = type('A', (object,), dict(x=1))", "py.equality.dynamic-class")]
    [InlineData("import threading as t\ndef f():\n    t.main_thread().join()\n    print('{}')\nt.Thread(target=f).start()", "py.hook.after-main")]
    [InlineData("from threading import main_thread\nmain_thread().join()", "py.hook.after-main")]
    [InlineData("import sys\nsys.stdout.reconfigure(encoding='utf-16')", "py.patch.stream-methods")]
    [InlineData("import sys as s\ns.stdout.close()", "py.patch.stream-methods")]
    [InlineData("import os\nos.dup2(os.open('/dev/null', os.O_WRONLY), 1)", "py.patch.std-descriptors")]
    public void Scan_WhenPythonCandidateUsesCapability_ReportsRule(string code, string ruleId)
    {
        var findings = RuleScan.New(code);

        Assert.True(findings.Ids().Contains(ruleId), $"expected {ruleId}; found:\n{findings.Describe()}");
        Assert.True(findings.Rejects(), $"expected a rejection; found:\n{findings.Describe()}");
    }

    [Theory]
    [InlineData("import sys\nsys.exit(0)", "py.exit.sys-exit")]
    [InlineData("raise SystemExit(0)", "py.exit.sys-exit")]
    [InlineData("import os\nfiles = os.listdir('.')", "py.file.listing")]
    [InlineData("class N:\n    def __lt__(self, o):\n        return self.f < o.f", "py.equality.ordering")]
    [InlineData("import multiprocessing\nmultiprocessing.Pool(4)", "py.process.multiprocessing")]
    [InlineData("import torch\ntorch.backends.cudnn.benchmark = True", "py.patch.module-setting")]
    [InlineData("c = chr(n)", "py.indirection.decoders")]
    [InlineData("x = 'eval'", "py.indirection.suspicious-name")]
    [InlineData("class M(type):\n    pass\nclass A(metaclass=M):\n    pass", "py.equality.metaclass")]
    public void Scan_WhenPythonCandidateDoesSomethingOnlySuspicious_FlagsWithoutRejecting(string code, string ruleId)
    {
        var findings = RuleScan.New(code);

        Assert.True(findings.Ids().Contains(ruleId), $"expected {ruleId}; found:\n{findings.Describe()}");
        Assert.False(findings.Rejects(), $"expected no rejection; found:\n{findings.Describe()}");
    }

    [Theory]
    [InlineData("import os\nseed = int(os.environ['RATCHET_SEED'])")]
    [InlineData("import os\nseed = int(os.environ.get('RATCHET_SEED', '0'))")]
    [InlineData("import os\nout = os.getenv('RATCHET_OUT')")]
    [InlineData("import re\npattern = re.compile(r'\\d+')")]
    [InlineData("model.eval()")]
    [InlineData("# os.system('rm -rf /')  -- a comment is not code\nx = 1")]
    [InlineData("def f():\n    \"\"\"See https://example.org/paper and /etc/notes for background.\"\"\"\n    return 1")]
    [InlineData("if __name__ == '__main__':\n    main()")]
    [InlineData("import time\nstart = time.perf_counter()\nelapsed = time.perf_counter() - start")]
    [InlineData("import os\npath = os.path.join(os.path.dirname(__file__), 'data.txt')")]
    [InlineData("requests = []\nrequests.append(3)")]
    [InlineData("x = obj.time\ny = 'system of equations'")]
    [InlineData("import numpy as np\nnp.random.seed(42)\na = np.zeros(3)")]
    [InlineData("import sys\nsys.stdout.write('done\\n')\nsys.stdout.flush()")]
    [InlineData("kind = type(x)\nok = isinstance(y, type(x))")]
    [InlineData("import threading\nw = threading.Thread(target=work)\nw.start()\nw.join()")]
    public void Scan_WhenPythonCodeIsHonest_ReportsNothing(string code)
    {
        var findings = RuleScan.New(code);

        Assert.True(findings.Count == 0, $"expected nothing; found:\n{findings.Describe()}");
    }
}
