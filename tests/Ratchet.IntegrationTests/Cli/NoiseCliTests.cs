using System.Text.Json;
using Ratchet.IntegrationTests.Support;

namespace Ratchet.IntegrationTests.Cli;

/// <summary>Noise-aware promotion end to end: real sandboxes, a scorer whose measurement carries 2% noise from
/// /dev/urandom (not from the seed, so neutral edits do not score alike), five repeats per candidate.</summary>
public sealed class NoiseCliTests
{
    private const string Program = """
        # EVOLVE-BLOCK-START
        BASE=100
        # EVOLVE-BLOCK-END
        echo "$BASE" > "$RATCHET_OUT/value"

        """;

    [Fact]
    public async Task Run_FortyNeutralEditsUnderNoise_PromoteNothing_AndARealGainWins()
    {
        using var task = new TaskFolder();
        task.Write("ratchet.toml", """
            name = "noisy"
            [program]
            files = ["program.sh"]
            [run]
            command = ["sh", "program.sh"]
            [score]
            command = ["sh", "score.sh"]
            inputs = ["score.sh"]
            [objective]
            metric = "score"
            direction = "maximize"
            repeats = 5
            [limits]
            wall_seconds = 5
            cpu_seconds = 5
            memory_mb = 64
            processes = 16
            output_bytes = 4096

            """);
        task.Write("program.sh", Program);
        task.Write("score.sh", """
            read value < "$RATCHET_RUN_OUT/value"
            seed=$(od -An -N4 -tu4 /dev/urandom)
            awk -v seed="$seed" -v v="$value" 'BEGIN { srand(seed); u1 = rand(); u2 = rand(); z = sqrt(-2 * log(1 - u1)) * cos(6.283185307 * u2); printf "{\"score\": %.6f}\n", v * (1 + 0.02 * z) }'

            """);
        task.Write("policy.toml", PythonTask.QuietPolicy);
        var replay = Path.Combine(task.Root, "replay.jsonl");
        var lines = Enumerable.Range(1, 40)
            .Select(i => (Label: $"neutral {i}", Text: Program.Replace("BASE=100", $"BASE=100\n# a neutral edit {i}")))
            .Append((Label: "real gain", Text: Program.Replace("BASE=100", "BASE=108")))
            .Select(p => JsonSerializer.Serialize(new { label = p.Label, files = new Dictionary<string, string> { ["program.sh"] = p.Text } }));
        await File.WriteAllLinesAsync(replay, lines, TestContext.Current.CancellationToken);

        var run = await task.Ratchet.RunAsync(TimeSpan.FromMinutes(8), "run", task.Dir, "--replay", replay, "--workers", "2", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());

        var candidates = JsonDocument.Parse((await task.Ratchet.RunAsync("candidates", task.Dir, "--json")).Stdout).RootElement.EnumerateArray().ToArray();
        Assert.True(candidates.Length == 42, string.Join("\n", candidates.Select(c => c.ToString())));
        var promoted = candidates.Where(c => c.GetProperty("promoted").GetBoolean()).Select(c => c.GetProperty("label").GetString()).ToArray();
        // Probabilistic by design: 40 neutral edits promote anything with probability at most 2% (docs/promotion.md).
        Assert.True(promoted.SequenceEqual(["initial", "real gain"]), $"promoted: {string.Join(" / ", promoted)}\n" + string.Join("\n",
            candidates.Where(c => c.GetProperty("promoted").GetBoolean() || c.GetProperty("label").GetString() == "real gain").Select(c => c.ToString())));
        Assert.All(candidates.Where(c => c.GetProperty("label").GetString()!.StartsWith("neutral", StringComparison.Ordinal)),
            c => Assert.Equal("accepted", c.GetProperty("status").GetString()));
        Assert.Equal(0, (await task.Ratchet.RunAsync("audit", "verify", task.Dir)).ExitCode);
    }
}
