using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.Notifications;

/// <summary>
/// The "Messaging:Redis" key, bound on its own here (the rest of the "Messaging" section belongs
/// to conversations). With it set, SignalR fans events out through Redis, so a client connected
/// to one app instance receives what another instance sends.
/// </summary>
public sealed class BackplaneOptions : IValidatableObject
{
    public const string Section = "Messaging";

    /// <summary>The channel prefix every instance of one deployment shares.</summary>
    public const string ChannelPrefix = "gvcmatch";

    /// <summary>A StackExchange.Redis connection string, e.g. <c>redis:6379</c>; unset runs SignalR in process.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// How long a Redis connect, command or publish may take before the event goes to this
    /// instance's connections only; also the interval between reconnect attempts.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (string.IsNullOrWhiteSpace(Redis)) yield break;
        string? error = null;
        try { StackExchange.Redis.ConfigurationOptions.Parse(Redis); }
        catch (ArgumentException ex) { error = ex.Message; }
        if (error is not null) yield return new($"Messaging:Redis is not a valid Redis connection string: {error}", [nameof(Redis)]);
    }
}
