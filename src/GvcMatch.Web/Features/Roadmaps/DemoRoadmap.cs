using GvcMatch.Matching;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>
/// The demo's road-map: four published items by three demo buyers, one for the supplier network
/// only, with criteria some demo SMEs meet and others only partly (so a gap plan has something to
/// show), and one expression of interest for the buyer's list. Written straight to the database
/// after the demo files, in one save, so the first start stays as quick as before.
/// </summary>
public static class DemoRoadmap
{
    private sealed record Seed(string Buyer, string Title, string Description, RoadmapItemKind Kind, RoadmapVisibility Visibility,
        int Quarter, string[] Isic, string[] Hs, Criterion[] Criteria);

    private static readonly Seed[] Items =
    [
        new("mne-de-rheinfeld-automobil", "Machined aluminium housings for an electric drive unit",
            "From the third quarter of next year our compact SUV platform gets an electric drive unit. We will source its motor and gearbox housings: aluminium die castings machined on five axes, sealed and anodised. About 8,000 sets a month at full rate.",
            RoadmapItemKind.Product, RoadmapVisibility.Everyone, 3, ["2592", "2930"], ["8708"],
            [
                new() { Kind = CriterionKind.CapabilityFit, Weight = 35, Keywords = ["CNC machining", "5-axis milling", "anodising"], Description = "Five-axis machining of thin-walled housings is the core of the work." },
                new() { Kind = CriterionKind.CertificationHeld, Weight = 20, Standard = "IATF 16949", Description = "Drive parts need an automotive quality system by the start of production." },
                new() { Kind = CriterionKind.CertificationHeld, Weight = 15, Standard = "ISO 14001", Description = "Our suppliers report their environmental management." },
                new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 15, Days = 21, Description = "Short lead times keep the ramp-up safe." },
                new() { Kind = CriterionKind.ExportExperience, Weight = 15, Countries = ["DE"], Description = "Experience delivering to German plants." },
            ]),
        new("mne-de-rheinfeld-automobil", "Cathodic dip coating of battery trays",
            "A process change we share with our current suppliers first: battery trays will be cathodic dip coated before assembly. We look for partners who can add the line or already run one.",
            RoadmapItemKind.Process, RoadmapVisibility.Network, 1, ["2592"], ["8708"],
            [
                new() { Kind = CriterionKind.CapabilityFit, Weight = 60, Keywords = ["cathodic dip coating", "surface treatment"], Description = "An e-coat line sized for trays of 1.8 m." },
                new() { Kind = CriterionKind.CertificationHeld, Weight = 40, Standard = "ISO 14001", Description = "Coating lines need environmental management." },
            ]),
        new("mne-jp-hoshizora-electronics", "Sensor boards for the next generation of factory robots",
            "Our robot arms move to a new sensor head in two years. We will need the boards assembled close to our plants in Asia: fine-pitch SMT, inspection and functional test.",
            RoadmapItemKind.Product, RoadmapVisibility.Everyone, 2, ["2610"], ["8534"],
            [
                new() { Kind = CriterionKind.CapabilityFit, Weight = 40, Keywords = ["SMT assembly", "AOI inspection", "functional testing"], Description = "Fine-pitch assembly with automatic optical inspection." },
                new() { Kind = CriterionKind.CertificationHeld, Weight = 20, Standard = "ISO 9001" },
                new() { Kind = CriterionKind.LocationIn, Weight = 20, Countries = ["JP", "KR", "MY", "TH", "VN"], Description = "Within a short flight of our plants." },
                new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 20, Days = 21 },
            ]),
        new("mne-se-norrvik-industrial", "Hydraulic manifold blocks for electric forklifts",
            "Our electric forklift range gets a new lifting hydraulics in the coming year: compact manifold blocks, deep-hole drilled and deburred, delivered to Sweden.",
            RoadmapItemKind.Product, RoadmapVisibility.Everyone, 4, ["2812"], ["8412"],
            [
                new() { Kind = CriterionKind.CapabilityFit, Weight = 40, Keywords = ["manifold blocks", "gun drilling", "deburring"], Description = "Cross drillings must be burr-free." },
                new() { Kind = CriterionKind.CertificationHeld, Weight = 30, Standard = "ISO 14001" },
                new() { Kind = CriterionKind.ExportExperience, Weight = 30, Countries = ["SE"], Description = "Deliveries to our plant in Sweden." },
            ]),
    ];

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<RoadmapItem>().AnyAsync(ct)) return;
        string[] keys = [.. Items.Select(i => i.Buyer).Distinct(), "sme-cz-svitava-precision"];
        var ids = await db.Organizations.Where(o => keys.Contains(o.Key)).ToDictionaryAsync(o => o.Key, o => o.Id, ct);
        var now = clock.GetUtcNow();
        var year = now.Year + 1;
        var items = Items.Where(s => ids.ContainsKey(s.Buyer)).Select(s => new RoadmapItem
        {
            OrganizationId = ids[s.Buyer], Title = s.Title, Description = s.Description, Kind = s.Kind, Visibility = s.Visibility,
            TimingYear = year, TimingQuarter = s.Quarter, IsicCodes = [.. s.Isic], HsCodes = [.. s.Hs], Criteria = [.. s.Criteria],
            Status = RoadmapStatus.Published, Version = 1, PublishedAt = now.AddDays(-14), CreatedAt = now.AddDays(-15), UpdatedAt = now.AddDays(-14),
            Versions = [new RoadmapItemVersion { Number = 1, PublishedAt = now.AddDays(-14), Title = s.Title, Criteria = [.. s.Criteria] }],
        }).ToList();
        if (items.Count == 0) return;
        db.AddRange(items);
        await db.SaveChangesAsync(ct);
        // One answer for the buyer's list: a supplier that meets the housings' criteria.
        if (!ids.TryGetValue("sme-cz-svitava-precision", out var svitava) || items.FirstOrDefault(i => i.Title == Items[0].Title) is not { } housings) return;
        db.Add(new ExpressionOfInterest
        {
            ItemId = housings.Id, OrganizationId = svitava, CreatedAt = now.AddDays(-3), UpdatedAt = now.AddDays(-3), Capacity = "10,000 sets a month",
            Note = "We machine hydraulic housings on five axes today and hold IATF 16949; a second anodising partner is lined up.",
            Capabilities = ["5-axis milling", "CNC machining"],
        });
        await db.SaveChangesAsync(ct);
    }
}
