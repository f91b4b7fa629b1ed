using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// One written form for every instant the app sends, over HTTP and over the hub alike: ISO 8601 in
/// UTC with exactly three fractional digits and a <c>Z</c> (<c>2026-11-28T09:01:12.340Z</c>).
/// System.Text.Json's own form drops trailing zeros and writes up to seven digits, so one DTO
/// carried <c>.34+00:00</c> and the next <c>.3456789+00:00</c>, and clients comparing strings or
/// parsing with a fixed pattern broke. Reading is left to System.Text.Json, so any ISO 8601 value
/// a client sends (any precision, any offset) is still accepted and a value read back is written
/// the same way again.
/// </summary>
public static class WireTimestamps
{
    /// <summary>The pattern every timestamp on the wire matches.</summary>
    public const string Pattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    /// <summary>Adds the converters to a set of serializer options (HTTP, MVC and the SignalR JSON protocol).</summary>
    public static JsonSerializerOptions UseWireTimestamps(this JsonSerializerOptions options)
    {
        options.Converters.Add(new DateTimeOffsetConverter());
        options.Converters.Add(new DateTimeConverter());
        return options;
    }

    private static void Write(Utf8JsonWriter writer, DateTime utc)
    {
        Span<byte> buffer = stackalloc byte[32];
        if (!utc.TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture))
            throw new JsonException("A timestamp did not fit its written form.");
        writer.WriteStringValue(buffer[..written]);
    }

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => WireTimestamps.Write(writer, value.UtcDateTime);
    }

    /// <summary>A DateTime without a kind is taken as UTC: the app stores nothing else.</summary>
    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            WireTimestamps.Write(writer, value.Kind switch
            {
                DateTimeKind.Local => value.ToUniversalTime(),
                DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
                _ => value,
            });
    }
}
