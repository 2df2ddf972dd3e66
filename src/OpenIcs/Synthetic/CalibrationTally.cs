using OpenIcs.Statistics;

namespace OpenIcs.Synthetic;

/// <summary>Counts gathered while generating, summed over chunks, from which the calibration report is made.</summary>
/// <remarks>Sums of whole counts and of person-years only, so the totals (and the report) do not depend on which thread
/// produced which chunk; chunks are also merged in order.</remarks>
internal sealed class CalibrationTally
{
    /// <summary>Census 2021 five-year bands (0-4 … 90+).</summary>
    public const int CensusBands = 19;

    private static readonly int LifeBands = AgeBands.LifeTable.Count;
    private static readonly int Settings = Enum.GetValues<CareSetting>().Length;
    private static readonly int Conditions = ConditionCatalogue.AgeDriven.Length;

    private readonly int _boroughs;
    private readonly int _firstYear;
    private readonly int _years;
    private readonly int _firstDay;
    private readonly int _endDay;

    public CalibrationTally(int boroughs, GenerationSettings settings)
    {
        _boroughs = boroughs;
        _firstYear = settings.FromYear;
        _years = settings.ToYear - settings.FromYear + 1;
        _firstDay = settings.FirstDay;
        _endDay = settings.EndDay;
        CensusResidents = new long[boroughs * 2 * CensusBands];
        EthnicResidents = new long[boroughs * EthnicGroups.Count];
        DecileResidents = new long[10];
        QofCases = new long[Conditions * 10];
        QofPeople = new long[Conditions * 10];
        QofBoroughCases = new long[Conditions * boroughs];
        QofBoroughPeople = new long[Conditions * boroughs];
        LifeYears = new double[2 * 10 * LifeBands];
        LifeDeaths = new double[2 * 10 * LifeBands];
        Contacts = new long[Settings * 10];
        ContactsByYear = new long[Settings * _years];
        AmbulatoryCareSensitive = new long[10];
        YearsByDecile = new double[10];
        YearsByYear = new double[_years];
        Smokers = new long[10];
        SmokingRecords = new long[10];
        Referrals = new long[10 * 3];
    }

    public long[] CensusResidents { get; }

    public long[] EthnicResidents { get; }

    public long[] DecileResidents { get; }

    public long[] QofCases { get; }

    public long[] QofPeople { get; }

    public long[] QofBoroughCases { get; }

    public long[] QofBoroughPeople { get; }

    public long SickleCell { get; private set; }

    public long PeopleOnPrevalenceDay { get; private set; }

    public double[] LifeYears { get; }

    public double[] LifeDeaths { get; }

    public long[] Contacts { get; }

    public long[] ContactsByYear { get; }

    public long[] AmbulatoryCareSensitive { get; }

    public double[] YearsByDecile { get; }

    public double[] YearsByYear { get; }

    public long[] Smokers { get; }

    public long[] SmokingRecords { get; }

    /// <summary>Referrals by decile and status (0 completed, 1 active, 2 revoked).</summary>
    public long[] Referrals { get; }

    /// <summary>Households with at least one Census resident, counted on Census day.</summary>
    public long Households { get; private set; }

    /// <summary>Census residents living in those households.</summary>
    public long HouseholdMembers { get; private set; }

    /// <summary>Households of one Census resident.</summary>
    public long OnePersonHouseholds { get; private set; }

    /// <summary>People alive on <see cref="OptOutDay"/>, and those of them opted out by then.</summary>
    public long OptOutPeople { get; private set; }

    public long OptOuts { get; private set; }

    /// <summary>The day opt-out is measured on (1 January 2023, or the period's last day if earlier).</summary>
    public int OptOutDay => Math.Min(Days.Of(2023, 1, 1), _endDay - 1);

    public long CarePackages { get; set; }

    public long PeopleInPeriod { get; private set; }

    public long Deaths { get; private set; }

    public long Births { get; private set; }

    /// <summary>Whether a day counts towards life expectancy: inside the period and outside the COVID-19 years 2020–2022.</summary>
    public static bool InLifeWindow(int year) => year is < 2020 or > 2022;

    /// <summary>Counts one planned person.</summary>
    public void AddPerson(Person person, SyntheticModel model)
    {
        if (person.Origin == Origin.Census)
        {
            var age = Days.WholeAge(person.BirthDay, Days.CensusDay);
            CensusResidents[(((person.Borough * 2) + person.Sex) * CensusBands) + Math.Min(age / 5, CensusBands - 1)]++;
            EthnicResidents[(person.Borough * EthnicGroups.Count) + (int)person.Ethnicity]++;
            DecileResidents[person.Decile - 1]++;
        }

        if (person.EntryDay <= OptOutDay && person.ExitDay > OptOutDay)
            OptOutPeople++;
        if (person.InPeriod)
        {
            PeopleInPeriod++;
            if (person.DeathDay < _endDay)
                Deaths++;
            if (person.BirthDay >= _firstDay)
                Births++;
        }

        if (Days.PrevalenceDay >= _firstDay && Days.PrevalenceDay < _endDay && person.BirthDay <= Days.PrevalenceDay && person.DeathDay > Days.PrevalenceDay)
        {
            PeopleOnPrevalenceDay++;
            var age = person.Age(Days.PrevalenceDay);
            for (var c = 0; c < Conditions; c++)
            {
                if (age < ConditionCatalogue.AgeDriven[c].QofMinAge)
                    continue;
                var has = person.Onsets[c] <= Days.PrevalenceDay ? 1 : 0;
                QofPeople[(c * 10) + person.Decile - 1]++;
                QofCases[(c * 10) + person.Decile - 1] += has;
                QofBoroughPeople[(c * _boroughs) + person.Borough]++;
                QofBoroughCases[(c * _boroughs) + person.Borough] += has;
            }

            SickleCell += person.SickleCellDay <= Days.PrevalenceDay ? 1 : 0;
        }

        if (person.InPeriod)
            AddLifeExposure(person);
    }

