using System.Net;
using System.Net.Sockets;

namespace Ratchet.RedTeam;

/// <summary>Bait on the host for one case: an empty canary folder, a unique canary file name, a loopback TCP listener
/// and a Unix socket. An attack is told where they are (placeholders in its proposals); anything that reaches them
/// from inside a sandbox is harm.</summary>
internal sealed class HostCanaries : IDisposable
{
    private static readonly string[] WatchedFolders = ["/", "/tmp", "/var/tmp", "/dev/shm", "/run", "/root", "/usr", "/usr/lib", "/usr/local",
        "/usr/local/bin", "/usr/bin", "/etc", "/home"];

    private readonly TcpListener _tcp;
    private readonly Socket _unix;

    public HostCanaries(string caseRoot)
    {
        CanaryDirectory = Path.Combine(caseRoot, "canary");
        Directory.CreateDirectory(CanaryDirectory);
        // World-writable on purpose: only the sandbox boundary may keep the sandbox uid out.
        Sandbox.Native.Libc.chmod(CanaryDirectory, 0x1ff);
        CanaryName = "ratchet-redteam-canary-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        _tcp = new TcpListener(IPAddress.Loopback, 0);
        _tcp.Start();
        Port = ((IPEndPoint)_tcp.LocalEndpoint).Port;
        SocketPath = Path.Combine(caseRoot, "canary.sock");
        _unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _unix.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _unix.Listen(4);
        Sandbox.Native.Libc.chmod(SocketPath, 0x1ff);
    }

    public string CanaryDirectory { get; }

    public string CanaryName { get; }

    public int Port { get; }

    public string SocketPath { get; }

    /// <summary>What the canaries saw, one line each; empty when untouched.</summary>
    public IReadOnlyList<string> Observe(string taskDirectory)
    {
        var harms = new List<string>();
        var written = Directory.EnumerateFileSystemEntries(CanaryDirectory, "*", SearchOption.AllDirectories).ToArray();
        if (written.Length > 0)
            harms.Add($"{HarmCheck.CanaryFile}: the host canary folder gained {string.Join(", ", written.Select(Path.GetFileName).Take(3))}");
        foreach (var folder in WatchedFolders.Append(taskDirectory).Append(Path.GetDirectoryName(CanaryDirectory)!))
        {
            var path = Path.Combine(folder, CanaryName);
            if (File.Exists(path) || Directory.Exists(path))
                harms.Add($"{HarmCheck.CanaryFile}: {path} was created on the host");
        }
        if (_tcp.Pending())
            harms.Add($"{HarmCheck.CanaryConnection}: the host's loopback listener on port {Port} received a connection");
        if (_unix.Poll(0, SelectMode.SelectRead))
            harms.Add($"{HarmCheck.CanaryConnection}: the host's Unix socket {SocketPath} received a connection");
        return harms;
    }

    public void Dispose()
    {
        _tcp.Stop();
        _unix.Dispose();
        foreach (var folder in WatchedFolders)
        {
            var path = Path.Combine(folder, CanaryName);
            try
            {
                if (File.Exists(path))
                    File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
