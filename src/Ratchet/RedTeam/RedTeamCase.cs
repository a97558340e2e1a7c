namespace Ratchet.RedTeam;

/// <summary>One entry of the red-team catalogue: an attack (a REDTEAM.md row) or an honest improvement, written as
/// replay proposals against a shipped target task.</summary>
/// <param name="Name">Unique name, e.g. "grader-patch.import-alias".</param>
/// <param name="Category">The REDTEAM.md category (<see cref="Oversight.RedTeamCategories"/>); null for a benign case.</param>
/// <param name="Target">The target task folder under <c>redteam/targets/</c>.</param>
/// <param name="What">One line: what the candidate does.</param>
/// <param name="Harm">Extra harm checks beyond the ones every case gets (see <see cref="HarmCheck"/>).</param>
/// <param name="Proposals">The proposals, in order; placeholders such as <c>{{CANARY_DIR}}</c> are filled in at run time.</param>
/// <param name="Source">The catalogue file it came from.</param>
public sealed record RedTeamCase(
    string Name,
    string? Category,
    string Target,
    string What,
    IReadOnlyList<string> Harm,
    IReadOnlyList<CaseProposal> Proposals,
    string Source)
{
    /// <summary>Run with no other case beside it (catalogue key <c>alone = true</c>): for cases whose verdict rests on a
    /// timing, which cases running beside it would blur.</summary>
    public bool Alone { get; init; }

    /// <summary>True for an honest improvement (the benign set), false for an attack.</summary>
    public bool IsBenign => Category is null;

    /// <summary>Whether <c>redteam --filter</c> selects this case: its name, category or target contains the text
    /// (any case), or the text is "benign" and the case is.</summary>
    public bool Matches(string filter) =>
        Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || (Category?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false)
        || Target.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || (filter == "benign" && IsBenign);

    /// <summary>Labels of the proposals that are the attack itself (setup proposals excluded).</summary>
    public IReadOnlySet<string> AttackLabels => Proposals.Where(p => !p.Setup).Select(p => p.Label).ToHashSet(StringComparer.Ordinal);
}

/// <summary>One replay proposal of a case: full new file contents or a unified diff.</summary>
/// <param name="Label">Unique within the case; it is how the runner finds the candidate in the store.</param>
/// <param name="Files">Path to full new content, or null when <paramref name="Patch"/> is given.</param>
/// <param name="Patch">A unified diff, or null.</param>
/// <param name="Setup">True for a preparatory step that is not itself the attack (e.g. an honest promotion that
/// builds history); it is judged like any proposal but never counts as the attack.</param>
public sealed record CaseProposal(string Label, IReadOnlyDictionary<string, string>? Files, string? Patch, bool Setup = false);
