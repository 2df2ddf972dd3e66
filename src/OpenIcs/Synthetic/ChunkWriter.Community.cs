using System.Text.Json;

namespace OpenIcs.Synthetic;

/// <summary>Childhood immunisations, adult social care, social isolation and social prescribing with its outcomes.</summary>
internal sealed partial class ChunkWriter
{
    private const string WellbeingSystem = Fhir.OpenIcsBase + "/CodeSystem/wellbeing-measure";
    private const string SupportSettingSystem = Fhir.OpenIcsBase + "/CodeSystem/asc-support-setting";

    private static readonly JsonEncodedText ImmunizationType = JsonEncodedText.Encode("Immunization");
    private static readonly JsonEncodedText EpisodeOfCareType = JsonEncodedText.Encode("EpisodeOfCare");
    private static readonly JsonEncodedText ServiceRequestType = JsonEncodedText.Encode("ServiceRequest");
    private static readonly JsonEncodedText VaccineCode = JsonEncodedText.Encode("vaccineCode");
    private static readonly JsonEncodedText OccurrenceDateTime = JsonEncodedText.Encode("occurrenceDateTime");
    private static readonly JsonEncodedText PrimarySource = JsonEncodedText.Encode("primarySource");
    private static readonly JsonEncodedText Performer = JsonEncodedText.Encode("performer");
    private static readonly JsonEncodedText Actor = JsonEncodedText.Encode("actor");
    private static readonly JsonEncodedText ProtocolApplied = JsonEncodedText.Encode("protocolApplied");
    private static readonly JsonEncodedText DoseNumber = JsonEncodedText.Encode("doseNumberPositiveInt");
    private static readonly JsonEncodedText Intent = JsonEncodedText.Encode("intent");
    private static readonly JsonEncodedText AuthoredOn = JsonEncodedText.Encode("authoredOn");
    private static readonly JsonEncodedText Requester = JsonEncodedText.Encode("requester");
    private static readonly JsonEncodedText OccurrencePeriod = JsonEncodedText.Encode("occurrencePeriod");
    private static readonly JsonEncodedText BasedOn = JsonEncodedText.Encode("basedOn");

    /// <summary>The UK routine childhood schedule (UKHSA, Green Book chapter 11): vaccine, dose, due age in days, and London
    /// coverage (UKHSA COVER, London 2019–20: about 88% for 6-in-1 at 12 months, 84% for MMR1 at 24 months, 75% for
    /// MMR2 and the pre-school booster at 5 years).</summary>
    private static readonly (Concept Vaccine, int Dose, int DueDay, double Coverage)[] Schedule =
    [
        (new("871895005", "Bordetella pertussis and Clostridium tetani and Corynebacterium diphtheriae and Haemophilus influenzae type b and Hepatitis B virus and Human poliovirus antigens only vaccine product"), 1, 56, 0.90),
        (new("836401009", "Neisseria meningitidis antigen-containing vaccine product"), 1, 56, 0.89),
        (new("836387005", "Rotavirus antigen-containing vaccine product"), 1, 56, 0.87),
        (new("871895005", "Bordetella pertussis and Clostridium tetani and Corynebacterium diphtheriae and Haemophilus influenzae type b and Hepatitis B virus and Human poliovirus antigens only vaccine product"), 2, 84, 0.89),
        (new("836398006", "Streptococcus pneumoniae antigen-containing vaccine product"), 1, 84, 0.88),
        (new("836387005", "Rotavirus antigen-containing vaccine product"), 2, 84, 0.84),
        (new("871895005", "Bordetella pertussis and Clostridium tetani and Corynebacterium diphtheriae and Haemophilus influenzae type b and Hepatitis B virus and Human poliovirus antigens only vaccine product"), 3, 112, 0.88),
        (new("836401009", "Neisseria meningitidis antigen-containing vaccine product"), 2, 112, 0.86),
        (new("836500008", "Haemophilus influenzae type b and Neisseria meningitidis serogroup C antigens only vaccine product"), 1, 366, 0.84),
        (new("871831003", "Measles morbillivirus and Mumps orthorubulavirus and Rubella virus antigens only vaccine product"), 1, 366, 0.84),
        (new("836398006", "Streptococcus pneumoniae antigen-containing vaccine product"), 2, 366, 0.83),
        (new("836401009", "Neisseria meningitidis antigen-containing vaccine product"), 3, 366, 0.82),
        (new("871831003", "Measles morbillivirus and Mumps orthorubulavirus and Rubella virus antigens only vaccine product"), 2, 1218, 0.75),
        (new("871878002", "Bordetella pertussis and Clostridium tetani and Corynebacterium diphtheriae and Human poliovirus antigens only vaccine product"), 1, 1218, 0.75),
    ];

