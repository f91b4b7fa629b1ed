using System.Diagnostics;

namespace GvcMatch.Web.Infrastructure.Telemetry;

/// <summary>
/// The names the app's own traces and metrics are published under. The activity source is static
/// (as the runtime's own sources are): starting an activity costs nothing while no tracer listens.
/// </summary>
public static class GvcMatchTelemetry
{
    public const string Name = "GvcMatch";

    public static readonly ActivitySource Source = new(Name);
}
