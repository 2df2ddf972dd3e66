namespace OpenIcs.Statistics;

/// <summary>A seeded stream of standard normal deviates for simulation.</summary>
/// <remarks>Marsaglia's polar method over <see cref="Random"/> seeded with a fixed seed, so runs are reproducible.</remarks>
internal sealed class NormalDeviates(int seed)
{
    private readonly Random _uniform = new(seed);
    private double _spare;
    private bool _hasSpare;

    /// <summary>The next deviate.</summary>
    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u, v, s;
        do
        {
            u = (2 * _uniform.NextDouble()) - 1;
            v = (2 * _uniform.NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * factor;
        _hasSpare = true;
        return u * factor;
    }
}
