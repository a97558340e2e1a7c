using System.Text;

namespace Ratchet.Tests.Tasks;

/// <summary>A task folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempTask : IDisposable
{
    public TempTask()
    {
        Root = Path.Combine(Path.GetTempPath(), "ratchet-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The full <c>ratchet.toml</c> of the task format docs, using every table but [evaluate].</summary>
    public const string FullToml = """
        name = "poly-fit"
        [program]
        files = ["program.py"]
        [run]
        command = ["python3", "program.py"]
        inputs = ["data/x.json"]
        env = ["OMP_NUM_THREADS"]
        [score]
        command = ["python3", "score.py"]
        inputs = ["score.py", "data/y.json"]
        [holdout]
        inputs = { "data/x.json" = "sealed/x.json" }
        score_inputs = { "data/y.json" = "sealed/y.json" }
        [objective]
        metric = "mse"
        direction = "minimize"
        repeats = 1
        alpha = 0.05
        min_gain = 0.0
        [budget]
        evaluations = 300
        [limits]
        wall_seconds = 10
        cpu_seconds = 10
        memory_mb = 512
        processes = 64
        output_bytes = 1048576
        tmp_mb = 64

        """;

    public const string Program = "x = 1\n# EVOLVE-BLOCK-START\ny = 2\n# EVOLVE-BLOCK-END\nprint(x + y)\n";

    /// <summary>A valid task: <see cref="FullToml"/> and every file it names.</summary>
    public static TempTask Full()
    {
        var task = new TempTask();
        task.Write("ratchet.toml", FullToml);
        task.Write("program.py", Program);
        task.Write("score.py", "print('{\"mse\": 1.0}')\n");
        task.Write("data/x.json", "[1, 2]");
        task.Write("data/y.json", "[3, 4]");
        task.Write("sealed/x.json", "[5, 6]");
        task.Write("sealed/y.json", "[7, 8]");
        return task;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Replaces the first occurrence of <paramref name="old"/> in <c>ratchet.toml</c>.</summary>
    public void EditToml(string old, string replacement)
    {
        var text = File.ReadAllText(PathOf("ratchet.toml"));
        var at = text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0)
            throw new InvalidOperationException($"'{old}' is not in ratchet.toml");
        File.WriteAllText(PathOf("ratchet.toml"), text[..at] + replacement + text[(at + old.Length)..]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
