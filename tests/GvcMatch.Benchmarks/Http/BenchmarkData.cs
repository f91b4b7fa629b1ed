using GvcMatch.Benchmarks.Matching;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.Http;

/// <summary>
/// What the HTTP run needs in a generated database besides suppliers: a buyer signed up through
/// the app's own <see cref="Registration"/>, the sample requirements published by its organisation,
/// and an index with the suppliers in it (rebuilt only when it has none).
/// </summary>
public static class BenchmarkData
{
    public const string BuyerEmail = "bench-buyer@example.com";
    public const string BuyerPassword = "Bench-Password-1";

    public static async Task<List<int>> PrepareAsync(string folder)
    {
        await using var app = Infrastructure.AppHost.Build(folder);
        await DatabaseStartup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var orgId = await db.Users.Where(u => u.Email == BuyerEmail).Select(u => u.OrganizationId).FirstOrDefaultAsync();
        if (orgId is null)
        {
            var request = new RegisterRequest(BuyerEmail, BuyerPassword, "Benchmark buyer",
                new OrganizationInput { Name = "Benchmark Buyer AG", Kind = OrganizationKind.Mne, Country = "DE", SizeBand = SizeBand.Large });
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<Registration>().RegisterAsync(request, CancellationToken.None);
            orgId = user?.OrganizationId ?? throw new InvalidOperationException("Could not register the buyer: " + string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value)));
        }

        if (!await db.Requirements.AnyAsync(r => r.OrganizationId == orgId))
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var r in SampleRequirements.AsRequirements(orgId.Value))
            {
                r.Id = 0;
                r.PublishedAt = r.CreatedAt = r.UpdatedAt = now;
                r.ResponseDeadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(60);
                db.Requirements.Add(r);
            }
            await db.SaveChangesAsync();
        }

        // An index with suppliers only needs the few rows written above, which the app's indexer
        // replays from its checkpoint on start; an empty one (a freshly generated database) is rebuilt.
        var index = app.Services.GetRequiredService<ISearchIndex>();
        if ((await index.CountAsync())[DocumentKind.Supplier] == 0)
        {
            Console.WriteLine("The index holds no suppliers: rebuilding it before the run.");
            await app.Services.GetRequiredService<SearchRebuild>().RunAsync(null, CancellationToken.None);
        }
        return await db.Requirements.Where(r => r.OrganizationId == orgId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
    }
}
