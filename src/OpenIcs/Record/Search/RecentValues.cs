using System.Runtime.InteropServices;
using System.Text.Json;

namespace OpenIcs.Record.Search;

/// <summary>What one thread last read from JSON strings that recur from resource to resource (code systems, codes,
/// reference targets, dates), kept by their raw UTF-8 so that reading one again allocates nothing.</summary>
/// <remarks>A small table indexed by a hash of the raw text: a new value replaces whatever shared its slot. Not
/// thread-safe: one instance per thread.</remarks>
/// <typeparam name="T">What is read from the string.</typeparam>
internal sealed class RecentValues<T>
{
    private const int Slots = 4096;

    // Longer values (free text, long URLs) seldom recur and are read afresh.
    private const int MaxRawLength = 96;

    private readonly byte[]?[] _raw = new byte[Slots][];
    private readonly T[] _values = new T[Slots];

    /// <summary>What <paramref name="read"/> makes of <paramref name="element"/>, a JSON string.</summary>
    public T Get(JsonElement element, Func<JsonElement, T> read)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length > MaxRawLength)
            return read(element);
        var hash = new HashCode();
        hash.AddBytes(raw);
        var slot = hash.ToHashCode() & (Slots - 1);
        if (_raw[slot] is { } known && raw.SequenceEqual(known))
            return _values[slot];
        var value = read(element);
        _raw[slot] = raw.ToArray();
        _values[slot] = value;
        return value;
    }
}
