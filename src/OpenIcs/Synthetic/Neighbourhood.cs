namespace OpenIcs.Synthetic;

/// <summary>The people of one LSOA: Census residents, babies born since, and residents who died before the Census.</summary>
internal sealed class Neighbourhood
{
    private static readonly int LongCovidFirstDay = Days.Of(2020, 4, 1);

    private Neighbourhood(int lsoa, List<Person> people, int households)
    {
        Lsoa = lsoa;
        People = people;
        HouseholdCount = households;
    }

    /// <summary>LSOA index.</summary>
    public int Lsoa { get; }

    /// <summary>Everyone planned for the LSOA, in index order (some may fall outside the period).</summary>
    public List<Person> People { get; }

    /// <summary>How many households the Census residents form.</summary>
    public int HouseholdCount { get; }

    /// <summary>Builds the people of LSOA <paramref name="lsoa"/>.</summary>
    public static Neighbourhood Build(SyntheticModel model, int lsoa)
    {
        var settings = model.Settings;
        var statistics = model.Statistics;
        var plan = model.Plan;
        var borough = statistics.LsoaBorough[lsoa];
        var decile = statistics.Lsoas[lsoa].ImdDecile;
        var random = RandomStream.For(settings.Seed, (ulong)lsoa, Purpose.Household);

        var slots = new List<(int Sex, int Age)>();
        var census = plan.Census[lsoa];
        for (var sex = 0; sex < 2; sex++)
        {
            for (var age = 0; age < ExpectedPopulation.Ages; age++)
            {
                for (var n = 0; n < census[(sex * ExpectedPopulation.Ages) + age]; n++)
                    slots.Add((sex, age));
            }
        }

        Households.Shuffle(slots, ref random);
        var people = new List<Person>(slots.Count + plan.Births[lsoa] + plan.Decedents[lsoa]);
        var index = plan.FirstIndex[lsoa];
        foreach (var (sex, age) in slots)
        {
            var person = new Person(index, lsoa, borough, decile, sex, Origin.Census);
            var demographics = RandomStream.For(settings.Seed, (ulong)index, Purpose.Demographics);
            var years = age < LondonStatistics.OldestAge ? age + demographics.NextDouble() : age + Math.Min(15, 3.5 * demographics.Exponential());
            person.BirthDay = Days.CensusDay - 1 - (int)(years * Days.PerYear);
            person.Ethnicity = model.Ethnicity.Draw(borough, decile, LondonStatistics.BroadBand(age), ref demographics);
            person.Health = demographics.Normal();
            (person.GivenName, person.FamilyName) = Names.Draw(sex, person.Ethnicity, ref demographics);
            person.Practice = model.Providers.DrawPractice(borough, ref demographics);
            var mortality = RandomStream.For(settings.Seed, (ulong)index, Purpose.Mortality);
            person.DeathDay = model.Mortality.DeathDay(person.BirthDay, sex, decile, MortalityModel.Frailty(person.Health),
                Days.CensusDay, settings.EndDay, ref mortality);
            people.Add(person);
            index++;
        }

        var households = Households.Form(people, Days.CensusDay, ref random);
        var censusPeople = people.Count;
        AddBirths(model, lsoa, people, censusPeople, ref index, ref households);
        AddDecedents(model, lsoa, people, censusPeople, ref index);

        foreach (var person in people)
        {
            person.EntryDay = Math.Max(person.BirthDay, settings.FirstDay);
            person.ExitDay = person.DeathDay == Person.Never ? settings.EndDay : Math.Min(person.DeathDay + 1, settings.EndDay);
            DrawConditions(model, person);
        }

        return new Neighbourhood(lsoa, people, households);
    }

    private static void AddBirths(SyntheticModel model, int lsoa, List<Person> people, int censusPeople, ref long index, ref int households)
    {
        var settings = model.Settings;
        var births = model.Plan.Births[lsoa];
        if (births == 0)
            return;
        var span = Math.Max(settings.EndDay, Days.CensusDay) - Days.CensusDay;
        var women = people.Take(censusPeople).Where(p => p.Sex == 0 && p.Age(Days.CensusDay) is >= 5 and < 50).ToList();
        var weights = new double[women.Count];
        for (var b = 0; b < births; b++)
        {
            var random = RandomStream.For(settings.Seed, (ulong)index, Purpose.Births);
            var birthDay = Days.CensusDay + random.Next(Math.Max(1, span));
            double total = 0;
            for (var i = 0; i < women.Count; i++)
            {
                var woman = women[i];
                weights[i] = total += woman.DeathDay > birthDay ? Fertility.Rate(woman.Age(birthDay)) : 0;
            }

            var mother = total > 0 ? women[random.Pick(weights)] : null;
            var sex = random.Chance(0.513) ? 1 : 0;
            var child = new Person(index, lsoa, mother?.Borough ?? model.Statistics.LsoaBorough[lsoa], model.Statistics.Lsoas[lsoa].ImdDecile, sex, Origin.Born)
            {
                BirthDay = birthDay,
            };
            child.Ethnicity = mother is not null && random.Chance(0.85) ? mother.Ethnicity
                : model.Ethnicity.Draw(child.Borough, child.Decile, 0, ref random);
            child.Health = random.Normal();
            var (given, family) = Names.Draw(sex, child.Ethnicity, ref random);
            child.GivenName = given;
            child.FamilyName = mother?.FamilyName ?? family;
            child.Household = mother?.Household ?? (censusPeople > 0 ? people[random.Next(censusPeople)].Household : households++);
            child.Practice = mother is not null && random.Chance(0.8) ? mother.Practice : model.Providers.DrawPractice(child.Borough, ref random);
            var mortality = RandomStream.For(settings.Seed, (ulong)index, Purpose.Mortality);
            child.DeathDay = model.Mortality.DeathDay(birthDay, sex, child.Decile, MortalityModel.Frailty(child.Health), birthDay, settings.EndDay, ref mortality);
            people.Add(child);
            index++;
        }
    }

