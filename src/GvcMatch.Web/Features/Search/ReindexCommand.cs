using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Search;

/// <summary>The <c>reindex</c> command: rebuilds the search index from the database with a progress bar.</summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var rebuild = services.GetRequiredService<SearchRebuild>();
        var bar = ConsoleProgress.ForConsole();
        var started = DateTime.UtcNow;
        await rebuild.RunAsync(new Progress<RebuildStatus>(s => bar.Report((int)s.Done, (int)s.Total)), ct);
        var status = rebuild.Status;
        var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
        Console.WriteLine($"Indexed {status.Done} documents in {seconds:0.0} s ({status.Done / seconds:0} documents/s).");
        return 0;
    }
}
