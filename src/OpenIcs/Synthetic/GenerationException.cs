namespace OpenIcs.Synthetic;

/// <summary>An expected reason generation cannot go ahead (bad settings, an output folder that cannot be used), with a
/// message that names the value and the rule.</summary>
public sealed class GenerationException : Exception
{
    /// <summary>Creates the error.</summary>
    public GenerationException(string message) : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public GenerationException(string message, Exception inner) : base(message, inner)
    {
    }
}
