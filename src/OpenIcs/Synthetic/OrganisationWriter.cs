using System.Text.Json;
using OpenIcs.Places;

namespace OpenIcs.Synthetic;

/// <summary>Writes every organisation the records refer to: ICBs, councils, NHS trusts, PCNs, GP practices (open and
/// closed, from the reference data) and the synthetic voluntary-sector organisations.</summary>
internal static class OrganisationWriter
{
    /// <summary>The OpenICS organisation-kind code system.</summary>
    public const string KindSystem = Fhir.OpenIcsBase + "/CodeSystem/organisation-kind";

    private const string OrganisationType = "http://terminology.hl7.org/CodeSystem/organization-type";

    private static readonly JsonEncodedText Organization = JsonEncodedText.Encode("Organization");
    private static readonly JsonEncodedText PartOf = JsonEncodedText.Encode("partOf");
    private static readonly JsonEncodedText Address = JsonEncodedText.Encode("address");

    /// <summary>Writes all organisations to <paramref name="sink"/>.</summary>
    public static void Write(ResourceSink sink, LondonStatistics statistics, CareProviders providers)
    {
        var icbByIcs = statistics.Places.Systems.ToDictionary(s => s.Code, s => s.OdsCode.Value);
        var known = statistics.Places.Organisations.Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var organisation in statistics.Places.Organisations.OrderBy(o => o.Kind).ThenBy(o => o.Code, StringComparer.Ordinal))
        {
            string? parent = organisation.Kind switch
            {
                OrganisationKind.GpPractice when organisation.PartOf is { } pcn && known.Contains(pcn) => $"Organization/ods-{pcn}",
                OrganisationKind.PrimaryCareNetwork or OrganisationKind.GpPractice when organisation.Ics is { } ics => $"Organization/ods-{icbByIcs[ics]}",
                _ => null,
            };
            var (type, typeDisplay, kind, kindDisplay) = organisation.Kind switch
            {
                OrganisationKind.IntegratedCareBoard => ("pay", "Payer", "icb", "Integrated care board"),
                OrganisationKind.LocalAuthority => ("govt", "Government", "council", "Local authority"),
                OrganisationKind.NhsTrust => ("prov", "Healthcare Provider", "nhs-trust", "NHS trust"),
                OrganisationKind.PrimaryCareNetwork => ("prov", "Healthcare Provider", "pcn", "Primary care network"),
                OrganisationKind.GpPractice => ("prov", "Healthcare Provider", "gp-practice", "GP practice"),
                _ => ("cg", "Community Group", "vcs", "Voluntary and community sector organisation"),
            };
            Write(sink, CareProviders.OrganisationId(organisation), organisation.CodeSystem, organisation.Code, organisation.Active,
                type, typeDisplay, kind, kindDisplay, organisation.Name, organisation.Postcode, parent);
        }

        foreach (var voluntary in providers.Voluntary)
        {
            Write(sink, voluntary.Id, VoluntarySector.IdentifierSystem, voluntary.Identifier, true, "cg", "Community Group",
                "vcs", "Voluntary and community sector organisation", voluntary.Name, null, null);
        }
    }

    private static void Write(ResourceSink sink, string id, string system, string code, bool active, string type, string typeDisplay,
        string kind, string kindDisplay, string name, string? postcode, string? parent)
    {
        var json = sink.Json;
        Fhir.Begin(json, Organization, id);
        json.WriteStartArray(Fhir.Identifier);
        json.WriteStartObject();
        json.WriteString(Fhir.System, system);
        json.WriteString(Fhir.Value, code);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteBoolean(Fhir.Active, active);
        json.WriteStartArray(Fhir.Type);
        json.WriteStartObject();
        json.WriteStartArray(Fhir.Coding);
        Fhir.WriteCoding(json, OrganisationType, type, typeDisplay);
        Fhir.WriteCoding(json, KindSystem, kind, kindDisplay);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString(Fhir.Name, name);
        json.WriteStartArray(Address);
        json.WriteStartObject();
        json.WriteString("city", "London");
        if (postcode is not null)
            json.WriteString("postalCode", postcode);
        json.WriteString("country", "GB");
        json.WriteEndObject();
        json.WriteEndArray();
        if (parent is not null)
            Fhir.WriteReference(json, PartOf, parent);
        json.WriteEndObject();
        sink.EndResource();
    }
}
