using GvcMatch.Matching;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Search;

/// <summary>Search documents for IP listings and requirements.</summary>
public static class ListingDocuments
{
    public static IQueryable<IpListing> IndexableIp(AppDbContext db) =>
        db.IpListings.AsNoTracking().Include(i => i.Organization).Where(i => i.Status == PublicationStatus.Published);

    /// <summary>Every requirement but drafts: closed and awarded ones stay findable for transparency.</summary>
    public static IQueryable<Requirement> IndexableRequirements(AppDbContext db) =>
        db.Requirements.AsNoTracking().Include(r => r.Organization).Where(r => r.Status != RequirementStatus.Draft);

    public static SearchDocument Build(IpListing i)
    {
        var numbers = new Dictionary<string, double> { ["updated"] = i.UpdatedAt.ToUnixTimeSeconds() };
        if (i.ReadinessLevel is { } trl) numbers["readinessLevel"] = trl;
        return new SearchDocument
        {
            Kind = DocumentKind.IpListing,
            EntityId = i.Id,
            Title = i.Title,
            Body = string.Join("\n", new[] { i.Abstract, i.IndicativeTerms ?? "", i.Organization.Name }.Where(t => t.Length > 0)),
            Keywords = new Dictionary<string, IReadOnlyList<string>>
            {
                ["ipc"] = i.IpcClasses,
                ["ipcSection"] = i.IpcClasses.Where(c => c.Length > 0).Select(c => c[..1]).Distinct().ToList(),
                ["offerType"] = i.OfferTypes.Select(o => o.ToString()).ToList(),
                ["ipKind"] = [i.Kind.ToString()],
                ["legalStatus"] = [i.LegalStatus.ToString()],
                ["jurisdiction"] = i.Jurisdictions,
                ["country"] = [i.Organization.Country],
                ["organization"] = [i.OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            },
            Numbers = numbers,
            UpdatedAt = i.UpdatedAt,
        };
    }

    public static SearchDocument Build(Requirement r)
    {
        // The index holds the criteria's English summaries whatever the publisher's interface language.
        using var english = Localization.CultureScope.EnglishTexts();
        var numbers = new Dictionary<string, double> { ["updated"] = r.UpdatedAt.ToUnixTimeSeconds() };
        if (r.ResponseDeadline is { } deadline) numbers["deadline"] = SupplierDocuments.DayNumber(deadline);
        if (r.Quantity is { } quantity) numbers["quantity"] = (double)quantity;
        return new SearchDocument
        {
            Kind = DocumentKind.Requirement,
            EntityId = r.Id,
            Title = r.Title,
            Body = string.Join("\n", new[] { r.Description, string.Join("\n", r.Criteria.Select(c => c.Summary())), r.Organization.Name }
                .Where(t => t.Length > 0)),
            Keywords = new Dictionary<string, IReadOnlyList<string>>
            {
                ["isic"] = r.IsicCodes,
                ["hs"] = r.HsCodes,
                ["country"] = r.DeliveryCountry is { } c ? [c] : [],
                ["status"] = [r.Status.ToString()],
                ["organization"] = [r.OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ["certification"] = r.Criteria.Where(c => c.Standard is not null).Select(c => c.Standard!).Distinct().ToList(),
            },
            Numbers = numbers,
            // The published criteria and the description travel with the document so suppliers can be
            // scored against many requirements without loading each one from the database.
            Payload = System.Text.Json.JsonSerializer.Serialize(new RequirementPayload(r.Criteria, r.Description), CriteriaPayload.Json),
            UpdatedAt = r.UpdatedAt,
        };
    }
}

/// <summary>What a requirement's search document carries for scoring: its published criteria and its description.</summary>
public sealed record RequirementPayload(IReadOnlyList<Criterion> Criteria, string? Description);

public static class CriteriaPayload
{
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Reads a requirement hit's payload; an index written before descriptions travelled holds the bare criteria list.</summary>
    public static RequirementPayload Read(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload)) return new([], null);
        return payload.TrimStart().StartsWith('[')
            ? new(System.Text.Json.JsonSerializer.Deserialize<List<Criterion>>(payload, Json) ?? [], null)
            : System.Text.Json.JsonSerializer.Deserialize<RequirementPayload>(payload, Json) ?? new([], null);
    }
}
