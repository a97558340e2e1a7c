using Ratchet.Sandbox;

namespace Ratchet.Cli.Commands;

/// <summary>Makes the sandbox in the background (its trial launch and its code's first use take tens of milliseconds)
/// while the caller opens the store. Disposing it ends a sandbox that was made but never taken.</summary>
internal sealed class SandboxStart : IDisposable
{
    private readonly Task<SandboxCreation> _creating;
    private bool _taken;

    private SandboxStart(SandboxOptions options) => _creating = Task.Run(() => SandboxFactory.Create(options));

    public static SandboxStart Begin(SandboxOptions options) => new(options);

    /// <summary>The sandbox, once made; the caller owns it from here. A refusal becomes a <see cref="CliException"/>
    /// with the factory's message (what to install, or --unsafe-no-sandbox).</summary>
    public ISandbox Take()
    {
        _taken = true;
        return _creating.GetAwaiter().GetResult() switch
        {
            SandboxCreation.Ready ready => ready.Sandbox,
            SandboxCreation.Refused refused => throw new CliException(refused.Message, ExitCodes.Environment),
            _ => throw new InvalidOperationException("unknown sandbox creation result"),
        };
    }

    public void Dispose()
    {
        if (_taken)
            return;
        try
        {
            if (_creating.GetAwaiter().GetResult() is SandboxCreation.Ready { Sandbox: IDisposable sandbox })
                sandbox.Dispose();
        }
        catch (Exception)
        {
            // The command is failing for another reason already; a sandbox that could not be made has nothing to end.
        }
    }
}
