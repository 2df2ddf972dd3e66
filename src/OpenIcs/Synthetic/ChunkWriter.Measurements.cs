using System.Text.Json;

namespace OpenIcs.Synthetic;

/// <summary>Measurements and statuses: blood pressure, BMI, HbA1c, smoking, frailty and employment.</summary>
/// <remarks>
/// When they are recorded: an NHS Health Check (ages 40–74, about 35% uptake every five years), opportunistic checks in
/// younger adults, and an annual long-term-condition review (about 85% of people with a QOF condition each year, fewer in
/// 2020). HbA1c is measured about once a year in diabetes; an electronic frailty index every three years or so from 65;
/// employment status once. Values: BMI follows the obesity register (30 and over when on it); systolic pressure rises
/// with age and hypertension; smoking status comes from a person-level draw against age-, sex- and deprivation-specific
/// prevalence (ONS Annual Population Survey: about 12% of London adults smoked in 2019, roughly three times as many in
/// the most as in the least deprived areas).
/// </remarks>
internal sealed partial class ChunkWriter
{
    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";

    private static readonly JsonEncodedText ObservationType = JsonEncodedText.Encode("Observation");
    private static readonly JsonEncodedText Component = JsonEncodedText.Encode("component");
    private static readonly JsonEncodedText Interpretation = JsonEncodedText.Encode("interpretation");

