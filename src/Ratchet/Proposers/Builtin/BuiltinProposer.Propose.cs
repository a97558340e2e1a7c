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

    /// <summary>Tries up to <see cref="Genome.ImproverGenome.Attempts"/> mutations, each from its own seed derived from the
    /// proposal's seed, for a child that is new and passes the checks. A valid but known child is the fallback (the
    /// controller skips it at no cost); while no valid child has turned up at all, it keeps trying up to four times as
    /// long. Null only when nothing valid can be made, or when thousands of proposals in a row were all known.</summary>
    private Proposal? Propose(ProposalContext context)
    {
        if (_lastIndex >= 0 && context.Index - _lastIndex > ExhaustedAfter)
            return null;
        var champion = _views.Get(context.Champion.Program);
        var canCross = _archive.All.Select(e => e.CandidateId).Distinct().Skip(1).Any();
        Proposal? fallback = null;
        for (var attempt = 0; attempt < _genome.Attempts * (fallback is null ? 4 : 1); attempt++)
        {
            var random = new SearchRandom(SearchRandom.Derive(context.Seed, (ulong)attempt));
            var island = IslandOf(context.Index);
            var pick = _selector.Select(_archive, island, random);
            var parent = pick is { } p ? _views.Get(p.Entry.Program) : champion;
            var kind = _bandit.Choose(random, k => Applies(k, parent, champion, canCross));
            if (kind is not { } chosen)
                continue;
            var basis = chosen == MutationKind.Cma ? champion : parent;
            if (Mutate(chosen, basis, island, random) is not { } mutation)
                continue;
            if (CandidateCheck.Check(basis, mutation).Child is not { } child)
                continue;
            var meta = new Dictionary<string, string>(mutation.Meta, StringComparer.Ordinal)
            {
                ["island"] = island.ToString(CultureInfo.InvariantCulture),
                ["selection"] = chosen == MutationKind.Cma ? "champion" : pick?.Mode.ToString().ToLowerInvariant() ?? "champion",
                ["attempt"] = attempt.ToString(CultureInfo.InvariantCulture),
            };
            var proposal = new Proposal(mutation.Label, new ProposalChange.Files(mutation.Changed), basis.Id, chosen.ToWire(), meta);
            if (!context.IsKnown(child.Id))
                return proposal;
            fallback ??= proposal;
        }
        return fallback;
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
        MutationKind.Cma => CmaMutation.Apply(parent, CmaFor(parent), _genome.Literal, random),
        MutationKind.OperatorSwap or MutationKind.BooleanFlip => TokenEdit.Apply(kind, parent, random),
        MutationKind.Crossover => Mate(parent, island, random) is { } mate ? Crossover.Apply(parent, mate, _genome.Crossover, random) : null,
        _ => LineEdit.Apply(kind, parent, _genome.Lines.Window, random),
    };

    /// <summary>The learnt CMA state when it fits the mean's literals, else a fresh one (not kept: only decisions change state).</summary>
    private CmaState CmaFor(ProgramView mean) =>
        _cma is { } state && state.Layout == mean.FloatLayout
            ? state
            : new CmaState(mean.FloatLayout, mean.FloatValues(), _genome.Cma, _genome.Literal.ZeroScale);

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
