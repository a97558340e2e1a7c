namespace Ratchet.IntegrationTests.Support;

/// <summary>A task folder on disk for one test, plus its own RATCHET_HOME, both deleted on dispose.</summary>
public sealed class TaskFolder : IDisposable
{
    public TaskFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "ratchet-it-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Dir = System.IO.Path.Combine(Root, "task");
        Directory.CreateDirectory(Dir);
        Home = System.IO.Path.Combine(Root, "home");
        Ratchet = new RatchetProcess(Home);
    }

    public string Root { get; }

    /// <summary>The task folder.</summary>
    public string Dir { get; }

    public string Home { get; }

    public RatchetProcess Ratchet { get; }

    public string State => System.IO.Path.Combine(Dir, ".ratchet");

    public string DatabasePath => System.IO.Path.Combine(State, "ratchet.db");

    public TaskFolder Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Dir, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>A replay file (outside the task folder) with one proposal per program text.</summary>
    public string Replay(params (string Label, string Program)[] proposals)
    {
        var path = System.IO.Path.Combine(Root, "replay.jsonl");
        File.WriteAllLines(path, proposals.Select(p => System.Text.Json.JsonSerializer.Serialize(new
        {
            label = p.Label,
            files = new Dictionary<string, string> { ["program.py"] = p.Program },
        })));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
