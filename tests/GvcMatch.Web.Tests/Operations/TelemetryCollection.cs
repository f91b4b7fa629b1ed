namespace GvcMatch.Web.Tests.Operations;

/// <summary>
/// A MeterProvider listens to every meter of its name in the process, whichever host made it; so
/// tests that read counts from <c>/metrics</c> run alone, after the parallel ones, where no other
/// app's hub connections or matches can move them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
