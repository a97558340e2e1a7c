using System.Globalization;

namespace Ratchet.Oversight;

/// <summary>Number formatting shared by the policy's canonical form and by human-facing reasons.</summary>
public static class PolicyFormat
{
    /// <summary>A number as people read it: invariant culture, up to 4 significant digits (<c>0.83</c>, <c>41</c>, <c>1.5e+06</c>).</summary>
    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A float as canonical TOML: round-trippable and always with a fraction or exponent (<c>10.0</c>, <c>0.05</c>).</summary>
    public static string TomlFloat(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
