namespace OpenIcs.Places;

/// <summary>One of London's five integrated care systems, identified by its ICB's ONS code and ODS code.</summary>
public sealed record IntegratedCareSystem(IcsCode Code, OdsCode OdsCode, string Name, string ShortName);
