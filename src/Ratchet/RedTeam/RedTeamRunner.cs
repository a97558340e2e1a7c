using System.Diagnostics;
using Ratchet.Oversight;

namespace Ratchet.RedTeam;

/// <summary>Runs the catalogue's attacks and benign cases against a policy, each in its own fresh run, in parallel.</summary>
public sealed class RedTeamRunner(RedTeamCatalog catalog, Policy policy, RedTeamOptions options)
{
    /// <summary>Runs every selected case; <paramref name="progress"/> hears each result as it comes.</summary>
    public async Task<RedTeamReport> RunAsync(Action<CaseResult>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var cases = catalog.Attacks.Concat(catalog.Benign).Where(Selected).ToArray();
        var root = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "ratchet-redteam-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(root);
        var results = new CaseResult[cases.Length];
        try
        {
            using var secrets = new SessionSecrets(root);
            var runner = new CaseRunner(catalog, policy, secrets, options.CaseDeadline);
            // Slow cases (time-outs, multi-step attacks) first, so the tail of the schedule is short ones; then the
            // cases that must run alone, one at a time.
            var order = Enumerable.Range(0, cases.Length).OrderByDescending(i => cases[i].Proposals.Count).ToArray();
            var gate = new object();
            async ValueTask Run(int i, CancellationToken token)
            {
                var result = await runner.RunAsync(cases[i], Path.Combine(root, $"{i:D3}"), token);
                results[i] = result;
                lock (gate)
                    progress?.Invoke(result);
            }
            await Parallel.ForEachAsync(order.Where(i => !cases[i].Alone),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = ct }, Run);
            foreach (var i in order.Where(i => cases[i].Alone))
                await Run(i, ct);
        }
        finally
        {
            if (!options.Keep)
                DeleteQuietly(root);
        }
        return new RedTeamReport(policy.Source, policy.Hash,
            results.Where(r => !r.Case.IsBenign).ToArray(), results.Where(r => r.Case.IsBenign).ToArray(),
            options.Filter is null ? catalog.MissingCategories : [], clock.Elapsed.TotalSeconds);
    }

    private bool Selected(RedTeamCase c) => options.Filter is not { } f || c.Matches(f);

    private static void DeleteQuietly(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
