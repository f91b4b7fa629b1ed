using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace GvcMatch.Web.Infrastructure.Telemetry;

/// <summary>Bound from the "Telemetry" section; validated at start-up.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>The standard variable an OpenTelemetry collector set-up already uses; honoured as-is.</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public OtlpSettings Otlp { get; set; } = new();

    /// <summary>How often the queue gauges (search outbox depth, email queue length) are read from the database.</summary>
    public TimeSpan QueueGaugeInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (QueueGaugeInterval <= TimeSpan.Zero)
            yield return new("Telemetry:QueueGaugeInterval must be positive.", [nameof(QueueGaugeInterval)]);
        if (!string.IsNullOrWhiteSpace(Otlp.Endpoint) && !Uri.TryCreate(Otlp.Endpoint, UriKind.Absolute, out _))
            yield return new("Telemetry:Otlp:Endpoint must be an absolute URL such as http://collector:4317.", [nameof(Otlp)]);
    }
}

public sealed class OtlpSettings
{
    /// <summary>The collector's base address; unset means nothing is exported (unless OTEL_EXPORTER_OTLP_ENDPOINT is set).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318, paths /v1/traces and /v1/metrics added).</summary>
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;
}
