namespace Ratchet.Evaluation.Build;

/// <summary>A small thread-safe least-recently-used map from program id to a finished build.</summary>
internal sealed class BuildCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, BuildResult Value)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, BuildResult Value)> _order = new();
    private readonly Lock _gate = new();

    public BuildCache(int capacity) => _capacity = capacity;

    public int Count
    {
        get
        {
            lock (_gate)
                return _index.Count;
        }
    }

    public bool TryGet(string key, out BuildResult result)
    {
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                result = node.Value.Value;
                return true;
            }
        }
        result = null!;
        return false;
    }

    public void Add(string key, BuildResult value)
    {
        if (_capacity == 0)
            return;
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                _index.Remove(key);
            }
            _index[key] = _order.AddFirst((key, value));
            while (_index.Count > _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _index.Remove(last.Value.Key);
            }
        }
    }
}
