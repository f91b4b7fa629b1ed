using System.Net;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Licensing;

/// <summary>Set-up for licensing tests: a patent listed with terms, and valid term sheets to spoil one field at a time.</summary>
public static class LicensingKit
{
    public static TermSheet Sheet(DealKind kind = DealKind.ExclusiveLicence) => new()
    {
        Kind = kind,
        FieldOfUse = "Dry-running plain bearings for e-bike hubs",
        Territory = ["DE", "ASEAN"],
        TermYears = 10,
        SublicensingAllowed = false,
        Improvements = ImprovementsOwner.Joint,
        RoyaltyPercent = 3.5m,
        LumpSum = 25_000m,
        Currency = "EUR",
        Milestones = [new Milestone("First series production", 40_000m, "EUR")],
    };

    public static IpSeeking Seeking() => new()
    {
        Partners = [SoughtPartner.Licensee, SoughtPartner.Manufacturer],
        Territories = ["EU"],
        Note = "A bearing maker with its own coating line.",
    };

    public static IpListingInput Listing(string title = "Low-friction bearing coating") => Samples.IpListing(title) with
    {
        Terms = Sheet(),
        Seeking = Seeking(),
    };

    /// <summary>An SME's published patent listing with its terms; returns the listing id.</summary>
    public static async Task<int> PublishListingAsync(this Member sme, IpListingInput? input = null)
    {
        var id = await sme.CreateIpListingAsync(input ?? Listing());
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/ip-listings/{id}/publish"), HttpStatusCode.OK);
        return id;
    }
}
