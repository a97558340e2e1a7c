namespace Ratchet.Tests.Evaluation.Build;

public sealed partial class CSharpBuilderTests
{
    /// <summary>What the run sandbox gives a C# candidate: only /usr and /etc, a read-only working folder, HOME=/tmp,
    /// an unprivileged uid, no network, and the builder's <see cref="Ratchet.Evaluation.Build.CSharpBuilder.RunEnvironment"/>.
    /// Needs bubblewrap, which Ratchet requires anyway.</summary>
    [Fact]
    public async Task Build_WhenRunInABubblewrapLikeTheRunSandbox_ReadOnlyFolderHomeTmpNoServerGc_PrintsTheOutput()
    {
        Assert.True(File.Exists("/usr/bin/bwrap"), "bubblewrap is missing: apt-get install -y bubblewrap");
        var source = TestPrograms.ImplicitUsings + """

            try
            {
                File.WriteAllText("written.txt", "x");
                Console.WriteLine("folder is writable");
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                Console.WriteLine("folder is read-only");
            }
            Console.WriteLine($"server-gc={System.Runtime.GCSettings.IsServerGC} home={Environment.GetEnvironmentVariable("HOME")}");
            """;
        var result = await Shared.BuildAsync(TestPrograms.Of(source), Ct);
        using var program = BuiltProgram.Write(result);

        string[] bwrap =
        [
            "/usr/bin/bwrap", "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc",
            "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin",
            "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
            "--ro-bind", program.Directory, "/work", "--chdir", "/work",
            "--unshare-all", "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL", "--die-with-parent", "--new-session",
            "dotnet", "program.dll",
        ];
        var run = program.Execute(bwrap);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(
            "1,2,3 sum=6 cwd-exists=True\nfolder is read-only\nserver-gc=False home=/tmp\n",
            run.Stdout);
    }
}
