using System.Text.RegularExpressions;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Import;

/// <summary>
/// Each committed batch of an import has its audit entry, written in the same SaveChanges and
/// transaction; a batch whose save fails leaves no entry claiming its rows.
/// </summary>
public sealed class ImportBatchAuditTests : IAsyncLifetime
{
    private ImportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ImportTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheAuditClaimsExactlyTheRowsCommittedWhenABatchFailsAndWhenTheRunFailsPartWay()
    {
        // The database refuses one organisation (its batch is retried row by row) and one user (which ends the run).
        await _host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            CREATE TRIGGER refuse_organisation BEFORE INSERT ON "Organizations" WHEN NEW."Key" = 'org-refused'
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
            CREATE TRIGGER refuse_user BEFORE INSERT ON "AspNetUsers" WHEN NEW."Email" = 'refused@batch.example'
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
            """));
        var file = Path.Combine(Path.GetTempPath(), $"batch-audit-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {
              "organizations": [
                { "key": "org-one", "kind": "Sme", "name": "One Castings", "country": "PL", "sizeBand": "Small" },
                { "key": "org-refused", "kind": "Sme", "name": "Refused Castings", "country": "PL", "sizeBand": "Small" },
                { "key": "org-two", "kind": "Sme", "name": "Two Castings", "country": "PL", "sizeBand": "Small" }
              ],
              "users": [
                { "email": "kept@batch.example", "password": "Test!2345", "organization": "org-one", "role": "Owner", "displayName": "Kept" },
                { "email": "refused@batch.example", "password": "Test!2345", "organization": "org-two", "role": "Owner", "displayName": "Refused" }
              ]
            }
            """);
        try
        {
            await using (var scope = _host.Services.CreateAsyncScope())
            {
                var importer = scope.ServiceProvider.GetRequiredService<ImportAudit>();
                await Assert.ThrowsAsync<DbUpdateException>(() => importer.ImportAsync([SeedImporter.ReadFile(file)], ImportOrigin.Command, null));
            }
        }
        finally
        {
            File.Delete(file);
        }

        var organisations = await _host.QueryAsync(db => db.Organizations.Select(o => o.Key).OrderBy(k => k).ToListAsync());
        Assert.Equal(["org-one", "org-two"], organisations);
        // The users' batch failed as a whole: the user saved before the refused one was rolled back with it.
        Assert.Equal(0, await _host.QueryAsync(db => db.Users.CountAsync()));

        var entries = await _host.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var batches = entries.Where(e => e.Action == AuditActions.ImportBatch).ToList();
        Assert.NotEmpty(batches);
        Assert.All(batches, e => Assert.StartsWith("Command line", e.Reason));
        Assert.Equal(organisations.Count, batches.Sum(e => Created(e.Reason!, "organisations")));
        Assert.Equal(0, batches.Sum(e => Created(e.Reason!, "users")));
        var run = Assert.Single(entries, e => e.Action == AuditActions.ImportRun);
        Assert.Contains("failed part-way", run.Reason);
    }

    [Fact]
    public async Task ASuccessfulImportHasOneEntryPerBatchBesideItsSummary()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<ImportAudit>();
            await importer.ImportAsync([SeedImporter.ReadFile(RepoPaths.Fixture("good.json"))], ImportOrigin.Command, null);
        }

        var entries = await _host.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking().ToListAsync());
        var batches = entries.Where(e => e.Action == AuditActions.ImportBatch).ToList();
        Assert.Equal(3, batches.Sum(e => Created(e.Reason!, "organisations")));
        Assert.Equal(1, batches.Sum(e => Created(e.Reason!, "profiles")));
        Assert.Equal(1, batches.Sum(e => Created(e.Reason!, "ip listings")));
        Assert.Equal(3, batches.Sum(e => Created(e.Reason!, "requirements")));
        Assert.Equal(2, batches.Sum(e => Created(e.Reason!, "users")));
        Assert.All(batches, e => Assert.Equal("good.json", e.TargetName));
        Assert.Single(entries, e => e.Action == AuditActions.ImportRun);
    }

    /// <summary>The rows a batch entry says were created of a kind ("organisations: 2 created, ...").</summary>
    private static int Created(string reason, string kind)
    {
        var match = Regex.Match(reason, Regex.Escape(kind) + @": (?<n>\d+) created");
        return match.Success ? int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
