using System.Collections.Concurrent;

namespace OpenIcs.Synthetic;

/// <summary>Everything fitted before generation starts, shared read-only by every chunk.</summary>
internal sealed class SyntheticModel
{
    /// <summary>Models fitted to the reference data alone (no seed, no scale), shared by runs over the same folder.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Fitted>> FittedByFolder = new(StringComparer.Ordinal);

    private SyntheticModel(GenerationSettings settings, LondonStatistics statistics, EthnicityModel ethnicity,
        ConditionModel[] conditions, MortalityModel mortality, PopulationPlan plan, CareProviders providers, double[] optOutByBorough)
    {
        Settings = settings;
        Statistics = statistics;
        Ethnicity = ethnicity;
        Conditions = conditions;
        Mortality = mortality;
        Plan = plan;
        Providers = providers;
        OptOutByBorough = optOutByBorough;
    }

    public GenerationSettings Settings { get; }

    public LondonStatistics Statistics { get; }

    public EthnicityModel Ethnicity { get; }

    /// <summary>One fitted model per <see cref="ConditionCatalogue.AgeDriven"/> condition, in that order.</summary>
    public ConditionModel[] Conditions { get; }

    public MortalityModel Mortality { get; }

    public PopulationPlan Plan { get; }

    public CareProviders Providers { get; }

    /// <summary>The chance of opting out before the deprivation, age and borough multipliers.</summary>
    public double OptOutBase { get; private init; }

    private static Fitted Fit(string folder)
    {
        var statistics = LondonStatistics.Load(folder);
        var ethnicity = EthnicityModel.Fit(statistics);
        var population = ExpectedPopulation.Build(statistics, ethnicity);
        var conditions = ConditionCatalogue.AgeDriven.Select(c => ConditionModel.Fit(c, population, statistics)).ToArray();
        return new Fitted(statistics, ethnicity, population, conditions, MortalityModel.Fit(statistics, population));
    }

    private sealed record Fitted(LondonStatistics Statistics, EthnicityModel Ethnicity, ExpectedPopulation Population,
        ConditionModel[] Conditions, MortalityModel Mortality);

    /// <summary>Each borough's national data opt-out multiplier (a borough effect around 1).</summary>
    public double[] OptOutByBorough { get; }

    /// <summary>Loads the reference data and fits every model for <paramref name="settings"/>.</summary>
    public static SyntheticModel Build(GenerationSettings settings)
    {
        var folder = Path.GetFullPath(settings.ReferenceFolder);
        var lazy = FittedByFolder.GetOrAdd(folder, f => new Lazy<Fitted>(() => Fit(f)));
        Fitted fitted;
        try
        {
            fitted = lazy.Value;
        }
        catch
        {
            FittedByFolder.TryRemove(folder, out _);
            throw;
        }

        var (statistics, ethnicity, population, conditions, mortality) = fitted;
        var plan = PopulationPlan.Create(statistics, mortality, settings);
        var providers = CareProviders.Create(statistics);
        var optOut = new double[statistics.Boroughs.Length];
        for (var b = 0; b < optOut.Length; b++)
        {
            var random = RandomStream.For(settings.Seed, (ulong)b, Purpose.Community, 1);
            optOut[b] = Math.Exp(0.25 * random.Normal());
        }

        double weight = 0, factor = 0;
        for (var d = 1; d <= 10; d++)
        {
            for (var sex = 0; sex < 2; sex++)
            {
                for (var age = 0; age < ExpectedPopulation.Ages; age++)
                {
                    for (var g = 0; g < EthnicGroups.Count; g++)
                    {
                        var residents = population.Residents(d, sex, age, g);
                        weight += residents;
                        factor += residents * ChunkWriter.OptOutFactor(d, age);
                    }
                }
            }
        }

        // 5.4% opted out on 1 January 2023. Among people alive that day, about 79% of the opt-outs they will record in the
        // period have happened by then (launch carry-over, the 2021 surge, late entrants by birth): measured on full runs.
        var optOutBase = 0.054 / (factor / weight) / Math.Exp(0.25 * 0.25 / 2) / 0.79;
        return new SyntheticModel(settings, statistics, ethnicity, conditions, mortality, plan, providers, optOut) { OptOutBase = optOutBase };
    }
}
