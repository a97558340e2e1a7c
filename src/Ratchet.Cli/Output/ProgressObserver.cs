using System.Diagnostics;
using Ratchet.Runs;
using Ratchet.Storage;
using Spectre.Console;

namespace Ratchet.Cli.Output;

/// <summary>Shows a run as it goes: on a terminal, one live status line redrawn in place with notable lines above it;
/// otherwise plain lines (every promotion, and a progress line every 5 seconds).</summary>
internal sealed class ProgressObserver(bool quiet, InlineApprovals? inline = null) : IRunObserver, IDisposable
{
    private readonly bool _live = !Console.IsOutputRedirected && !quiet;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastPlain;
    private long _decidedHere;
    private string _lastLine = "";

    public void Line(string text)
    {
        if (quiet)
            return;
        Clear();
        if (_live)
            AnsiConsole.MarkupLine(Markup.Escape(text));
        else
            Console.Out.WriteLine(text);
        Redraw();
    }

    public void Decided(DecidedCandidate candidate, RunSummary progress)
    {
        if (quiet)
            return;
        _decidedHere++;
        var rate = _decidedHere / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        var limit = progress.EvaluationLimit is { } l ? $"/{l}" : "";
        var best = progress.BestScore is { } b ? b.ToString("G8", System.Globalization.CultureInfo.InvariantCulture) : "none";
        var outcomes = string.Join(" ", progress.Outcomes.Select(o => $"{o.Key} {o.Value}"));
        _lastLine = $"{progress.Evaluations - progress.Pending}{limit} evaluated · best {best} · {rate:0.0} eval/s · {outcomes}";
        if (_live)
        {
            Redraw();
        }
        else if (_clock.Elapsed - _lastPlain >= TimeSpan.FromSeconds(5))
        {
            _lastPlain = _clock.Elapsed;
            Console.Out.WriteLine(_lastLine);
        }
    }

    public void ApprovalRequested(long id, string kind, string candidate, IReadOnlyList<string> reasons)
    {
        if (quiet)
            return;
        Line($"waiting for a human: request #{id} ({kind}) for {candidate[..Math.Min(12, candidate.Length)]}: {string.Join("; ", reasons)}");
        if (inline is not null)
            inline.Offer(id);
        else
            Line($"  answer from any terminal: `ratchet pending <task>`, then `ratchet approve <task> {id}` or `ratchet reject <task> {id}`");
    }

    public void Dispose() => Clear();

    private void Redraw()
    {
        if (!_live || _lastLine.Length == 0)
            return;
        var width = Math.Max(20, Console.WindowWidth - 1);
        var text = _lastLine.Length > width ? _lastLine[..width] : _lastLine;
        Console.Out.Write("\r\u001b[2K" + text);
        Console.Out.Flush();
    }

    private void Clear()
    {
        if (_live && _lastLine.Length > 0)
            Console.Out.Write("\r\u001b[2K");
    }
}
