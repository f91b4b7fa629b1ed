using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// The "Messaging" section: limits and origins of the negotiation hub and its attachments.
/// Validated at start-up, so a typo stops the app instead of opening the hub to every origin.
/// </summary>
public sealed class MessagingOptions : IValidatableObject
{
    public const string Section = "Messaging";

    /// <summary>
    /// Browser origins (scheme://host[:port]) allowed to open the hub. Empty: only pages served by
    /// the same host as the request. Requests without an Origin header (non-browser clients) pass.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Hub calls per second each connection may make on average.</summary>
    [Range(0.1, 100_000)]
    public double HubCallsPerSecond { get; set; } = 20;

    /// <summary>Hub calls a connection may make at once before the average applies.</summary>
    [Range(1, 100_000)]
    public int HubCallBurst { get; set; } = 40;

    /// <summary>Messages a person may send a minute on average, over the API and all their hub connections together.</summary>
    [Range(1, 1_000_000)]
    public int SendsPerMinutePerUser { get; set; } = 120;

    /// <summary>Messages a person may send at once before the average applies.</summary>
    [Range(1, 1_000_000)]
    public int SendBurstPerUser { get; set; } = 30;

    /// <summary>
    /// Largest single hub frame in bytes. A longer one closes the connection (SignalR's rule), so it
    /// sits well above the largest valid message: 4,000 characters of body escaped as JSON.
    /// </summary>
    [Range(8 * 1024, 1024 * 1024)]
    public long MaximumReceiveMessageSize { get; set; } = 32 * 1024;

    /// <summary>Largest attachment file in bytes.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.PathAndQuery != "/")
                yield return new ValidationResult($"Messaging:AllowedOrigins: '{origin}' is not an origin like https://app.example.com.", [nameof(AllowedOrigins)]);
        }
    }
}
