using GvcMatch.Web.Infrastructure;
namespace GvcMatch.Web.Features.Import;

/// <summary>The <c>seed</c> and <c>import FILE...</c> commands: a progress bar, the rejected rows and a summary.</summary>
public static class ImportCommand
{
    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var files = seeder.DemoFiles();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"No demo files (*.json) in {seeder.DemoFolder}.");
            return 2;
        }
        Console.WriteLine($"Loading {files.Count} demo file(s) from {seeder.DemoFolder}");
        var report = await seeder.LoadAsync(files, ConsoleProgress.ForConsole().Report, ct);
        return Print(report);
    }

    public static async Task<int> ImportAsync(IServiceProvider services, string[] files, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ImportAudit>();
        var seedFiles = files.Select(SeedImporter.ReadFile).ToList();
        var report = await importer.ImportAsync(seedFiles, ImportOrigin.Command, null, ConsoleProgress.ForConsole().Report, ct);
        return Print(report);
    }

    /// <summary>Writes the problems to standard error and the counts to standard output; returns the exit code.</summary>
    public static int Print(ImportReport report, TextWriter? output = null, TextWriter? errors = null)
    {
        output ??= Console.Out;
        errors ??= Console.Error;
        foreach (var error in report.FileErrors) errors.WriteLine($"error: {error}");
        foreach (var error in report.Errors) errors.WriteLine($"rejected: {error}");
        output.WriteLine($"{"",-14}{"created",9}{"updated",9}{"unchanged",11}{"rejected",10}");
        foreach (var (kind, c) in report.Kinds)
            output.WriteLine($"{kind,-14}{c.Created,9}{c.Updated,9}{c.Unchanged,11}{c.Rejected,10}");
        output.WriteLine(report.ExitCode switch
        {
            0 => "Everything was loaded.",
            1 => $"{report.Errors.Count} problem(s): the rows listed above were not loaded; the others were.",
            _ => $"{report.FileErrors.Count} file(s) could not be read; nothing was loaded from them.",
        });
        return report.ExitCode;
    }
}
