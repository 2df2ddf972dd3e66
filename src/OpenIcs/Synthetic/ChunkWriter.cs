using System.Text.Json;
using OpenIcs.Places;

namespace OpenIcs.Synthetic;

/// <summary>What one chunk of work produced: a gzip member (or plain bytes) per resource type, counts and tallies.</summary>
internal sealed record ChunkResult(int Chunk, PooledSegments[] Members, long[] Counts, long[] RawBytes, CalibrationTally Tally, long People);

/// <summary>Generates the people of a chunk of neighbourhoods and writes every resource about them.</summary>
/// <remarks>Split by concern: this file holds people, conditions, households and opt-outs; the other
/// <c>ChunkWriter.*.cs</c> files hold care contacts, measurements and community care.</remarks>
internal sealed partial class ChunkWriter : IDisposable
{
    private static readonly JsonEncodedText PatientType = JsonEncodedText.Encode("Patient");
    private static readonly JsonEncodedText ConditionType = JsonEncodedText.Encode("Condition");
    private static readonly JsonEncodedText GroupType = JsonEncodedText.Encode("Group");
    private static readonly JsonEncodedText ConsentType = JsonEncodedText.Encode("Consent");
    private static readonly JsonEncodedText Gender = JsonEncodedText.Encode("gender");
    private static readonly JsonEncodedText BirthDate = JsonEncodedText.Encode("birthDate");
    private static readonly JsonEncodedText DeceasedDateTime = JsonEncodedText.Encode("deceasedDateTime");
    private static readonly JsonEncodedText Family = JsonEncodedText.Encode("family");
    private static readonly JsonEncodedText Given = JsonEncodedText.Encode("given");
    private static readonly JsonEncodedText Use = JsonEncodedText.Encode("use");
    private static readonly JsonEncodedText Address = JsonEncodedText.Encode("address");
    private static readonly JsonEncodedText ValueCoding = JsonEncodedText.Encode("valueCoding");
    private static readonly JsonEncodedText GeneralPractitioner = JsonEncodedText.Encode("generalPractitioner");
    private static readonly JsonEncodedText ManagingOrganization = JsonEncodedText.Encode("managingOrganization");
    private static readonly JsonEncodedText ClinicalStatus = JsonEncodedText.Encode("clinicalStatus");
    private static readonly JsonEncodedText VerificationStatus = JsonEncodedText.Encode("verificationStatus");
    private static readonly JsonEncodedText OnsetDateTime = JsonEncodedText.Encode("onsetDateTime");
    private static readonly JsonEncodedText AbatementDateTime = JsonEncodedText.Encode("abatementDateTime");
    private static readonly JsonEncodedText RecordedDate = JsonEncodedText.Encode("recordedDate");
    private static readonly JsonEncodedText Actual = JsonEncodedText.Encode("actual");
    private static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText Member = JsonEncodedText.Encode("member");
    private static readonly JsonEncodedText Entity = JsonEncodedText.Encode("entity");
    private static readonly JsonEncodedText Inactive = JsonEncodedText.Encode("inactive");
    private static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope");
    private static readonly JsonEncodedText DateTime = JsonEncodedText.Encode("dateTime");
    private static readonly JsonEncodedText Policy = JsonEncodedText.Encode("policy");
    private static readonly JsonEncodedText Uri = JsonEncodedText.Encode("uri");
    private static readonly JsonEncodedText Provision = JsonEncodedText.Encode("provision");
    private static readonly JsonEncodedText ProvisionPurpose = JsonEncodedText.Encode("purpose");

    /// <summary>The extension carrying the LSOA of a resident's home address (OpenICS-defined).</summary>
    public const string LsoaExtension = Fhir.OpenIcsBase + "/StructureDefinition/residence-lsoa";

    private const string VerificationExtension = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    private const string VerificationSystem = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";
    private const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";

    /// <summary>The day the national data opt-out was introduced (25 May 2018); earlier objections carried over then.</summary>
    private static readonly int OptOutLaunch = Days.Of(2018, 5, 25);

