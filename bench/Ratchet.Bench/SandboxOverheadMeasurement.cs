using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ratchet.Sandbox;

namespace Ratchet.Bench;

/// <summary>Measures what the sandbox adds per launch over bwrap launched from a shell loop, interleaved, as a
/// breakdown of the end-to-end figure in bench/RESULTS.md: <c>dotnet run --project bench/Ratchet.Bench -c Release -- sandbox-overhead</c>.</summary>
internal sealed class SandboxOverheadMeasurement(BubblewrapSandbox sandbox)
{
    private const int Rounds = 10;
    private const int PerRound = 10;
    private const int Warmup = 10;

    public async Task<string> MeasureAsync()
    {
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
            await using var run = await sandbox.RunAsync(Shell("exit 0", false, StagedFile.FromText("main.py", "print(1)")), CancellationToken.None);
            if (run.Termination != Termination.Exited) throw new InvalidOperationException($"launch ended {run.Termination}: {run.Detail}");
        }

        async Task Evaluate()
        {
            await using var run = await sandbox.RunAsync(Shell("echo 1 > $RATCHET_OUT/r", true,
                StagedFile.FromText("main.py", "print(1)"), StagedFile.FromText("data/in.txt", "42")), CancellationToken.None);
            await using var score = await sandbox.RunAsync(new SandboxRequest
            {
                // Shell builtins only: one exec per launch, like the baseline's `true`.
                Command = ["/bin/sh", "-c", "read value < $RATCHET_RUN_OUT/r; echo $value"],
                RunResults = run.Results,
                ResourcesJson = "{}"u8.ToArray(),
                Limits = Limits,
            }, CancellationToken.None);
            if (System.Text.Encoding.UTF8.GetString(score.Stdout) != "1\n") throw new InvalidOperationException("the score did not read the run's result");
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
        return table;
    }

    private static readonly SandboxLimits Limits = new(10, 10, 128, 32, 1 << 20, TmpMb: 16);

    private static SandboxRequest Shell(string script, bool collect, params StagedFile[] files) => new()
    {
        Command = ["/bin/sh", "-c", script],
        Limits = Limits,
        CollectResults = collect,
        WorkFiles = files,
    };

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
        if (bash.ExitCode != 0) throw new InvalidOperationException($"the shell loop failed: {command}");
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
