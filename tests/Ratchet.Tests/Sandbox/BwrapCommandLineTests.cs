using System.Text;
using Ratchet.Sandbox;

namespace Ratchet.Tests.Sandbox;

public sealed class BwrapCommandLineTests
{
    private static BwrapPlan Plan(string? setpriv = "/usr/bin/setpriv", string? output = "/s/out", string? runOut = null) => new(
        "/usr/bin/bwrap", setpriv, 65534, 65534,
        ["/sys/fs/cgroup/memory/ratchet/x/cgroup.procs", "/sys/fs/cgroup/pids/ratchet/x/cgroup.procs"],
        "/state/it's/seccomp.bpf", "/s/in/status", "/s/in/args",
        new SandboxLimits(WallSeconds: 2, CpuSeconds: 2.5, MemoryMb: 64, Processes: 8, OutputBytes: 1000, TmpMb: 1, OpenFiles: 64),
        "/s/in/work", "/s/in/ratchet", output, runOut, ["/opt/dotnet"],
        [new("PATH", "/usr/bin"), new("SEED", "7")],
        ["python3", "main.py"]);

    [Fact]
    public void Argv_WhenRoot_DropsToTheSandboxUidWithoutCapabilitiesBeforeBwrap()
    {
        var argv = BwrapCommandLine.Argv(Plan());

        Assert.Equal(["/bin/sh", "-c"], argv.Take(2));
        var setpriv = argv.ToList().IndexOf("/usr/bin/setpriv");
        Assert.Equal(
            ["--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs",
             "/usr/bin/bwrap", "--args", "8", "--", "python3", "main.py"],
            argv.Skip(setpriv + 1));
    }

    [Fact]
    public void Argv_WhenNotRoot_RunsBwrapDirectly() =>
        Assert.DoesNotContain(BwrapCommandLine.Argv(Plan(setpriv: null)), argument => argument.Contains("setpriv"));

    [Fact]
    public void Script_WhenBuilt_JoinsCgroupsFirstThenSetsRlimitsThenOpensTheDescriptors()
    {
        var script = BwrapCommandLine.Script(Plan());

        var join = script.IndexOf("echo $$ >'/sys/fs/cgroup/pids/ratchet/x/cgroup.procs'", StringComparison.Ordinal);
        var limits = script.IndexOf("ulimit -c 0", StringComparison.Ordinal);
        var open = script.IndexOf("exec 9<", StringComparison.Ordinal);
        Assert.True(join >= 0 && join < limits && limits < open, script);
        Assert.Contains("ulimit -n 64", script);
        Assert.Contains("ulimit -f 2048", script); // max(1000 B, 1 MiB) in 512-byte blocks
        Assert.Contains("ulimit -S -t 4 && ulimit -H -t 5", script);
        Assert.Contains("9<'/state/it'\\''s/seccomp.bpf' 8<'/s/in/args' 7>'/s/in/status' </dev/null", script);
        Assert.EndsWith("exec \"$@\"", script);
    }

    [Fact]
    public void DirectArgv_WhenBuilt_IsBwrapReadingItsOptionsFromFd8ThenTheCommand() =>
        Assert.Equal(["/usr/bin/bwrap", "--args", "8", "--", "python3", "main.py"], BwrapCommandLine.DirectArgv(Plan(setpriv: null)));

    [Fact]
    public void Rlimits_OfTheDirectLauncher_AreTheShellLaunchersUlimitsInBytes()
    {
        var limits = BwrapLauncher.Rlimits(Plan().Limits);

        Assert.Equal(
            [(4, 0UL, 0UL), (7, 64UL, 64UL), (1, 2048UL * 512, 2048UL * 512), (0, 4UL, 5UL)], // core, nofile, fsize, cpu
            limits);
    }

    [Fact]
    public void Options_WhenBuilt_SizeComesRightBeforeEachTmpfs()
    {
        var options = BwrapCommandLine.Options(Plan()).ToList();

        foreach (var index in Enumerable.Range(0, options.Count).Where(i => options[i] == "--tmpfs"))
        {
            Assert.Equal("--size", options[index - 2]);
            Assert.Equal("1048576", options[index - 1]);
        }
    }

    [Fact]
    public void Options_WhenBuilt_IsolateEverythingAndBindOnlyWhatIsNeeded()
    {
        var text = string.Join(' ', BwrapCommandLine.Options(Plan(runOut: "/r/out")));

        Assert.StartsWith("--unshare-all --unshare-user --uid 65534 --gid 65534 --hostname ratchet --cap-drop ALL --disable-userns --die-with-parent --new-session --json-status-fd 7 --clearenv", text);
        Assert.Contains("--setenv PATH /usr/bin --setenv SEED 7", text);
        Assert.Contains("--ro-bind /usr /usr", text);
        Assert.Contains("--ro-bind /etc /etc --ro-bind /opt/dotnet /opt/dotnet", text);
        Assert.Contains("--ro-bind /s/in/work /work --ro-bind /s/in/ratchet /ratchet --bind /s/out /out --ro-bind /r/out /run-out", text);
        Assert.EndsWith("--remount-ro / --chdir /work --seccomp 9", text);
        Assert.DoesNotContain("--bind / ", text);
    }

    [Fact]
    public void Options_WhenResultsAreNotCollected_BindNoWritableFolder() =>
        Assert.DoesNotContain("--bind", BwrapCommandLine.Options(Plan(output: null)));

    [Fact]
    public void ArgsFileContent_WhenWritten_EndsEachOptionWithNul() =>
        Assert.Equal("--a\0b c\0", Encoding.UTF8.GetString(BwrapCommandLine.ArgsFileContent(["--a", "b c"])));
}
