using System.Diagnostics;
using System.Globalization;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consolidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GvcMatch.Benchmarks.Consolidation;

/// <summary>
/// <c>notice --data DIR [--affected 10000] [--open 2000] [--budget-seconds 600]</c> over a folder made by
/// <c>generate --target db</c>: prepares the buyer, its awarded suppliers and other buyers' open
/// requirements once (<see cref="NoticeData"/>), publishes a new consolidation notice of ISIC 2592
/// through the app's own service and runs the app's <see cref="AffectedJob"/> on it end to end
/// (affected set, scores, notification rows, re-matching), printing the job's saved progress each
/// second, its phases, wall and CPU seconds (the process's, so the job's own threads count) and the
/// load average.
/// </summary>
public static class NoticeBenchmark
{
    public static async Task<int> RunAsync(Args args)
    {
        var folder = Path.GetFullPath(args.Required("data"));
        var affected = args.Int("affected", 10_000);
        await using var app = AppHost.Build(folder, new Dictionary<string, string?> { ["Matching:Semantic:Enabled"] = "false" });
        await DatabaseStartup.MigrateAsync(app.Services);
        Console.WriteLine($"notice: {folder}; preparing {affected:N0} awarded suppliers once");
        var buyer = await NoticeData.PrepareAsync(app.Services, affected, args.Int("open", 2_000));
        var notice = await PublishAsync(app.Services, buyer);
        var job = app.Services.GetServices<IHostedService>().OfType<AffectedJob>().Single();

        Console.WriteLine($"Start: {Machine.Describe()}");
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(args.Int("budget-seconds", 600)));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var run = job.RunAsync(notice, budget.Token);
        while (await Task.WhenAny(run, Task.Delay(1000)) != run)
        {
            var (processed, total) = await ProgressAsync(app.Services, notice);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {watch.Elapsed.TotalSeconds,5:0.0} s: {processed:N0} of {total:N0} saved"));
        }
        AffectedRun? phases = null;
        try
        {
            phases = await run;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopped at the budget.");
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var (done, of) = await ProgressAsync(app.Services, notice);

        Console.WriteLine($"End: {Machine.Describe()}");
        Console.WriteLine("| affected saved | of | wall s | CPU s | per supplier (ms wall) | find | score | re-match | write + notify |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {done:N0} | {of:N0} | {seconds:0.00} | {cpuSeconds:0.00} | {seconds * 1000 / Math.Max(1, done):0.00} | {S(phases?.Find)} | {S(phases?.Score)} | {S(phases?.Rematch)} | {S(phases?.Write)} |"));
        Console.WriteLine(seconds <= 5 && done == of ? "Within the 5 s target." : "Not within the 5 s target.");
        return 0;
    }

    private static string S(TimeSpan? t) => t is { } x ? x.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s" : "–";

    private static async Task<int> PublishAsync(IServiceProvider services, int buyer)
    {
        await using var scope = services.CreateAsyncScope();
        var consolidation = scope.ServiceProvider.GetRequiredService<ConsolidationService>();
        var input = new NoticeInput
        {
            Title = "Fewer machining suppliers",
            Reason = "Consolidating machined housings to suppliers with environmental certification.",
            IsicCodes = ["2592"],
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CertificationHeld, Weight = 30, Standard = "ISO 14001" },
                new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 40, Days = 20 },
                new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 30, Keywords = ["CNC machining", "anodizing"] },
            ],
            DecisionDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(consolidation.MinimumNoticeDays + 10),
        };
        var notice = await consolidation.CreateAsync(buyer, input, CancellationToken.None);
        if (await consolidation.PublishAsync(notice, CancellationToken.None) is { } refused) throw new InvalidOperationException(refused);
        return notice.Id;
    }

    private static async Task<(int Processed, int Total)> ProgressAsync(IServiceProvider services, int notice)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var n = await db.ConsolidationNotices.AsNoTracking().Where(x => x.Id == notice).Select(x => new { x.AffectedProcessed, x.AffectedTotal }).SingleAsync();
        return (n.AffectedProcessed, n.AffectedTotal);
    }
}
