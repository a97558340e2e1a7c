using System.CommandLine;
using Ratchet.Cli.Commands;

namespace Ratchet.Cli;

/// <summary>Builds the <c>ratchet</c> command tree.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Ratchet: governed self-improvement. Candidates run sandboxed, promotions are audited, and every step lands in a tamper-evident ledger.");
        root.Add(InitCommand.Create());
        root.Add(RunCommand.Create());
        root.Add(StatusCommand.Create());
        root.Add(CandidatesCommand.Create());
        root.Add(ShowCommand.Create());
        root.Add(BestCommand.Create());
        root.Add(LogCommand.Create());
        root.Add(AuditCommand.Create());
        root.Add(ExportCommand.Create());
        root.Add(ApprovalCommands.Pending());
        root.Add(ApprovalCommands.Answer(approve: true));
        root.Add(ApprovalCommands.Answer(approve: false));
        root.Add(ControlCommands.Create("pause"));
        root.Add(ControlCommands.Create("resume"));
        root.Add(ControlCommands.Create("stop"));
        root.Add(PolicyCommand.Create());
        root.Add(ReportCommand.Create());
        root.Add(RedTeamCommand.Create());
        return root;
    }
}
