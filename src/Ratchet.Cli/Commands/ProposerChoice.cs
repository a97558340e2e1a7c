using System.Text.Json;
using Ratchet.Common;
using Ratchet.Proposers;
using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Replay;
using Ratchet.Storage;
using Ratchet.Tasks;

namespace Ratchet.Cli.Commands;

/// <summary>Which proposer a run uses. A resumed run keeps the proposer (and replay file) it was created with.</summary>
internal sealed record ProposerChoice(string Name, string? ReplayPath, string? ImproverPath)
{
    public static readonly string[] Names = ["builtin", "hillclimb", "replay"];

    public static ProposerChoice Resolve(RunRecord? existing, string? name, string? replay, string? improver)
    {
        if (name is not null && !Names.Contains(name))
            throw new CliException($"unknown proposer '{name}': expected one of {string.Join(", ", Names)}" +
                (NearestName.Find(name, Names) is { } near ? $" (did you mean '{near}'?)" : "") + ".");
        if (existing is not null)
        {
            var stored = JsonSerializer.Deserialize<JsonElement>(existing.Config);
            var storedReplay = stored.TryGetProperty("replay", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var storedImprover = stored.TryGetProperty("improver", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            if (name is not null && name != existing.Proposer)
                throw new CliException($"this run was created with --proposer {existing.Proposer}; a run keeps its proposer. Resume without --proposer, or start a new run with --state <new folder>.");
            return new ProposerChoice(existing.Proposer, replay is null ? storedReplay : Path.GetFullPath(replay), improver is null ? storedImprover : Path.GetFullPath(improver));
        }
        var chosen = name ?? (replay is not null ? "replay" : "builtin");
        if (chosen == "replay" && replay is null)
            throw new CliException("--proposer replay needs --replay FILE (a JSON Lines file, one proposal a line: {\"label\": \"...\", \"files\": {\"program.py\": \"...\"}}).");
        if (chosen != "replay" && replay is not null)
            throw new CliException($"--replay is only used with --proposer replay (found --proposer {chosen}).");
        return new ProposerChoice(chosen, replay is null ? null : Path.GetFullPath(replay), improver is null ? null : Path.GetFullPath(improver));
    }

    public IProposer Create(TaskSpec task, ulong seed) => Name switch
    {
        "replay" => ReplayProposer.Load(ReplayPath ?? throw new CliException("this run uses the replay proposer; pass --replay FILE.")),
        "hillclimb" => new RandomHillClimbProposer(),
        _ => new BuiltinProposer(Genome(), task, seed),
    };

    /// <summary>The improver genome: --improver FILE, else the shipped version 0.</summary>
    private ImproverGenome Genome()
    {
        if (ImproverPath is null)
            return ImproverGenome.Default;
        var loaded = ImproverGenome.Load(ImproverPath);
        return loaded.Ok ? loaded.Genome! : throw new CliException(loaded.Describe());
    }
}