    private static readonly int DementiaIndex = Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.Dementia);
    private static readonly int LearningDisabilityIndex = Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.LearningDisability);
    private static readonly int SocialPrescribingStart = Days.Of(2019, 1, 1);

    private int _episodes;
    private int _referrals;

    private void WriteCommunity(Person person)
    {
        var random = RandomStream.For(_model.Settings.Seed, (ulong)person.Index, Purpose.Community);
        WriteImmunisations(person, ref random);
        var isolated = WriteIsolation(person, ref random);
        WriteSocialCare(person, ref random);
        WriteSocialPrescribing(person, isolated, ref random);
    }

    private void WriteImmunisations(Person person, ref RandomStream random)
    {
        if (person.BirthDay + 1300 < person.EntryDay)
            return;
        var willingness = random.NextDouble();
        var gap = 0.06 * (5.5 - person.Decile) / 4.5;
        var given = 0;
        foreach (var (vaccine, dose, due, coverage) in Schedule)
        {
            var delay = (int)(random.Exponential() * 18);
            var day = person.BirthDay + due + delay;
            var pandemic = Days.YearOf(day) == 2020 ? 0.02 : 0;
            if (willingness >= coverage - gap - pandemic || day < person.EntryDay || day >= person.ExitDay)
                continue;
            var sink = Sink(ResourceType.Immunization);
            var json = sink.Json;
            Fhir.Begin(json, ImmunizationType, Id("i", person.Index, ++given));
            json.WriteString(Fhir.Status, "completed");
            RawJson.Write(json, VaccineCode, vaccine.Json);
            Fhir.WriteReference(json, Fhir.Patient, person);
            Fhir.WriteDate(json, OccurrenceDateTime, day);
            json.WriteBoolean(PrimarySource, true);
            json.WriteStartArray(Performer);
            json.WriteStartObject();
            RawJson.Write(json, Actor, _model.Providers.PracticeJson[person.Practice]);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray(ProtocolApplied);
            json.WriteStartObject();
            json.WriteNumber(DoseNumber, dose);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            sink.EndResource();
        }
    }

    /// <summary>Records social isolation for some adults: more often when living alone, old, depressed or deprived.</summary>
    private int WriteIsolation(Person person, ref RandomStream random)
    {
        var first = Math.Max(person.EntryDay, person.BirthDay + (int)(18 * Days.PerYear));
        if (first >= person.ExitDay)
            return Person.Never;
        var age = person.Age(first);
        var chance = 0.02 * (person.HouseholdSize == 1 ? 3 : 1) * (age >= 75 ? 2 : age >= 65 ? 1.4 : 1)
            * (person.Has(DepressionIndex, person.ExitDay - 1) ? 2 : 1) * (1 + (0.3 * (5.5 - person.Decile) / 4.5));
        if (!random.Chance(chance))
            return Person.Never;
        var day = Day(ref random, first, person.ExitDay);
        WriteCondition(person, "isolation", ConditionCatalogue.SocialIsolation, day, null);
        return day;
    }

    private void WriteSocialCare(Person person, ref RandomStream random)
    {
        _episodes = 0;
        var packageEnd = 0;
        for (var year = Days.YearOf(person.EntryDay); year <= Days.YearOf(person.ExitDay - 1); year++)
        {
            var start = Math.Max(person.EntryDay, Days.StartOf(year));
            var end = Math.Min(person.ExitDay, Days.StartOf(year + 1));
            var age = person.Age(start);
            if (end <= start || age < 18 || start < packageEnd)
                continue;
            // New requests for adult social care (NHS Digital, Adult Social Care Activity and Finance: about 0.55m
            // aged 65+ and 0.29m aged 18-64 in long-term support in England, 2019-20), driven by need.
            var rate = age switch
            {
                < 65 => 0.006,
                < 75 => 0.02,
                < 85 => 0.05,
                _ => 0.12,
            } * (person.Has(DementiaIndex, start) ? 4 : 1) * (person.Has(LearningDisabilityIndex, start) ? 5 : 1)
              * (person.Has(SmiIndex, start) ? 2 : 1) * (person.ConditionsBy(start) >= 3 ? 1.5 : 1)
              * Math.Exp(0.3 * person.Health) * (1 + (0.4 * (5.5 - person.Decile) / 9)) * (year == 2020 ? 0.8 : 1);
            if (!random.Chance(rate * (end - start) / Days.PerYear))
                continue;
            var assessed = Day(ref random, start, end);
            WriteEncounter(person, CareSetting.SocialCare, assessed, null, HomeHealth, null, _model.Providers.CouncilJson[person.Borough], -1, year);
            var learningDisability = person.Has(LearningDisabilityIndex, assessed);
            if (!random.Chance(learningDisability ? 0.55 : 0.45))
                continue;
            var begins = assessed + random.Between(14, 42);
            if (begins >= person.ExitDay)
                continue;
            var stop = begins + (int)(random.Exponential() * Days.PerYear / 0.15);
            var finished = Math.Min(stop, person.ExitDay - 1);
            packageEnd = finished + 1;
            var draw = random.NextDouble();
            var (code, display) = age >= 65
                ? draw < 0.12 ? ("nursing", "Nursing care") : draw < 0.37 ? ("residential", "Residential care")
                : draw < 0.45 ? ("community-direct-payment", "Community: direct payment") : ("community-home-care", "Community: home care")
                : draw < 0.1 ? ("residential", "Residential care") : draw < 0.4 ? ("community-direct-payment", "Community: direct payment")
                : ("community-supported-living", "Community: supported living");
            var sink = Sink(ResourceType.EpisodeOfCare);
            var json = sink.Json;
            Fhir.Begin(json, EpisodeOfCareType, Id("eoc", person.Index, ++_episodes));
            json.WriteString(Fhir.Status, finished < _model.Settings.EndDay - 1 && stop < person.ExitDay || person.DeathDay < _model.Settings.EndDay ? "finished" : "active");
            Fhir.WriteConceptArray(json, Fhir.Type, SupportSettingSystem, code, display);
            Fhir.WriteReference(json, Fhir.Patient, person);
            Fhir.WriteReference(json, ManagingOrganization, _model.Providers.Council[person.Borough]);
            Fhir.WritePeriod(json, begins, finished < _model.Settings.EndDay - 1 ? finished : null);
            json.WriteEndObject();
            sink.EndResource();
            _tally.CarePackages++;
        }
    }

    private void WriteSocialPrescribing(Person person, int isolatedDay, ref RandomStream random)
    {
        _referrals = 0;
        var last = 0;
        for (var year = Math.Max(2019, Days.YearOf(person.EntryDay)); year <= Days.YearOf(person.ExitDay - 1) && _referrals < 2; year++)
        {
            var start = Math.Max(Math.Max(person.EntryDay, Days.StartOf(year)), SocialPrescribingStart);
            var end = Math.Min(person.ExitDay, Days.StartOf(year + 1));
            if (end <= start || person.Age(start) < 18 || start < last)
                continue;
            // Social prescribing link workers arrived with PCNs in 2019; NHS England aimed at 900,000 referrals a year
            // by 2023-24 (about 1.6% of people). Referral is likelier for isolated, depressed, multimorbid and older people.
            var rate = year switch
            {
                2019 => 0.003,
                2020 => 0.006,
                2021 => 0.01,
                _ => 0.014,
            } * (isolatedDay <= start ? 5 : 1) * (person.Has(DepressionIndex, start) ? 2.5 : 1)
              * (person.ConditionsBy(start) >= 2 ? 1.5 : 1) * (person.Age(start) >= 65 ? 1.3 : 1) * (1 + (0.5 * (5.5 - person.Decile) / 9));
            if (!random.Chance(rate * (end - start) / Days.PerYear))
                continue;
            var referred = Day(ref random, start, end);
            last = referred + 120;
            WriteReferral(person, referred, isolatedDay <= referred, ref random);
        }
    }

    private void WriteReferral(Person person, int referred, bool isolated, ref RandomStream random)
    {
        var engaged = random.Chance(0.7);
        var firstContact = referred + random.Between(7, 21);
        var closes = firstContact + random.Between(70, 100);
        var endDay = _model.Settings.EndDay;
        var status = !engaged || firstContact >= person.ExitDay ? "revoked" : closes < Math.Min(person.ExitDay, endDay) ? "completed" : "active";
        var organisation = _model.Providers.VoluntaryFor(person.Borough, ref random);
        var sequence = ++_referrals;
        Span<char> requestReference = stackalloc char[48];
        "ServiceRequest/".AsSpan().CopyTo(requestReference);
        var requestId = Fhir.FormatId(requestReference[15..], "sr", person.Index, sequence);
        var reference = new string(requestReference[..(15 + requestId.Length)]);
        _tally.Referral(person.Decile, status);

        var sink = Sink(ResourceType.ServiceRequest);
        var json = sink.Json;
        Fhir.Begin(json, ServiceRequestType, Id("sr", person.Index, sequence));
        json.WriteString(Fhir.Status, status);
        json.WriteString(Intent, "order");
        Fhir.WriteConceptArray(json, Fhir.Category, Fhir.Snomed, "410606002", "Social service procedure");
        Fhir.WriteConcept(json, Fhir.Code, Fhir.Snomed, "871731000000106", "Referral to social prescribing service");
        Fhir.WriteReference(json, Fhir.Subject, person);
        Fhir.WriteDate(json, AuthoredOn, referred);
        Fhir.WriteReference(json, Requester, _model.Providers.PracticeReferences[person.Practice]);
        json.WriteStartArray(Performer);
        json.WriteStartObject();
        json.WriteString(Fhir.Reference, organisation.Reference);
        json.WriteEndObject();
        json.WriteEndArray();
        if (isolated)
            Fhir.WriteConceptArray(json, ReasonCode, Fhir.Snomed, ConditionCatalogue.SocialIsolation.Code, ConditionCatalogue.SocialIsolation.Display);
        json.WriteEndObject();
        sink.EndResource();

        if (status == "revoked")
            return;
        // Wellbeing before and after (ONS4, 0-10; UCLA three-item loneliness, 3-9). People referred start well below the
        // London averages (about 7.5 life satisfaction, 3 anxiety); completed support brings modest gains, as social
        // prescribing evaluations report.
        var baseline = new[] { 5.0, 5.6, 5.2, 5.6 };
        var change = new[] { 1.0, 0.8, 0.9, -1.0 };
        var lonely = 6.5 + (isolated ? 1.2 : 0) + random.Normal();
        WriteWellbeing(person, firstContact, baseline, lonely, reference, ref random);
        var contacts = random.Between(2, 6);
        for (var c = 0; c < contacts; c++)
        {
            var day = firstContact + (c * (closes - firstContact) / contacts);
            if (day >= person.ExitDay || day >= endDay)
                break;
            WriteEncounter(person, CareSetting.Community, day, null, Ambulatory, null, organisation.ReferenceJson, -1, Days.YearOf(day));
        }

        if (status == "completed")
        {
            var after = new double[baseline.Length];
            for (var i = 0; i < after.Length; i++)
                after[i] = baseline[i] + (change[i] * (0.5 + random.NextDouble()));
            WriteWellbeing(person, closes, after, lonely - (0.5 + random.NextDouble()), reference, ref random);
        }
    }

    private void WriteWellbeing(Person person, int day, double[] means, double loneliness, string request, ref RandomStream random)
    {
        string[] codes = ["ons4-life-satisfaction", "ons4-worthwhile", "ons4-happiness", "ons4-anxiety"];
        string[] displays = ["ONS4 life satisfaction (0-10)", "ONS4 feeling that things done in life are worthwhile (0-10)", "ONS4 happiness yesterday (0-10)", "ONS4 anxiety yesterday (0-10)"];
        for (var i = 0; i < codes.Length; i++)
            WriteScore(person, day, codes[i], displays[i], Math.Clamp((int)Math.Round(means[i] + (1.8 * random.Normal())), 0, 10), request);
        WriteScore(person, day, "ucla3-loneliness", "UCLA three-item loneliness score (3-9)", Math.Clamp((int)Math.Round(loneliness), 3, 9), request);
    }

    private void WriteScore(Person person, int day, string code, string display, int value, string request)
    {
        var (sink, json) = BeginObservation(person, Survey);
        json.WriteStartArray(BasedOn);
        json.WriteStartObject();
        json.WriteString(Fhir.Reference, request);
        json.WriteEndObject();
        json.WriteEndArray();
        Fhir.WriteConcept(json, Fhir.Code, WellbeingSystem, code, display);
        EndObservationHeader(json, person, day);
        json.WriteNumber(Fhir.ValueInteger, value);
        json.WriteEndObject();
        sink.EndResource();
    }
}
