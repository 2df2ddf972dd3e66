namespace OpenIcs.Synthetic;

/// <summary>One condition's fitted risk model: when (if ever) each person's onset falls.</summary>
/// <remarks>
/// The chance of having had onset by age a is logistic(α_decile + shape(a) + sex + ethnicity + loading × z), where shape
/// is the logit of the reference age curve (made non-decreasing, so it is a cumulative risk), z the person's latent health
/// factor (standard normal) and α one intercept per IMD decile. Each person draws one uniform u per condition; onset is
/// the age at which that cumulative risk first reaches u. Prevalence on any day is therefore the cumulative risk at the
/// person's age that day, and a person's record is consistent across the whole period.
/// The decile intercepts are fitted (Newton's method, Gauss–Hermite over z) so that expected prevalence on Census day 2021,
/// over the register's age range, equals the modelled QOF 2019/20 prevalence of each London IMD decile. Ethnic, sex and
/// age effects are fixed inputs, so the decile gradient that remains is the deprivation effect after composition.
/// </remarks>
internal sealed class ConditionModel
{
    private const int Knots = 11;

    // Gauss–Hermite nodes and weights (physicists', n = 8), turned into an expectation over a standard normal below.
    private static readonly double[] HermiteNodes =
        [-2.930637420257244, -1.981656756695843, -1.157193712446780, -0.381186990207322, 0.381186990207322, 1.157193712446780, 1.981656756695843, 2.930637420257244];

    private static readonly double[] HermiteWeights =
        [0.000199604072211, 0.017077983007413, 0.207802325814892, 0.661147012558241, 0.661147012558241, 0.207802325814892, 0.017077983007413, 0.000199604072211];

    /// <summary>Years above 90 of the 90+ band at Census day and their shares (exponential, mean 3.5, capped at 15).</summary>
    private static readonly (double Offset, double Share)[] OldestSpread = [(1, 0.435), (3, 0.246), (5, 0.139), (8, 0.123), (12.5, 0.057)];

    private readonly double[] _shape;
    private readonly double[] _intercepts;
    private readonly double[] _ethnic;
    private readonly double _sex;

    private ConditionModel(ConditionDefinition definition, double[] shape, double[] intercepts, double[] targets, double[] fitted)
    {
        Definition = definition;
        _shape = shape;
        _intercepts = intercepts;
        _ethnic = [.. definition.EthnicOddsRatios.Select(x => Math.Log(x))];
        _sex = Math.Log(definition.MaleOddsRatio) / 2;
        Targets = targets;
        Fitted = fitted;
    }

    /// <summary>The condition.</summary>
    public ConditionDefinition Definition { get; }

    /// <summary>Target prevalence on Census day 2021 by decile 1–10 (index 0–9), a fraction.</summary>
    public double[] Targets { get; }

    /// <summary>Expected prevalence under the fitted model by decile, a fraction.</summary>
    public double[] Fitted { get; }

    /// <summary>Fits the decile intercepts of <paramref name="definition"/> to its targets over <paramref name="population"/>.</summary>
    public static ConditionModel Fit(ConditionDefinition definition, ExpectedPopulation population, LondonStatistics statistics)
    {
        var shape = new double[Knots];
        var running = double.NegativeInfinity;
        for (var k = 0; k < Knots; k++)
            shape[k] = running = Math.Max(running, Logit(definition.AgeShape[k] / 100));
        var ethnic = definition.EthnicOddsRatios.Select(x => Math.Log(x)).ToArray();
        var sexTerm = Math.Log(definition.MaleOddsRatio) / 2;
        var minAge = Math.Max(definition.QofMinAge, 0);

        // Cells of the register's age range, one list per decile: weight and the fixed part of the logit.
        var cells = new List<(double Weight, double Offset)>[10];
        for (var d = 0; d < 10; d++)
        {
            cells[d] = [];
            for (var sex = 0; sex < 2; sex++)
            {
                for (var age = 0; age < ExpectedPopulation.Ages; age++)
                {
                    // The open band 90+ is spread as the generator spreads it: 90 plus an exponential (mean 3.5 years).
                    var spread = age == LondonStatistics.OldestAge ? OldestSpread : [(0.5, 1.0)];
                    foreach (var (offset, share) in spread)
                    {
                        var ageOnCensusDay = age + offset;
                        if (ageOnCensusDay < minAge)
                            continue;
                        var fixedPart = Shape(shape, ageOnCensusDay) + (sex == 1 ? sexTerm : -sexTerm);
                        for (var g = 0; g < EthnicGroups.Count; g++)
                        {
                            var weight = population.Residents(d + 1, sex, age, g) * share;
                            if (weight > 0)
                                cells[d].Add((weight, fixedPart + ethnic[g]));
                        }
                    }
                }
            }
        }

        var targets = new double[10];
        var intercepts = new double[10];
        if (definition.QofRegister is { } register)
        {
            var qof = statistics.QofByDecile.TryGetValue(register, out var row) ? row
                : throw new InvalidOperationException($"The QOF reference file has no {register} register.");
            for (var d = 0; d < 10; d++)
            {
                targets[d] = qof[d] * definition.QofShare;
                intercepts[d] = Solve(cells[d], 0, definition.Loading, targets[d]);
            }
        }
        else
        {
            var target = definition.TargetPrevalence ?? throw new InvalidOperationException($"{definition.Key} needs a QOF register or a target.");
            var all = new List<(double Weight, double Offset)>();
            for (var d = 0; d < 10; d++)
                all.AddRange(cells[d].Select(c => (c.Weight, c.Offset + DeprivationOffset(definition, d))));
            var common = Solve(all, 0, definition.Loading, target);
            for (var d = 0; d < 10; d++)
            {
                intercepts[d] = common + DeprivationOffset(definition, d);
            }
        }

        var fitted = new double[10];
        for (var d = 0; d < 10; d++)
            fitted[d] = Expected(cells[d], intercepts[d], definition.Loading).Prevalence;
        if (definition.QofRegister is null)
            Array.Fill(targets, definition.TargetPrevalence!.Value);

        return new ConditionModel(definition, shape, intercepts, targets, fitted);
    }

