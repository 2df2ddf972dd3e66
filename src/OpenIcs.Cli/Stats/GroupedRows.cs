namespace OpenIcs.Cli.Stats;

/// <summary>Accumulates a value per group, keeping groups in the order they first appear.</summary>
internal sealed class GroupedRows<T> : IEnumerable<(string Group, T Value)>
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(string Group, T Value)> _groups = [];

    /// <summary>Replaces the group's value with <paramref name="update"/> of it (default for a new group).</summary>
    public void Update(string group, Func<T, T> update)
    {
        if (_index.TryGetValue(group, out var at))
        {
            _groups[at] = (group, update(_groups[at].Value));
        }
        else
        {
            _index[group] = _groups.Count;
            _groups.Add((group, update(default!)));
        }
    }

    public IEnumerator<(string Group, T Value)> GetEnumerator() => _groups.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
