using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Checks;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Operators;

namespace Ratchet.Proposers.Builtin;

/// <summary>The benchmark baseline (name "hillclimb"): one random mutation of the champion per proposal, the operator
/// drawn uniformly, literals moved by a fixed relative step. No archive, no crossover, no adaptation.</summary>
public sealed class RandomHillClimbProposer : IProposer
{
    private static readonly MutationKind[] Kinds =
    [
        MutationKind.Literal, MutationKind.LineDelete, MutationKind.LineDuplicate, MutationKind.LineSwap,
        MutationKind.LineMove, MutationKind.OperatorSwap, MutationKind.BooleanFlip,
    ];

    private readonly LiteralSettings _literal;
    private readonly StepSizeTable _steps;
    private readonly ProgramViewCache _views = new();
    private readonly int _attempts;

    /// <param name="relativeStep">Step of a literal relative to max(|value|, 0.1) (default 0.1).</param>
    /// <param name="attempts">Mutations tried per proposal for a new, syntactically sound child (default 24).</param>
    public RandomHillClimbProposer(double relativeStep = 0.1, int attempts = 24)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(relativeStep);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        _literal = new LiteralSettings { InitialStep = relativeStep, MinStep = relativeStep / 2, MaxStep = relativeStep * 2, Adapt = 0, StepSpread = 0, SameLine = 0 };
        _steps = new StepSizeTable(_literal);
        _attempts = attempts;
    }

    public string Name => "hillclimb";

    public ValueTask<Proposal?> ProposeAsync(ProposalContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var champion = _views.Get(context.Champion.Program);
        return ValueTask.FromResult(ProposalAttempts.Run(context, _attempts, (random, _) =>
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var mutation = kind switch
            {
                MutationKind.Literal => LiteralMutation.Apply(champion, _steps, _literal, random),
                MutationKind.OperatorSwap or MutationKind.BooleanFlip => TokenEdit.Apply(kind, champion, random),
                _ => LineEdit.Apply(kind, champion, window: 12, random),
            };
            if (mutation is null || CandidateCheck.Check(champion, mutation).Child is not { } child)
                return null;
            return (new Proposal(mutation.Label, new ProposalChange.Files(mutation.Changed), champion.Id, kind.ToWire(), mutation.Meta), child);
        }));
    }

    /// <summary>The baseline learns nothing.</summary>
    public void Observe(Decision decision)
    {
    }
}
