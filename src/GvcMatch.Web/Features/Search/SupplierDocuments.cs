using System.Globalization;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Disclosures;
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
    /// 3: employee counts (<c>employeesLow</c>, <c>employeesHigh</c>), export experience with the country of location
    /// (<c>exportExperience</c>, with <c>any</c> when it has any export market), and the size band derived from the employee count.
    /// 4: sustainability disclosures (<c>disclosure</c> tokens of topic and evidence, <c>disclosure{Topic}{level}</c> figures).
    /// 5: certificates held through a cluster's group certificate (<c>groupOf</c> in the payload's certificates, and in
    /// <c>certification</c> and the certificate match values).
    /// </summary>
    public const int SchemaVersion = 5;

    /// <summary>
    /// The fewest and the most employees the supplier may have: both its count when stated, otherwise
    /// its band's range. An employee-count criterion keeps exactly the suppliers whose whole range lies
    /// inside the one sought, which is the scorer's rule (<see cref="CompanySizes.Evaluate"/>).
    /// </summary>
    public const string EmployeesLowField = "employeesLow";
    public const string EmployeesHighField = "employeesHigh";

    /// <summary>The countries a supplier has export experience in: its export markets and its own country.</summary>
    public const string ExperienceField = "exportExperience";

    /// <summary>The <see cref="ExperienceField"/> value of a supplier with any export market (no country code is lower case).</summary>
    public const string AnyExports = "any";

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
            .Include(p => p.Organization.Disclosures)
            .Listed(today)
            .AsSplitQuery();

    /// <summary>
    /// An SME's own current facts straight from the database (a draft too: an SME may check its score
    /// before publishing), or null when it has no profile yet.
    /// </summary>
    public static async Task<SupplierFacts?> LoadOwnFactsAsync(AppDbContext db, int organizationId, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications).Include(p => p.Organization.Disclosures)
            .FirstOrDefaultAsync(p => p.OrganizationId == organizationId, ct);
        // Certificates the SME holds through a cluster's group certificate count as its own.
        return profile is null ? null : await Consortia.GroupHeldCertificates.AddToAsync(db, Facts(profile), ct);
    }

    public static SupplierFacts Facts(CapabilityProfile p) => new()
    {
        OrganizationId = p.OrganizationId,
        Name = p.Organization.Name,
        Country = p.Organization.Country,
        // The band follows the employee count when it is stated; otherwise the organisation's chosen band.
        SizeBand = p.EmployeeCount is { } count ? CompanySizes.BandOf(count) : p.Organization.SizeBand.ToString(),
        EmployeeCount = p.EmployeeCount,
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
        Disclosures = Disclosures.Disclosure.Facts(p.Organization.Disclosures),
    };

    /// <param name="groupHeld">The group certificates the SME may rely on (<see cref="Consortia.GroupHeldCertificates"/>): filters, facets and the payload carry them as its own.</param>
    public static SearchDocument Build(CapabilityProfile p, DateOnly today, CapabilityVocabulary vocabulary, IReadOnlyList<HeldCertificate>? groupHeld = null)
    {
        var o = p.Organization;
        // Read once here, so the payload carries the concepts and analysed words and matching reads no text.
        var facts = ProfileReading.Read(Consortia.GroupHeldCertificates.With(Facts(p), groupHeld), vocabulary);
        var keywords = new Dictionary<string, IReadOnlyList<string>>
        {
            ["country"] = [o.Country],
            ["isic"] = p.IsicCodes,
            ["hs"] = p.HsCodes,
            // Only certificates valid today are facets and filters; the expiry job re-indexes a
            // supplier the day one lapses, and the scorer checks the date again in any case.
            ["certification"] = p.Certifications.Where(c => !c.IsExpired(today)).Select(c => c.Standard)
                .Concat((groupHeld ?? []).Where(g => g.ValidUntil is not { } until || until >= today).Select(g => g.Standard)).Distinct().ToList(),
            // Every (standard, scope, evidence) a valid certificate satisfies: criteria filter on these exactly.
            [CertificationTokens.Field] = facts.Certifications.Where(c => c.ValidUntil is not { } until || until >= today)
                .SelectMany(c => CertificationTokens.ForHeld(c)).Distinct().ToList(),
            ["sizeBand"] = [facts.SizeBand],
            ["verified"] = [o.Verified ? "true" : "false"],
            ["exportMarket"] = p.ExportMarkets,
            // Where the supplier has export experience: its markets and the country it is based in.
            [ExperienceField] = [.. p.ExportMarkets.Append(o.Country).Select(c => c.ToUpperInvariant()).Distinct(), .. p.ExportMarkets.Count > 0 ? [AnyExports] : Array.Empty<string>()],
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
        // The employee counts the supplier may have: its count, or its band's range when unknown (Employees).
        if (CompanySizes.RangeOf(facts.SizeBand) is { } band)
        {
            numbers[EmployeesLowField] = facts.EmployeeCount ?? band.Min;
            numbers[EmployeesHighField] = facts.EmployeeCount ?? band.Max;
        }
        if (p.RenewalDue is { } due) numbers["renewalDue"] = DayNumber(due);
        // Disclosures: which topics at which evidence, and the figure that counts at each level (DisclosureRequirement.Current).
        keywords[DisclosureRequirement.Field] = DisclosureRequirement.Tokens(facts.Disclosures).ToList();
        foreach (var (field, value) in DisclosureRequirement.Measures(facts.Disclosures)) numbers[field] = value;

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
