using Ratchet.Evaluation;
using Ratchet.Tasks;

namespace Ratchet.Runs;

/// <summary>A candidate between proposal and decision, in the controller's memory.</summary>
internal sealed class QueueItem(long seq, string id, ProgramSnapshot program, string? parent, string @operator, double? championScoreAtProposal)
{
    public long Seq { get; } = seq;

    public string Id { get; } = id;

    public ProgramSnapshot Program { get; } = program;

    public string? Parent { get; } = parent;

    public string Operator { get; } = @operator;

    /// <summary>The champion's visible score when this was proposed (decides whether the holdout is measured).</summary>
    public double? ChampionScoreAtProposal { get; } = championScoreAtProposal;

    /// <summary>The evaluation in flight, if started.</summary>
    public Task<EvaluationReport>? Running { get; set; }

    /// <summary>The stored assessment, once known.</summary>
    public EvaluationReport? Report { get; set; }
}
