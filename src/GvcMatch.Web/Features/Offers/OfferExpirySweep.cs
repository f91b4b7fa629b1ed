using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Offers;

/// <summary>Expires out-of-date offers at start and then every <see cref="OffersOptions.ExpirySweepInterval"/>.</summary>
public sealed class OfferExpirySweep(IServiceScopeFactory scopes, IOptions<OffersOptions> options, TimeProvider clock, ILogger<OfferExpirySweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var expired = await scope.ServiceProvider.GetRequiredService<OfferService>().ExpireDueAsync(stoppingToken);
                    if (expired > 0) logger.LogInformation("Expired {Count} offers past their validity date", expired);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database hiccup must not end the sweep for the life of the process.
                    logger.LogError(ex, "The offer expiry sweep failed; retrying at the next interval");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
