using System.Text.Json;

namespace OpenIcs.Synthetic;

/// <summary>Contacts with services: GP, NHS 111, 999, A&amp;E, emergency admissions, outpatients and mental health.</summary>
internal sealed partial class ChunkWriter
{
    private const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private static readonly JsonEncodedText EncounterType = JsonEncodedText.Encode("Encounter");
    private static readonly JsonEncodedText Class = JsonEncodedText.Encode("class");
    private static readonly JsonEncodedText ServiceType = JsonEncodedText.Encode("serviceType");
    private static readonly JsonEncodedText ServiceProvider = JsonEncodedText.Encode("serviceProvider");
    private static readonly JsonEncodedText ReasonCode = JsonEncodedText.Encode("reasonCode");
    private static readonly JsonEncodedText ReasonReference = JsonEncodedText.Encode("reasonReference");
    private static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");

    private static readonly Concept Consultation = new("11429006", "Consultation");
    private static readonly Concept Telephone = new("185317003", "Telephone encounter");
    private static readonly Concept EmergencyVisit = new("4525004", "Emergency department patient visit");
    private static readonly Concept EmergencyAdmission = new("183452005", "Emergency hospital admission");

    /// <summary>Chronic ambulatory-care-sensitive conditions among the modelled ones (NHS Outcomes Framework 2.3.i).</summary>
    private static readonly int[] AmbulatoryCareSensitive = [.. new[]
    {
        ConditionCatalogue.Asthma, ConditionCatalogue.Copd, ConditionCatalogue.Type2Diabetes, ConditionCatalogue.HeartFailure,
        ConditionCatalogue.AtrialFibrillation, ConditionCatalogue.Hypertension, ConditionCatalogue.CoronaryHeartDisease,
    }.Select(c => Array.IndexOf(ConditionCatalogue.AgeDriven, c))];

