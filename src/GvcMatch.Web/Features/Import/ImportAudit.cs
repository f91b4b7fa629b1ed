using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;

namespace GvcMatch.Web.Features.Import;

/// <summary>
/// Records an import in the audit trail: which files, how many rows of each kind, by whom and from
/// where. An import commits in batches of <see cref="SeedImporter.BatchSize"/> rows; each batch's
/// entry (<see cref="AuditActions.ImportBatch"/>) is staged in the same SaveChanges and transaction
/// as the batch, so a committed row always has an entry and a batch that failed has none claiming
/// it. The run's summary (<see cref="AuditActions.ImportRun"/>) is written when the run ends, and
/// also when it fails part-way, saying so.
/// </summary>
public sealed class ImportAudit(SeedImporter importer, AuditTrail audit, AppDbContext db)
{
    /// <param name="actorUserId">The admin who uploaded; null for the command line, which is named in the entry instead.</param>
    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<SeedFile> files, ImportOrigin origin, string? actorUserId, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var names = string.Join(", ", files.Select(f => f.Name));
        var how = origin == ImportOrigin.Command ? $"Command line (as {Environment.UserName} on {Environment.MachineName})" : "Upload";
        var target = new AuditTarget(AuditTargets.Import, names, names);
        importer.BeforeBatchSave = (batch, c) =>
            audit.AddAsync(actorUserId, AuditActions.ImportBatch, target, reason: $"{how}; batch of {batch}.", ct: c);
        ImportReport report;
        try
        {
            report = await importer.ImportAsync(files, origin, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            try
            {
                await RecordAsync(actorUserId, names, $"{how}; failed part-way ({e.GetType().Name}): the batches committed before the failure stay, each with its {AuditActions.ImportBatch} entry.", CancellationToken.None);
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
        importer.BeforeBatchSave = null;
        db.ChangeTracker.Clear();
        await audit.AddAsync(actorUserId, AuditActions.ImportRun, new AuditTarget(AuditTargets.Import, names, names), reason: reason, ct: ct);
        await db.SaveChangesAsync(ct);
    }
}
