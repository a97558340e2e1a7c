using Ratchet.Evaluation;
using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Operators;
using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Proposers.Builtin;

/// <summary>Ratchet's offline search (name "builtin"): a MAP-Elites archive on islands, parents drawn by an
/// exploit/explore/random mix, and operators (adaptive literal steps, a CMA-ES joint literal move, line and token
/// edits, crossover) chosen by a discounted Thompson-sampling bandit. Its whole state is a function of the genome,
/// the run seed and the decisions observed, so replaying the decisions on a fresh instance rebuilds it exactly.</summary>
public sealed partial class BuiltinProposer : IProposer
{
    /// <summary>Index gap with no decision after which the search reports itself exhausted (every child it finds is known).</summary>
    private const long ExhaustedAfter = 10_000;

    private readonly ImproverGenome _genome;
    private readonly ObjectiveSpec _objective;
    private readonly Archive _archive;
    private readonly ParentSelector _selector;
    private readonly Migration _migration;
    private readonly OperatorBandit _bandit;
    private readonly StepSizeTable _steps;
    private readonly ProgramViewCache _views = new();
    private readonly Dictionary<string, (ProgramSnapshot Program, double? Score)> _known = new(StringComparer.Ordinal);
    private CmaState? _cma;
    private long _decisions;
    private long _lastIndex = -1;

    /// <param name="genome">The search settings; must be valid (see <see cref="ImproverGenome.Validate"/>).</param>
    /// <param name="task">The task: its objective decides what "better" means.</param>
    /// <param name="runSeed">The run's seed; only migration to random islands draws on it directly, everything else
    /// on <see cref="ProposalContext.Seed"/>.</param>
    public BuiltinProposer(ImproverGenome genome, TaskSpec task, ulong runSeed)
    {
        var errors = genome.Validate();
        if (errors.Count > 0)
            throw new ArgumentException("invalid improver genome: " + string.Join("; ", errors), nameof(genome));
        _genome = genome;
        _objective = task.Objective;
        _archive = new Archive(genome.Archive, task.Objective.Direction);
        _selector = new ParentSelector(genome.Selection);
        _migration = new Migration(genome.Migration, runSeed);
        _bandit = new OperatorBandit(genome.Bandit, genome.Operators);
        _steps = new StepSizeTable(genome.Literal);
    }

    public string Name => "builtin";

    /// <summary>The archive, for reports: elites per island, occupancy, and whether a candidate was kept.</summary>
    public IArchiveView Archive => _archive;

    public void Observe(Decision decision)
    {
        _lastIndex = decision.Index;
        var candidate = decision.Candidate;
        var ok = decision.Outcome == Outcome.Ok && candidate.Score is not null;
        if (ok || decision.ParentId is null)
            _known[candidate.Id] = (candidate.Program, ok ? candidate.Score : null);
        if (decision.ParentId is null)
        {
            _archive.SetRoot(candidate.Program);
            if (ok)
                _archive.Offer(candidate.Id, candidate.Program, candidate.Score!.Value, candidate.Metrics, island: null, decision.Index);
            return;
        }
        _decisions++;
        _archive.RecordChild(decision.ParentId);
        var parent = _known.TryGetValue(decision.ParentId, out var p) ? p : default;
        var improved = ok && parent.Score is { } before && _objective.Improves(candidate.Score!.Value, before);
        if (MutationKinds.TryParse(decision.Operator, out var kind))
        {
            var gain = ok && parent.Score is { } from ? _objective.Gain(candidate.Score!.Value, from) : (double?)null;
            _bandit.Record(kind, OperatorBandit.Reward(_genome.Bandit, ok, improved, gain, parent.Score ?? 0));
            if (parent.Program is not null)
                Adapt(kind, parent.Program, candidate.Program, improved);
        }
        if (ok)
            _archive.Offer(candidate.Id, candidate.Program, candidate.Score!.Value, candidate.Metrics, IslandOf(decision.Index), decision.Index);
        if (_migration.IsDue(_decisions))
            _migration.Migrate(_archive);
    }

    /// <summary>A canonical text of the whole learnt state, for checking that a replay rebuilt it exactly.</summary>
    internal string Fingerprint() =>
        $"{_archive.Fingerprint()}bandit {_bandit.Fingerprint()}\nsteps\n{_steps.Fingerprint()}cma {_cma?.Fingerprint()}\n" +
        $"decisions={_decisions} last={_lastIndex} known={_known.Count}";

    internal OperatorBandit Bandit => _bandit;

    internal StepSizeTable Steps => _steps;

    internal CmaState? Cma => _cma;

    private int IslandOf(long index) => (int)(index % _archive.Islands);

    private void Adapt(MutationKind kind, ProgramSnapshot parentProgram, ProgramSnapshot childProgram, bool improved)
    {
        if (kind is not (MutationKind.Literal or MutationKind.Cma))
            return;
        var parent = _views.Get(parentProgram);
        var child = _views.Get(childProgram);
        if (kind == MutationKind.Literal)
        {
            foreach (var key in ChangedLiterals(parent, child))
                _steps.Record(key, improved);
        }
        else if (kind == MutationKind.Cma && CmaMutation.Layout(parent, _genome.Cma) is var layout
                 && layout == CmaMutation.Layout(child, _genome.Cma) && CmaMutation.Applies(parent, _genome.Cma))
        {
            var from = CmaMutation.Values(parent, _genome.Cma);
            if (_cma?.Layout != layout)
                _cma = new CmaState(layout, from, _genome.Cma, _genome.Literal.ZeroScale);
            _cma.Update(from, CmaMutation.Values(child, _genome.Cma), improved);
        }
    }

    /// <summary>The keys of the literals whose text differs between parent and child; none when anything but
    /// literal texts changed (then the step sizes learn nothing from the decision).</summary>
    private static List<string> ChangedLiterals(ProgramView parent, ProgramView child)
    {
        var changed = new List<string>();
        foreach (var file in parent.Files)
        {
            var other = child.Files.FirstOrDefault(f => f.Path == file.Path);
            if (other is null || other.Text == file.Text)
                continue;
            if (other.Literals.Count != file.Literals.Count)
                return [];
            for (var i = 0; i < file.Literals.Count; i++)
            {
                var (a, b) = (file.Literals[i], other.Literals[i]);
                if (a.Key != b.Key)
                    return [];
                if (file.Text[a.Start..a.End] != other.Text[b.Start..b.End])
                    changed.Add(a.Key);
            }
        }
        return changed;
    }
}
