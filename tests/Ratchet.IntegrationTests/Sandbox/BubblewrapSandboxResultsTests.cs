using System.Text;
using Ratchet.Sandbox;
using Ratchet.Sandbox.Native;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>Results folders: what is refused, and how the trusted scorer sees what is accepted.</summary>
[Collection(SandboxCollection.Name)]
public sealed class BubblewrapSandboxResultsTests(SandboxFixture fixture)
{
    private ISandbox Sandbox => fixture.Sandbox;

    [Theory]
    [InlineData("ln -s /etc/passwd $RATCHET_OUT/answer.txt", "results: out/answer.txt is a symbolic link")]
    [InlineData("mkdir $RATCHET_OUT/d && mkfifo $RATCHET_OUT/d/pipe", "results: out/d/pipe is a named pipe (fifo)")]
    [InlineData("echo 1 > $RATCHET_OUT/a && ln $RATCHET_OUT/a $RATCHET_OUT/b", "results: out/a has 2 hard links")]
    public async Task Run_WhenResultsHoldSomethingButRegularFiles_RefusesNamingThePath(string script, string detail)
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell(script, Runs.Limits(outputBytes: 65536), collect: true));

        Assert.True(run.Termination == Termination.ResultsRefused, run.Describe());
        Assert.Equal(detail, run.Detail);
        Assert.Null(run.Results);
    }

    [Fact]
    public async Task Run_WhenCandidateWritesPastTheResultsCap_ReportsOutputLimit()
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell("head -c 200000 /dev/zero > $RATCHET_OUT/big", Runs.Limits(outputBytes: 65536), collect: true));

        Assert.True(run.Termination == Termination.OutputLimit, run.Describe());
        Assert.Contains("over the cap of 65536", run.Detail);
    }

    [Fact]
    public async Task Run_WhenASparseFileClaimsMoreThanTheCap_ReportsOutputLimitNamingIt()
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell("truncate -s 10M $RATCHET_OUT/big", Runs.Limits(outputBytes: 65536), collect: true));

        Assert.True(run.Termination == Termination.OutputLimit, run.Describe());
        Assert.StartsWith("results: out/big is 10485760 bytes, over the cap of 65536", run.Detail);
        Assert.Null(run.Results);
    }

    [Fact]
    public async Task Run_WithATinyCap_AcceptsSmallFilesThatFitIt()
    {
        // Regression: tmpfs charges each file a whole page, so a 4096-byte cap used to read as "full" after one small file.
        await using var run = await Sandbox.RunAsync(Runs.Shell("echo 100 > $RATCHET_OUT/a && echo 200 > $RATCHET_OUT/b", Runs.Limits(outputBytes: 4096), collect: true));

        Assert.True(run.Termination == Termination.Exited && run.ExitCode == 0, run.Describe());
        Assert.Equal(["a", "b"], run.Results!.Files.Select(f => f.RelativePath));
    }

    [Fact]
    public async Task Score_WhenTheRunsResultsAreAccepted_SeesThemReadOnlyWithTheResources()
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell(
            "mkdir $RATCHET_OUT/sub && echo '{\"answer\": 42}' > $RATCHET_OUT/sub/result.json", collect: true));
        Assert.True(run.Termination == Termination.Exited, run.Describe());
        var file = Assert.Single(run.Results!.Files);
        Assert.Equal(new ResultFile("sub/result.json", 15), file);
        var sealedFile = FileStatus.Lstat(Path.Combine(run.Results.HostDirectory, "sub", "result.json"))!.Value;
        Assert.Equal((FileKind.Regular, 0u, 0x1a4u), (sealedFile.Kind, sealedFile.Uid, sealedFile.Mode)); // root's, read-only to the sandbox uid

        await using var score = await Sandbox.RunAsync(new SandboxRequest
        {
            Command = ["/bin/sh", "-c",
                "echo $RATCHET_RUN_OUT $RATCHET_RESOURCES; cat $RATCHET_RUN_OUT/sub/result.json $RATCHET_RESOURCES; echo; " +
                "(echo x > $RATCHET_RUN_OUT/sub/result.json) 2>/dev/null || echo READONLY; " +
                "stat -c '%a' $RATCHET_RUN_OUT/sub/result.json; grep -c ' /run-out ro,' /proc/self/mountinfo; " +
                "test -z \"$RATCHET_OUT\" && echo NO-OUT"],
            RunResults = run.Results,
            ResourcesJson = Encoding.UTF8.GetBytes("{\"cpu_seconds\": 0.01}"),
            Limits = Runs.Limits(),
        });

        Assert.Equal(
            "/run-out /ratchet/resources.json\n{\"answer\": 42}\n{\"cpu_seconds\": 0.01}\nREADONLY\n644\n1\nNO-OUT\n",
            score.Out());
    }
}
