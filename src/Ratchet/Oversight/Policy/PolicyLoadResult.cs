namespace Ratchet.Oversight;

/// <summary>A loaded policy, or every mistake found in it (never both).</summary>
public sealed record PolicyLoadResult
{
    private PolicyLoadResult(Policy? policy, IReadOnlyList<PolicyError> errors)
    {
        Policy = policy;
        Errors = errors;
    }

    /// <summary>The policy when loading succeeded.</summary>
    public Policy? Policy { get; }

    /// <summary>All mistakes, in file order; empty on success.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    public bool Succeeded => Policy is not null;

    /// <summary>The heading and one indented line per error, e.g. <c>policy 'policy.toml' has 2 errors:</c>.</summary>
    public string Format()
    {
        if (Errors.Count == 0)
            return $"policy loaded from {Policy!.Source}";
        var heading = $"policy '{Errors[0].File}' has {Errors.Count} error{(Errors.Count == 1 ? "" : "s")}:";
        return heading + Environment.NewLine + string.Join(Environment.NewLine, Errors.Select(e => "  " + e));
    }

    public static PolicyLoadResult Success(Policy policy) => new(policy, []);

    public static PolicyLoadResult Failure(IEnumerable<PolicyError> errors)
    {
        var ordered = errors
            .Select((e, i) => (e, i))
            .OrderBy(x => x.e.Line ?? int.MaxValue)
            .ThenBy(x => x.e.Column ?? 0)
            .ThenBy(x => x.i)
            .Select(x => x.e)
            .Distinct()
            .ToArray();
        if (ordered.Length == 0)
            throw new ArgumentException("a failure needs at least one error", nameof(errors));
        return new PolicyLoadResult(null, ordered);
    }
}
