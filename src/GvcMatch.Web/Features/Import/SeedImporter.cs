using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Import;

/// <summary>
/// Loads seeds files into the database, upserting by key: organisations first (across all files),
/// then profiles, IP listings, requirements and users. Every row is validated with the same input
/// records as the API; a bad row is reported and skipped, the good ones are kept.
/// </summary>
public sealed partial class SeedImporter(
    AppDbContext db, ReferenceData.ReferenceData reference, UserManager<AppUser> users, ImportedDocuments documents, TimeProvider clock, ILogger<SeedImporter> logger)
{
    /// <summary>Rows saved per transaction: big enough to be fast, small enough to keep the change tracker cheap.</summary>
    public const int BatchSize = 500;

    public const long MaxFileBytes = 10 * 1024 * 1024;

    private sealed record RowResult(RowOutcome Outcome, IReadOnlyList<ImportError> Errors);

    /// <summary>
    /// Called with each batch about to be committed (its rows applied to the context, not yet saved):
    /// whatever it stages in the <see cref="AppDbContext"/> is saved in the same SaveChanges and
    /// transaction as the batch, so it is committed exactly when the batch is (the import's audit).
    /// </summary>
    public Func<ImportBatch, CancellationToken, Task>? BeforeBatchSave { get; set; }

    private sealed record OrgRef(int Id, OrganizationKind Kind);

    /// <summary>Reads a file from disk; a missing, oversized or malformed file comes back with its <see cref="SeedFile.FileError"/> set.</summary>
    public static SeedFile ReadFile(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Unreadable(name, "The file does not exist.");
            if (info.Length > MaxFileBytes) return Unreadable(name, $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.");
            var file = SeedFileReader.Read(name, File.ReadAllBytes(path));
            file.Folder = info.DirectoryName;
            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable(name, $"The file could not be read: {e.Message}");
        }
    }

    public static SeedFile Unreadable(string name, string message) =>
        new(name) { FileError = new ImportError(name, null, null, message) };

    /// <summary>
    /// Loads the files. Only an import run on the server (<see cref="ImportOrigin.Command"/>) may make
    /// platform admins: an uploaded file's <c>isAdmin</c> is reported as ignored, so a forged or
    /// careless upload can never grant the platform's highest right.
    /// </summary>
    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<SeedFile> files, ImportOrigin origin, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var report = new ImportReport();
        var today = clock.Today();
        foreach (var file in files)
        {
            if (file.DatesRelativeTo is { } written && written != today)
            {
                file.ShiftDates(today.DayNumber - written.DayNumber);
                file.DatesRelativeTo = today;
            }
            report.Files.Add(file.Name);
            if (file.FileError is not null) report.FileErrors.Add(file.FileError);
            report.Errors.AddRange(file.Errors);
            // Elements that could not be deserialised count as rejected rows of their kind.
            report.Organizations.Rejected += file.Malformed.GetValueOrDefault("organizations");
            report.IpListings.Rejected += file.Malformed.GetValueOrDefault("ipListings");
            report.Requirements.Rejected += file.Malformed.GetValueOrDefault("requirements");
            report.Users.Rejected += file.Malformed.GetValueOrDefault("users");
        }

        var organizations = Unique(files.SelectMany(f => f.Organizations).ToList(), r => r.Key, OrganizationLimits.Key, report, report.Organizations);
        var profiles = organizations.Where(r => r.Value.Profile is not null).ToList();
        var total = files.Sum(f => f.RowCount) + profiles.Count;
        var done = 0;
        void Advance(int rows)
        {
            done += rows;
            progress?.Invoke(Math.Min(done, total), total);
        }
        progress?.Invoke(0, total);
        Advance(files.Sum(f => f.Organizations.Count) - organizations.Count);

        db.ChangeTracker.Clear();
        var accepted = await SaveInBatchesAsync("Organisations", organizations, report.Organizations, report, ApplyOrganizationsAsync, Advance, ct);
        var acceptedProfiles = profiles.Where(p => accepted.Contains(p)).ToList();
        Advance(profiles.Count - acceptedProfiles.Count);
        var folders = files.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Folder);
        var savedProfiles = await SaveInBatchesAsync("Profiles", acceptedProfiles, report.Profiles, report,
            (rows, c) => ApplyProfilesAsync(rows, folders, origin, c), Advance, ct);
        await ForgetReplacedDocumentsAsync(ct);

        var ipListings = Unique(files.SelectMany(f => f.IpListings).ToList(), r => r.Key, IpListings.IpListingLimits.Key, report, report.IpListings);
        var requirements = Unique(files.SelectMany(f => f.Requirements).ToList(), r => r.Key, Requirements.RequirementLimits.Key, report, report.Requirements);
        Advance(files.Sum(f => f.IpListings.Count + f.Requirements.Count) - ipListings.Count - requirements.Count);
        var orgs = await LoadOrganizationRefsAsync(
            ipListings.Select(r => r.Value.Organization).Concat(requirements.Select(r => r.Value.Organization))
                .Concat(files.SelectMany(f => f.Users).Select(u => u.Value.Organization)), ct);
        await SaveInBatchesAsync("IP listings", ipListings, report.IpListings, report, (rows, c) => ApplyIpListingsAsync(rows, orgs, c), Advance, ct);
        var savedRequirements = await SaveInBatchesAsync("Requirements", requirements, report.Requirements, report, (rows, c) => ApplyRequirementsAsync(rows, orgs, c), Advance, ct);
        report.UnknownStandards.AddRange(await ImportedStandards.UnknownAsync(
            db, acceptedProfiles.Where(savedProfiles.Contains).ToList(), requirements.Where(savedRequirements.Contains).ToList(), ct));
        await ImportUsersAsync(files.SelectMany(f => f.Users).ToList(), orgs, origin, report, Advance, ct);

        // Rows were checked kind by kind; list the problems in file and line order, as an editor reads them.
        var order = files.Select((f, i) => (f.Name, i)).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().i);
        var sorted = report.Errors.OrderBy(e => order.GetValueOrDefault(e.File)).ThenBy(e => e.Line ?? 0).ToList();
        report.Errors.Clear();
        report.Errors.AddRange(sorted);

        logger.LogInformation("Imported {Files}: {Summary}", string.Join(", ", report.Files), report.Summary());
        return report;
    }

    /// <summary>Rejects rows without a usable key, and a second row with a key already seen in this run.</summary>
    private static List<SeedRow<T>> Unique<T>(List<SeedRow<T>> rows, Func<T, string?> key, int maxLength, ImportReport report, KindCounts counts)
    {
        var seen = new Dictionary<string, SeedRow<T>>(StringComparer.Ordinal);
        var result = new List<SeedRow<T>>(rows.Count);
        foreach (var row in rows)
        {
            var k = key(row.Value)?.Trim();
            string? problem = string.IsNullOrEmpty(k) ? "This field is required."
                : k.Length > maxLength ? $"At most {maxLength} characters (got {k.Length})."
                : seen.TryGetValue(k, out var first) ? $"The key '{k}' is used again (first at {first.Where})."
                : null;
            if (problem is not null)
            {
                report.Errors.Add(new ImportError(row.File, row.Line, "key", problem));
                counts.Rejected++;
                continue;
            }
            seen[k!] = row;
            result.Add(row);
        }
        return result;
    }

    private async Task<HashSet<SeedRow<T>>> SaveInBatchesAsync<T>(
        string kind, IReadOnlyList<SeedRow<T>> rows, KindCounts counts, ImportReport report,
        Func<IReadOnlyList<SeedRow<T>>, CancellationToken, Task<List<RowResult>>> apply, Action<int> advance, CancellationToken ct)
    {
        var accepted = new HashSet<SeedRow<T>>(ReferenceEqualityComparer.Instance);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            List<RowResult> results;
            try
            {
                results = await ApplyAndSaveAsync(kind, batch, apply, ct);
            }
            catch (DbUpdateException failed)
            {
                // One row broke the batch (a constraint the validation cannot see): retry row by row to find it.
                db.ChangeTracker.Clear();
                results = batch.Length == 1 ? [SaveFailed(batch[0], failed)] : await SaveOneByOneAsync(kind, batch, apply, ct);
            }
            for (var i = 0; i < batch.Length; i++)
            {
                counts.Count(results[i].Outcome);
                report.Errors.AddRange(results[i].Errors);
                if (results[i].Outcome != RowOutcome.Rejected) accepted.Add(batch[i]);
            }
            advance(batch.Length);
        }
        return accepted;
    }

    private async Task<List<RowResult>> SaveOneByOneAsync<T>(
        string kind, IReadOnlyList<SeedRow<T>> batch, Func<IReadOnlyList<SeedRow<T>>, CancellationToken, Task<List<RowResult>>> apply, CancellationToken ct)
    {
        var results = new List<RowResult>(batch.Count);
        foreach (var row in batch)
        {
            try
            {
                results.AddRange(await ApplyAndSaveAsync(kind, [row], apply, ct));
            }
            catch (DbUpdateException failed)
            {
                db.ChangeTracker.Clear();
                results.Add(SaveFailed(row, failed));
            }
        }
        return results;
    }

    private static RowResult SaveFailed<T>(SeedRow<T> row, DbUpdateException failed) =>
        new(RowOutcome.Rejected, [new ImportError(row.File, row.Line, null, $"Could not be saved: {(failed.InnerException ?? failed).Message}")]);

    private async Task<List<RowResult>> ApplyAndSaveAsync<T>(
        string kind, IReadOnlyList<SeedRow<T>> batch, Func<IReadOnlyList<SeedRow<T>>, CancellationToken, Task<List<RowResult>>> apply, CancellationToken ct)
    {
        List<RowResult> results;
        try
        {
            results = await apply(batch, ct);
            var written = ImportBatch.Of(kind, results.Select(r => r.Outcome));
            if (BeforeBatchSave is { } record && written.Writes) await record(written, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            DiscardStagedDocuments();
            throw;
        }
        _stagedDocuments.Clear();
        db.ChangeTracker.Clear();
        return results;
    }

    private async Task<Dictionary<string, OrgRef>> LoadOrganizationRefsAsync(IEnumerable<string?> keys, CancellationToken ct)
    {
        var map = new Dictionary<string, OrgRef>(StringComparer.Ordinal);
        foreach (var chunk in keys.OfType<string>().Select(k => k.Trim()).Distinct().Chunk(BatchSize))
        {
            var found = await db.Organizations.AsNoTracking().Where(o => chunk.Contains(o.Key))
                .Select(o => new { o.Key, o.Id, o.Kind }).ToListAsync(ct);
            foreach (var o in found) map[o.Key] = new OrgRef(o.Id, o.Kind);
        }
        return map;
    }

    private static RowResult Ok(RowOutcome outcome) => new(outcome, []);

    private static RowResult Rejected<T>(SeedRow<T> row, Errors errors) =>
        new(RowOutcome.Rejected, errors.ToDictionary()
            .SelectMany(e => e.Value.Select(m => new ImportError(row.File, row.Line, e.Key, m))).ToList());

    private static RowResult Rejected<T>(SeedRow<T> row, string field, string message) =>
        new(RowOutcome.Rejected, [new ImportError(row.File, row.Line, field, message)]);
}
