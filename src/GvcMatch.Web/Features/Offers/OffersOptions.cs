using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.Offers;

/// <summary>Bound from the "Offers" section; validated at start-up.</summary>
public sealed class OffersOptions
{
    public const string Section = "Offers";

    /// <summary>
    /// How often the sweep looks for open offers past their validity date. Accepting checks the
    /// date itself, so the sweep only decides how soon the parties are told.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
