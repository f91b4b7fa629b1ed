using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.Negotiation;

public sealed record BenchUser(string Email, string Id);

/// <summary>One negotiating pair: a buyer and a supplier, each in their own organisation, and their conversation.</summary>
public sealed record BenchPair(BenchUser Buyer, BenchUser Supplier, long ConversationId);

/// <summary>
/// Pairs of organisations, one user each and a direct conversation between them, written straight
/// into the database (once; later runs reuse them). Every user gets the same password hash, made
/// once: hashing is deliberately slow and is not what this benchmark measures.
/// </summary>
public static class NegotiationData
{
    public const string Password = "Bench-Password-1";

    public static async Task<List<BenchPair>> PrepareAsync(string folder, IReadOnlyDictionary<string, string?> settings, int pairs)
    {
        await using var app = Infrastructure.AppHost.Build(folder, settings);
        await DatabaseStartup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var existing = await db.Set<Conversation>().CountAsync(c => c.PairKey.StartsWith("bench:"));
        if (existing < pairs)
        {
            var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
            for (var i = existing; i < pairs; i += 100)
            {
                await AddPairsAsync(db, hash, i, Math.Min(pairs, i + 100));
                Console.WriteLine($"  created {Math.Min(pairs, i + 100):N0}/{pairs:N0} pairs");
            }
        }
        var rows = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.PairKey.StartsWith("bench:")).OrderBy(c => c.Id).Take(pairs)
            .Select(c => new { c.Id, c.PairKey }).ToListAsync();
        var ids = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("bench-"))
            .ToDictionaryAsync(u => u.Email!, u => u.Id);
        BenchUser Find(string role, int n) => new(Email(role, n), ids[Email(role, n)]);
        return [.. rows.Select(r =>
        {
            var n = int.Parse(r.PairKey["bench:".Length..]);
            return new BenchPair(Find("buyer", n), Find("supplier", n), r.Id);
        })];
    }

    private static string Email(string role, int n) => $"bench-{role}-{n}@example.com";

    private static async Task AddPairsAsync(AppDbContext db, string passwordHash, int from, int to)
    {
        var now = DateTimeOffset.UtcNow;
        for (var n = from; n < to; n++)
        {
            var buyerOrg = Org($"bench-buyer-{n}", OrganizationKind.Mne, now);
            var supplierOrg = Org($"bench-supplier-{n}", OrganizationKind.Sme, now);
            db.AddRange(buyerOrg, supplierOrg);
            await db.SaveChangesAsync();
            var buyer = User(Email("buyer", n), buyerOrg.Id, passwordHash);
            var supplier = User(Email("supplier", n), supplierOrg.Id, passwordHash);
            db.Users.AddRange(buyer, supplier);
            db.Add(new Conversation
            {
                Topic = ConversationTopic.Direct,
                PairKey = $"bench:{n}",
                Subject = $"Benchmark negotiation {n}",
                CreatedAt = now,
                LastMessageAt = now,
                CreatedByUserId = buyer.Id,
                Parties = [new() { OrganizationId = buyerOrg.Id, JoinedAt = now }, new() { OrganizationId = supplierOrg.Id, JoinedAt = now }],
            });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static Organization Org(string key, OrganizationKind kind, DateTimeOffset now) => new()
    {
        Key = key, Name = key, Kind = kind, Country = kind == OrganizationKind.Mne ? "DE" : "JP",
        SizeBand = kind == OrganizationKind.Mne ? SizeBand.Large : SizeBand.Small, CreatedAt = now, UpdatedAt = now,
    };

    private static AppUser User(string email, int organizationId, string passwordHash) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(), OrganizationId = organizationId, Role = MemberRole.Owner, DisplayName = email,
    };
}
