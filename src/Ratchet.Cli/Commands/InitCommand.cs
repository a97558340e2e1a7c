using System.CommandLine;
using Ratchet.Cli.Output;
using Ratchet.Tasks;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet init &lt;dir&gt;</c>: a new, working task from the template.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Folder for the new task (created if missing; an existing ratchet.toml is never overwritten)." };
        var json = CommonOptions.Json();
        var command = new Command("init", "Create a new task from a small working template (Python, with a sealed holdout).") { dir, json };
        command.SetAction(parse =>
        {
            var target = Path.GetFullPath(parse.GetValue(dir)!);
            var result = TaskTemplate.Write(target);
            if (!result.Succeeded)
                throw new CliException(result.Error!.Message);
            var files = result.Written!;
            if (parse.GetValue(json))
            {
                JsonOut.Write(new { task = target, files });
                return ExitCodes.Ok;
            }
            Console.Out.WriteLine($"created task in {target}:");
            foreach (var file in files)
                Console.Out.WriteLine($"  {file}");
            Console.Out.WriteLine($"next: `ratchet run {parse.GetValue(dir)}`");
            return ExitCodes.Ok;
        });
        return command;
    }
}
