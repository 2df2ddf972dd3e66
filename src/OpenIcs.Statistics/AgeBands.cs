using System.Globalization;

namespace OpenIcs.Statistics;

/// <summary>An ordered set of age bands, each named by a label such as "5-9" and ending in an open band such as "90+".</summary>
/// <remarks>Labels are matched ignoring spaces and treating an en dash as a hyphen, so "10 – 14" matches "10-14".</remarks>
public sealed class AgeBands
{
    private readonly string[] _labels;
    private readonly int[] _startAges;

    private AgeBands(string[] labels, int[] startAges)
    {
        _labels = labels;
        _startAges = startAges;
    }

    /// <summary>The 19 bands of the European Standard Population 2013: 0-4, 5-9, …, 85-89, 90+.</summary>
    public static AgeBands FiveYear { get; } = FromStartAges([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]);

    /// <summary>The 20 bands of an abridged life table: 0, 1-4, 5-9, …, 85-89, 90+.</summary>
    public static AgeBands LifeTable { get; } = FromStartAges([0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]);

    /// <summary>The number of bands.</summary>
    public int Count => _labels.Length;

    /// <summary>The labels in age order, e.g. "0-4" … "90+".</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The first age in each band, in order.</summary>
    public ReadOnlySpan<int> StartAges => _startAges;

    /// <summary>Builds bands from ascending start ages; the last band is open-ended.</summary>
    /// <remarks>A band one year wide is labelled by its age alone ("0"); others "start-end"; the last "start+".</remarks>
    public static AgeBands FromStartAges(ReadOnlySpan<int> startAges)
    {
        if (startAges.Length < 2)
        {
            throw new ArgumentException("Age bands need at least two bands.", nameof(startAges));
        }

        if (startAges[0] != 0)
        {
            throw new ArgumentException("The first age band must start at age 0.", nameof(startAges));
        }

        var labels = new string[startAges.Length];
        for (var i = 0; i < startAges.Length; i++)
        {
            var start = startAges[i];
            if (i > 0 && start <= startAges[i - 1])
            {
                throw new ArgumentException($"Age bands must ascend: {start} follows {startAges[i - 1]}.", nameof(startAges));
            }

            labels[i] = i == startAges.Length - 1 ? $"{start}+"
                : startAges[i + 1] - start == 1 ? start.ToString(CultureInfo.InvariantCulture)
                : $"{start}-{startAges[i + 1] - 1}";
        }

        return new AgeBands(labels, startAges.ToArray());
    }

    /// <summary>Finds the position of the band labelled <paramref name="label"/>.</summary>
    public bool TryIndexOf(string? label, out int index)
    {
        var normal = Normalise(label);
        index = Array.FindIndex(_labels, l => string.Equals(l, normal, StringComparison.Ordinal));
        return index >= 0;
    }

    /// <summary>The labels joined for a message, e.g. "0-4, 5-9, …, 90+".</summary>
    public override string ToString() => string.Join(", ", _labels);

    private static string Normalise(string? label) =>
        (label ?? "").Replace(" ", "", StringComparison.Ordinal).Replace('\u2013', '-').Replace('\u2014', '-');
}
