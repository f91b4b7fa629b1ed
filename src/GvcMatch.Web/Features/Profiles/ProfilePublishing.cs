namespace GvcMatch.Web.Features.Profiles;

/// <summary>Publishing rules for a capability profile, shared by the API and the pages.</summary>
public static class ProfilePublishing
{
    public static string? Publish(CapabilityProfile p, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(p.Summary)) return "Write a summary before publishing.";
        if (p.Capabilities.Count == 0) return "List at least one capability before publishing.";
        p.Status = PublicationStatus.Published;
        p.PublishedAt = now;
        p.UpdatedAt = now;
        // Publishing is a review: a stale or undated profile gets a fresh renewal date a year out.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (p.RenewalDue is null || p.RenewalDue < today) p.RenewalDue = today.AddYears(1);
        return null;
    }

    public static void Unpublish(CapabilityProfile p, DateTimeOffset now)
    {
        p.Status = PublicationStatus.Draft;
        p.UpdatedAt = now;
    }
}
