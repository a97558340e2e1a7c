namespace Ratchet.Cli;

/// <summary>Entry point of the <c>ratchet</c> command.</summary>
public static class Program
{
    public static int Main(string[] args) => 0;
}
