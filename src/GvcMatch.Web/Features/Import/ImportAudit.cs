using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;

namespace GvcMatch.Web.Features.Import;

/// <summary>
/// Records an import in the audit trail: which files, how many rows of each kind, by whom and from
/// where. An import commits in batches of <see cref="SeedImporter.BatchSize"/> rows, so its entry
/// cannot share one SaveChanges with all of them; it is written when the run ends, and also when
/// the run fails part-way, so rows already committed are never left without an entry.
/// </summary>
public sealed class ImportAudit(SeedImporter importer, AuditTrail audit, AppDbContext db)
{
    /// <param name="actorUserId">The admin who uploaded; null for the command line, which is named in the entry instead.</param>
    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<SeedFile> files, ImportOrigin origin, string? actorUserId, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var names = string.Join(", ", files.Select(f => f.Name));
        var how = origin == ImportOrigin.Command ? $"Command line (as {Environment.UserName} on {Environment.MachineName})" : "Upload";
        ImportReport report;
        try
        {
            report = await importer.ImportAsync(files, origin, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            try
            {
                await RecordAsync(actorUserId, names, $"{how}; failed part-way ({e.GetType().Name}): rows committed before the failure stay.", CancellationToken.None);
            }
            catch (Exception)
            {
                // The database that failed the import may refuse the entry too; the import's own error is the one to report.
            }
            throw;
        }
        var rows = report.Kinds.Sum(k => k.Counts.Total);
        await RecordAsync(actorUserId, names, $"{how}; {files.Count} file(s), {rows} row(s). {report.Summary()}.", ct);
        return report;
    }

    private async Task RecordAsync(string? actorUserId, string names, string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await audit.AddAsync(actorUserId, AuditActions.ImportRun, new AuditTarget(AuditTargets.Import, names, names), reason: reason, ct: ct);
        await db.SaveChangesAsync(ct);
    }
}
