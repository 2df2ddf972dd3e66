using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenIcs.Places;

/// <summary>A code type that reads from text and writes as its <see cref="Value"/>.</summary>
public interface IPlaceCode<TSelf> where TSelf : struct, IPlaceCode<TSelf>
{
    /// <summary>The code as text.</summary>
    string Value { get; }

    /// <summary>Reads a code, validating it.</summary>
    static abstract bool TryParse(string? text, out TSelf code);

    /// <summary>Explains why <paramref name="text"/> is not a code.</summary>
    static abstract string Rule(string? text);
}

/// <summary>Writes place codes in JSON as plain strings (<c>"E09000030"</c>) and validates them when reading.</summary>
public sealed class PlaceCodeJsonConverter<T> : JsonConverter<T> where T : struct, IPlaceCode<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return T.TryParse(text, out var code) ? code : throw new JsonException(T.Rule(text));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