    /// <summary>The age (years, possibly fractional) at which onset falls for a person who drew <paramref name="u"/>, or
    /// +∞ when it never does.</summary>
    public double OnsetAge(int decile, int sex, EthnicGroup group, double z, double u)
    {
        var level = Logit(u) - (_intercepts[decile - 1] + (sex == 1 ? _sex : -_sex) + _ethnic[(int)group] + (Definition.Loading * z));
        if (level > _shape[Knots - 1])
            return double.PositiveInfinity;
        double age;
        if (level <= _shape[0])
        {
            age = 0;
        }
        else
        {
            var k = 0;
            while (_shape[k + 1] < level)
                k++;
            var span = _shape[k + 1] - _shape[k];
            age = (k * 10) + (span <= 0 ? 0 : 10 * (level - _shape[k]) / span);
        }

        return Math.Max(age, Definition.MinOnsetAge);
    }

    /// <summary>The probability of onset by <paramref name="age"/> for a person with these characteristics.</summary>
    public double Risk(int decile, int sex, EthnicGroup group, double z, double age) =>
        Logistic(_intercepts[decile - 1] + Shape(_shape, age) + (sex == 1 ? _sex : -_sex) + _ethnic[(int)group] + (Definition.Loading * z));

    private static double DeprivationOffset(ConditionDefinition definition, int decileIndex) =>
        Math.Log(definition.DeprivationOddsRatio) * (4.5 - decileIndex) / 9;

    private static double Solve(List<(double Weight, double Offset)> cells, double start, double loading, double target)
    {
        var intercept = start;
        for (var iteration = 0; iteration < 60; iteration++)
        {
            var (prevalence, slope) = Expected(cells, intercept, loading);
            var error = prevalence - target;
            if (Math.Abs(error) < 1e-10)
                break;
            intercept -= Math.Clamp(error / Math.Max(slope, 1e-12), -2, 2);
        }

        return intercept;
    }

    private static (double Prevalence, double Slope) Expected(List<(double Weight, double Offset)> cells, double intercept, double loading)
    {
        double weight = 0, cases = 0, slope = 0;
        foreach (var (w, offset) in cells)
        {
            for (var i = 0; i < HermiteNodes.Length; i++)
            {
                var p = Logistic(intercept + offset + (loading * HermiteNodes[i] * Math.Sqrt(2)));
                var share = HermiteWeights[i] / Math.Sqrt(Math.PI);
                cases += w * share * p;
                slope += w * share * p * (1 - p);
            }

            weight += w;
        }

        return weight == 0 ? (0, 0) : (cases / weight, slope / weight);
    }

    private static double Shape(double[] shape, double age)
    {
        if (age <= 0)
            return shape[0];
        if (age >= 100)
            return shape[Knots - 1];
        var k = (int)(age / 10);
        var t = (age - (k * 10)) / 10;
        return shape[k] + (t * (shape[k + 1] - shape[k]));
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
