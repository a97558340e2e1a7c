namespace Ratchet.Proposers.Builtin.Text;

/// <summary>Words after which an operator is unary and a number starts an operand, in every supported family.</summary>
internal static class Keywords
{
    private static readonly HashSet<string> OperandStarters =
    [
        "return", "yield", "case", "in", "of", "else", "not", "and", "or", "if", "elif", "while", "for", "await",
        "throw", "typeof", "new", "delete", "void", "do", "lambda", "is", "assert", "del", "raise", "with", "as",
        "from", "import", "print", "when", "goto", "default",
    ];

    public static bool StartsOperand(string word) => OperandStarters.Contains(word);
}
