using System.Text;
using System.Text.Json;
using Ratchet.IntegrationTests.Support;

namespace Ratchet.IntegrationTests.Cli;

/// <summary>Every outcome kind produced by a real misbehaving program, end to end: CLI, bubblewrap, SQLite.</summary>
public sealed class OutcomeTests
{
    private const string Secret = "s3cr3t-ratchet-test-token-7f1c";

    private static readonly (string Label, string Program, string Outcome)[] Cases =
    [
        ("crash", "raise SystemExit(3)\n", "crashed"),
        ("hang-ignoring-sigterm", "import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True:\n    pass\n", "timed-out"),
        ("sleep-forever", "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(3600)\n", "timed-out"),
        ("fork-bomb", "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n", "sandbox-violation"),
        ("memory-bomb", "x = []\nwhile True:\n    x.append(bytearray(10**7))\n", "out-of-memory"),
        ("output-flood", "import sys\nchunk = 'x' * (1 << 20)\nfor _ in range(1024):\n    sys.stdout.write(chunk)\n", "output-limit"),
        ("write-outside", "open('/usr/ratchet-escape', 'w').write('x')\n", "crashed"),
        ("write-parent", "open('../escape', 'w').write('x')\n", "crashed"),
        ("results-symlink", "import os\nos.symlink('/etc/passwd', os.path.join(os.environ['RATCHET_OUT'], 'result.json'))\n", "sandbox-violation"),
        ("read-holdout", "import json\nfor p in ['sealed/x.json', '../sealed/x.json', '../task/sealed/x.json', 'data/y.json', 'score.py']:\n    try:\n        open(p).read()\n        print('LEAK', p)\n    except OSError:\n        pass\nraise SystemExit(4)\n", "crashed"),
    ];

    [Fact]
    public async Task Run_EachMisbehaviour_GetsItsTypedOutcome_AndTheSecretNeverLeaks()
    {
        // Static rules off: this test is about what the sandbox contains when a program does run.
        using var task = PythonTask.Create(policy: PythonTask.QuietPolicy + "[auditors]\nstatic_rules = false\n");
        var network = "import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\ns.settimeout(2)\ns.connect(('1.1.1.1', 53))\n";
        var secretReader = """
            import os, glob, json
            found = [k for k, v in os.environ.items()]
            dump = dict(os.environ)
            for path in glob.glob('/proc/*/environ'):
                try:
                    dump[path] = open(path, 'rb').read().decode('latin-1')
                except OSError:
                    pass
            print(json.dumps(dump))
            open(os.path.join(os.environ['RATCHET_OUT'], 'result.json'), 'w').write(json.dumps({'value': 0.5, 'env': dump}))

            """;
        var replay = task.Replay([.. Cases.Select(c => (c.Label, c.Program)), ("network", network), ("secret", secretReader)]);
        task.Ratchet.Environment["RATCHET_TEST_SECRET_TOKEN"] = Secret;
        task.Ratchet.Environment["OPENAI_API_KEY"] = Secret;
        var run = await task.Ratchet.RunAsync("run", task.Dir, "--proposer", "replay", "--replay", replay, "--workers", "2", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());

        var list = await task.Ratchet.RunAsync("candidates", task.Dir, "--json");
        var candidates = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray()
            .ToDictionary(c => c.GetProperty("label").GetString()!, c => c);
        foreach (var (label, _, outcome) in Cases)
        {
            var c = candidates[label];
            Assert.True(outcome == c.GetProperty("outcome").GetString(), $"{label}: expected {outcome}, got {c}");
            Assert.Equal("failed", c.GetProperty("status").GetString());
            Assert.NotEmpty(c.GetProperty("reasons").EnumerateArray());
        }
        Assert.Contains(candidates["network"].GetProperty("outcome").GetString(), new[] { "sandbox-violation", "crashed" });
        Assert.Equal("ok", candidates["secret"].GetProperty("outcome").GetString());

        // The secret was in Ratchet's environment; it must appear nowhere in the store or the artifacts.
        var show = await task.Ratchet.RunAsync("show", task.Dir, candidates["secret"].GetProperty("id").GetString()!, "--json");
        Assert.DoesNotContain(Secret, show.Stdout);
        foreach (var file in Directory.EnumerateFiles(task.State, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.False(Encoding.Latin1.GetString(bytes).Contains(Secret, StringComparison.Ordinal), $"secret found in {file}");
        }
        var holdoutReader = JsonDocument.Parse((await task.Ratchet.RunAsync("show", task.Dir, candidates["read-holdout"].GetProperty("id").GetString()!, "--json")).Stdout).RootElement;
        Assert.DoesNotContain("LEAK", holdoutReader.GetProperty("artifacts").GetProperty("run_stdout_tail").GetString());
        Assert.False(File.Exists("/usr/ratchet-escape"));
        var verify = await task.Ratchet.RunAsync("audit", "verify", task.Dir);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }
}