    private void AddLifeExposure(Person person)
    {
        var bands = AgeBands.LifeTable.StartAges;
        for (var year = Days.YearOf(person.EntryDay); year <= Days.YearOf(person.ExitDay - 1); year++)
        {
            if (!InLifeWindow(year))
                continue;
            var start = Math.Max(person.EntryDay, Days.StartOf(year));
            var end = Math.Min(person.ExitDay, Days.StartOf(year + 1));
            while (start < end)
            {
                var age = person.Age(start);
                var band = Band(age);
                var bandEnd = band + 1 < LifeBands ? person.BirthDay + (int)Math.Ceiling(bands[band + 1] * Days.PerYear) : int.MaxValue;
                var stop = Math.Min(end, Math.Max(bandEnd, start + 1));
                LifeYears[(((person.Sex * 10) + person.Decile - 1) * LifeBands) + band] += (stop - start) / Days.PerYear;
                start = stop;
            }
        }

        if (person.DeathDay < _endDay && person.DeathDay >= person.EntryDay && InLifeWindow(Days.YearOf(person.DeathDay)))
            LifeDeaths[(((person.Sex * 10) + person.Decile - 1) * LifeBands) + Band(person.Age(person.DeathDay))]++;
    }

    /// <summary>The life-table band of an age.</summary>
    public static int Band(double age)
    {
        var bands = AgeBands.LifeTable.StartAges;
        var band = 0;
        while (band + 1 < bands.Length && age >= bands[band + 1])
            band++;
        return band;
    }

    public void Contact(CareSetting setting, int decile, int year, bool ambulatoryCareSensitive)
    {
        Contacts[((int)setting * 10) + decile - 1]++;
        if (year - _firstYear is >= 0 and var y && y < _years)
            ContactsByYear[((int)setting * _years) + y]++;
        if (ambulatoryCareSensitive)
            AmbulatoryCareSensitive[decile - 1]++;
    }

    public void Exposure(int decile, int year, double years)
    {
        YearsByDecile[decile - 1] += years;
        if (year - _firstYear is >= 0 and var y && y < _years)
            YearsByYear[y] += years;
    }

    public void CensusHousehold(int residents)
    {
        if (residents == 0)
            return;
        Households++;
        HouseholdMembers += residents;
        OnePersonHouseholds += residents == 1 ? 1 : 0;
    }

    public void OptOut(Person person, int day)
    {
        if (day <= OptOutDay && person.ExitDay > OptOutDay)
            OptOuts++;
    }

    public void Smoking(int decile, bool smoker)
    {
        SmokingRecords[decile - 1]++;
        Smokers[decile - 1] += smoker ? 1 : 0;
    }

    public void Referral(int decile, string status) =>
        Referrals[((decile - 1) * 3) + (status == "completed" ? 0 : status == "active" ? 1 : 2)]++;

    /// <summary>Adds <paramref name="other"/> into this tally.</summary>
    public void Add(CalibrationTally other)
    {
        Sum(CensusResidents, other.CensusResidents);
        Sum(EthnicResidents, other.EthnicResidents);
        Sum(DecileResidents, other.DecileResidents);
        Sum(QofCases, other.QofCases);
        Sum(QofPeople, other.QofPeople);
        Sum(QofBoroughCases, other.QofBoroughCases);
        Sum(QofBoroughPeople, other.QofBoroughPeople);
        Sum(LifeYears, other.LifeYears);
        Sum(LifeDeaths, other.LifeDeaths);
        Sum(Contacts, other.Contacts);
        Sum(ContactsByYear, other.ContactsByYear);
        Sum(AmbulatoryCareSensitive, other.AmbulatoryCareSensitive);
        Sum(YearsByDecile, other.YearsByDecile);
        Sum(YearsByYear, other.YearsByYear);
        Sum(Smokers, other.Smokers);
        Sum(SmokingRecords, other.SmokingRecords);
        Sum(Referrals, other.Referrals);
        SickleCell += other.SickleCell;
        PeopleOnPrevalenceDay += other.PeopleOnPrevalenceDay;
        Households += other.Households;
        HouseholdMembers += other.HouseholdMembers;
        OnePersonHouseholds += other.OnePersonHouseholds;
        OptOuts += other.OptOuts;
        OptOutPeople += other.OptOutPeople;
        CarePackages += other.CarePackages;
        PeopleInPeriod += other.PeopleInPeriod;
        Deaths += other.Deaths;
        Births += other.Births;
    }

    private static void Sum(long[] into, long[] from)
    {
        for (var i = 0; i < into.Length; i++)
            into[i] += from[i];
    }

    private static void Sum(double[] into, double[] from)
    {
        for (var i = 0; i < into.Length; i++)
            into[i] += from[i];
    }
}
