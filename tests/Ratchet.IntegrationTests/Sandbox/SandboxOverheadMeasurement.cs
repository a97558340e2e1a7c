using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>Measures what Ratchet adds per sandbox launch over bwrap launched from a shell loop. A measurement,
/// not a test of speed: run it on demand with
/// <c>dotnet test --project tests/Ratchet.IntegrationTests -- --filter-class Ratchet.IntegrationTests.Sandbox.SandboxOverheadMeasurement --explicit only</c>.
/// It writes its table to the test output and to <c>$TMPDIR/ratchet-sandbox-overhead.md</c>.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxOverheadMeasurement(SandboxFixture fixture)
{
    private const int Rounds = 10;
    private const int PerRound = 10;
    private const int Warmup = 10;

    [Fact(Explicit = true)]
    public async Task Measure_PerLaunchAndPerEvaluationOverhead_AgainstPlainBwrap()
    {
        var sandbox = fixture.Sandbox;
        var work = Directory.CreateTempSubdirectory("ratchet-bench-work").FullName;
        Ratchet.Sandbox.Native.Libc.chmod(work, 0x1ed);
        const string plainCommand = "bwrap --unshare-all --ro-bind /usr /usr --symlink usr/lib /lib --symlink usr/lib64 /lib64 --symlink usr/bin /bin --proc /proc --dev /dev true";
        var hardenedCommand =
            "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs " +
            "bwrap --unshare-all --unshare-user --uid 65534 --gid 65534 --hostname ratchet --cap-drop ALL --disable-userns " +
            "--die-with-parent --new-session --clearenv --setenv PATH /usr/bin --ro-bind /usr /usr --symlink usr/lib /lib " +
            "--symlink usr/lib64 /lib64 --symlink usr/bin /bin --symlink usr/sbin /sbin --ro-bind /etc /etc --proc /proc --dev /dev " +
            $"--size 16777216 --tmpfs /tmp --ro-bind {work} /work --remount-ro / --chdir /work --seccomp 9 true 9<{sandbox.SeccompFile}";
        async Task Launch()
        {
            await using var run = await sandbox.RunAsync(Runs.Shell("exit 0", files: StagedFile.FromText("main.py", "print(1)")));
            Assert.Equal(Termination.Exited, run.Termination);
        }

        async Task Evaluate()
        {
            await using var run = await sandbox.RunAsync(Runs.Shell("echo 1 > $RATCHET_OUT/r", collect: true,
                files: [StagedFile.FromText("main.py", "print(1)"), StagedFile.FromText("data/in.txt", "42")]));
            await using var score = await sandbox.RunAsync(new SandboxRequest
            {
                // Shell builtins only: one exec per launch, like the baseline's `true`.
                Command = ["/bin/sh", "-c", "read value < $RATCHET_RUN_OUT/r; echo $value"],
                RunResults = run.Results,
                ResourcesJson = "{}"u8.ToArray(),
                Limits = Runs.Limits(),
            });
            Assert.Equal("1\n", score.Out());
        }

        await TimeAsync(Launch, Warmup);
        await TimeAsync(Evaluate, Warmup);
        List<double> plain = [], hardened = [], launch = [], evaluation = [];
        var ownCpu = TimeSpan.Zero;
        // Interleaved rounds: other work on the machine weighs on every column alike.
        for (var round = 0; round < Rounds; round++)
        {
            plain.AddRange(ShellLoop(plainCommand));
            hardened.AddRange(ShellLoop(hardenedCommand));
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            launch.AddRange(await TimeAsync(Launch, PerRound));
            ownCpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            evaluation.AddRange(await TimeAsync(Evaluate, PerRound));
        }

        Directory.Delete(work);
        var launches = Rounds * PerRound;

        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture,
                $"{launches} samples each in {Rounds} interleaved rounds (after warm-up), milliseconds, {Environment.ProcessorCount} CPUs, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}")
            .AppendLine("| what | median | p10 | p90 |")
            .AppendLine("|---|---|---|---|")
            .AppendLine(Row("plain bwrap from a shell loop (minimal args)", plain))
            .AppendLine(Row("setpriv + hardened bwrap argv from a shell loop", hardened))
            .AppendLine(Row("Ratchet RunAsync + dispose (one launch)", launch))
            .AppendLine(Row("Ratchet evaluation: run + score + dispose (two launches)", evaluation))
            .AppendLine(CultureInfo.InvariantCulture,
                $"Ratchet's own CPU (all its threads, not the sandboxed processes) per launch: {ownCpu.TotalMilliseconds / launches:F2} ms")
            .AppendLine(CultureInfo.InvariantCulture,
                $"overhead per launch vs plain: {Median(launch) - Median(plain):F2} ms; vs hardened: {Median(launch) - Median(hardened):F2} ms; " +
                $"per evaluation vs 2x plain: {Median(evaluation) - 2 * Median(plain):F2} ms")
            .ToString();
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "ratchet-sandbox-overhead.md"), table, TestContext.Current.CancellationToken);
    }

    private static async Task<double[]> TimeAsync(Func<Task> action, int count)
    {
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }

        return samples;
    }

    /// <summary>Per-launch times of <paramref name="command"/> from bash, timed with bash's own $EPOCHREALTIME (no forks).</summary>
    private static double[] ShellLoop(string command)
    {
        var script = $"cd /; for i in $(seq {PerRound + 1}); do s=$EPOCHREALTIME; {command} || exit 1; e=$EPOCHREALTIME; echo $s $e; done";
        using var bash = Process.Start(new ProcessStartInfo("/bin/bash", ["-c", script]) { RedirectStandardOutput = true })!;
        var lines = bash.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        bash.WaitForExit();
        Assert.Equal(0, bash.ExitCode);
        return lines.Skip(1)
            .Select(line => line.Split(' ').Select(value => double.Parse(value, CultureInfo.InvariantCulture)).ToArray())
            .Select(pair => (pair[1] - pair[0]) * 1000)
            .ToArray();
    }

    private static double Median(IReadOnlyList<double> samples) => Percentile(samples, 0.5);

    private static double Percentile(IReadOnlyList<double> samples, double fraction)
    {
        var sorted = samples.Order().ToArray();
        return sorted[(int)Math.Round(fraction * (sorted.Length - 1))];
    }

    private static string Row(string what, IReadOnlyList<double> samples) => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {Median(samples):F2} | {Percentile(samples, 0.1):F2} | {Percentile(samples, 0.9):F2} |");
}
