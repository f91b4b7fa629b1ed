using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;

namespace GvcMatch.Benchmarks.Generation;

/// <summary>
/// Deterministic synthetic SME suppliers: profile <c>n</c> depends only on the seed and <c>n</c>, so
/// any slice of a million can be regenerated on its own and two runs produce the same data.
/// </summary>
public sealed class ProfileGenerator
{
    private static readonly string[] Prefixes = ["Precision", "Nova", "Atlas", "Iberia", "Nordic", "Alpine", "Pacific", "Delta", "Vertex",
        "Orion", "Baltic", "Andes", "Sakura", "Danube", "Meridian", "Summit", "Coastal", "Union", "Heritage", "Quantum"];
    private static readonly string[] Suffixes = ["Works", "Industries", "Manufacturing", "Technik", "Components", "Solutions", "Fabrication",
        "Systems", "Labs", "Productions"];
    private static readonly string[] Spanish = ["ES", "MX", "CL", "CO", "CR", "AR", "PE"];
    private static readonly (string Code, double Weight)[] BigOecd = [("DE", 8), ("US", 8), ("JP", 6), ("IT", 6), ("ES", 5), ("FR", 5),
        ("MX", 4), ("KR", 4), ("PL", 4), ("TR", 4), ("GB", 4), ("CZ", 3), ("NL", 2), ("PT", 2), ("CL", 2), ("CO", 2)];

    private readonly int _seed;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly Sector[] _sectors;
    private readonly string[] _otherCountries;
    private readonly string[] _oecd;

