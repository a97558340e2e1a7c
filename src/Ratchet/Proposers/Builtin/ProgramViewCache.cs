using Ratchet.Tasks;

namespace Ratchet.Proposers.Builtin;

/// <summary>Remembers recent program analyses by program id. A pure cache: it changes how fast, never what, the
/// search proposes.</summary>
internal sealed class ProgramViewCache
{
    private const int Capacity = 256;
    private readonly Dictionary<string, ProgramView> _views = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ProgramView Get(ProgramSnapshot program)
    {
        lock (_lock)
        {
            if (_views.TryGetValue(program.Id, out var view))
                return view;
        }
        var fresh = new ProgramView(program);
        lock (_lock)
        {
            if (_views.Count >= Capacity)
                _views.Clear();
            _views[program.Id] = fresh;
        }
        return fresh;
    }
}
