using Ratchet.Evaluation;
using Ratchet.Tasks;

namespace Ratchet.Proposers.Builtin.Simulation;

/// <summary>The controller's bookkeeping in a simulation: known programs, the champion, the best-so-far curve.</summary>
internal sealed class SimulatedRun(TaskSpec task, Func<ProgramSnapshot, SimulatedScore?> objective)
{
    private readonly Dictionary<string, ProgramSnapshot> _programs = new(StringComparer.Ordinal);
    private readonly List<double> _curve = [];
    private readonly Dictionary<string, int> _operators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _promotions = new(StringComparer.Ordinal);
    private readonly List<Decision> _decisions = [];

    public CandidateView Champion { get; private set; } = null!;

    public long Proposals { get; set; }

    public long Duplicates { get; set; }

    public bool IsKnown(string programId) => _programs.ContainsKey(programId);

    /// <summary>Registers a proposed program; false when it was already known.</summary>
    public bool Remember(ProgramSnapshot program) => _programs.TryAdd(program.Id, program);

    public ProgramSnapshot Apply(Proposal proposal)
    {
        var parent = proposal.ParentId is { } id ? _programs[id] : Champion.Program;
        if (proposal.Change is not ProposalChange.Files files)
            throw new ArgumentException("the simulator takes whole-file proposals only", nameof(proposal));
        return files.Contents.Aggregate(parent, (program, file) => program.With(file.Key, file.Value));
    }

    public Decision Decide(long index, ProgramSnapshot program, string? parentId, string op)
    {
        _programs.TryAdd(program.Id, program);
        var scored = objective(program);
        var ok = scored is not null && double.IsFinite(scored.Score);
        var candidate = new CandidateView(program.Id, program, ok ? scored!.Score : null, ok ? scored!.Metrics : null);
        var promoted = ok && (Champion?.Score is not { } best || task.Objective.Improves(candidate.Score!.Value, best));
        if (promoted || Champion is null)
            Champion = candidate;
        if (parentId is not null)
        {
            _curve.Add(Champion.Score ?? double.NaN);
            _operators[op] = _operators.GetValueOrDefault(op) + 1;
            if (promoted)
                _promotions[op] = _promotions.GetValueOrDefault(op) + 1;
        }
        var decision = new Decision(index, candidate, parentId, op, ok ? Outcome.Ok : Outcome.Crashed, promoted, Champion.Score);
        _decisions.Add(decision);
        return decision;
    }

    public SimulationResult Result() =>
        new(_curve, Champion.Program, Champion.Score ?? double.NaN, Proposals, Duplicates, _operators, _promotions, _decisions);
}
