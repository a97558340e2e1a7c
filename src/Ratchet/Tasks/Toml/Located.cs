namespace Ratchet.Tasks.Toml;

/// <summary>A value read from a file, with where it was written.</summary>
internal readonly record struct Located<T>(T Value, TextPos Pos);
