namespace OpenIcs.Synthetic;

/// <summary>What a random stream is drawn for, so that each concern of an entity has its own independent stream.</summary>
internal enum Purpose : ulong
{
    Plan = 1,
    Household = 2,
    Demographics = 3,
    Conditions = 4,
    Mortality = 5,
    Care = 6,
    Observations = 7,
    Community = 8,
    Births = 9,
    Decedents = 10,
    Names = 11,
}

/// <summary>A fast deterministic random stream (xoshiro256**) keyed by the run's seed, an entity and a purpose.</summary>
/// <remarks>
/// Every person, neighbourhood and cell draws from its own stream, derived from (seed, entity, purpose) alone, so the output
/// never depends on thread scheduling or on how many draws another entity made. Pass it by <c>ref</c>: a copy replays draws.
/// Algorithm: Blackman and Vigna, "Scrambled linear pseudorandom number generators" (2021), seeded with SplitMix64.
/// </remarks>
internal struct RandomStream
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The stream for <paramref name="entity"/>'s <paramref name="purpose"/> under <paramref name="seed"/>.</summary>
    public static RandomStream For(ulong seed, ulong entity, Purpose purpose, ulong detail = 0)
    {
        var key = Mix(Mix(seed ^ 0x9E3779B97F4A7C15UL) ^ Mix(entity + 0x632BE59BD9B4E019UL) ^ Mix(((ulong)purpose << 40) ^ detail));
        var stream = new RandomStream();
        stream._s0 = SplitMix(ref key);
        stream._s1 = SplitMix(ref key);
        stream._s2 = SplitMix(ref key);
        stream._s3 = SplitMix(ref key);
        return stream;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1): never exactly zero, for logarithms.</summary>
    public double NextOpen() => ((NextBits() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer on [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)(((NextBits() >> 32) * (ulong)count) >> 32);

    /// <summary>Uniform integer on [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal deviate (Box–Muller, one of the pair).</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(NextOpen())) * Math.Cos(2 * Math.PI * NextDouble());

    /// <summary>An exponential deviate with mean 1.</summary>
    public double Exponential() => -Math.Log(NextOpen());

    /// <summary>A Poisson count with mean <paramref name="mean"/> (inversion below 30, a rounded normal above).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 30)
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= NextDouble();
            count++;
        }

        return count;
    }

    /// <summary>Rounds <paramref name="expected"/> up or down at random so that the mean is exact.</summary>
    public int Round(double expected)
    {
        var whole = Math.Floor(expected);
        return (int)whole + (NextDouble() < expected - whole ? 1 : 0);
    }

    /// <summary>The index drawn from cumulative weights (ascending, last = total).</summary>
    public int Pick(ReadOnlySpan<double> cumulative)
    {
        var target = NextDouble() * cumulative[^1];
        var low = 0;
        var high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (cumulative[middle] > target)
                high = middle;
            else
                low = middle + 1;
        }

        return low;
    }

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
