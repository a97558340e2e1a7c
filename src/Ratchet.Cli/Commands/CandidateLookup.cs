using Ratchet.Storage;

namespace Ratchet.Cli.Commands;

/// <summary>Finds a candidate by full id, unique prefix, or <c>#seq</c>.</summary>
internal static class CandidateLookup
{
    public static CandidateRecord Find(Store store, string idOrPrefix)
    {
        if (idOrPrefix.Length < 4 && !idOrPrefix.StartsWith('#'))
            throw new CliException($"'{idOrPrefix}' is too short to name a candidate: give at least 4 characters of its id (see `ratchet candidates`), or #N for the N-th candidate.");
        var ids = store.FindCandidateIds(idOrPrefix);
        return ids.Count switch
        {
            0 => throw new CliException($"no candidate '{idOrPrefix}' in this run; list them with `ratchet candidates <task>`."),
            1 => store.GetCandidate(ids[0])!,
            _ => throw new CliException($"'{idOrPrefix}' matches several candidates ({string.Join(", ", ids.Select(i => i[..12]))}); give more characters."),
        };
    }
}