    private readonly SyntheticModel _model;
    private readonly ResourceSink[] _sinks;
    private readonly CalibrationTally _tally;
    private readonly char[] _id = new char[64];
    private readonly string[] _boroughNames;
    private long _people;

    public ChunkWriter(SyntheticModel model)
    {
        _model = model;
        _sinks = [.. ResourceFiles.All.Select(_ => new ResourceSink(model.Settings.Gzip))];
        _tally = new CalibrationTally(model.Statistics.Boroughs.Length, model.Settings);
        _boroughNames = [.. model.Statistics.Boroughs.Select(b => b.Name)];
    }

    /// <summary>Generates chunk <paramref name="chunk"/> of the plan and returns what it wrote.</summary>
    public ChunkResult Run(int chunk)
    {
        var plan = _model.Plan;
        for (var lsoa = plan.ChunkStarts[chunk]; lsoa < plan.ChunkStarts[chunk + 1]; lsoa++)
        {
            var neighbourhood = Neighbourhood.Build(_model, lsoa);
            var sizes = new int[neighbourhood.HouseholdCount + 1];
            foreach (var person in neighbourhood.People)
            {
                if (person.Origin == Origin.Census && person.Household >= 0 && person.Household < sizes.Length)
                    sizes[person.Household]++;
            }

            foreach (var person in neighbourhood.People)
                person.HouseholdSize = person.Household >= 0 && person.Household < sizes.Length ? sizes[person.Household] : 0;
            foreach (var size in sizes)
                _tally.CensusHousehold(size);

            foreach (var person in neighbourhood.People)
            {
                _tally.AddPerson(person, _model);
                if (!person.InPeriod)
                    continue;
                _people++;
                WritePerson(person);
            }

            WriteHouseholds(neighbourhood);
        }

        return Finish(chunk);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var sink in _sinks)
            sink.Dispose();
    }

    private ChunkResult Finish(int chunk)
    {
        var members = _sinks.Select(s => s.Finish()).ToArray();
        return new ChunkResult(chunk, members, [.. _sinks.Select(s => s.Count)], [.. _sinks.Select(s => s.RawBytes)], _tally, _people);
    }

    private ResourceSink Sink(ResourceType type) => _sinks[(int)type];

    private ReadOnlySpan<char> Id(string prefix, long index, int sequence = -1) => Fhir.FormatId(_id, prefix, index, sequence);

    private void WritePerson(Person person)
    {
        WritePatient(person);
        WriteConditions(person);
        WriteOptOut(person);
        WriteCare(person);
        WriteMeasurements(person);
        WriteCommunity(person);
    }

    private void WritePatient(Person person)
    {
        var sink = Sink(ResourceType.Patient);
        var json = sink.Json;
        Fhir.Begin(json, PatientType, Id("p", person.Index));
        json.WriteStartArray(Fhir.Extension);
        json.WriteStartObject();
        json.WriteString(Fhir.Url, EthnicGroups.Extension);
        Fhir.WriteConcept(json, Fhir.ValueCodeableConcept, EthnicGroups.CodeSystem, EthnicGroups.NhsCode(person.Ethnicity), EthnicGroups.Display(person.Ethnicity));
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray(Fhir.Identifier);
        json.WriteStartObject();
        json.WriteStartArray(Fhir.Extension);
        json.WriteStartObject();
        json.WriteString(Fhir.Url, VerificationExtension);
        Fhir.WriteConcept(json, Fhir.ValueCodeableConcept, VerificationSystem, "01", "Number present and verified");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString(Fhir.System, TestNhsNumbers.System);
        json.WriteString(Fhir.Value, TestNhsNumbers.ForIndex(person.Index));
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray(Fhir.Name);
        json.WriteStartObject();
        json.WriteString(Use, "official");
        json.WriteString(Family, person.FamilyName);
        json.WriteStartArray(Given);
        json.WriteStringValue(person.GivenName);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteString(Gender, person.Sex == 0 ? "female" : "male");
        Fhir.WriteDate(json, BirthDate, person.BirthDay);
        if (person.DeathDay < _model.Settings.EndDay)
            Fhir.WriteDate(json, DeceasedDateTime, person.DeathDay);

        var lsoa = _model.Statistics.Lsoas[person.Lsoa];
        json.WriteStartArray(Address);
        json.WriteStartObject();
        json.WriteStartArray(Fhir.Extension);
        json.WriteStartObject();
        json.WriteString(Fhir.Url, LsoaExtension);
        json.WriteStartObject(ValueCoding);
        json.WriteString(Fhir.System, Organisation.OnsCodeSystem);
        json.WriteString(Fhir.Code, lsoa.Code.Value);
        json.WriteString(Fhir.Display, lsoa.Name);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString(Use, "home");
        json.WriteString("district", _boroughNames[person.Borough]);
        json.WriteString("city", "London");
        json.WriteString("country", "GB");
        json.WriteEndObject();
        json.WriteEndArray();

        var practice = _model.Providers.PracticeReferences[person.Practice];
        json.WriteStartArray(GeneralPractitioner);
        json.WriteStartObject();
        json.WriteString(Fhir.Reference, practice);
        json.WriteEndObject();
        json.WriteEndArray();
        Fhir.WriteReference(json, ManagingOrganization, practice);
        json.WriteEndObject();
        sink.EndResource();
    }

    private void WriteConditions(Person person)
    {
        for (var c = 0; c < person.Onsets.Length; c++)
        {
            if (person.Onsets[c] == Person.Never)
                continue;
            var definition = ConditionCatalogue.AgeDriven[c];
            WriteCondition(person, definition.Key, definition.Codes[person.OnsetCode[c]], person.Onsets[c], null);
        }

        if (person.SickleCellDay != Person.Never)
            WriteCondition(person, "scd", ConditionCatalogue.SickleCell, person.SickleCellDay, null);
        if (person.LongCovidDay != Person.Never)
        {
            // About half of people with long COVID report recovery within two years (ONS COVID-19 Infection Survey).
            var random = RandomStream.For(_model.Settings.Seed, (ulong)person.Index, Purpose.Conditions, 2);
            int? abated = random.Chance(0.5) ? person.LongCovidDay + 180 + random.Next(540) : null;
            WriteCondition(person, "lcovid", ConditionCatalogue.LongCovid, person.LongCovidDay,
                abated < Math.Min(person.ExitDay, _model.Settings.EndDay) ? abated : null);
        }
    }

    private void WriteCondition(Person person, string key, Concept concept, int onset, int? abated)
    {
        var sink = Sink(ResourceType.Condition);
        var json = sink.Json;
        Span<char> id = stackalloc char[32];
        var length = Fhir.FormatId(id, "c", person.Index, -1).Length;
        id[length++] = '-';
        key.AsSpan().CopyTo(id[length..]);
        length += key.Length;
        Fhir.Begin(json, ConditionType, id[..length]);
        Fhir.WriteConcept(json, ClinicalStatus, ConditionClinical, abated is null ? "active" : "resolved", abated is null ? "Active" : "Resolved");
        Fhir.WriteConcept(json, VerificationStatus, ConditionVerification, "confirmed", "Confirmed");
        Fhir.WriteConceptArray(json, Fhir.Category, ConditionCategory, "problem-list-item", "Problem List Item");
        Fhir.WriteConcept(json, Fhir.Code, Fhir.Snomed, concept.Code, concept.Display);
        Fhir.WriteReference(json, Fhir.Subject, person);
        Fhir.WriteDate(json, OnsetDateTime, onset);
        if (abated is { } end)
            Fhir.WriteDate(json, AbatementDateTime, end);
        var recorded = Math.Min(onset + (int)(RandomStream.Mix((ulong)(person.Index * 31) + (ulong)onset) % 45), person.ExitDay - 1);
        Fhir.WriteDate(json, RecordedDate, Math.Max(recorded, onset));
        json.WriteEndObject();
        sink.EndResource();
    }

    private void WriteOptOut(Person person)
    {
        // National data opt-out: 5.4% of patients in England (NHS Digital, National Data Opt-out, 2022-23), higher in less
        // deprived areas, with a borough effect; lower for children (parents opt out for them). Four in ten carried over
        // from earlier objections at launch (May 2018), three in ten came in the June-July 2021 surge around GP data for
        // planning and research, the rest spread over the years.
        var random = RandomStream.For(_model.Settings.Seed, (ulong)person.Index, Purpose.Community, 3);
        var age = person.Age(Math.Min(person.ExitDay - 1, Days.Of(2021, 1, 1)));
        var chance = _model.OptOutBase * _model.OptOutByBorough[person.Borough] * OptOutFactor(person.Decile, age);
        if (!random.Chance(chance))
            return;
        var when = random.NextDouble();
        var day = when < 0.4 ? OptOutLaunch : when < 0.7 ? Days.Of(2021, 6, 1) + random.Next(61) : OptOutLaunch + random.Next(Days.Of(2026, 1, 1) - OptOutLaunch);
        day = Math.Max(day, Math.Max(person.EntryDay, person.BirthDay));
        if (day >= person.ExitDay)
            return;
        _tally.OptOut(person, day);
        var sink = Sink(ResourceType.Consent);
        var json = sink.Json;
        Fhir.Begin(json, ConsentType, Id("cn", person.Index));
        json.WriteString(Fhir.Status, "active");
        Fhir.WriteConcept(json, Scope, "http://terminology.hl7.org/CodeSystem/consentscope", "research", "Research");
        Fhir.WriteConceptArray(json, Fhir.Category, Fhir.Loinc, "59284-0", "Patient Consent");
        Fhir.WriteReference(json, Fhir.Patient, person);
        Fhir.WriteDate(json, DateTime, day);
        json.WriteStartArray(Policy);
        json.WriteStartObject();
        json.WriteString(Uri, "https://digital.nhs.uk/services/national-data-opt-out");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject(Provision);
        json.WriteString(Fhir.Type, "deny");
        json.WriteStartArray(ProvisionPurpose);
        Fhir.WriteCoding(json, "http://terminology.hl7.org/CodeSystem/v3-ActReason", "HRESCH", "healthcare research");
        Fhir.WriteCoding(json, "http://terminology.hl7.org/CodeSystem/v3-ActReason", "HOPERAT", "healthcare operations");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        sink.EndResource();
    }

    /// <summary>How a person's chance of opting out varies with deprivation decile and age (mean about 1 over London).</summary>
    public static double OptOutFactor(int decile, double age) => Math.Exp(0.3 * (decile - 5.5) / 4.5) * (age < 16 ? 0.5 : 1);

    private void WriteHouseholds(Neighbourhood neighbourhood)
    {
        var members = new List<Person>[neighbourhood.HouseholdCount + neighbourhood.People.Count];
        var count = 0;
        foreach (var person in neighbourhood.People)
        {
            if (!person.InPeriod || person.Household < 0)
                continue;
            (members[person.Household] ??= []).Add(person);
            count = Math.Max(count, person.Household + 1);
        }

        Span<char> id = stackalloc char[24];
        for (var h = 0; h < count; h++)
        {
            if (members[h] is not { Count: > 0 } group)
                continue;
            var sink = Sink(ResourceType.Group);
            var json = sink.Json;
            id[0] = 'h';
            id[1] = 'h';
            id[2] = '-';
            neighbourhood.Lsoa.TryFormat(id[3..], out var written, "D4", System.Globalization.CultureInfo.InvariantCulture);
            var length = 3 + written;
            id[length++] = '-';
            h.TryFormat(id[length..], out written, "D4", System.Globalization.CultureInfo.InvariantCulture);
            Fhir.Begin(json, GroupType, id[..(length + written)]);
            json.WriteString(Fhir.Type, "person");
            json.WriteBoolean(Actual, true);
            json.WriteString(Fhir.Name, "Household");
            json.WriteNumber(Quantity, group.Count(p => p.ExitDay >= _model.Settings.EndDay));
            json.WriteStartArray(Member);
            foreach (var person in group)
            {
                json.WriteStartObject();
                Fhir.WriteReference(json, Entity, person);
                Fhir.WritePeriod(json, person.EntryDay, person.ExitDay < _model.Settings.EndDay ? person.ExitDay - 1 : null);
                json.WriteBoolean(Inactive, person.ExitDay < _model.Settings.EndDay);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            sink.EndResource();
        }
    }
}
