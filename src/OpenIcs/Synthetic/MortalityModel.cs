using OpenIcs.Statistics;

namespace OpenIcs.Synthetic;

/// <summary>Death rates by sex, IMD decile, age and year, fitted so that life expectancy reproduces London's level and
/// deprivation gradient.</summary>
/// <remarks>
/// m(age, sex, decile) = m_UK(age, sex) × k_sex × exp(γ_sex × w(age) × x_decile), with m_UK the ONS UK national life table
/// 2017–2019, x the decile's relative deprivation rank within London (+0.5 most deprived … −0.5 least, by population) and
/// w(age) a taper that keeps the gradient strongest in working ages, as published for England (0.75 under 15, 1 from 15
/// to 74, 0.8 at 75–84, 0.55 from 85). k and γ are solved for each sex so that life expectancy at birth (Chiang II, from
/// OpenIcs.Statistics) is London's and its slope index of inequality across national IMD deciles (OpenIcs.Statistics)
/// is the target. Each person's rate is multiplied by exp(θz − θ²/2), z their latent health factor (mean 1), and in
/// 2020–2022 by COVID-19 excess mortality that is larger in deprived deciles.
/// </remarks>
internal sealed class MortalityModel
{
    /// <summary>Weight of the latent health factor on log mortality.</summary>
    public const double FrailtyLoading = 0.5;

    private const int Ages = 101;

    private readonly double[] _rates;
    private readonly double[] _deprivation;

    private MortalityModel(double[] rates, double[] deprivation, MortalityFit[] fits)
    {
        _rates = rates;
        _deprivation = deprivation;
        Fits = fits;
    }

    /// <summary>London life expectancy at birth targeted, by sex (0 female, 1 male): Bennett et al., Lancet Regional
    /// Health – Europe 2023 (London 2019: women 85.4, men 81.6 years).</summary>
    public static IReadOnlyList<double> LifeExpectancyTargets { get; } = [85.4, 81.6];

    /// <summary>Slope index of inequality in life expectancy across national IMD deciles targeted, by sex. England's SII
    /// for 2017–2019 is 7.6 (female) and 9.4 (male) years (ONS); London's is narrower, so 0.7 × England's is aimed at.</summary>
    public static IReadOnlyList<double> SlopeIndexTargets { get; } = [0.7 * 7.6, 0.7 * 9.4];

    /// <summary>What was fitted, per sex.</summary>
    public IReadOnlyList<MortalityFit> Fits { get; }

    /// <summary>Fits the model to London's expected population by decile.</summary>
    public static MortalityModel Fit(LondonStatistics statistics, ExpectedPopulation population)
    {
        var rates = new double[2 * 10 * Ages];
        var deprivation = new double[10];
        var fits = new MortalityFit[2];
        var bands = AgeBands.FromStartAges([.. Enumerable.Range(0, Ages)]);
        for (var sex = 0; sex < 2; sex++)
        {
            var weights = Enumerable.Range(1, 10).Select(d => population.Residents(d, sex)).ToArray();
            var total = weights.Sum();
            double cumulative = 0;
            for (var d = 0; d < 10; d++)
            {
                var share = weights[d] / total;
                deprivation[d] = 0.5 - (cumulative + (share / 2));
                cumulative += share;
            }

            var baseline = statistics.DeathRates[sex];
            double[] DecileExpectancies(double k, double gamma) => [.. Enumerable.Range(0, 10)
                .Select(d => Expectancy(bands, age => baseline[age] * k * Math.Exp(gamma * Taper(age) * deprivation[d])))];
            double Pooled(double k, double gamma) => Expectancy(bands, age =>
                Enumerable.Range(0, 10).Sum(d => weights[d] / total * baseline[age] * k * Math.Exp(gamma * Taper(age) * deprivation[d])));
            double LevelFor(double gamma) => Bisect(Math.Log(0.2), Math.Log(5), logK => Pooled(Math.Exp(logK), gamma) - LifeExpectancyTargets[sex], decreasing: true);

            var fittedGamma = Bisect(0, 5, gamma =>
            {
                var k = Math.Exp(LevelFor(gamma));
                return SlopeIndexOfInequality.Calculate(DecileExpectancies(k, gamma), weights).Sii - SlopeIndexTargets[sex];
            }, decreasing: false);
            var fittedK = Math.Exp(LevelFor(fittedGamma));
            var expectancies = DecileExpectancies(fittedK, fittedGamma);
            fits[sex] = new MortalityFit(fittedK, fittedGamma, Pooled(fittedK, fittedGamma),
                SlopeIndexOfInequality.Calculate(expectancies, weights).Sii, expectancies);
            for (var d = 0; d < 10; d++)
            {
                for (var age = 0; age < Ages; age++)
                    rates[(((sex * 10) + d) * Ages) + age] = baseline[age] * fittedK * Math.Exp(fittedGamma * Taper(age) * deprivation[d]);
            }
        }

        return new MortalityModel(rates, deprivation, fits);
    }

