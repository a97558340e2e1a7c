using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Staging;

namespace Ratchet.Sandbox;

public sealed partial class BubblewrapSandbox
{
    internal const string SystemPath = "/usr/local/bin:/usr/bin:/bin";

    private BwrapPlan Plan(SandboxRequest request, Stage stage, SandboxCgroup? cgroup) => new(
        _host.BwrapPath,
        _host.SetprivPath,
        _host.Uid,
        _host.Gid,
        cgroup?.ProcsFiles ?? [],
        _seccompFile,
        stage.StatusFile,
        stage.ArgsFile,
        request.Limits,
        stage.Work,
        request.ResourcesJson is null ? null : stage.Meta,
        request.CollectResults ? stage.Out : null,
        request.RunResults?.HostDirectory,
        _host.DotnetRoot is null ? [] : [_host.DotnetRoot],
        InsideEnvironment(request, _host.DotnetRoot),
        request.Command);

    /// <summary>The whole environment inside: fixed PATH, HOME, LANG (and DOTNET_*), then the request's, then Ratchet's own.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> InsideEnvironment(SandboxRequest request, string? dotnetRoot)
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = dotnetRoot is null ? SystemPath : SystemPath + ":" + dotnetRoot,
            ["HOME"] = "/tmp",
            ["LANG"] = "C.UTF-8",
            // RLIMIT_FSIZE makes .NET's W^X double mapping fail (it ftruncates a memfd far past any file cap) and
            // the runtime then dies at start; W^X only hardens JIT pages of code that is untrusted here anyway.
            ["DOTNET_EnableWriteXorExecute"] = "0",
        };
        if (dotnetRoot is not null)
        {
            variables["DOTNET_ROOT"] = dotnetRoot;
        }

        foreach (var (name, value) in request.Environment)
        {
            variables[name] = value;
        }

        if (request.CollectResults)
        {
            variables["RATCHET_OUT"] = "/out";
        }

        if (request.RunResults is not null)
        {
            variables["RATCHET_RUN_OUT"] = "/run-out";
        }

        if (request.ResourcesJson is not null)
        {
            variables["RATCHET_RESOURCES"] = "/ratchet/resources.json";
        }

        return variables.ToList();
    }
}
