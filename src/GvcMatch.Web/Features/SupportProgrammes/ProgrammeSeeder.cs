using System.Text.Json;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.SupportProgrammes;

/// <summary>A programme as seeds/reference/support-programmes.json lists it.</summary>
public sealed record SeededProgramme(string Key, ProgrammeInput Programme);

/// <summary>
/// Adds the seeded programmes the database does not have yet, by key, at start: a new release's
/// additions arrive, and rows admins have since edited are left as they are.
/// </summary>
public sealed class ProgrammeSeeder(IServiceScopeFactory scopes, IOptions<SeedsOptions> seeds, TimeProvider clock, ILogger<ProgrammeSeeder> logger)
    : IHostedService
{
    public const string File = "support-programmes.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task StartAsync(CancellationToken ct)
    {
        var path = Path.Combine(seeds.Value.Resolve(), "reference", File);
        if (!System.IO.File.Exists(path)) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), await ReadAsync(path, ct), ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // A database not migrated yet (MigrateOnStartup off) must not stop the app; the next start seeds.
            logger.LogWarning(ex, "The support programmes were not seeded");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static async Task<List<SeededProgramme>> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = System.IO.File.OpenRead(path);
        var rows = await JsonSerializer.DeserializeAsync<List<SeedRow>>(stream, Json, ct) ?? [];
        return rows.Select(r => new SeededProgramme(r.Key, new ProgrammeInput
        {
            Name = r.Name, Provider = r.Provider, Country = r.Country, Kind = r.Kind, Summary = r.Summary,
            Eligibility = r.Eligibility ?? "", SizeBands = r.SizeBands ?? [], Url = r.Url,
        })).ToList();
    }

    public async Task<int> SeedAsync(AppDbContext db, IReadOnlyList<SeededProgramme> programmes, CancellationToken ct)
    {
        var known = (await db.SupportProgrammes.Where(p => p.SeedKey != null).Select(p => p.SeedKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (key, input) in programmes.Where(p => !known.Contains(p.Key)))
        {
            var row = new SupportProgramme { Name = "", SeedKey = key, CreatedAt = now, UpdatedAt = now };
            input.ApplyTo(row);
            db.SupportProgrammes.Add(row);
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }

    private sealed record SeedRow(string Key, string Name, string Provider, string? Country, ProgrammeKind Kind, string Summary,
        string? Eligibility, List<string>? SizeBands, string? Url);
}

public static class SupportProgrammesRegistration
{
    public static IServiceCollection AddSupportProgrammes(this IServiceCollection services) =>
        services.AddHostedService<ProgrammeSeeder>();
}
