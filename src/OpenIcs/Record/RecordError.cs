using Hl7.Fhir.Model;

namespace OpenIcs.Record;

/// <summary>An expected failure of a record operation: the HTTP status, the FHIR issue type and what was wrong, in
/// words that name the value and the rule. The endpoints turn it into an OperationOutcome in one place.</summary>
/// <param name="Status">400, 404, 409, 410, 412, 413 or 422 (or 500 for a failure of the server).</param>
/// <param name="Issue">The OperationOutcome issue type, e.g. <see cref="OperationOutcome.IssueType.Invalid"/>.</param>
/// <param name="Message">The diagnostics shown to the caller.</param>
/// <param name="Location">Where in the input the problem is (FHIRPath or line and column), if known.</param>
public sealed record RecordError(int Status, OperationOutcome.IssueType Issue, string Message, string? Location = null)
{
    /// <summary>400: the request is malformed.</summary>
    public static RecordError Invalid(string message, string? location = null) =>
        new(400, OperationOutcome.IssueType.Invalid, message, location);

    /// <summary>400: a search or operation parameter is not supported.</summary>
    public static RecordError NotSupported(string message) => new(400, OperationOutcome.IssueType.NotSupported, message);

    /// <summary>404: no such resource (or type).</summary>
    public static RecordError NotFound(string message) => new(404, OperationOutcome.IssueType.NotFound, message);

    /// <summary>409: the write conflicts with what is stored.</summary>
    public static RecordError Conflict(string message) => new(409, OperationOutcome.IssueType.Conflict, message);

    /// <summary>409: the write would duplicate a business identifier.</summary>
    public static RecordError Duplicate(string message) => new(409, OperationOutcome.IssueType.Duplicate, message);

    /// <summary>410: the resource was deleted.</summary>
    public static RecordError Gone(string message) => new(410, OperationOutcome.IssueType.Deleted, message);

    /// <summary>412: a precondition (If-Match, conditional create) failed.</summary>
    public static RecordError PreconditionFailed(string message) => new(412, OperationOutcome.IssueType.Conflict, message);

    /// <summary>413: the request is larger than the server accepts.</summary>
    public static RecordError TooLarge(string message) => new(413, OperationOutcome.IssueType.TooCostly, message);

    /// <summary>422: well-formed but breaks a business rule (e.g. an invalid NHS number).</summary>
    public static RecordError Unprocessable(string message, string? location = null) =>
        new(422, OperationOutcome.IssueType.BusinessRule, message, location);
}

/// <summary>A value or the <see cref="RecordError"/> that prevented it.</summary>
public readonly record struct Outcome<T>(T? Value, RecordError? Error)
{
    /// <summary>True when there is a value.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A success.</summary>
    public static implicit operator Outcome<T>(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static implicit operator Outcome<T>(RecordError error) => new(default, error);
}
