namespace OpenIcs.Synthetic;

/// <summary>How many people each neighbourhood holds, which global index each starts at, and how the work is chunked.</summary>
/// <remarks>
/// Census residents: each borough × sex × single-year cell of Census 2021 is scaled and rounded at random (so the mean is
/// exact), then spread over the borough's LSOAs by systematic sampling on their mid-2020 residents of that sex and broad
/// age band. Births after Census day and people who died between the start of the period and Census day are planned per
/// LSOA from their expectations: the deaths as if the neighbourhood's Census age structure had held throughout (a
/// stationary population), which keeps deaths and person-years consistent before and after Census day. Everything here depends on the seed and scale only, so person indices (and with them
/// ids and NHS numbers) are the same whatever the thread count.
/// </remarks>
internal sealed class PopulationPlan
{
    /// <summary>About how many planned people a chunk of work holds.</summary>
    public const int ChunkTarget = 4000;

    private PopulationPlan(int[][] census, int[] births, int[] decedents, long[] first, int[] chunkStarts)
    {
        Census = census;
        Births = births;
        Decedents = decedents;
        FirstIndex = first;
        ChunkStarts = chunkStarts;
    }

    /// <summary>Census residents per LSOA by [sex * 91 + age].</summary>
    public int[][] Census { get; }

    /// <summary>Births after Census day per LSOA.</summary>
    public int[] Births { get; }

    /// <summary>Deaths between the start of the period and Census day per LSOA (people not in the Census).</summary>
    public int[] Decedents { get; }

    /// <summary>The global index of each LSOA's first person; the last entry is the total.</summary>
    public long[] FirstIndex { get; }

    /// <summary>The first LSOA of each chunk; the last entry is the LSOA count.</summary>
    public int[] ChunkStarts { get; }

    /// <summary>How many people are planned.</summary>
    public long People => FirstIndex[^1];

    /// <summary>How many chunks of work there are.</summary>
    public int Chunks => ChunkStarts.Length - 1;

    /// <summary>Plans the population for <paramref name="settings"/>.</summary>
    public static PopulationPlan Create(LondonStatistics statistics, MortalityModel mortality, GenerationSettings settings)
    {
        var lsoaCount = statistics.Lsoas.Length;
        var census = new int[lsoaCount][];
        for (var l = 0; l < lsoaCount; l++)
            census[l] = new int[2 * ExpectedPopulation.Ages];
        var lsoasByBorough = Enumerable.Range(0, statistics.Boroughs.Length)
            .Select(b => Enumerable.Range(0, lsoaCount).Where(l => statistics.LsoaBorough[l] == b).ToArray())
            .ToArray();
        for (var b = 0; b < statistics.Boroughs.Length; b++)
        {
            for (var sex = 0; sex < 2; sex++)
            {
                for (var age = 0; age < ExpectedPopulation.Ages; age++)
                {
                    var cell = (ulong)((((b * 2) + sex) * ExpectedPopulation.Ages) + age);
                    var random = RandomStream.For(settings.Seed, cell, Purpose.Plan);
                    var count = random.Round(settings.Scale * statistics.CensusResidents[b][(sex * ExpectedPopulation.Ages) + age]);
                    Spread(count, lsoasByBorough[b], l => statistics.LsoaResidents[l][(sex * LondonStatistics.BroadBands) + LondonStatistics.BroadBand(age)],
                        ref random, l => census[l][(sex * ExpectedPopulation.Ages) + age]++);
                }
            }
        }

        var births = new int[lsoaCount];
        var decedents = new int[lsoaCount];
        var first = new long[lsoaCount + 1];
        var birthsFrom = Days.CensusDay;
        var decedentsEnd = Math.Max(settings.FirstDay, Days.CensusDay);
        for (var l = 0; l < lsoaCount; l++)
        {
            var decile = statistics.Lsoas[l].ImdDecile;
            double expectedBirths = 0, expectedDeaths = 0;
            for (var sex = 0; sex < 2; sex++)
            {
                for (var age = 0; age < ExpectedPopulation.Ages; age++)
                {
                    var people = census[l][(sex * ExpectedPopulation.Ages) + age];
                    if (people == 0)
                        continue;
                    var birthDay = Days.CensusDay - (int)((age + 0.5) * Days.PerYear);
                    if (sex == 0 && age is >= 10 and < 50)
                        expectedBirths += people * Fertility.Expected(birthDay, birthsFrom, Math.Max(birthsFrom, settings.EndDay));
                    expectedDeaths += people * mortality.CumulativeHazardAtAge(age + 0.5, sex, decile, 1, settings.FirstDay, decedentsEnd);
                }
            }

            var random = RandomStream.For(settings.Seed, (ulong)l, Purpose.Births);
            births[l] = random.Round(expectedBirths);
            decedents[l] = random.Round(expectedDeaths);
            first[l + 1] = first[l] + census[l].Sum() + births[l] + decedents[l];
        }

        var chunkStarts = new List<int> { 0 };
        long inChunk = 0;
        for (var l = 0; l < lsoaCount; l++)
        {
            inChunk += first[l + 1] - first[l];
            if (inChunk >= ChunkTarget && l + 1 < lsoaCount)
            {
                chunkStarts.Add(l + 1);
                inChunk = 0;
            }
        }

        chunkStarts.Add(lsoaCount);
        return new PopulationPlan(census, births, decedents, first, [.. chunkStarts]);
    }

    /// <summary>Spreads <paramref name="count"/> people over <paramref name="places"/> in proportion to their weights by
    /// systematic sampling: each place gets its expected share rounded up or down, and the total is exact.</summary>
    private static void Spread(int count, int[] places, Func<int, int> weight, ref RandomStream random, Action<int> add)
    {
        if (count == 0)
            return;
        double total = places.Sum(p => (double)weight(p));
        if (total <= 0)
        {
            for (var i = 0; i < count; i++)
                add(places[random.Next(places.Length)]);
            return;
        }

        var step = total / count;
        var next = random.NextDouble() * step;
        double cumulative = 0;
        var placed = 0;
        foreach (var place in places)
        {
            cumulative += weight(place);
            while (placed < count && next < cumulative)
            {
                add(place);
                placed++;
                next += step;
            }
        }

        for (; placed < count; placed++)
            add(places[^1]);
    }
}
