using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>One real bubblewrap sandbox shared by the sandbox tests. No bwrap means every test fails with the
/// factory's message (the install command), never a skip.</summary>
public sealed class SandboxFixture : IDisposable
{
    public SandboxFixture()
    {
        StateDirectory = Path.Combine(Path.GetTempPath(), "ratchet-it-" + Guid.NewGuid().ToString("N")[..12]);
        Sandbox = SandboxFactory.Create(new SandboxOptions(StateDirectory)) switch
        {
            SandboxCreation.Ready { Sandbox: BubblewrapSandbox sandbox } => sandbox,
            SandboxCreation.Refused refused => throw new InvalidOperationException(refused.Message),
            var other => throw new InvalidOperationException($"expected the bubblewrap sandbox, got {other}"),
        };
    }

    public string StateDirectory { get; }

    internal BubblewrapSandbox Sandbox { get; }

    public void Dispose()
    {
        Sandbox.Dispose();
        Ratchet.Sandbox.Staging.TreeDeletion.Delete(StateDirectory);
    }
}

/// <summary>Sandbox tests run one after another: their timing limits should not fight each other for 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "bubblewrap sandbox";
}
