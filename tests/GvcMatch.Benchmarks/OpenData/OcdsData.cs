using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.OpenData;

/// <summary>
/// Writes awarded requirements into a data folder for the OCDS bulk export: 20 buyers, 1,000 SME
/// suppliers, and per award a published requirement (four criteria, ISIC and HS codes), the
/// winning bid and the award. The search outbox rows the writes leave are removed: the export does
/// not use the index, and the app would otherwise index 100,000 requirements during the run.
/// </summary>
public static class OcdsData
{
    private const int Batch = 2000;

    public static async Task<int> PrepareAsync(string folder, int awards)
    {
        await using var app = Infrastructure.AppHost.Build(folder);
        await DatabaseStartup.MigrateAsync(app.Services);
        int have;
        await using (var scope = app.Services.CreateAsyncScope())
            have = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Awards.CountAsync();
        if (have >= awards) return have;

        var now = DateTimeOffset.UtcNow;
        var (buyers, suppliers) = await OrganisationsAsync(app.Services, now);
        var started = DateTime.UtcNow;
        for (var done = have; done < awards; done += Batch)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var count = Math.Min(Batch, awards - done);
            var requirements = Enumerable.Range(done, count).Select(n => Requirement(n, buyers[n % buyers.Count], now)).ToList();
            db.Requirements.AddRange(requirements);
            await db.SaveChangesAsync();
            var bids = requirements.Select((r, i) => new Bid
            {
                RequirementId = r.Id, OrganizationId = suppliers[(done + i) % suppliers.Count], PartyKey = Bid.PartyKeyFor(suppliers[(done + i) % suppliers.Count], null),
                Status = BidStatus.Submitted, AnsweredVersion = 1, Price = 1000 + (done + i) % 9000, Currency = "EUR", LeadTimeDays = 20, PaymentTermsDays = 60,
                CreatedByUserId = "benchmark", CreatedAt = now, UpdatedAt = now, SubmittedAt = now,
            }).ToList();
            db.Bids.AddRange(bids);
            await db.SaveChangesAsync();
            db.Awards.AddRange(bids.Select(b => new Award
            {
                RequirementId = b.RequirementId, BidId = b.Id, Total = 80, AwardedByUserId = "benchmark", AwardedAt = now, PaymentTermsDays = 60,
            }));
            await db.SaveChangesAsync();
            await db.IndexOutbox.ExecuteDeleteAsync();
            Console.Write($"\r  generated {done + count:N0} of {awards:N0} awards ({(DateTime.UtcNow - started).TotalSeconds:0} s)");
        }
        Console.WriteLine();
        return awards;
    }

    private static async Task<(List<int> Buyers, List<int> Suppliers)> OrganisationsAsync(IServiceProvider services, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Organizations.AnyAsync(o => o.Key.StartsWith("ocds-bench-")))
        {
            db.Organizations.AddRange(Enumerable.Range(0, 20).Select(i => Org($"ocds-bench-buyer-{i}", $"Benchmark Buyer {i} AG", OrganizationKind.Mne, SizeBand.Large, now)));
            db.Organizations.AddRange(Enumerable.Range(0, 1000).Select(i => Org($"ocds-bench-sme-{i}", $"Benchmark Supplier {i} GmbH", OrganizationKind.Sme, SizeBand.Small, now)));
            await db.SaveChangesAsync();
        }
        var orgs = await db.Organizations.Where(o => o.Key.StartsWith("ocds-bench-")).OrderBy(o => o.Id).Select(o => new { o.Id, o.Kind }).ToListAsync();
        return (orgs.Where(o => o.Kind == OrganizationKind.Mne).Select(o => o.Id).ToList(), orgs.Where(o => o.Kind == OrganizationKind.Sme).Select(o => o.Id).ToList());
    }

    private static Organization Org(string key, string name, OrganizationKind kind, SizeBand size, DateTimeOffset now) =>
        new() { Key = key, Name = name, Kind = kind, Country = "DE", SizeBand = size, CreatedAt = now, UpdatedAt = now };

    private static Requirement Requirement(int n, int buyer, DateTimeOffset now) => new()
    {
        Key = $"ocds-bench-{n}",
        OrganizationId = buyer,
        Title = $"Machined aluminium housings, batch {n}",
        Description = "CNC-machined and anodised housings for a sensor line, with first article inspection.",
        IsicCodes = ["2592"],
        HsCodes = ["7616"],
        Quantity = 5000,
        QuantityUnit = "pieces",
        ResponseDeadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1),
        Criteria =
        [
            new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" },
            new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 40, Keywords = ["cnc milling", "anodising"] },
            new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 30, Days = 30 },
            new Criterion { Kind = CriterionKind.CapacityAtLeast, Weight = 30, Minimum = 30000, Unit = "pieces" },
        ],
        Status = RequirementStatus.Awarded,
        Version = 1,
        PublishedAt = now.AddDays(-40),
        CreatedAt = now.AddDays(-40),
        UpdatedAt = now,
    };
}