    private static void AddDecedents(SyntheticModel model, int lsoa, List<Person> people, int censusPeople, ref long index)
    {
        var settings = model.Settings;
        var decedents = model.Plan.Decedents[lsoa];
        var windowEnd = Days.CensusDay;
        if (decedents == 0 || settings.FirstDay >= windowEnd || censusPeople == 0)
        {
            index += decedents;
            return;
        }

        var weights = new double[censusPeople];
        double total = 0;
        for (var i = 0; i < censusPeople; i++)
        {
            var p = people[i];
            weights[i] = total += model.Mortality.CumulativeHazardAtAge(p.Age(Days.CensusDay), p.Sex, p.Decile, MortalityModel.Frailty(p.Health), settings.FirstDay, windowEnd);
        }

        for (var d = 0; d < decedents; d++, index++)
        {
            if (total <= 0)
                continue;
            var random = RandomStream.For(settings.Seed, (ulong)index, Purpose.Decedents);
            var twin = people[random.Pick(weights)];
            // Someone like the twin, of the twin's age, who died in the window: the death day follows the year's rate.
            var age = twin.Age(Days.CensusDay);
            var frailty = MortalityModel.Frailty(twin.Health);
            var hazard = model.Mortality.CumulativeHazardAtAge(age, twin.Sex, twin.Decile, frailty, settings.FirstDay, windowEnd);
            var deathDay = DayOfCumulativeHazard(model.Mortality, age, twin, frailty, settings.FirstDay, windowEnd, random.NextDouble() * hazard);
            var person = new Person(index, lsoa, twin.Borough, twin.Decile, twin.Sex, Origin.Decedent)
            {
                BirthDay = deathDay - (int)((age + random.NextDouble() - 0.5) * Days.PerYear),
                DeathDay = deathDay,
                Ethnicity = twin.Ethnicity,
                Health = twin.Health,
                Household = twin.Household,
                Practice = twin.Practice,
                FamilyName = twin.FamilyName,
            };
            person.BirthDay = Math.Min(person.BirthDay, deathDay);
            person.GivenName = Names.Draw(person.Sex, person.Ethnicity, ref random).Given;
            people.Add(person);
        }
    }

    private static int DayOfCumulativeHazard(MortalityModel mortality, double age, Person twin, double frailty, int from, int end, double target)
    {
        var low = from;
        var high = end - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (mortality.CumulativeHazardAtAge(age, twin.Sex, twin.Decile, frailty, from, middle + 1) >= target)
                high = middle;
            else
                low = middle + 1;
        }

        return low;
    }

    private static void DrawConditions(SyntheticModel model, Person person)
    {
        var random = RandomStream.For(model.Settings.Seed, (ulong)person.Index, Purpose.Conditions);
        for (var c = 0; c < model.Conditions.Length; c++)
        {
            var condition = model.Conditions[c];
            var onsetAge = condition.OnsetAge(person.Decile, person.Sex, person.Ethnicity, person.Health, random.NextOpen());
            var codeDraw = random.NextDouble();
            var onset = double.IsInfinity(onsetAge) ? Person.Never : person.BirthDay + (int)(onsetAge * Days.PerYear);
            person.Onsets[c] = onset < person.ExitDay ? onset : Person.Never;
            person.OnsetCode[c] = PickCode(condition.Definition.Codes, person.Sex, codeDraw);
        }

        if (random.NextDouble() < ConditionCatalogue.SickleCellPrevalence[(int)person.Ethnicity])
            person.SickleCellDay = person.BirthDay;

        // Long COVID: people alive from April 2020, more often women, aged 35-69 and in deprived areas (ONS COVID-19
        // Infection Survey); onset follows the waves of 2020-2022.
        var age = person.Age(Days.Of(2021, 1, 1));
        if (person.ExitDay > LongCovidFirstDay && age >= 5)
        {
            var chance = 0.012 * (person.Sex == 0 ? 1.25 : 0.8) * (age is >= 35 and < 70 ? 1.4 : age < 17 ? 0.35 : 0.8)
                * (1 + (0.08 * (5.5 - person.Decile))) * (1 + (0.15 * person.Health));
            if (random.NextDouble() < chance)
            {
                var wave = random.NextDouble();
                var start = wave < 0.3 ? Days.Of(2020, 4, 1) : wave < 0.6 ? Days.Of(2021, 1, 1) : Days.Of(2022, 1, 1);
                var onset = start + random.Next(240);
                if (onset < person.ExitDay && onset > person.BirthDay)
                    person.LongCovidDay = onset;
            }
        }
    }

    private static byte PickCode(Concept[] codes, int sex, double draw)
    {
        double total = 0;
        foreach (var code in codes)
            total += Allowed(code, sex) ? code.Weight : 0;
        var target = draw * total;
        for (var i = 0; i < codes.Length; i++)
        {
            if (!Allowed(codes[i], sex))
                continue;
            target -= codes[i].Weight;
            if (target < 0)
                return (byte)i;
        }

        return (byte)Array.FindLastIndex(codes, c => Allowed(c, sex));
    }

    private static bool Allowed(Concept code, int sex) =>
        code.Sex == SexLimit.Any || (code.Sex == SexLimit.Female) == (sex == 0);
}