    /// <summary>The multiplier of a person's death rate for latent health factor <paramref name="z"/> (mean 1).</summary>
    public static double Frailty(double z) => Math.Exp((FrailtyLoading * z) - (FrailtyLoading * FrailtyLoading / 2));

    /// <summary>COVID-19 excess mortality in London by year, as a fraction of expected deaths (ONS weekly deaths: about a
    /// quarter more deaths than expected in London in 2020, fewer in 2021 and 2022).</summary>
    public static double CovidExcess(int year) => year switch
    {
        2020 => 0.25,
        2021 => 0.09,
        2022 => 0.04,
        _ => 0,
    };

    /// <summary>The annual death rate for a person of this sex, decile (1–10) and age in <paramref name="year"/>.</summary>
    /// <remarks>COVID-19 excess is scaled by 1 + 0.7x (x the decile's relative deprivation, ±0.5): about twice as large in
    /// the most as in the least deprived areas, as ONS found for age-standardised COVID-19 mortality in 2020.</remarks>
    public double Rate(int sex, int decile, int age, int year)
    {
        var rate = _rates[(((sex * 10) + decile - 1) * Ages) + Math.Clamp(age, 0, Ages - 1)];
        var excess = CovidExcess(year);
        return excess == 0 ? rate : rate * (1 + (excess * (1 + (0.7 * _deprivation[decile - 1]))));
    }

    /// <summary>Draws the day a person dies between <paramref name="fromDay"/> and <paramref name="endDay"/>, or
    /// <see cref="int.MaxValue"/> when they survive it.</summary>
    public int DeathDay(int birthDay, int sex, int decile, double frailty, int fromDay, int endDay, ref RandomStream random)
    {
        var threshold = random.Exponential();
        var hazard = 0.0;
        var start = Math.Max(fromDay, birthDay);
        while (start < endDay)
        {
            var year = Days.YearOf(start);
            var end = Math.Min(endDay, Days.StartOf(year + 1));
            var rate = frailty * Rate(sex, decile, (int)Days.Age(birthDay, (start + end) / 2), year) / Days.PerYear;
            var step = rate * (end - start);
            if (hazard + step >= threshold)
                return Math.Min(end - 1, start + (int)((threshold - hazard) / rate));
            hazard += step;
            start = end;
        }

        return int.MaxValue;
    }

    /// <summary>The cumulative hazard between two days for someone who stays aged <paramref name="age"/> throughout: the
    /// expected deaths, in a population whose age structure does not change, among people of that age.</summary>
    public double CumulativeHazardAtAge(double age, int sex, int decile, double frailty, int fromDay, int endDay)
    {
        var hazard = 0.0;
        var start = fromDay;
        while (start < endDay)
        {
            var year = Days.YearOf(start);
            var end = Math.Min(endDay, Days.StartOf(year + 1));
            hazard += frailty * Rate(sex, decile, (int)age, year) / Days.PerYear * (end - start);
            start = end;
        }

        return hazard;
    }

    private static double Taper(int age) => age switch
    {
        < 15 => 0.75,
        < 75 => 1,
        < 85 => 0.8,
        _ => 0.55,
    };

    private static double Expectancy(AgeBands bands, Func<int, double> rate)
    {
        const double Population = 1_000_000;
        var deaths = new double[Ages];
        var population = new double[Ages];
        for (var age = 0; age < Ages; age++)
        {
            population[age] = Population;
            deaths[age] = Math.Min(rate(age), 1.9) * Population;
        }

        return LifeTable.Calculate(deaths, population, bands).AtBirth(ConfidenceLevel.Percent95).Value;
    }

    private static double Bisect(double low, double high, Func<double, double> error, bool decreasing)
    {
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            var e = error(middle);
            if ((e > 0) ^ decreasing)
                high = middle;
            else
                low = middle;
        }

        return (low + high) / 2;
    }
}

/// <summary>The fitted mortality of one sex: level k, gradient γ, and the life expectancies they give.</summary>
internal sealed record MortalityFit(double Level, double Gradient, double LifeExpectancy, double SlopeIndex, double[] DecileLifeExpectancy);
