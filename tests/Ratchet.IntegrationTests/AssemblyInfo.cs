// Ratchet runs on Linux only (bubblewrap, cgroups, Unix file modes).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
