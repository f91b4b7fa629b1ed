namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// The loop of a background job that runs once at start and then every interval on the app's
/// clock (a fake clock in tests fires it when moved). A failed pass is logged and the job carries
/// on: a database hiccup must not end it for the life of the process.
/// </summary>
public static class PeriodicWork
{
    /// <param name="job">"The offer expiry sweep": the log line says it failed.</param>
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> pass, ILogger logger, string job,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            do
            {
                try
                {
                    await pass(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Job} failed; retrying at the next interval", job);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