    public ProfileGenerator(int seed, DateTimeOffset now, CodeLists codes)
    {
        _seed = seed;
        _now = now;
        _today = DateOnly.FromDateTime(now.UtcDateTime);
        // Keep only codes the reference lists know, so every generated profile would pass validation.
        _sectors = Sectors.All.Select(s => s with
        {
            Isic = s.Isic.Where(codes.Isic.Contains).ToArray(),
            Hs = s.Hs.Where(codes.Hs.Contains).ToArray(),
            Certifications = s.Certifications.Where(codes.Certifications.Contains).ToArray(),
        }).ToArray();
        _oecd = Sectors.Oecd.Where(codes.Countries.Contains).ToArray();
        _otherCountries = codes.Countries.Except(_oecd).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Supplier number <paramref name="n"/> (0-based), organisation and published profile together.</summary>
    public Organization Create(int n)
    {
        var r = new Random(unchecked(_seed * 1_000_003 + n));
        var sector = PickSector(r);
        var country = PickCountry(r);
        var size = r.NextDouble() switch { < 0.30 => SizeBand.Micro, < 0.75 => SizeBand.Small, < 0.95 => SizeBand.Medium, _ => SizeBand.Large };
        var name = $"{Pick(r, Prefixes)} {Pick(r, Suffixes)} {n:D7}";
        var capabilities = Sample(r, sector.Capabilities, r.Next(3, 7));
        var materials = Sample(r, sector.Materials, r.Next(2, 5));
        var org = new Organization
        {
            Key = $"sme-{country.ToLowerInvariant()}-bench-{n:D7}",
            Kind = OrganizationKind.Sme,
            Name = name,
            Country = country,
            City = $"{sector.Name} district {r.Next(1, 40)}",
            SizeBand = size,
            Verified = r.NextDouble() < 0.35,
            Description = $"{size} {sector.Name} supplier founded in {r.Next(1950, 2022)}.",
            CreatedAt = _now.AddDays(-r.Next(30, 2000)),
            UpdatedAt = _now.AddDays(-r.Next(0, 30)),
        };
        org.Profile = new CapabilityProfile
        {
            Organization = org,
            Summary = Summary(r, sector, country, capabilities, materials),
            Capabilities = capabilities,
            Materials = materials,
            Equipment = Sample(r, sector.Equipment, r.Next(1, 4)),
            IsicCodes = Sample(r, sector.Isic, r.Next(1, 3)),
            HsCodes = Sample(r, sector.Hs, r.Next(1, 4)),
            MonthlyCapacity = r.NextDouble() < 0.05 ? null : Math.Round((decimal)LogNormal(r, sector.MedianCapacity * SizeFactor(size), 0.9), 0),
            CapacityUnit = sector.Unit,
            LeadTimeDays = r.NextDouble() < 0.03 ? null : (int)Math.Clamp(Math.Round(LogNormal(r, 21, 0.6)), 2, 180),
            MinimumOrder = r.Next(1, 50) * 100,
            MinimumOrderUnit = sector.Unit,
            ExportMarkets = r.NextDouble() < 0.3 ? [] : Sample(r, _oecd, r.Next(1, 6)),
            Languages = Languages(r, country),
            Status = PublicationStatus.Published,
            PublishedAt = org.CreatedAt.AddDays(1),
            // About 3% are past their renewal date: stale profiles that the index must leave out.
            RenewalDue = _today.AddDays(r.NextDouble() < 0.03 ? -r.Next(1, 90) : r.Next(10, 365)),
            UpdatedAt = org.UpdatedAt,
            Certifications = Certificates(r, sector),
        };
        return org;
    }

    private Sector PickSector(Random r)
    {
        var x = r.NextDouble() * _sectors.Sum(s => s.Share);
        foreach (var s in _sectors)
        {
            if ((x -= s.Share) < 0) return s;
        }
        return _sectors[^1];
    }

    /// <summary>85% in OECD countries (most in the big manufacturing ones), the rest spread over the world.</summary>
    private string PickCountry(Random r)
    {
        var x = r.NextDouble();
        if (x >= 0.85) return Pick(r, _otherCountries);
        if (x >= 0.35) return Pick(r, _oecd);
        var w = r.NextDouble() * BigOecd.Sum(c => c.Weight);
        foreach (var (code, weight) in BigOecd)
        {
            if ((w -= weight) < 0) return code;
        }
        return BigOecd[0].Code;
    }

    private static string Summary(Random r, Sector sector, string country, List<string> capabilities, List<string> materials)
    {
        if (Spanish.Contains(country) && r.NextDouble() < 0.7) return Pick(r, sector.SpanishSummaries);
        if (country == "JP" && r.NextDouble() < 0.7) return Pick(r, sector.JapaneseSummaries);
        return $"{capabilities[0]} and {capabilities[^1]} in {materials[0]} for {sector.Name} customers; " +
               $"small and large batches, {r.Next(5, 400)} employees, on-time delivery above {r.Next(85, 100)}%.";
    }

    private List<Certification> Certificates(Random r, Sector sector)
    {
        var count = r.NextDouble() switch { < 0.15 => 0, < 0.55 => 1, < 0.85 => 2, _ => 3 };
        var standards = new List<string>();
        // Most certified suppliers hold ISO 9001 first.
        if (count > 0 && sector.Certifications.Contains("ISO 9001") && r.NextDouble() < 0.75) standards.Add("ISO 9001");
        standards.AddRange(Sample(r, sector.Certifications.Except(standards).ToArray(), count - standards.Count));
        return standards.Select(s => new Certification
        {
            Standard = s,
            Issuer = Pick(r, ["TÜV SÜD", "Bureau Veritas", "SGS", "DNV", "Intertek", "AENOR", "JQA"]),
            Number = $"C-{r.Next(100_000, 999_999)}",
            // About one in ten has lapsed: the scorer must reject it even if the index still lists it.
            ValidUntil = _today.AddDays(r.NextDouble() < 0.1 ? -r.Next(1, 400) : r.Next(30, 1100)),
            Verified = r.NextDouble() < 0.4,
        }).ToList();
    }

    private static List<string> Languages(Random r, string country)
    {
        var local = country switch
        {
            "ES" or "MX" or "CL" or "CO" or "CR" or "AR" or "PE" => "es", "JP" => "ja", "DE" or "AT" or "CH" => "de",
            "FR" or "BE" => "fr", "IT" => "it", "PT" or "BR" => "pt", "KR" => "ko", "PL" => "pl", "TR" => "tr", _ => "en",
        };
        return local == "en" || r.NextDouble() < 0.2 ? [local] : ["en", local];
    }

    private static double SizeFactor(SizeBand size) => size switch
    {
        SizeBand.Micro => 0.2, SizeBand.Small => 0.6, SizeBand.Medium => 2, _ => 6,
    };

    /// <summary>Capacities and lead times are skewed: a few large plants, many small workshops.</summary>
    private static double LogNormal(Random r, double median, double sigma)
    {
        var u1 = 1.0 - r.NextDouble();
        var u2 = r.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private static List<string> Sample(Random r, string[] items, int count)
    {
        var copy = (string[])items.Clone();
        r.Shuffle(copy);
        return copy.Take(Math.Min(count, copy.Length)).ToList();
    }
}

/// <summary>The code lists of seeds/reference that generated data must stay within.</summary>
public sealed record CodeLists(HashSet<string> Countries, HashSet<string> Isic, HashSet<string> Hs, HashSet<string> Certifications)
{
    /// <remarks>Certificates come from the registry built into GvcMatch.Matching (one file per family under seeds/reference/certifications).</remarks>
    public static CodeLists Load(string folder) => new(Codes(folder, "countries"), Codes(folder, "isic"), Codes(folder, "hs"),
        GvcMatch.Matching.Certifications.CertificationRegistry.Default.Standards.Select(s => s.Code).ToHashSet(StringComparer.Ordinal));

    private static HashSet<string> Codes(string folder, string name)
    {
        using var stream = File.OpenRead(Path.Combine(folder, name + ".json"));
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToHashSet(StringComparer.Ordinal);
    }
}
