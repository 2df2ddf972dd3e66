using Hl7.Fhir.Model;
using OpenIcs.Record.Search;

namespace OpenIcs.Record.Api;

/// <summary>Builds <c>/fhir/metadata</c> from what is implemented: the supported types, their compiled search
/// parameters, includes and operations, so the statement cannot claim more than the server does.</summary>
public static class CapabilityStatementBuilder
{
    private static readonly CapabilityStatement.TypeRestfulInteraction[] Interactions =
    [
        CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.Vread,
        CapabilityStatement.TypeRestfulInteraction.Update, CapabilityStatement.TypeRestfulInteraction.Delete,
        CapabilityStatement.TypeRestfulInteraction.HistoryInstance, CapabilityStatement.TypeRestfulInteraction.HistoryType,
        CapabilityStatement.TypeRestfulInteraction.Create, CapabilityStatement.TypeRestfulInteraction.SearchType,
    ];

    /// <summary>The CapabilityStatement of the server at <paramref name="baseUrl"/>.</summary>
    public static CapabilityStatement Build(string baseUrl)
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Documentation = "The OpenICS shared care record. Searches ignore unknown parameters unless 'Prefer: handling=strict'.",
            Interaction =
            [
                new() { Code = CapabilityStatement.SystemRestfulInteraction.Transaction },
                new() { Code = CapabilityStatement.SystemRestfulInteraction.Batch },
                new() { Code = CapabilityStatement.SystemRestfulInteraction.HistorySystem },
            ],
            Operation =
            [
                Operation("export", "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export"),
                Operation("ingest", $"{baseUrl}/OperationDefinition/ingest"),
            ],
        };
        foreach (var type in RecordTypes.InLoadOrder)
            rest.Resource.Add(Resource(type));
        return new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "OpenICS", Version = typeof(CapabilityStatementBuilder).Assembly.GetName().Version?.ToString() },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "OpenICS shared care record", Url = baseUrl },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["application/fhir+json", "application/fhir+xml"],
            Rest = [rest],
        };
    }

    private static CapabilityStatement.ResourceComponent Resource(string type)
    {
        var parameters = SearchParameterCatalog.For(type).Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var component = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Profile = $"http://hl7.org/fhir/StructureDefinition/{type}",
            Interaction = Interactions.Select(i => new CapabilityStatement.ResourceInteractionComponent { Code = i }).ToList(),
            Versioning = CapabilityStatement.ResourceVersionPolicy.VersionedUpdate,
            ReadHistory = true,
            UpdateCreate = true,
            ConditionalCreate = true,
            ConditionalRead = CapabilityStatement.ConditionalReadStatus.NotSupported,
            ConditionalUpdate = false,
            ConditionalDelete = CapabilityStatement.ConditionalDeleteStatus.NotSupported,
            SearchInclude = parameters.Where(p => p.Type == SearchParamType.Reference).Select(p => $"{type}:{p.Name}").Prepend($"{type}:*").ToList(),
            SearchRevInclude = RecordTypes.InLoadOrder
                .SelectMany(source => SearchParameterCatalog.For(source).Values
                    .Where(p => p.Type == SearchParamType.Reference && (p.Targets.Count == 0 || p.Targets.Contains(type)))
                    .Select(p => $"{source}:{p.Name}"))
                .Order(StringComparer.Ordinal).ToList(),
            SearchParam = parameters.Select(p => new CapabilityStatement.SearchParamComponent
            {
                Name = p.Name,
                Type = p.Type,
                Definition = p.Name.StartsWith('_') ? $"http://hl7.org/fhir/SearchParameter/Resource{p.Name.Replace("_", "-", StringComparison.Ordinal)}"
                    : $"http://hl7.org/fhir/SearchParameter/{type}-{p.Name}",
                Documentation = p.Expression,
            }).ToList(),
        };
        if (type == "Patient")
        {
            component.Operation.Add(Operation("everything", "http://hl7.org/fhir/OperationDefinition/Patient-everything"));
            component.Operation.Add(Operation("match", "http://hl7.org/fhir/OperationDefinition/Patient-match"));
            component.Operation.Add(Operation("export", "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export"));
        }
        else if (type == "Group")
        {
            component.Operation.Add(Operation("export", "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export"));
        }

        return component;
    }

    private static CapabilityStatement.OperationComponent Operation(string name, string definition) => new() { Name = name, Definition = definition };
}
