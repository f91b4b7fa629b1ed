using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Import;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Import;

public sealed class ImportCommandTests : IAsyncLifetime
{
    private ImportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ImportTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheExitCodeSaysWhetherEverythingSomeRowsOrAFileFailed()
    {
        Assert.Equal(0, await ImportCommand.ImportAsync(_host.Services, [RepoPaths.Fixture("good.json")], CancellationToken.None));
        Assert.Equal(1, await ImportCommand.ImportAsync(_host.Services, [RepoPaths.Fixture("bad-rows.json")], CancellationToken.None));
        Assert.Equal(2, await ImportCommand.ImportAsync(_host.Services, [RepoPaths.Fixture("no-such-file.json")], CancellationToken.None));
        Assert.Equal(2, await ImportCommand.ImportAsync(_host.Services, [RepoPaths.Fixture("broken.json"), RepoPaths.Fixture("good.json")], CancellationToken.None));
    }

    [Fact]
    public async Task ACommandLineImportIsAuditedWithItsFilesRowsAndTheCommandLineAsItsSource()
    {
        Assert.Equal(1, await ImportCommand.ImportAsync(_host.Services, [RepoPaths.Fixture("good.json"), RepoPaths.Fixture("bad-rows.json")], CancellationToken.None));

        // One summary for the run (each committed batch has an import.batch entry of its own: ImportBatchAuditTests).
        var entry = Assert.Single(await _host.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == AuditActions.ImportRun).ToListAsync()));
        Assert.Equal(AuditActions.ImportRun, entry.Action);
        Assert.Null(entry.ActorUserId);
        Assert.Null(entry.RemoteAddress);
        Assert.Equal("good.json, bad-rows.json", entry.TargetName);
        Assert.StartsWith($"Command line (as {Environment.UserName} on {Environment.MachineName}); 2 file(s),", entry.Reason);
        Assert.Contains("requirements: 5 created, 0 updated, 0 unchanged, 5 rejected", entry.Reason);
    }

    [Fact]
    public async Task TheSummaryListsEachRejectedRowAndTheCountsPerKind()
    {
        var report = await _host.ImportAsync("good.json", "bad-rows.json");
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = ImportCommand.Print(report, output, errors);

        Assert.Equal(1, code);
        Assert.Contains("criteria[1].weight: A weighted criterion needs a weight between 1 and 100.", errors.ToString());
        // One line per problem: eight rejected rows, one of them (the weak password) breaking three rules.
        Assert.Equal(10, errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Matches(@"Requirements\s+5\s+0\s+0\s+5", output.ToString());
    }

    [Fact]
    public void TheProgressBarIsRewrittenInPlaceOnATerminalAndPrintedAsLinesOtherwise()
    {
        Assert.Equal("[###############---------------] 200/400", ConsoleProgress.Bar(200, 400));

        var terminal = new StringWriter();
        var bar = new ConsoleProgress(terminal, interactive: true);
        bar.Report(0, 4);
        bar.Report(2, 4);
        bar.Report(4, 4);
        Assert.StartsWith("\r[", terminal.ToString());
        Assert.EndsWith("] 4/4" + Environment.NewLine, terminal.ToString());
        Assert.Equal(3, terminal.ToString().Count(c => c == '\r'));

        var log = new StringWriter();
        var plain = new ConsoleProgress(log, interactive: false);
        for (var i = 0; i <= 100; i++) plain.Report(i, 100);
        var lines = log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\r', log.ToString());
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("100/100", lines[^1]);
    }
}
