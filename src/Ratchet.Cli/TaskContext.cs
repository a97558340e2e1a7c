using Ratchet.Ledger;
using Ratchet.Storage;
using Ratchet.Tasks;

namespace Ratchet.Cli;

/// <summary>The task folder and state folder a command works on.</summary>
internal sealed record TaskContext(string TaskArgument, string TaskDirectory, string StateDirectory)
{
    public const string DefaultStateFolder = ".ratchet";

    public static TaskContext Resolve(string task, string? state)
    {
        var directory = Path.GetFullPath(task);
        if (File.Exists(directory) && Path.GetFileName(directory) == TaskLoader.FileName)
            directory = Path.GetDirectoryName(directory)!;
        if (File.Exists(directory))
            throw new CliException($"'{task}' is a file, not a task folder. Pass the folder that holds ratchet.toml, e.g. `ratchet run examples/poly-fit`.");
        if (!Directory.Exists(directory))
            throw new CliException($"the task folder '{task}' does not exist. Pass the folder that holds ratchet.toml, e.g. `ratchet run examples/poly-fit`, or create one with `ratchet init {task}`.");
        var stateDirectory = Path.GetFullPath(state ?? Path.Combine(directory, DefaultStateFolder));
        if (File.Exists(stateDirectory))
            throw new CliException($"--state must name a folder, and '{state ?? stateDirectory}' is a file. Give a new or existing folder, e.g. --state {Path.Combine(task, DefaultStateFolder + "-2")}.");
        return new TaskContext(task, directory, stateDirectory);
    }

    /// <summary>Loads and validates ratchet.toml; every error is reported at once.</summary>
    public TaskSpec LoadTask()
    {
        var result = TaskLoader.Load(TaskDirectory);
        if (!result.Succeeded)
            throw new CliException(result.Errors.Format());
        return result.Task;
    }

    /// <summary>Opens the store; read-only commands require that a run happened.</summary>
    public Store OpenStore(bool create = false)
    {
        var home = RatchetHome.Default();
        if (create && home.IsInside(TaskDirectory))
            throw new CliException($"the ledger key folder {home.Directory} is inside the task folder {TaskDirectory}, where candidates' proposals and copies could reach it. Set RATCHET_HOME to a folder outside the task.");
        if (!create && !Store.Exists(StateDirectory))
            throw new CliException($"no run found for '{TaskArgument}' (looked in {StateDirectory}). Start one with `ratchet run {TaskArgument}`, or pass --state DIR if the run used another folder.");
        return Store.Open(StateDirectory, home, create: create);
    }
}
