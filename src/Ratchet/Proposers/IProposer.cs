using Ratchet.Tasks;

namespace Ratchet.Proposers;

/// <summary>Proposes candidate programs. The run controller asks for the candidate at decision position
/// <c>k + lookahead</c> right after applying decision <c>k</c>, and reports every decision, in proposal order,
/// through <see cref="Observe"/> (also when rebuilding state on resume). A proposer must therefore be a
/// deterministic function of the run seed, the proposal index and the decisions observed so far.</summary>
public interface IProposer
{
    /// <summary>Short name recorded in the ledger (e.g. "replay", "builtin").</summary>
    string Name { get; }

    /// <summary>The next proposal, or null when the proposer has nothing more to offer (the run then ends).</summary>
    ValueTask<Proposal?> ProposeAsync(ProposalContext context, CancellationToken cancellationToken);

    /// <summary>Learns from one decision. Called in proposal order; never sees holdout numbers.</summary>
    void Observe(Decision decision);
}

/// <summary>What a proposer may know when it proposes: never holdout results, never the policy.</summary>
/// <param name="Index">Index of this proposal in the run, duplicates included; the initial program is proposal 0, so proposers see 1, 2, ...</param>
/// <param name="Seed">A seed derived from the run seed and <paramref name="Index"/>.</param>
/// <param name="Champion">The current champion, or the root candidate when none was promoted yet.</param>
/// <param name="Task">The task (its program files and objective).</param>
/// <param name="IsKnown">True for a program id that was already proposed in this run (identical programs are never assessed twice).</param>
public sealed record ProposalContext(
    long Index,
    ulong Seed,
    CandidateView Champion,
    TaskSpec Task,
    Func<string, bool> IsKnown);

/// <summary>A candidate as a proposer may see it: visible numbers only.</summary>
/// <param name="Id">Program id (full SHA-256 hex).</param>
/// <param name="Program">The program files.</param>
/// <param name="Score">Visible objective value, when assessed ok.</param>
/// <param name="Metrics">The scorer's visible metrics as JSON text, when assessed ok.</param>
public sealed record CandidateView(string Id, ProgramSnapshot Program, double? Score, string? Metrics);

/// <summary>A proposed change, relative to <see cref="ParentId"/> (the champion when null).</summary>
/// <param name="Label">Human label, recorded everywhere.</param>
/// <param name="Change">The new program: full contents or a unified diff.</param>
/// <param name="ParentId">Program id of the parent; null means the champion at proposal time.</param>
/// <param name="Operator">What produced it (e.g. "replay", "mutate-literal"); recorded in the ledger.</param>
/// <param name="Meta">Extra facts for the ledger, as a flat string map.</param>
public sealed record Proposal(
    string Label,
    ProposalChange Change,
    string? ParentId = null,
    string Operator = "replay",
    IReadOnlyDictionary<string, string>? Meta = null);

/// <summary>The content of a proposal.</summary>
public abstract record ProposalChange
{
    private ProposalChange()
    {
    }

    /// <summary>New full contents of some files; files not named are inherited from the parent.</summary>
    public sealed record Files(IReadOnlyDictionary<string, string> Contents) : ProposalChange;

    /// <summary>A unified diff against the parent (paths as in <c>[program] files</c>, optional a/ b/ prefixes).</summary>
    public sealed record Patch(string UnifiedDiff) : ProposalChange;
}

/// <summary>One applied decision, as a proposer learns it (visible facts only).</summary>
/// <param name="Index">Position in the run's decision order: 0 is the initial program (the root), then 1, 2, ...</param>
/// <param name="Candidate">The assessed candidate (Score null unless outcome is ok).</param>
/// <param name="ParentId">Its parent's program id (null for the root).</param>
/// <param name="Operator">The operator that produced it.</param>
/// <param name="Outcome">Typed outcome.</param>
/// <param name="Promoted">True when it became champion.</param>
/// <param name="ChampionScore">The champion's visible score after this decision.</param>
public sealed record Decision(
    long Index,
    CandidateView Candidate,
    string? ParentId,
    string Operator,
    Evaluation.Outcome Outcome,
    bool Promoted,
    double? ChampionScore);
