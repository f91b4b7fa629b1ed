using GvcMatch.Web.Data;
using GvcMatch.Web.Features.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Import;

/// <summary>Fills an empty database with the demo data in <c>seeds/demo</c> on first start.</summary>
public sealed class DemoSeeder(AppDbContext db, SeedImporter importer, IOptions<SeedsOptions> seeds, ILogger<DemoSeeder> logger, TimeProvider clock)
{
    public string DemoFolder => Path.Combine(seeds.Value.Resolve(), "demo");

    /// <summary>The demo files in name order, so every run loads them the same way.</summary>
    public IReadOnlyList<string> DemoFiles() =>
        Directory.Exists(DemoFolder) ? Directory.GetFiles(DemoFolder, "*.json").Order(StringComparer.Ordinal).ToList() : [];

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(ct)) return;
        var files = DemoFiles();
        if (files.Count == 0)
        {
            logger.LogWarning("The database is empty and there are no demo files in {Folder}.", DemoFolder);
            return;
        }
        var report = await LoadAsync(files, null, ct);
        await DevelopmentProgrammes.DemoProgramme.SeedAsync(db, clock, ct);
        await Roadmaps.DemoRoadmap.SeedAsync(db, clock, ct);
        await Consortia.DemoGroupCertification.SeedAsync(db, clock, ct);
        if (report.Succeeded) logger.LogInformation("Loaded the demo data: {Summary}", report.Summary());
        else
        {
            logger.LogWarning("Loaded the demo data with {Count} problem(s): {Summary}", report.Errors.Count + report.FileErrors.Count, report.Summary());
            foreach (var error in report.FileErrors.Concat(report.Errors).Take(50)) logger.LogWarning("{Error}", error.ToString());
        }
    }

    public Task<ImportReport> LoadAsync(IReadOnlyList<string> files, Action<int, int>? progress, CancellationToken ct) =>
        importer.ImportAsync(files.Select(SeedImporter.ReadFile).ToList(), ImportOrigin.Command, progress, ct);
}
