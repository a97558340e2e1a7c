namespace Ratchet.Proposers.Builtin.Text;

/// <summary>The syntax families the built-in search knows, chosen by file extension.</summary>
internal enum LanguageFamily
{
    /// <summary>Unknown extension: quotes and <c>#</c> / <c>//</c> comments are protected, nothing else assumed.</summary>
    Generic,
    CSharp,
    Python,
    JavaScript,
    /// <summary>C, C++, CUDA, Java, Go, Rust, Kotlin and similar brace languages.</summary>
    CLike,
}
