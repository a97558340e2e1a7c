using System.CommandLine;
using Ratchet.Cli.Output;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet best &lt;task&gt; [--out DIR]</c>: the champion's program files.</summary>
internal static class BestCommand
{
    public static Command Create()
    {
        var task = CommonOptions.Task();
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var output = new Option<string?>("--out") { Description = "Write the champion's program files into this folder instead of printing them.", HelpName = "DIR" };
        var command = new Command("best", "Print the champion's program files, or write them with --out DIR.") { task, state, output, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            using var store = context.OpenStore();
            var champion = store.Champion()
                ?? throw new CliException("no champion yet: no candidate has been assessed ok. See `ratchet candidates` for what failed.", ExitCodes.Failed);
            var program = store.LoadProgram(champion.Id);
            if (parse.GetValue(output) is { } dir)
            {
                var root = Path.GetFullPath(dir);
                foreach (var (path, content) in program.Files)
                {
                    var target = Path.GetFullPath(Path.Combine(root, path));
                    if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        throw new CliException($"refusing to write '{path}' outside {root}.");
                    UserPath.Writing(target, "--out DIR", () =>
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        File.WriteAllText(target, content);
                    });
                }
                if (parse.GetValue(json))
                    JsonOut.Write(new { id = champion.Id, score = champion.Score, @out = root, files = program.Files.Keys });
                else
                    Console.Out.WriteLine($"wrote {program.Files.Count} file(s) of {Summaries.Short(champion.Id)} (score {champion.Score:G10}) to {root}");
                return ExitCodes.Ok;
            }
            if (parse.GetValue(json))
            {
                JsonOut.Write(new { id = champion.Id, score = champion.Score, files = program.Files });
                return ExitCodes.Ok;
            }
            if (program.Files.Count == 1)
            {
                Console.Out.Write(program.Files.Values.Single());
                return ExitCodes.Ok;
            }
            foreach (var (path, content) in program.Files)
            {
                Console.Out.WriteLine($"==> {path} <==");
                Console.Out.Write(content);
                if (!content.EndsWith('\n'))
                    Console.Out.WriteLine();
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