    private static readonly int HypertensionIndex = Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.Hypertension);
    private static readonly int DiabetesIndex = Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.Type2Diabetes);
    private static readonly int ObesityIndex = Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.Obesity);

    /// <summary>Conditions whose annual review records blood pressure.</summary>
    private static readonly int[] Cardiovascular = [.. new[]
    {
        ConditionCatalogue.Hypertension, ConditionCatalogue.Type2Diabetes, ConditionCatalogue.CoronaryHeartDisease, ConditionCatalogue.Stroke,
        ConditionCatalogue.ChronicKidneyDisease, ConditionCatalogue.HeartFailure, ConditionCatalogue.AtrialFibrillation,
    }.Select(c => Array.IndexOf(ConditionCatalogue.AgeDriven, c))];

    /// <summary>Conditions with an annual review.</summary>
    private static readonly int[] Reviewed = [.. Cardiovascular, Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.Copd),
        Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.Asthma), SmiIndex, Array.IndexOf(ConditionCatalogue.AgeDriven, ConditionCatalogue.Dementia)];

    private static readonly byte[] BloodPressureCode = TwoCodings(Fhir.Loinc, "85354-9", "Blood pressure panel with all children optional", Fhir.Snomed, "75367002", "Blood pressure");
    private static readonly byte[] SystolicCode = TwoCodings(Fhir.Loinc, "8480-6", "Systolic blood pressure", Fhir.Snomed, "271649006", "Systolic blood pressure");
    private static readonly byte[] DiastolicCode = TwoCodings(Fhir.Loinc, "8462-4", "Diastolic blood pressure", Fhir.Snomed, "271650006", "Diastolic blood pressure");
    private static readonly byte[] BmiCode = TwoCodings(Fhir.Loinc, "39156-5", "Body mass index (BMI) [Ratio]", Fhir.Snomed, "60621009", "Body mass index");
    private static readonly byte[] Hba1cCode = TwoCodings(Fhir.Snomed, "999791000000106",
        "Haemoglobin A1c level - International Federation of Clinical Chemistry and Laboratory Medicine standardised",
        Fhir.Loinc, "59261-8", "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol");

    private static readonly byte[] VitalSigns = RawJson.ConceptArray(ObservationCategory, "vital-signs", "Vital Signs");
    private static readonly byte[] Laboratory = RawJson.ConceptArray(ObservationCategory, "laboratory", "Laboratory");
    private static readonly byte[] SocialHistory = RawJson.ConceptArray(ObservationCategory, "social-history", "Social History");
    private static readonly byte[] Survey = RawJson.ConceptArray(ObservationCategory, "survey", "Survey");

    private int _observations;

    private static byte[] TwoCodings(string system1, string code1, string display1, string system2, string code2, string display2) =>
        RawJson.Of(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray(Fhir.Coding);
            Fhir.WriteCoding(json, system1, code1, display1);
            Fhir.WriteCoding(json, system2, code2, display2);
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private void WriteMeasurements(Person person)
    {
        _observations = 0;
        var random = RandomStream.For(_model.Settings.Seed, (ulong)person.Index, Purpose.Observations);
        var traits = new Traits(random.Normal(), random.Normal(), random.NextDouble(), random.Normal());
        for (var year = Days.YearOf(person.EntryDay); year <= Days.YearOf(person.ExitDay - 1); year++)
        {
            var start = Math.Max(person.EntryDay, Days.StartOf(year));
            var end = Math.Min(person.ExitDay, Days.StartOf(year + 1));
            if (end <= start)
                continue;
            var share = (end - start) / Days.PerYear;
            var age = person.Age((start + end) / 2);
            if (age < 18)
                continue;
            var pandemic = year == 2020 ? 0.6 : 1;

            var reviewed = HasAny(person, Reviewed, start);
            if (reviewed && random.Chance(0.85 * share * pandemic))
            {
                var day = Day(ref random, start, end);
                if (HasAny(person, Cardiovascular, day))
                    WriteBloodPressure(person, day, traits, ref random);
                if (random.Chance(0.4))
                    WriteSmoking(person, day, traits);
                if (person.Has(DiabetesIndex, day) || person.Has(ObesityIndex, day) || random.Chance(0.2))
                    WriteBmi(person, day, traits, ref random);
            }
            else
            {
                var check = age is >= 40 and < 75 ? 0.07 : 0.03;
                if (random.Chance(check * share * pandemic))
                {
                    var day = Day(ref random, start, end);
                    WriteBloodPressure(person, day, traits, ref random);
                    WriteBmi(person, day, traits, ref random);
                    WriteSmoking(person, day, traits);
                }
            }

            if (person.Has(DiabetesIndex, start))
            {
                for (var n = random.Poisson(share * pandemic); n > 0; n--)
                    WriteHba1c(person, Day(ref random, start, end), traits, ref random);
            }

            if (age >= 65 && random.Chance(0.33 * share))
                WriteFrailty(person, Day(ref random, start, end), ref random);
        }

        WriteEmployment(person, ref random);
    }

    private static bool HasAny(Person person, int[] conditions, int day)
    {
        foreach (var c in conditions)
        {
            if (person.Has(c, day))
                return true;
        }

        return false;
    }

    private readonly record struct Traits(double Weight, double Pressure, double Smoking, double Glycaemia);

    private void WriteBloodPressure(Person person, int day, Traits traits, ref RandomStream random)
    {
        var age = person.Age(day);
        var hypertensive = person.Has(HypertensionIndex, day);
        var systolic = Math.Clamp((hypertensive ? 136 : 112 + (0.45 * Math.Max(0, age - 20))) + (person.Sex == 1 ? 4 : 0)
            + (6 * traits.Pressure) + (9 * random.Normal()), 85, 210);
        var diastolic = Math.Clamp((0.5 * systolic) + 14 + (6 * random.Normal()), 45, 125);
        var (sink, json) = BeginObservation(person, VitalSigns);
        RawJson.Write(json, Fhir.Code, BloodPressureCode);
        EndObservationHeader(json, person, day);
        json.WriteStartArray(Component);
        WritePressure(json, "8480-6", systolic);
        WritePressure(json, "8462-4", diastolic);
        json.WriteEndArray();
        json.WriteEndObject();
        sink.EndResource();
    }

    private static void WritePressure(Utf8JsonWriter json, string loinc, double value)
    {
        json.WriteStartObject();
        RawJson.Write(json, Fhir.Code, loinc == "8480-6" ? SystolicCode : DiastolicCode);
        Fhir.WriteQuantity(json, Fhir.ValueQuantity, value, 0, "mmHg", "mm[Hg]");
        json.WriteEndObject();
    }

    private void WriteBmi(Person person, int day, Traits traits, ref RandomStream random)
    {
        var obese = person.Has(ObesityIndex, day);
        var bmi = obese
            ? 30.2 + Math.Abs((3.5 * traits.Weight) + (1.2 * random.Normal()))
            : Math.Min(29.8, 25.5 + (3.4 * traits.Weight) + (0.8 * random.Normal()));
        var (sink, json) = BeginObservation(person, VitalSigns);
        RawJson.Write(json, Fhir.Code, BmiCode);
        EndObservationHeader(json, person, day);
        Fhir.WriteQuantity(json, Fhir.ValueQuantity, Math.Max(15, bmi), 1, "kg/m2", "kg/m2");
        json.WriteEndObject();
        sink.EndResource();
    }

    private void WriteHba1c(Person person, int day, Traits traits, ref RandomStream random)
    {
        var value = Math.Clamp(56 + (3 * (5.5 - person.Decile) / 4.5) + (10 * traits.Glycaemia) + (6 * random.Normal()), 38, 130);
        var (sink, json) = BeginObservation(person, Laboratory);
        RawJson.Write(json, Fhir.Code, Hba1cCode);
        EndObservationHeader(json, person, day);
        Fhir.WriteQuantity(json, Fhir.ValueQuantity, value, 0, "mmol/mol", "mmol/mol");
        json.WriteEndObject();
        sink.EndResource();
    }

    private void WriteSmoking(Person person, int day, Traits traits)
    {
        var age = person.Age(day);
        var deprivation = Math.Exp(1.1 * (5.5 - person.Decile) / 9);
        var current = 0.115 * (person.Sex == 1 ? 1.3 : 0.75) * deprivation * age switch
        {
            < 35 => 1.15,
            < 55 => 1.1,
            < 75 => 0.85,
            _ => 0.45,
        };
        var former = Math.Min(0.45, 0.08 + (0.0045 * Math.Max(0, age - 18))) * (person.Sex == 1 ? 1.15 : 0.9);
        var (code, display) = traits.Smoking < current ? ("77176002", "Smoker")
            : traits.Smoking < current + former ? ("8517006", "Ex-smoker") : ("266919005", "Never smoked tobacco");
        _tally.Smoking(person.Decile, code == "77176002");
        var (sink, json) = BeginObservation(person, SocialHistory);
        Fhir.WriteConcept(json, Fhir.Code, Fhir.Loinc, "72166-2", "Tobacco smoking status");
        EndObservationHeader(json, person, day);
        Fhir.WriteConcept(json, Fhir.ValueCodeableConcept, Fhir.Snomed, code, display);
        json.WriteEndObject();
        sink.EndResource();
    }

    private void WriteFrailty(Person person, int day, ref RandomStream random)
    {
        // Electronic frailty index (Clegg et al., Age Ageing 2016): a share of 36 deficits; fit < 0.12, mild to 0.24,
        // moderate to 0.36, severe above.
        var index = Math.Clamp((0.012 * (person.Age(day) - 60)) + (0.04 * person.ConditionsBy(day)) + (0.03 * person.Health) + (0.02 * random.Normal()), 0, 0.75);
        var (sink, json) = BeginObservation(person, Survey);
        Fhir.WriteConcept(json, Fhir.Code, Fhir.Snomed, "713636003", "Frailty index score");
        EndObservationHeader(json, person, day);
        json.WriteStartObject(Fhir.ValueQuantity);
        json.WriteNumber(Fhir.Value, Math.Round(index, 2));
        json.WriteString(Fhir.Unit, "score");
        json.WriteString(Fhir.System, Fhir.Ucum);
        json.WriteString(Fhir.Code, "{score}");
        json.WriteEndObject();
        (string Code, string Display)? band = index switch
        {
            < 0.12 => null,
            < 0.24 => ("925791000000100", "Mild frailty"),
            < 0.36 => ("925831000000107", "Moderate frailty"),
            _ => ("925861000000102", "Severe frailty"),
        };
        if (band is { } b)
            Fhir.WriteConceptArray(json, Interpretation, Fhir.Snomed, b.Code, b.Display);
        json.WriteEndObject();
        sink.EndResource();
    }

    private void WriteEmployment(Person person, ref RandomStream random)
    {
        var first = Math.Max(person.EntryDay, person.BirthDay + (int)(16 * Days.PerYear));
        var last = Math.Min(person.ExitDay, person.BirthDay + (int)(75 * Days.PerYear));
        if (last <= first || !random.Chance(0.8))
            return;
        var day = Day(ref random, first, last);
        var age = person.Age(day);
        var lsoa = _model.Statistics.Lsoas[person.Lsoa];
        var deprived = (lsoa.EmploymentScorePercent ?? 8) / 100;
        var draw = random.NextDouble();
        (string Code, string Display) status;
        if (age >= 66)
            status = draw < 0.85 ? ("105493001", "Retired") : ("224363007", "Employed");
        else if (age < 22)
            status = draw < 0.45 ? ("224363007", "Employed") : draw < 0.53 ? ("73438004", "Unemployed") : ("741062008", "Not in labor force");
        else
        {
            var unemployed = 0.02 + (0.5 * deprived);
            var inactive = 0.12 + (1.2 * deprived) + (age >= 60 ? 0.2 : 0);
            status = draw < unemployed ? ("73438004", "Unemployed") : draw < unemployed + inactive ? ("741062008", "Not in labor force") : ("224363007", "Employed");
        }

        var (sink, json) = BeginObservation(person, SocialHistory);
        Fhir.WriteConcept(json, Fhir.Code, Fhir.Loinc, "67875-5", "Employment status current");
        EndObservationHeader(json, person, day);
        Fhir.WriteConcept(json, Fhir.ValueCodeableConcept, Fhir.Snomed, status.Code, status.Display);
        json.WriteEndObject();
        sink.EndResource();
    }

    /// <summary>Starts an Observation up to its code: id, status and category.</summary>
    private (ResourceSink Sink, Utf8JsonWriter Json) BeginObservation(Person person, byte[] category)
    {
        var sink = Sink(ResourceType.Observation);
        var json = sink.Json;
        Fhir.Begin(json, ObservationType, Id("o", person.Index, ++_observations));
        json.WriteString(Fhir.Status, "final");
        RawJson.Write(json, Fhir.Category, category);
        return (sink, json);
    }

    /// <summary>Writes subject and effective date after the code.</summary>
    private static void EndObservationHeader(Utf8JsonWriter json, Person person, int day)
    {
        Fhir.WriteReference(json, Fhir.Subject, person);
        Fhir.WriteDate(json, Fhir.EffectiveDateTime, day);
    }
}
