using System.Globalization;
using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Checks;
using Ratchet.Proposers.Builtin.Operators;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin;

public sealed partial class BuiltinProposer
{
    public ValueTask<Proposal?> ProposeAsync(ProposalContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Propose(context));
    }

    /// <summary>Tries mutations (see <see cref="ProposalAttempts"/>) for a new child that passes the checks. Null only
    /// when nothing valid can be made, or when thousands of proposals in a row were all known (the search is exhausted).</summary>
    private Proposal? Propose(ProposalContext context)
    {
        if (_lastIndex >= 0 && context.Index - _lastIndex > ExhaustedAfter)
            return null;
        var champion = _views.Get(context.Champion.Program);
        var canCross = _archive.All.Select(e => e.CandidateId).Distinct().Skip(1).Any();
        var island = IslandOf(context.Index);
        return ProposalAttempts.Run(context, _genome.Attempts, (random, attempt) =>
        {
            var pick = _selector.Select(_archive, island, random);
            var parent = pick is { } p ? _views.Get(p.Entry.Program) : champion;
            if (_bandit.Choose(random, k => Applies(k, parent, champion, canCross)) is not { } kind)
                return null;
            var basis = kind == MutationKind.Cma ? champion : parent;
            if (Mutate(kind, basis, island, random) is not { } mutation || CandidateCheck.Check(basis, mutation).Child is not { } child)
                return null;
            var meta = new Dictionary<string, string>(mutation.Meta, StringComparer.Ordinal)
            {
                ["island"] = island.ToString(CultureInfo.InvariantCulture),
                ["selection"] = kind == MutationKind.Cma ? "champion" : pick?.Mode.ToString().ToLowerInvariant() ?? "champion",
                ["attempt"] = attempt.ToString(CultureInfo.InvariantCulture),
            };
            return (new Proposal(mutation.Label, new ProposalChange.Files(mutation.Changed), basis.Id, kind.ToWire(), meta), child);
        });
    }

    private bool Applies(MutationKind kind, ProgramView parent, ProgramView champion, bool canCross) => kind switch
    {
        MutationKind.Literal => parent.LiteralCount > 0,
        MutationKind.Cma => CmaMutation.Applies(champion, _genome.Cma),
        MutationKind.OperatorSwap or MutationKind.BooleanFlip => TokenEdit.Applies(kind, parent),
        MutationKind.Crossover => canCross,
        _ => LineEdit.Applies(kind, parent),
    };

    private Mutation? Mutate(MutationKind kind, ProgramView parent, int island, SearchRandom random) => kind switch
    {
        MutationKind.Literal => LiteralMutation.Apply(parent, _steps, _genome.Literal, random),
        MutationKind.Cma => CmaMutation.Apply(parent, CmaFor(parent), _genome.Cma, _genome.Literal, random),
        MutationKind.OperatorSwap or MutationKind.BooleanFlip => TokenEdit.Apply(kind, parent, random),
        MutationKind.Crossover => Mate(parent, island, random) is { } mate ? Crossover.Apply(parent, mate, _genome.Crossover, random) : null,
        _ => LineEdit.Apply(kind, parent, _genome.Lines.Window, random),
    };

    /// <summary>The learnt CMA state when it fits the mean's literals, else a fresh one (not kept: only decisions change state).</summary>
    private CmaState CmaFor(ProgramView mean) =>
        _cma is { } state && state.Layout == CmaMutation.Layout(mean, _genome.Cma)
            ? state
            : new CmaState(CmaMutation.Layout(mean, _genome.Cma), CmaMutation.Values(mean, _genome.Cma), _genome.Cma, _genome.Literal.ZeroScale);

    /// <summary>A second elite for crossover: by tournament from the same island, or sometimes from another one.</summary>
    private ProgramView? Mate(ProgramView parent, int island, SearchRandom random)
    {
        var from = island;
        if (_archive.Islands > 1 && random.Chance(_genome.Crossover.OtherIsland))
            from = (island + 1 + random.Next(_archive.Islands - 1)) % _archive.Islands;
        var pool = _archive.ElitesOf(from).Where(e => e.CandidateId != parent.Id).ToArray();
        if (pool.Length == 0)
            pool = [.. _archive.All.Where(e => e.CandidateId != parent.Id)];
        return pool.Length == 0 ? null : _views.Get(_selector.Tournament(_archive, pool, random).Program);
    }
}
