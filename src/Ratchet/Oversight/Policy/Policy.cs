using System.Security.Cryptography;
using System.Text;

namespace Ratchet.Oversight;

/// <summary>The human-owned rules of oversight for one run: auditors, tripwires, approvals and slowdown.
/// Only <see cref="PolicyLoader"/> builds one, from a file, a preset name or the default; nothing a proposer
/// produces can express or reach it.</summary>
public sealed class Policy
{
    private Policy(string source, string preset, IReadOnlyDictionary<string, object?> values)
    {
        Source = source;
        Preset = preset;
        Values = values;
        Auditors = PolicyValues.Auditors(values);
        Tripwires = PolicyValues.Tripwires(values);
        Approval = PolicyValues.Approval(values);
        Slowdown = PolicyValues.Slowdown(values);
        Canonical = PolicyCanonical.Write(preset, values);
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical)));
    }

    /// <summary>Where the policy came from: a file path, <c>preset vet</c>, or <c>default (delegate)</c>.</summary>
    public string Source { get; }

    /// <summary>The preset the policy starts from (its own keys override the preset's).</summary>
    public string Preset { get; }

    /// <summary><c>[auditors]</c>.</summary>
    public AuditorPolicy Auditors { get; }

    /// <summary><c>[tripwires]</c>.</summary>
    public TripwirePolicy Tripwires { get; }

    /// <summary><c>[approval]</c>.</summary>
    public ApprovalPolicy Approval { get; }

    /// <summary><c>[slowdown]</c>.</summary>
    public SlowdownPolicy Slowdown { get; }

    /// <summary>Every key with its effective value, as canonical TOML: fixed table and key order, no comments,
    /// round-trippable numbers. Loading it gives the same policy.</summary>
    public string Canonical { get; }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 <see cref="Canonical"/> text; hashed into the ledger at run start.</summary>
    public string Hash { get; }

    /// <summary>Effective values by <c>section.key</c>; null means switched off.</summary>
    internal IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>The shipped default: the <c>delegate</c> preset.</summary>
    public static Policy Default => FromPreset(Presets.Default, $"default ({Presets.Default})");

    internal static Policy FromPreset(string preset, string source) => new(source, preset, Presets.Values(preset));

    internal static Policy Create(string source, string preset, IReadOnlyDictionary<string, object?> values) =>
        new(source, preset, values);

    public override string ToString() => $"policy {Source} ({Preset}, sha256 {Hash[..12]})";
}
