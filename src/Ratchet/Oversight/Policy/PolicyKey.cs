namespace Ratchet.Oversight;

/// <summary>The TOML type a policy key takes.</summary>
public enum PolicyKind
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A number (integer or float), finite.</summary>
    Number,
    /// <summary>One string out of a fixed set.</summary>
    Choice,
    /// <summary>An array of static-rule ids.</summary>
    RuleList,
    /// <summary>An array of two whole numbers <c>[count, per]</c>.</summary>
    IntegerPair,
}

/// <summary>One documented policy key: where it lives, its type, its range and what it means.</summary>
/// <param name="Section">The table (<c>auditors</c>, <c>tripwires</c>, <c>approval</c>, <c>slowdown</c>).</param>
/// <param name="Name">The key inside the table.</param>
/// <param name="Kind">Its TOML type.</param>
/// <param name="Doc">One sentence for <c>docs/policy.md</c> and error messages.</param>
/// <param name="Example">A valid value as written in TOML, used in error messages.</param>
/// <param name="Min">Smallest allowed value (numbers, integers, each element of a pair).</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="CanBeOff">True when <c>false</c> switches the rule off.</param>
/// <param name="Choices">The allowed strings of a <see cref="PolicyKind.Choice"/>.</param>
public sealed record PolicyKey(
    string Section,
    string Name,
    PolicyKind Kind,
    string Doc,
    string Example,
    double Min = 0,
    double Max = double.MaxValue,
    bool CanBeOff = false,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary><c>section.name</c>, the key's identity in errors and the canonical form.</summary>
    public string Path => $"{Section}.{Name}";

    /// <summary>What the key expects, in words, e.g. "a number from 0 to 1, or false (off)".</summary>
    public string Expectation
    {
        get
        {
            var what = Kind switch
            {
                PolicyKind.Bool => "true or false",
                PolicyKind.Integer => $"a whole number {Range()}",
                PolicyKind.Number => $"a number {Range()}",
                PolicyKind.Choice => "one of " + string.Join(", ", Choices!.Select(c => $"\"{c}\"")),
                PolicyKind.RuleList => "an array of rule ids (see `ratchet policy rules`)",
                PolicyKind.IntegerPair => $"an array of two whole numbers [count, per], each {Range()}",
                _ => throw new InvalidOperationException(Kind.ToString()),
            };
            return CanBeOff ? what + ", or false (off)" : what;
        }
    }

    private string Range() => Max == double.MaxValue
        ? $"of at least {PolicyFormat.Number(Min)}"
        : $"from {PolicyFormat.Number(Min)} to {PolicyFormat.Number(Max)}";
}
