namespace Ratchet.Sandbox;

/// <summary>What <see cref="SandboxFactory.Create(SandboxOptions)"/> gives: a sandbox ready to run, or why none could be made.</summary>
public abstract record SandboxCreation
{
    private SandboxCreation()
    {
    }

    /// <summary>A working sandbox (check <see cref="ISandbox.Info"/> for what it enforces here).</summary>
    public sealed record Ready(ISandbox Sandbox) : SandboxCreation;

    /// <summary>No sandbox: <paramref name="Message"/> says what failed and how to fix it (never a stack trace).</summary>
    public sealed record Refused(string Message) : SandboxCreation;
}
