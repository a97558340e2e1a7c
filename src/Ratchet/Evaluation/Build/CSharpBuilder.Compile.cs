using System.Runtime.CompilerServices;

namespace Ratchet.Evaluation.Build;

public sealed partial class CSharpBuilder
{
    // Roslyn guards its own recursion, but a deep stack gives adversarial nesting room to fail with a diagnostic
    // instead of a stack overflow, which no handler could catch.
    private const int CompilerStackBytes = 64 << 20;

    // Compilations still burning a core after their caller gave up; past this many, new builds are refused so a
    // stream of pathological candidates cannot pile up runaway compilers in Ratchet's own process.
    private const int MaxOverdueBuilds = 2;

    private const int Running = 0;
    private const int Finished = 1;
    private const int Abandoned = 2;

    // Roslyn polls the token, but on some inputs (overloaded nested lambdas) only every few seconds; the grace covers
    // that, and past it the caller gets its answer while the compiler thread is left to finish in the background.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private static readonly CSharpCompiler.Output Empty = new(null, []);

    private static int s_overdue;

    private string TimedOutMessage =>
        $"C# build timed out after {Options.Timeout.TotalSeconds:0.#} s (CSharpBuildOptions.Timeout); " +
        "the program is too large or too complex to compile in time; simplify it";

    /// <summary>Compilations, process-wide, that ran past their timeout and grace and are still running.</summary>
    public static int OverdueBuilds => Volatile.Read(ref s_overdue);

    /// <summary>Compiles on a dedicated thread; gives up after <see cref="CSharpBuildOptions.Timeout"/> plus the grace.
    /// <c>Transient</c> is set when there is no verdict on the program (timed out, or refused while others run away):
    /// such a failure is not cached. Throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> is cancelled.</summary>
    private async Task<(CSharpCompiler.Output Output, string? Transient)> CompileWithTimeoutAsync(
        IReadOnlyList<KeyValuePair<string, string>> sources,
        CancellationToken cancellationToken)
    {
        if (OverdueBuilds >= MaxOverdueBuilds)
        {
            return (Empty, $"C# build refused: {OverdueBuilds} earlier builds are still running past their time limit; " +
                "retry once they end (a candidate that makes the compiler run away is the likely cause)");
        }
        var timeout = new CancellationTokenSource(Options.Timeout, _time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var done = new TaskCompletionSource<CSharpCompiler.Output>(TaskCreationOptions.RunContinuationsAsynchronously);
        var state = new StrongBox<int>(Running);
        var options = Options;
        var thread = new Thread(
            () =>
            {
                try
                {
                    var references = ReferenceAssemblies.For(options.DotnetRoot);
                    done.TrySetResult(CSharpCompiler.Compile(sources, options, references, linked.Token));
                }
                catch (OperationCanceledException)
                {
                    done.TrySetCanceled();
                }
                catch (Exception e)
                {
                    done.TrySetResult(new CSharpCompiler.Output(null, [],
                        $"the C# compiler failed unexpectedly ({e.GetType().Name}: {e.Message}); this is a Ratchet bug, please report it"));
                }
                finally
                {
                    // Disposed here, not by the caller: the compiler may still hold the token after the caller gave up.
                    linked.Dispose();
                    timeout.Dispose();
                    if (Interlocked.CompareExchange(ref state.Value, Finished, Running) == Abandoned)
                        Interlocked.Decrement(ref s_overdue);
                }
            },
            CompilerStackBytes)
        {
            IsBackground = true,
            Name = "ratchet-csharp-build",
        };
        thread.Start();
        try
        {
            var output = await done.Task.WaitAsync(Options.Timeout + Grace, _time, cancellationToken).ConfigureAwait(false);
            return (output, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Empty, TimedOutMessage);
        }
        catch (TimeoutException)
        {
            if (Interlocked.CompareExchange(ref state.Value, Abandoned, Running) == Running)
                Interlocked.Increment(ref s_overdue);
            return (Empty, TimedOutMessage);
        }
    }
}
