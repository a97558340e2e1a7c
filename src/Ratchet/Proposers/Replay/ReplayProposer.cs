using System.Text.Json;
using Ratchet.Common;

namespace Ratchet.Proposers.Replay;

/// <summary>Proposes the lines of a JSON Lines file in order: <c>{"label": "...", "files": {"program.py": "..."}}</c>
/// or <c>{"label": "...", "patch": "&lt;unified diff&gt;"}</c>. Proposal <c>i</c> (from 1) is line <c>i</c>, so a resumed
/// run continues after the last proposal already made.</summary>
public sealed class ReplayProposer : IProposer
{
    private readonly IReadOnlyList<Proposal> _proposals;

    public ReplayProposer(IReadOnlyList<Proposal> proposals) => _proposals = proposals;

    public string Name => "replay";

    /// <summary>The proposals, in file order.</summary>
    public IReadOnlyList<Proposal> Proposals => _proposals;

    /// <summary>Reads and validates a replay file, reporting every bad line at once.</summary>
    public static ReplayProposer Load(string path)
    {
        if (!File.Exists(path))
            throw new ReplayFileException($"the replay file {path} does not exist. Pass a JSON Lines file with --replay FILE, one proposal a line, e.g. {{\"label\": \"faster loop\", \"files\": {{\"program.py\": \"...\"}}}}");
        var errors = new List<string>();
        var proposals = new List<Proposal>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (ReplayLine.Parse(line, out var proposal) is { } problem)
                errors.Add($"  {Path.GetFileName(path)}:{lineNo}: {problem}");
            else
                proposals.Add(proposal!);
        }
        if (errors.Count > 0)
            throw new ReplayFileException($"the replay file {path} has {errors.Count} bad line(s):\n{string.Join("\n", errors)}");
        return new ReplayProposer(proposals);
    }

    public ValueTask<Proposal?> ProposeAsync(ProposalContext context, CancellationToken cancellationToken)
    {
        var line = context.Index - 1;
        return ValueTask.FromResult(line >= 0 && line < _proposals.Count ? _proposals[(int)line] : null);
    }

    public void Observe(Decision decision)
    {
    }
}

/// <summary>A replay file the user must fix; the message lists every bad line.</summary>
public sealed class ReplayFileException(string message) : Exception(message);

/// <summary>Parses one replay line.</summary>
internal static class ReplayLine
{
    private static readonly string[] Keys = ["label", "files", "patch", "operator"];

    /// <summary>Null and a proposal, or the problem in words.</summary>
    public static string? Parse(string line, out Proposal? proposal)
    {
        proposal = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return $"not valid JSON ({e.Message.Split('.')[0]}); expected {{\"label\": \"...\", \"files\": {{\"program.py\": \"...\"}}}}";
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return "expected a JSON object such as {\"label\": \"...\", \"files\": {...}}";
            foreach (var property in root.EnumerateObject())
            {
                if (!Keys.Contains(property.Name))
                    return $"unknown key '{property.Name}'" + (NearestName.Find(property.Name, Keys) is { } near ? $"; did you mean '{near}'?" : $"; valid keys: {string.Join(", ", Keys)}");
            }
            var label = root.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : null;
            if (label is null)
                return "\"label\" is missing or not a string";
            var op = root.TryGetProperty("operator", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : "replay";
            var hasFiles = root.TryGetProperty("files", out var files);
            var hasPatch = root.TryGetProperty("patch", out var patch);
            if (hasFiles == hasPatch)
                return "give exactly one of \"files\" (full new contents) and \"patch\" (a unified diff)";
            if (hasPatch)
            {
                if (patch.ValueKind != JsonValueKind.String)
                    return "\"patch\" must be a string holding a unified diff";
                proposal = new Proposal(label, new ProposalChange.Patch(patch.GetString()!), Operator: op);
                return null;
            }
            if (files.ValueKind != JsonValueKind.Object)
                return "\"files\" must be an object mapping program file paths to their full new contents";
            var contents = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files.EnumerateObject())
            {
                if (file.Value.ValueKind != JsonValueKind.String)
                    return $"\"files\".\"{file.Name}\" must be a string (the file's full new content)";
                contents[file.Name] = file.Value.GetString()!;
            }
            proposal = new Proposal(label, new ProposalChange.Files(contents), Operator: op);
            return null;
        }
    }
}
