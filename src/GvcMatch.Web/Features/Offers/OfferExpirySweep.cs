using GvcMatch.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Offers;

/// <summary>Expires out-of-date offers at start and then every <see cref="OffersOptions.ExpirySweepInterval"/>.</summary>
public sealed class OfferExpirySweep(IServiceScopeFactory scopes, IOptions<OffersOptions> options, TimeProvider clock, ILogger<OfferExpirySweep> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Value.ExpirySweepInterval, clock, SweepAsync, logger, "The offer expiry sweep", stoppingToken);

    private async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var expired = await scope.ServiceProvider.GetRequiredService<OfferService>().ExpireDueAsync(ct);
        if (expired > 0) logger.LogInformation("Expired {Count} offers past their validity date", expired);
    }
}
