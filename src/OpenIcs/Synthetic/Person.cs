namespace OpenIcs.Synthetic;

/// <summary>How a person came to be in the synthetic population.</summary>
internal enum Origin
{
    /// <summary>Resident on Census day 2021.</summary>
    Census,

    /// <summary>Born after Census day.</summary>
    Born,

    /// <summary>Died between the start of the period and Census day, so not in the Census.</summary>
    Decedent,
}

/// <summary>One synthetic resident while their neighbourhood's chunk is being generated.</summary>
internal sealed class Person
{
    public const int Never = int.MaxValue;

    public Person(long index, int lsoa, int borough, int decile, int sex, Origin origin)
    {
        Index = index;
        Lsoa = lsoa;
        Borough = borough;
        Decile = decile;
        Sex = sex;
        Origin = origin;
        Reference = string.Create(null, stackalloc char[24], $"Patient/p-{index:D9}");
        SubjectJson = System.Text.Encoding.ASCII.GetBytes($"{{\"reference\":\"{Reference}\"}}");
    }

    /// <summary>Global index: the source of the id and NHS number.</summary>
    public long Index { get; }

    /// <summary>LSOA index (code order).</summary>
    public int Lsoa { get; }

    /// <summary>Borough index (code order).</summary>
    public int Borough { get; }

    /// <summary>IMD 2019 decile of the LSOA, 1 = most deprived.</summary>
    public int Decile { get; }

    /// <summary>0 female, 1 male.</summary>
    public int Sex { get; }

    public Origin Origin { get; }

    /// <summary>The relative reference to this person, e.g. <c>Patient/p-000012345</c>.</summary>
    public string Reference { get; }

    /// <summary><c>{"reference": "Patient/…"}</c> as UTF-8, copied into every resource about the person.</summary>
    public byte[] SubjectJson { get; }

    public int BirthDay { get; set; }

    public int DeathDay { get; set; } = Never;

    public EthnicGroup Ethnicity { get; set; }

    /// <summary>Latent health factor, standard normal: raises the risk of every condition and of death.</summary>
    public double Health { get; set; }

    /// <summary>Index of the person's household within the LSOA, or -1.</summary>
    public int Household { get; set; } = -1;

    /// <summary>How many Census residents share the household (1 = lives alone).</summary>
    public int HouseholdSize { get; set; }

    /// <summary>Index of the registered GP practice in <see cref="CareProviders"/>.</summary>
    public int Practice { get; set; }

    /// <summary>First day the person is in the record (birth or the period's start).</summary>
    public int EntryDay { get; set; }

    /// <summary>Day after the person leaves the record (death or the period's end).</summary>
    public int ExitDay { get; set; }

    /// <summary>Onset day of each age-driven condition (<see cref="ConditionCatalogue.AgeDriven"/> order), or <see cref="Never"/>.</summary>
    public int[] Onsets { get; } = new int[ConditionCatalogue.AgeDriven.Length];

    /// <summary>Which of a condition's codes this person has.</summary>
    public byte[] OnsetCode { get; } = new byte[ConditionCatalogue.AgeDriven.Length];

    public int SickleCellDay { get; set; } = Never;

    public int LongCovidDay { get; set; } = Never;

    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    /// <summary>Whether the person appears in the output at all (alive at some point in the period).</summary>
    public bool InPeriod => EntryDay < ExitDay;

    /// <summary>Completed years of age on <paramref name="day"/>.</summary>
    public double Age(int day) => Days.Age(BirthDay, day);

    /// <summary>How many of the long-term conditions (not obesity) have begun by <paramref name="day"/>.</summary>
    public int ConditionsBy(int day)
    {
        var count = 0;
        for (var c = 0; c < Onsets.Length; c++)
        {
            if (Onsets[c] <= day && !ReferenceEquals(ConditionCatalogue.AgeDriven[c], ConditionCatalogue.Obesity))
                count++;
        }

        return count + (SickleCellDay <= day ? 1 : 0);
    }

    /// <summary>Whether condition <paramref name="c"/> has begun by <paramref name="day"/>.</summary>
    public bool Has(int c, int day) => Onsets[c] <= day;
}
