using System.Globalization;
using System.Text;
using Ratchet.Sandbox;
using Ratchet.Tasks;

namespace Ratchet.Tests.Runs;

/// <summary>An in-process stand-in for the sandbox that interprets tiny programs, for controller tests that must not
/// depend on bubblewrap. The program file holds one instruction per line:
/// <c>score X</c> (the run writes X), <c>crash</c> (exit 1), <c>delay MS</c> (sleep first), <c>garbage</c>
/// (the scorer prints a non-JSON line), <c>sealed-score X</c> (the score when the staged input <c>mode.txt</c> says
/// "sealed", i.e. in a holdout run), <c>noisy-score X</c> (X times 1 + 2% Gaussian noise), <c>noise</c> (the results differ on every run). An invariant command
/// <c>["invariant-max", "L"]</c> fails when the run's score exceeds L.</summary>
internal sealed class FakeSandbox : ISandbox
{
    private int _runs;

    public SandboxInfo Info { get; } = new("fake", null, "none", []);

    public int Runs => _runs;

    public List<IReadOnlyDictionary<string, string>> Environments { get; } = [];

    /// <summary>A task for this sandbox in <paramref name="root"/> (created): program <c>p.txt</c> holding
    /// <paramref name="initial"/>, run command <c>run</c>, scorer <c>score</c> with a protected <c>score.txt</c>.</summary>
    public static TaskSpec TaskIn(string root, string initial = "score 1\n", Direction direction = Direction.Maximize, int? budget = null)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "p.txt"), initial);
        File.WriteAllText(Path.Combine(root, "score.txt"), "protected scorer\n");
        return new TaskSpec
        {
            Name = "fake",
            Root = root,
            Program = new ProgramSpec(["p.txt"]),
            Run = new PhaseSpec(["run"], [], []),
            Score = new PhaseSpec(["score"], ["score.txt"], []),
            Objective = new ObjectiveSpec("score", direction),
            Budget = new BudgetSpec(Evaluations: budget),
        };
    }

    public async Task<SandboxExecution> RunAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        lock (Environments)
            Environments.Add(request.Environment);
        if (request.CollectResults)
            return await RunPhaseAsync(request, cancellationToken);
        var scoreFile = Path.Combine(request.RunResults!.HostDirectory, "score.txt");
        if (request.Command[0] == "invariant-max")
        {
            // An invariant: the run's score must not exceed the limit given as the second argument.
            var value = double.Parse(File.ReadAllText(scoreFile), CultureInfo.InvariantCulture);
            var limit = double.Parse(request.Command[1], CultureInfo.InvariantCulture);
            return value <= limit ? Execution(Termination.Exited, 0, "within bounds") : Execution(Termination.Exited, 1, $"score {value} above the safe bound {limit}");
        }
        var text = File.ReadAllText(scoreFile);
        var stdout = text == "garbage" ? "not json" : $"{{\"score\": {text}}}";
        return Execution(Termination.Exited, 0, stdout);
    }

    private static async Task<SandboxExecution> RunPhaseAsync(SandboxRequest request, CancellationToken ct)
    {
        var program = request.WorkFiles.Where(f => f.Content is not null).Select(f => Encoding.UTF8.GetString(f.Content!)).FirstOrDefault() ?? "";
        var mode = request.WorkFiles.FirstOrDefault(f => f.RelativePath == "mode.txt") is { HostPath: { } modePath } ? File.ReadAllText(modePath).Trim() : "visible";
        string? score = null;
        string? sealedScore = null;
        var noise = false;
        foreach (var line in program.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2);
            switch (parts[0])
            {
                case "delay":
                    await Task.Delay(int.Parse(parts[1], CultureInfo.InvariantCulture), ct);
                    break;
                case "crash":
                    return Execution(Termination.Exited, 1, "");
                case "score":
                    score = parts[1];
                    break;
                case "noisy-score":
                    // Multiplicative noise of 2% (standard deviation) from an unseeded source, like a wall-clock timing.
                    var u1 = 1.0 - Random.Shared.NextDouble();
                    var u2 = Random.Shared.NextDouble();
                    var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                    score = (double.Parse(parts[1], CultureInfo.InvariantCulture) * (1 + 0.02 * z)).ToString("R", CultureInfo.InvariantCulture);
                    break;
                case "sealed-score":
                    sealedScore = parts[1];
                    break;
                case "garbage":
                    score = "garbage";
                    break;
                case "noise":
                    noise = true;
                    break;
            }
        }
        var dir = Path.Combine(Path.GetTempPath(), "ratchet-fake-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "score.txt"), (mode == "sealed" ? sealedScore ?? score : score) ?? "0");
        if (noise)
            File.WriteAllText(Path.Combine(dir, "noise.txt"), Guid.NewGuid().ToString());
        return new SandboxExecution(() =>
        {
            Directory.Delete(dir, true);
            return ValueTask.CompletedTask;
        })
        {
            Termination = Termination.Exited,
            ExitCode = 0,
            Stdout = [],
            Stderr = [],
            Resources = new ResourceUsage(0.01, 0.01, 1),
            Results = new SandboxResults(dir, Directory.GetFiles(dir).Select(f => new ResultFile(Path.GetFileName(f), new FileInfo(f).Length)).ToArray()),
        };
    }

    private static SandboxExecution Execution(Termination termination, int code, string stdout) => new()
    {
        Termination = termination,
        ExitCode = code,
        Stdout = Encoding.UTF8.GetBytes(stdout),
        Stderr = [],
        Resources = new ResourceUsage(0.01, 0.01, 1),
    };
}
