using Ratchet.Storage;

namespace Ratchet.Runs;

/// <summary>Receives what a run does, for live displays. Called on the controller's loop: keep it quick.</summary>
public interface IRunObserver
{
    /// <summary>A notable line for people (a promotion, a resume, the end).</summary>
    void Line(string text);

    /// <summary>A candidate was decided.</summary>
    void Decided(DecidedCandidate candidate, RunSummary progress);

    /// <summary>The run asks a human (a promotion or a fired tripwire); answer with <c>ratchet approve|reject</c>.</summary>
    void ApprovalRequested(long id, string kind, string candidate, IReadOnlyList<string> reasons)
    {
    }
}

/// <summary>An observer that ignores everything.</summary>
public sealed class NullRunObserver : IRunObserver
{
    public static NullRunObserver Instance { get; } = new();

    public void Line(string text)
    {
    }

    public void Decided(DecidedCandidate candidate, RunSummary progress)
    {
    }
}

/// <summary>What a run just decided about a candidate, from the controller's memory (observers are called once per
/// evaluation on the loop: reading the candidate back from the store cost a query and a dozen JSON parses each time).</summary>
/// <param name="Status">Champion when promoted; otherwise accepted, rejected or failed.</param>
public sealed record DecidedCandidate(string Id, long Seq, string? Parent, string? Operator, CandidateStatus Status, Evaluation.Outcome Outcome, double? Score);
