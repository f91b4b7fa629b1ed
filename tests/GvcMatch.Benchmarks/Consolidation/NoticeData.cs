using GvcMatch.Benchmarks.Generation;
using GvcMatch.Matching;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.Consolidation;

/// <summary>
/// Adds, once, to a folder made by <c>generate --target db</c>: a consolidating buyer whose awards
/// (ISIC 2592 work) went to every n-th generated SME, one person per awarded SME (languages en, es
/// and ja in turn) so each is told, and other buyers' open requirements, written to the database and
/// straight into the folder's index (the app's indexer does not run in the benchmark) so the
/// re-matching has something to find. Keys mark what was added; a second run reuses it.
/// </summary>
public static class NoticeData
{
    public const string BuyerKey = "notice-bench-buyer";
    private const int Batch = 2000;
    private static readonly string[] LanguagesInTurn = ["en", "es", "ja"];

    public static async Task<int> PrepareAsync(IServiceProvider services, int affected, int openRequirements)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Key == BuyerKey) is { } existing) return existing.Id;
        var smes = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Sme).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        if (smes.Count < affected) throw new InvalidOperationException($"The folder holds {smes.Count:N0} SMEs: run `generate --target db` with at least {affected:N0}.");
        var step = smes.Count / affected;
        var awarded = Enumerable.Range(0, affected).Select(i => smes[i * step]).ToList();

        var now = DateTimeOffset.UtcNow;
        var buyers = Enumerable.Range(0, 21).Select(i => Org(i == 0 ? BuyerKey : $"notice-bench-other-{i}", i == 0 ? "Consolidating Buyer AG" : $"Other Buyer {i} SA", now)).ToList();
        db.Organizations.AddRange(buyers);
        await db.SaveChangesAsync();
        var buyer = buyers[0].Id;

        for (var done = 0; done < awarded.Count; done += Batch)
        {
            await using var batchScope = services.CreateAsyncScope();
            var batchDb = batchScope.ServiceProvider.GetRequiredService<AppDbContext>();
            batchDb.ChangeTracker.AutoDetectChangesEnabled = false;
            var slice = awarded.Skip(done).Take(Batch).ToList();
            var requirements = slice.Select((_, i) => AwardedWork(done + i, buyer, now)).ToList();
            batchDb.Requirements.AddRange(requirements);
            batchDb.Users.AddRange(slice.Select((org, i) => Person(org, LanguagesInTurn[(done + i) % LanguagesInTurn.Length])));
            await batchDb.SaveChangesAsync();
            var bids = requirements.Zip(slice).Select(x => new Bid
            {
                RequirementId = x.First.Id, OrganizationId = x.Second, PartyKey = Bid.PartyKeyFor(x.Second, null), Status = BidStatus.Submitted,
                AnsweredVersion = 1, Price = 20_000, Currency = "EUR", LeadTimeDays = 20, PaymentTermsDays = 60,
                CreatedByUserId = "benchmark", CreatedAt = now, UpdatedAt = now, SubmittedAt = now,
            }).ToList();
            batchDb.Bids.AddRange(bids);
            await batchDb.SaveChangesAsync();
            batchDb.Awards.AddRange(bids.Select(b => new Award { RequirementId = b.RequirementId, BidId = b.Id, Total = 80, AwardedByUserId = "benchmark", AwardedAt = now, PaymentTermsDays = 60 }));
            await batchDb.SaveChangesAsync();
            Console.Write($"\r  {done + slice.Count:N0} of {awarded.Count:N0} awarded suppliers");
        }
        Console.WriteLine();

        var open = Enumerable.Range(0, openRequirements).Select(n => OpenRequirement(n, buyers[1 + n % 20], now)).ToList();
        db.Requirements.AddRange(open);
        await db.SaveChangesAsync();
        // Awarded work stays out of the index too: closed requirements are never re-matching candidates.
        await db.IndexOutbox.ExecuteDeleteAsync();
        var index = services.GetRequiredService<ISearchIndex>();
        var changes = open.Select(r => new IndexChange(DocumentKind.Requirement, r.Id, ListingDocuments.Build(r))).ToList();
        await index.ApplyAsync(changes, await index.GetCheckpointAsync());
        Console.WriteLine($"  {open.Count:N0} open requirements of 20 other buyers indexed");
        return buyer;
    }

    private static Organization Org(string key, string name, DateTimeOffset now) =>
        new() { Key = key, Name = name, Kind = OrganizationKind.Mne, Country = "DE", SizeBand = SizeBand.Large, CreatedAt = now, UpdatedAt = now };

    private static AppUser Person(int org, string language)
    {
        var email = $"notice-bench-{org}@example.test";
        return new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, OrganizationId = org, Role = MemberRole.Owner, PreferredLanguage = language, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
    }

    private static Requirement AwardedWork(int n, int buyer, DateTimeOffset now) => new()
    {
        Key = $"notice-bench-awarded-{n}", OrganizationId = buyer, Title = $"Machined housings, lot {n}",
        Description = "CNC-machined aluminium housings.", IsicCodes = ["2592"], HsCodes = ["7616"],
        ResponseDeadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-30),
        Criteria = [new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 100, Days = 30 }],
        Status = RequirementStatus.Awarded, Version = 1, PublishedAt = now.AddDays(-60), CreatedAt = now.AddDays(-60), UpdatedAt = now,
    };

    /// <summary>Open requirement n: one sector's capabilities (mandatory or weighted), lead time, capacity and, for some, a certificate.</summary>
    private static Requirement OpenRequirement(int n, Organization buyer, DateTimeOffset now)
    {
        var r = new Random(9_000 + n);
        var sector = Sectors.All[n % Sectors.All.Length];
        var criteria = new List<Criterion>
        {
            new() { Kind = CriterionKind.CapabilityFit, Mandatory = n % 3 == 0, Weight = 40, Keywords = sector.Capabilities.OrderBy(_ => r.Next()).Take(2).ToList() },
            new() { Kind = CriterionKind.LeadTimeAtMost, Weight = 30, Days = 15 + r.Next(30) },
            new() { Kind = CriterionKind.CapacityAtLeast, Weight = 30, Minimum = (decimal)(sector.MedianCapacity * (0.5 + r.NextDouble())), Unit = sector.Unit },
        };
        if (n % 4 == 0 && sector.Certifications.Length > 0)
            criteria.Add(new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = sector.Certifications[0] });
        return new Requirement
        {
            Key = $"notice-bench-open-{n}", OrganizationId = buyer.Id, Organization = buyer,
            Title = $"{sector.Name} work for {buyer.Name}, {n}", Description = $"{string.Join(", ", criteria[0].Keywords!)} for a new product line.",
            IsicCodes = sector.Isic.Take(1).ToList(), HsCodes = sector.Hs.Take(1).ToList(), Quantity = 1000,
            ResponseDeadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(60), Criteria = criteria,
            Status = RequirementStatus.Published, Version = 1, PublishedAt = now, CreatedAt = now, UpdatedAt = now,
        };
    }
}
