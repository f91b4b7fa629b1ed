using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.Awards;

/// <summary>Bound from the "Awards" section; validated at start-up.</summary>
public sealed class AwardsOptions
{
    public const string Section = "Awards";

    /// <summary>
    /// Days after an award during which a bidder may lodge a complaint about its evaluation. Public
    /// procurement practice uses a standstill period of about ten days.
    /// </summary>
    [Range(1, 365)]
    public int ComplaintDays { get; set; } = 10;
}
