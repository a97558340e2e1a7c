using Ratchet.Runs;

namespace Ratchet.Storage;

/// <summary>The one run of a state folder, as stored.</summary>
/// <param name="Lookahead">Pipeline depth fixed at creation: proposal k+Lookahead is made right after decision k.</param>
/// <param name="Config">Canonical JSON of the options the run was created with.</param>
/// <param name="ProposalsMade">Proposals made so far, duplicates included (the next proposal's index).</param>
/// <param name="WallSeconds">Wall time spent by run processes before the current one.</param>
/// <param name="Sandbox">Canonical JSON describing the sandbox mode.</param>
public sealed record RunRecord(
    string TaskName,
    string TaskHash,
    long Seed,
    int Lookahead,
    string Proposer,
    string Config,
    RunState State,
    string? EndedReason,
    long ProposalsMade,
    double WallSeconds,
    string Sandbox,
    string Created);