    private static readonly int SmiIndex = Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.SevereMentalIllness);
    private static readonly int DepressionIndex = Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.Depression);

    private static readonly byte[] Ambulatory = RawJson.Coding(ActCode, "AMB", "ambulatory");
    private static readonly byte[] Virtual = RawJson.Coding(ActCode, "VR", "virtual");
    private static readonly byte[] Emergency = RawJson.Coding(ActCode, "EMER", "emergency");
    private static readonly byte[] Inpatient = RawJson.Coding(ActCode, "IMP", "inpatient encounter");
    private static readonly byte[] Field = RawJson.Coding(ActCode, "FLD", "field");
    private static readonly byte[] HomeHealth = RawJson.Coding(ActCode, "HH", "home health");

    private int _encounters;

    private void WriteCare(Person person)
    {
        _encounters = 0;
        var random = RandomStream.For(_model.Settings.Seed, (ulong)person.Index, Purpose.Care);
        var deprivation = (5.5 - person.Decile) / 9;
        var acute = _model.Providers.AcuteTrustJson[person.Borough];
        var practice = _model.Providers.PracticeJson[person.Practice];
        for (var year = Days.YearOf(person.EntryDay); year <= Days.YearOf(person.ExitDay - 1); year++)
        {
            var start = Math.Max(person.EntryDay, Days.StartOf(year));
            var end = Math.Min(person.ExitDay, Days.StartOf(year + 1));
            if (end <= start)
                continue;
            var exposure = (end - start) / Days.PerYear;
            var middle = (start + end) / 2;
            var age = person.Age(middle);
            var conditions = person.ConditionsBy(middle);
            _tally.Exposure(person.Decile, year, exposure);

            var need = new Need(age, person.Sex, exposure, conditions, deprivation, person.Health, year);
            for (var n = random.Poisson(need.Expected(CareSetting.GeneralPractice)); n > 0; n--)
            {
                var remote = random.Chance(CareSettings.RemoteShare(year));
                WriteEncounter(person, CareSetting.GeneralPractice, Day(ref random, start, end), null, remote ? Virtual : Ambulatory, remote ? Telephone : Consultation, practice, -1, year);
            }

            for (var n = random.Poisson(need.Expected(CareSetting.Nhs111)); n > 0; n--)
                WriteEncounter(person, CareSetting.Nhs111, Day(ref random, start, end), null, Virtual, Telephone, _model.Providers.AmbulanceJson, -1, year);

            for (var n = random.Poisson(need.Expected(CareSetting.Ambulance)); n > 0; n--)
            {
                var day = Day(ref random, start, end);
                WriteEncounter(person, CareSetting.Ambulance, day, null, Field, null, _model.Providers.AmbulanceJson, -1, year);
                if (random.Chance(0.6))
                    WriteEncounter(person, CareSetting.EmergencyDepartment, day, null, Emergency, EmergencyVisit, acute, -1, year);
            }

            for (var n = random.Poisson(need.Expected(CareSetting.EmergencyDepartment)); n > 0; n--)
                WriteEncounter(person, CareSetting.EmergencyDepartment, Day(ref random, start, end), null, Emergency, EmergencyVisit, acute, -1, year);

            for (var n = random.Poisson(need.Expected(CareSetting.EmergencyAdmission)); n > 0; n--)
            {
                var day = Day(ref random, start, end);
                var stay = 1 + random.Poisson(age < 65 ? 2 : 6);
                var reason = -1;
                if (random.Chance(0.35))
                {
                    var chosen = -1;
                    var seen = 0;
                    foreach (var c in AmbulatoryCareSensitive)
                    {
                        if (person.Has(c, day) && random.Next(++seen) == 0)
                            chosen = c;
                    }

                    reason = chosen;
                }

                if (random.Chance(0.7))
                    WriteEncounter(person, CareSetting.EmergencyDepartment, day, null, Emergency, EmergencyVisit, acute, -1, year);
                var discharge = Math.Min(day + stay, person.ExitDay - 1);
                WriteEncounter(person, CareSetting.EmergencyAdmission, day, Math.Max(day, discharge), Inpatient, EmergencyAdmission, acute, reason, year);
            }

            for (var n = random.Poisson(need.Expected(CareSetting.Outpatient)); n > 0; n--)
                WriteEncounter(person, CareSetting.Outpatient, Day(ref random, start, end), null, Ambulatory, Consultation, acute, -1, year);

            var mentalHealth = 0.01;
            if (person.Has(SmiIndex, middle))
                mentalHealth = 3;
            else if (person.Has(DepressionIndex, middle))
                mentalHealth = middle - person.Onsets[DepressionIndex] < 2 * Days.PerYear ? 1.0 : 0.2;
            var mentalHealthContacts = random.Poisson(mentalHealth * exposure * Math.Exp(CareSettings.DeprivationGradient(CareSetting.MentalHealth) * deprivation)
                * CareSettings.YearFactor(CareSetting.MentalHealth, year));
            for (var n = mentalHealthContacts; n > 0; n--)
            {
                var remote = random.Chance(year is 2020 or 2021 ? 0.5 : 0.15);
                WriteEncounter(person, CareSetting.MentalHealth, Day(ref random, start, end), null, remote ? Virtual : Ambulatory, remote ? Telephone : Consultation, _model.Providers.MentalHealthTrustJson[person.Borough], -1, year);
            }
        }
    }

    private static int Day(ref RandomStream random, int start, int end) => start + random.Next(end - start);

    /// <summary>What drives a person's contacts in one year.</summary>
    private readonly record struct Need(double Age, int Sex, double Exposure, int Conditions, double Deprivation, double Health, int Year)
    {
        /// <summary>Expected contacts with <paramref name="setting"/> over the exposure.</summary>
        public double Expected(CareSetting setting) => CareSettings.BaseRate(setting, Age, Sex) * Exposure
            * (1 + (CareSettings.PerCondition(setting) * Conditions))
            * Math.Exp((CareSettings.DeprivationGradient(setting) * Deprivation) + (0.2 * Health))
            * CareSettings.YearFactor(setting, Year);
    }

    /// <summary>Writes one Encounter; <paramref name="reasonCondition"/> is an index into the age-driven conditions or -1.</summary>
    private void WriteEncounter(Person person, CareSetting setting, int day, int? endDay, byte[] encounterClass,
        Concept? type, byte[] provider, int reasonCondition, int year)
    {
        _tally.Contact(setting, person.Decile, year, reasonCondition >= 0);
        var sink = Sink(ResourceType.Encounter);
        var json = sink.Json;
        Fhir.Begin(json, EncounterType, Id("e", person.Index, ++_encounters));
        json.WriteString(Fhir.Status, "finished");
        RawJson.Write(json, Class, encounterClass);
        if (type is not null)
            RawJson.Write(json, Fhir.Type, type.JsonArray);
        RawJson.Write(json, ServiceType, CareSettings.ServiceTypeJson(setting));
        Fhir.WriteReference(json, Fhir.Subject, person);
        Fhir.WritePeriod(json, day, endDay ?? day);
        if (endDay is { } end)
            Fhir.WriteQuantity(json, Length, end - day, 0, "days", "d");
        if (reasonCondition >= 0)
        {
            var definition = ConditionCatalogue.AgeDriven[reasonCondition];
            var concept = definition.Codes[person.OnsetCode[reasonCondition]];
            RawJson.Write(json, ReasonCode, concept.JsonArray);
            Span<char> reference = stackalloc char[48];
            "Condition/".AsSpan().CopyTo(reference);
            var id = Fhir.FormatId(reference[10..], "c", person.Index, -1);
            var length = 10 + id.Length;
            reference[length++] = '-';
            definition.Key.AsSpan().CopyTo(reference[length..]);
            length += definition.Key.Length;
            json.WriteStartArray(ReasonReference);
            json.WriteStartObject();
            json.WriteString(Fhir.Reference, reference[..length]);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        RawJson.Write(json, ServiceProvider, provider);
        json.WriteEndObject();
        sink.EndResource();
    }
}
