using System.Collections.Concurrent;
using GvcMatch.Web.Commands;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Operations;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Operations;

public sealed class BackupRestoreTests(SqliteApp app) : IClassFixture<SqliteApp>, IDisposable
{
    private readonly List<string> _folders = [];

    private string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("gvcmatch-backup-").FullName;
        _folders.Add(folder);
        return folder;
    }

    private async Task<(int Code, string Output, string Errors)> BackupAsync(string outFolder)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await BackupCommand.RunAsync(app.Services, outFolder, output, errors, interactive: false, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    private static async Task<(int Code, string Output, string Errors)> RestoreAsync(string dataFolder, string from, bool force = false)
    {
        await using var host = CommandHost.For(dataFolder);
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await RestoreCommand.RunAsync(host.Services, from, force, output, errors, interactive: false, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task ABackupTakenWhileTheAppWritesRestoresEveryRowCommittedBeforeItAndSearchFindsTheRestoredSupplier()
    {
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile($"Precision {word} machining of aluminium parts."));
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();
        var upload = Path.Combine(app.Database.DataFolder, "attachments", "probe", "drawing.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
        await File.WriteAllBytesAsync(upload, [1, 2, 3, 4, 5]);

        // A writer that keeps committing while the backup runs.
        var committed = new ConcurrentQueue<long>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var row = new EmailOutboxEntry { To = "writer@example.test", Subject = $"row {i}", TextBody = "x", CreatedAt = DateTimeOffset.UtcNow };
                await app.WithDbAsync(async db => { db.Add(row); await db.SaveChangesAsync(); });
                committed.Enqueue(row.Id);
            }
        });
        await SearchProbe.EventuallyAsync(() => Task.FromResult(committed.Count >= 20), "the writer commits rows");
        var before = committed.ToArray();

        var backup = NewFolder();
        var (code, output, errors) = await BackupAsync(backup);
        var afterBackup = committed.Count;
        await SearchProbe.EventuallyAsync(() => Task.FromResult(committed.Count > afterBackup), "the writer keeps committing after the backup");
        await stop.CancelAsync();
        await writer;

        Assert.True(code == 0, errors);
        Assert.Contains("Database:", output);
        Assert.True(File.Exists(Path.Combine(backup, BackupManifest.FileName)));

        var restoredFolder = NewFolder();
        var restore = await RestoreAsync(restoredFolder, backup);
        Assert.True(restore.Code == 0, restore.Errors);

        await using var restored = new GvcMatchApp(new TestDatabase(Data.DatabaseProvider.Sqlite, restoredFolder, null));
        var ids = await restored.WithDbAsync(db => db.Set<EmailOutboxEntry>().Where(e => e.To == "writer@example.test").Select(e => e.Id).ToListAsync());
        Assert.Empty(before.Except(ids));
        Assert.Equal(await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == sme.Me.OrgId)).ContinueWith(t => t.Result.Name),
            await restored.WithDbAsync(db => db.Organizations.Where(o => o.Id == sme.Me.OrgId).Select(o => o.Name).SingleAsync()));
        Assert.Equal([1, 2, 3, 4, 5], await File.ReadAllBytesAsync(Path.Combine(restoredFolder, "attachments", "probe", "drawing.pdf")));

        // The old password still signs in, and the rebuilt index finds the supplier.
        using var client = await restored.SignInAsync(sme.Email, sme.Password);
        Assert.Contains(sme.Me.OrgId, await SearchProbe.SupplierIdsAsync(client, $"q={word}"));
    }

    [Fact]
    public void TheBackupLeavesOutWhatTheAppDerivesAgainTheIndexAndTheModelRewriteButKeepsEveryDocument()
    {
        var data = NewFolder();
        var database = Path.Combine(data, "gvcmatch.db");
        foreach (var file in new[] { "gvcmatch.db", "gvcmatch.db-wal", "index/segments_1", "models/all-MiniLM-L6-v2.int8.onnx", "attachments/a.pdf", "bid-documents/b.pdf", "modelsheet.txt" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(data, file))!);
            File.WriteAllText(Path.Combine(data, file), "x");
        }

        var files = BackupFiles.DataFiles(data, database, exclude: null).Select(f => BackupFiles.Relative(data, f));

        Assert.Equal(["attachments/a.pdf", "bid-documents/b.pdf", "modelsheet.txt"], files);
    }

    [Fact]
    public async Task RestoreRefusesADataFolderThatIsNotEmptyUnlessForced()
    {
        var backup = NewFolder();
        Assert.Equal(0, (await BackupAsync(backup)).Code);
        var target = NewFolder();
        await File.WriteAllTextAsync(Path.Combine(target, "keep.txt"), "someone's data");

        await using (var host = CommandHost.For(target))
            Assert.Equal(2, await CommandLine.RunAsync(host.App, "restore", ["restore", "--from", backup]));
        var refused = await RestoreAsync(target, backup);
        Assert.Equal(2, refused.Code);
        Assert.Contains("is not empty", refused.Errors);
        Assert.True(File.Exists(Path.Combine(target, "keep.txt")));
        Assert.False(File.Exists(Path.Combine(target, "gvcmatch.db")));

        var forced = await RestoreAsync(target, backup, force: true);
        Assert.True(forced.Code == 0, forced.Errors);
        Assert.False(File.Exists(Path.Combine(target, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(target, "gvcmatch.db")));
    }

    [Fact]
    public async Task ACorruptOrTamperedBackupIsRefusedWithAClearErrorAndANonZeroExitCode()
    {
        var backup = NewFolder();
        Assert.Equal(0, (await BackupAsync(backup)).Code);
        var manifest = Path.Combine(backup, BackupManifest.FileName);
        var original = await File.ReadAllTextAsync(manifest);

        await File.WriteAllTextAsync(manifest, original[..(original.Length / 2)]);
        var corrupt = await RestoreAsync(NewFolder(), backup);
        Assert.NotEqual(0, corrupt.Code);
        Assert.Contains("manifest.json is corrupt", corrupt.Errors);

        await File.WriteAllTextAsync(manifest, original.Replace("\"file\": \"gvcmatch.db\"", "\"file\": \"../../etc/passwd\""));
        Assert.Contains("leaves the backup folder", (await RestoreAsync(NewFolder(), backup)).Errors);

        await File.WriteAllTextAsync(manifest, original);
        await using (var database = File.OpenWrite(Path.Combine(backup, "gvcmatch.db")))
        {
            database.Seek(-1, SeekOrigin.End);
            database.WriteByte(0x5A);
        }
        var target = NewFolder();
        var tampered = await RestoreAsync(target, backup);
        Assert.NotEqual(0, tampered.Code);
        Assert.Contains("gvcmatch.db has changed since the backup", tampered.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public async Task BackupRefusesAFolderThatAlreadyHoldsSomething()
    {
        var folder = NewFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "older.txt"), "x");
        var (code, _, errors) = await BackupAsync(folder);
        Assert.Equal(2, code);
        Assert.Contains("is not empty", errors);
    }

    public void Dispose()
    {
        foreach (var folder in _folders) GvcMatchApp.DeleteFolder(folder);
    }
}
