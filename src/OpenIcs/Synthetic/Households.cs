namespace OpenIcs.Synthetic;

/// <summary>Groups a neighbourhood's Census residents into households.</summary>
/// <remarks>
/// Children, and nearly half of adults under 30, are placed with a woman of the neighbourhood of plausible maternal age
/// (weighted by the fertility schedule at her age when the child was born, preferring her broad ethnic group); a mother's
/// household takes a partner with probability 0.6. Other adults live alone, as couples or as sharers, older people more often alone or in couples. The
/// probabilities are set so that London's Census 2021 picture is roughly reproduced: about 3.4 million households, a
/// mean of about 2.5 residents each, roughly three in ten living alone (ONS, Census 2021 household composition).
/// </remarks>
internal static class Households
{
    /// <summary>Assigns <see cref="Person.Household"/> for <paramref name="people"/>; returns how many households there are.</summary>
    public static int Form(List<Person> people, int censusDay, ref RandomStream random)
    {
        var women = new List<Person>[LondonStatistics.OldestAge + 16];
        var men = new List<Person>[LondonStatistics.OldestAge + 16];
        var children = new List<Person>();
        foreach (var person in people)
        {
            var age = (int)person.Age(censusDay);
            // Children, and nearly half of adults under 30, who in London often still live with a parent.
            if (age < 18 || (age < 30 && random.Chance(0.45)))
                children.Add(person);
            if (age < 18)
                continue;

            var buckets = person.Sex == 0 ? women : men;
            (buckets[Math.Min(age, buckets.Length - 1)] ??= []).Add(person);
        }

        var households = 0;
        var weights = new double[30];
        foreach (var child in children)
        {
            if (child.Household >= 0)
                continue;
            var childAge = (int)child.Age(censusDay);
            double total = 0;
            for (var gap = 17; gap < 17 + weights.Length; gap++)
            {
                var motherAge = childAge + gap;
                var count = motherAge < women.Length ? women[motherAge]?.Count ?? 0 : 0;
                weights[gap - 17] = total += count * Fertility.Rate(gap + 0.5);
            }

            if (total <= 0)
                continue;
            Person? mother = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var bucket = women[childAge + 17 + random.Pick(weights)]!;
                mother = bucket[random.Next(bucket.Count)];
                if (EthnicGroups.BroadGroup(mother.Ethnicity) == EthnicGroups.BroadGroup(child.Ethnicity))
                    break;
            }

            if (mother!.Household < 0)
            {
                mother.Household = households++;
                if (random.Chance(0.6))
                    Partner(mother, (int)mother.Age(censusDay) + 2, 6, men, ref random);
            }

            child.Household = mother.Household;
        }

        var adults = new List<Person>();
        foreach (var bucket in women.Concat(men))
        {
            if (bucket is not null)
                adults.AddRange(bucket);
        }

        Shuffle(adults, ref random);
        for (var i = 0; i < adults.Count; i++)
        {
            var adult = adults[i];
            if (adult.Household >= 0)
                continue;
            adult.Household = households++;
            var age = (int)adult.Age(censusDay);
            var draw = random.NextDouble();
            var alone = age >= 65 ? 0.45 : 0.35;
            if (draw < alone)
                continue;
            if (draw < alone + (age >= 65 ? 0.55 : 0.35))
            {
                Partner(adult, adult.Sex == 0 ? age + 2 : age - 2, 8, adult.Sex == 0 ? men : women, ref random);
                continue;
            }

            var sharers = random.Between(2, 4);
            for (var j = i + 1; j < adults.Count && sharers > 0; j++)
            {
                if (adults[j].Household < 0 && Math.Abs((int)adults[j].Age(censusDay) - age) <= 12)
                {
                    adults[j].Household = adult.Household;
                    sharers--;
                }
            }
        }

        foreach (var child in children)
        {
            if (child.Household >= 0 || child.Age(censusDay) >= 18)
                continue;
            child.Household = adults.Count > 0 ? adults[random.Next(adults.Count)].Household : households++;
        }

        return households;
    }

    /// <summary>Joins the nearest-aged unattached adult from <paramref name="candidates"/> (ages around
    /// <paramref name="aroundAge"/>, searched outwards) to <paramref name="person"/>'s household.</summary>
    private static void Partner(Person person, int aroundAge, int within, List<Person>[] candidates, ref RandomStream random)
    {
        var start = Math.Clamp(aroundAge + random.Between(-within / 2, within / 2), 18, candidates.Length - 1);
        for (var distance = 0; distance <= 2 * within; distance++)
        {
            foreach (var age in distance == 0 ? [start] : new[] { start + distance, start - distance })
            {
                if (age < 18 || age >= candidates.Length || candidates[age] is not { Count: > 0 } bucket)
                    continue;
                var offset = random.Next(bucket.Count);
                for (var k = 0; k < bucket.Count; k++)
                {
                    var partner = bucket[(k + offset) % bucket.Count];
                    if (partner.Household < 0 && partner != person)
                    {
                        partner.Household = person.Household;
                        return;
                    }
                }
            }
        }
    }

    /// <summary>Fisher–Yates shuffle.</summary>
    public static void Shuffle<T>(List<T> items, ref RandomStream random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
