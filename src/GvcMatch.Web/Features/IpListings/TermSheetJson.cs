using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GvcMatch.Web.Features.IpListings;

/// <summary>
/// Term sheets and what an SME seeks are kept as one JSON text column each: read and written whole,
/// never queried piecemeal in SQL, and the same text works on SQLite and PostgreSQL. Enums are
/// written by name so a stored sheet stays readable when an enum gains a member.
/// </summary>
public static class TermSheetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? json) where T : class => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>A nullable record stored as JSON text and compared by content.</summary>
    public static PropertyBuilder<T?> HasJsonObject<T>(this PropertyBuilder<T?> property) where T : class =>
        property.HasConversion(
            v => Write(v),
            s => JsonSerializer.Deserialize<T>(s, Options),
            new ValueComparer<T?>(
                (a, b) => Write(a) == Write(b),
                v => Write(v).GetHashCode(),
                v => v == null ? null : JsonSerializer.Deserialize<T>(Write(v), Options)));
}
