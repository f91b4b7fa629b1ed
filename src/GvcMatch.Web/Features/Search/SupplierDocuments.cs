using System.Globalization;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Understanding;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Search;

/// <summary>
/// Turns published supplier profiles into search documents. The scorer's facts travel in the
/// payload so that matching can score hits without going back to the database.
/// </summary>
public static class SupplierDocuments
{
    /// <summary>
    /// What the documents hold, as a number: raise it whenever a field is added to the supplier
    /// document or changes meaning, so indexes built before are rebuilt at start (<see cref="IndexFreshness"/>).
    /// 2: capacity per month in base units (<c>capacityBase</c>, <c>capacityMeasure</c>) and per-certificate
    /// match values (<c>certificationMatch</c>).
    /// </summary>
    public const int SchemaVersion = 2;

    /// <summary>The keyword field holding the concept ids a profile names (matching and supplier search look suppliers up by it).</summary>
    public const string ConceptField = "concept";

    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web) { TypeInfoResolver = PayloadJsonContext.Default };

    /// <summary>
    /// A supplier hit's facts, parsed from the payload's UTF-8 bytes (no intermediate string); null
    /// without a payload. The one-pass reader takes the payloads this version writes; anything
    /// else (an older or newer shape) goes through the generated serializer.
    /// </summary>
    public static SupplierFacts? FactsOf(SearchHit hit) =>
        hit.PayloadUtf8 is { } utf8 ? SupplierPayloadReader.TryRead(utf8.Span) ?? JsonSerializer.Deserialize<SupplierFacts>(utf8.Span, PayloadJson) : null;

    /// <summary>Published, current SME profiles only: drafts and stale profiles never reach the index.</summary>
    public static IQueryable<CapabilityProfile> Indexable(AppDbContext db, DateOnly today) =>
        db.Profiles.AsNoTracking()
            .Include(p => p.Organization)
            .Include(p => p.Certifications)
            .Listed(today)
            .AsSplitQuery();

    /// <summary>
    /// An SME's own current facts straight from the database (a draft too: an SME may check its score
    /// before publishing), or null when it has no profile yet.
    /// </summary>
    public static async Task<SupplierFacts?> LoadOwnFactsAsync(AppDbContext db, int organizationId, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications)
            .FirstOrDefaultAsync(p => p.OrganizationId == organizationId, ct);
        return profile is null ? null : Facts(profile);
    }

    public static SupplierFacts Facts(CapabilityProfile p) => new()
    {
        OrganizationId = p.OrganizationId,
        Name = p.Organization.Name,
        Country = p.Organization.Country,
        SizeBand = p.Organization.SizeBand.ToString(),
        Verified = p.Organization.Verified,
        Summary = p.Summary,
        Capabilities = p.Capabilities,
        Materials = p.Materials,
        Equipment = p.Equipment,
        Certifications = p.Certifications.Select(Certificates.CertificateFacts.Held).ToList(),
        MonthlyCapacity = p.MonthlyCapacity,
        CapacityUnit = p.CapacityUnit,
        CapacityPeriod = p.CapacityPeriod,
        LeadTimeDays = p.LeadTimeDays,
        ExportMarkets = p.ExportMarkets,
        IsicCodes = p.IsicCodes,
        Description = p.Organization.Description,
    };

    public static SearchDocument Build(CapabilityProfile p, DateOnly today, CapabilityVocabulary vocabulary)
    {
        var o = p.Organization;
        // Read once here, so the payload carries the concepts and analysed words and matching reads no text.
        var facts = ProfileReading.Read(Facts(p), vocabulary);
        var keywords = new Dictionary<string, IReadOnlyList<string>>
        {
            ["country"] = [o.Country],
            ["isic"] = p.IsicCodes,
            ["hs"] = p.HsCodes,
            // Only certificates valid today are facets and filters; the expiry job re-indexes a
            // supplier the day one lapses, and the scorer checks the date again in any case.
            ["certification"] = p.Certifications.Where(c => !c.IsExpired(today)).Select(c => c.Standard).Distinct().ToList(),
            // Every (standard, scope, evidence) a valid certificate satisfies: criteria filter on these exactly.
            [CertificationTokens.Field] = facts.Certifications.Where(c => c.ValidUntil is not { } until || until >= today)
                .SelectMany(c => CertificationTokens.ForHeld(c)).Distinct().ToList(),
            ["sizeBand"] = [o.SizeBand.ToString()],
            ["verified"] = [o.Verified ? "true" : "false"],
            ["exportMarket"] = p.ExportMarkets,
            ["language"] = p.Languages,
            // Language-neutral concept ids: retrieval finds a Japanese profile for an English requirement by them.
            [ConceptField] = facts.Concepts.Select(c => c.Id).Distinct().ToList(),
        };
        var numbers = new Dictionary<string, double> { ["updated"] = p.UpdatedAt.ToUnixTimeSeconds() };
        if (p.MonthlyCapacity is { } capacity)
        {
            numbers["monthlyCapacity"] = (double)capacity;
            keywords["capacityRange"] = [CapacityRange(capacity)];
            if (p.CapacityUnit is { Length: > 0 } unit) keywords["capacityUnit"] = [unit.ToLowerInvariant()];
            // Per month (or once) in the kind's base unit, so that a filter in tonnes finds a capacity in kilograms a year.
            if (CapacityMeasure.Normalise(capacity, p.CapacityUnit, p.CapacityPeriod) is { } normal)
            {
                numbers["capacityBase"] = (double)normal.Amount;
                keywords["capacityMeasure"] = [normal.Measure];
            }
        }
        if (p.LeadTimeDays is { } lead) numbers["leadTimeDays"] = lead;
        if (p.RenewalDue is { } due) numbers["renewalDue"] = DayNumber(due);

        return new SearchDocument
        {
            Kind = DocumentKind.Supplier,
            EntityId = p.OrganizationId,
            Title = o.Name,
            Body = string.Join("\n", new[]
            {
                p.Summary, string.Join(", ", p.Capabilities), string.Join(", ", p.Materials), string.Join(", ", p.Equipment),
                o.Description ?? "", o.City ?? "",
            }.Where(t => t.Length > 0)),
            Keywords = keywords,
            Numbers = numbers,
            // The description has been read into concepts and words; the scorer never shows it, so it stays out of the payload.
            Payload = JsonSerializer.Serialize(facts with { Description = null }, PayloadJson),
            UpdatedAt = p.UpdatedAt,
        };
    }

    /// <summary>Dates as sortable numbers (yyyyMMdd), the same on every backend.</summary>
    public static double DayNumber(DateOnly day) => double.Parse(day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Facet buckets for monthly capacity, whatever the unit.</summary>
    public static string CapacityRange(decimal capacity) => capacity switch
    {
        < 1_000 => "under 1k",
        < 10_000 => "1k-10k",
        < 100_000 => "10k-100k",
        _ => "100k+",
    };
}
